import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import type { PtcLabel } from '../core/taxonomy.js';
import type { PtcDoc } from './records.js';
import { mergeOverlapping, scoreFLC, scoreSI, scoreTC } from './scorers.js';

const span = (start: number, end: number, technique: PtcLabel) => ({ start, end, technique });

// Two gold documents; B is absent from the predictions and must still count.
const gold: PtcDoc[] = [
  { id: 'A', spans: [span(0, 10, 'Loaded_Language'), span(5, 15, 'Name_Calling,Labeling'), span(20, 30, 'Doubt')] },
  { id: 'B', spans: [span(0, 4, 'Loaded_Language')] },
];
const pred: PtcDoc[] = [
  { id: 'A', spans: [span(0, 5, 'Loaded_Language'), span(3, 8, 'Name_Calling,Labeling'), span(25, 35, 'Doubt')] },
];

describe('mergeOverlapping', () => {
  it('joins overlapping spans and keeps touching ones apart', () => {
    expect(mergeOverlapping([{ start: 5, end: 15 }, { start: 0, end: 10 }, { start: 15, end: 20 }, { start: 30, end: 31 }, { start: 30, end: 35 }])).toEqual([
      { start: 0, end: 15 },
      { start: 15, end: 20 },
      { start: 30, end: 35 },
    ]);
  });
});

describe('SI', () => {
  it('scores partial overlaps of merged spans, counting documents missing from the prediction', () => {
    // gold merged: A [0,15) [20,30), B [0,4); pred merged: A [0,8) [25,35)
    // precision sums: 8/8 + 5/10 = 1.5 over 2 spans; recall sums: 8/15 + 5/10 over 3 spans
    const s = scoreSI(gold, pred);
    const p = 1.5 / 2;
    const r = (8 / 15 + 0.5) / 3;
    expect(s.predSpans).toBe(2);
    expect(s.goldSpans).toBe(3);
    expect(s.p).toBeCloseTo(p, 12);
    expect(s.r).toBeCloseTo(r, 12);
    expect(s.f1).toBeCloseTo((2 * p * r) / (p + r), 12);
    expect(s.f1).toBeCloseTo(0.472081, 5);
  });

  it('gives one predicted span credit against every gold span it overlaps', () => {
    const g: PtcDoc[] = [{ id: 'x', spans: [span(0, 5, 'Doubt'), span(5, 10, 'Slogans')] }];
    const p: PtcDoc[] = [{ id: 'x', spans: [span(0, 10, 'Doubt')] }];
    const s = scoreSI(g, p);
    expect(s.p).toBeCloseTo(1, 12); // 5/10 + 5/10 over one span
    expect(s.r).toBeCloseTo(1, 12); // 1 + 1 over two spans
  });

  it('is zero when nothing is predicted, and rejects predictions for unknown documents', () => {
    expect(scoreSI(gold, []).f1).toBe(0);
    expect(() => scoreSI(gold, [{ id: 'Z', spans: [] }])).toThrow(UserError);
    expect(() => scoreSI(gold, [{ id: 'Z', spans: [] }])).toThrow(/"Z"/);
  });
});

describe('FLC', () => {
  it('pairs spans of the same technique only', () => {
    // LL: pred [0,5) vs gold [0,10): p 1, r 0.5; NC: pred [3,8) vs gold [5,15): p 3/5, r 3/10;
    // Doubt: p 0.5, r 0.5; B's LL gold span has no prediction. 3 predicted, 4 gold spans.
    const s = scoreFLC(gold, pred);
    const p = (1 + 0.6 + 0.5) / 3;
    const r = (0.5 + 0.3 + 0.5) / 4;
    expect(s.p).toBeCloseTo(p, 12);
    expect(s.r).toBeCloseTo(r, 12);
    expect(s.f1).toBeCloseTo(0.443902, 5);
    expect(s.perTechnique.Loaded_Language.r).toBeCloseTo((0.5 + 0) / 2, 12);
    expect(s.perTechnique.Loaded_Language.p).toBeCloseTo(1, 12);
    expect(s.perTechnique['Name_Calling,Labeling'].f1).toBeCloseTo((2 * 0.6 * 0.3) / 0.9, 12);
    expect(s.perTechnique.Slogans).toEqual({ p: 0, r: 0, f1: 0, predSpans: 0, goldSpans: 0 });
  });

  it('merges overlaps within a technique but not across techniques', () => {
    const g: PtcDoc[] = [{ id: 'x', spans: [span(0, 10, 'Loaded_Language'), span(5, 15, 'Loaded_Language'), span(0, 10, 'Doubt')] }];
    const p: PtcDoc[] = [{ id: 'x', spans: [span(0, 15, 'Loaded_Language')] }];
    const s = scoreFLC(g, p);
    // LL gold merges to [0,15): exact hit; the Doubt span on the same characters gets nothing.
    expect(s.goldSpans).toBe(2);
    expect(s.p).toBeCloseTo(1, 12);
    expect(s.r).toBeCloseTo(0.5, 12);
  });
});

describe('TC', () => {
  const tg: PtcDoc[] = [
    { id: 'A', spans: [span(0, 10, 'Loaded_Language'), span(0, 10, 'Repetition'), span(20, 30, 'Doubt'), span(40, 50, 'Name_Calling,Labeling')] },
    { id: 'B', spans: [span(0, 4, 'Slogans')] },
  ];
  const tp: PtcDoc[] = [
    // Listed in an order that a naive pairwise comparison would score as two misses.
    { id: 'A', spans: [span(0, 10, 'Name_Calling,Labeling'), span(0, 10, 'Repetition'), span(20, 30, 'Doubt'), span(60, 70, 'Loaded_Language')] },
  ];

  it('aligns several techniques on one span to maximise matches and computes micro-F1', () => {
    const s = scoreTC(tg, tp);
    expect(s.goldInstances).toBe(5);
    expect(s.predInstances).toBe(3); // the prediction at 60..70 is no gold span: ignored
    expect(s.correct).toBe(2);
    expect(s.microP).toBeCloseTo(2 / 3, 12);
    expect(s.microR).toBeCloseTo(2 / 5, 12);
    expect(s.microF1).toBeCloseTo(0.5, 12);
  });

  it('gives per-technique P/R/F1 and a confusion matrix with a no-prediction column', () => {
    const s = scoreTC(tg, tp);
    expect(s.perTechnique.Repetition).toEqual({ p: 1, r: 1, f1: 1, gold: 1, pred: 1, correct: 1 });
    expect(s.perTechnique['Name_Calling,Labeling']).toEqual({ p: 0, r: 0, f1: 0, gold: 1, pred: 1, correct: 0 });
    expect(s.perTechnique.Loaded_Language).toEqual({ p: 0, r: 0, f1: 0, gold: 1, pred: 0, correct: 0 });
    expect(s.confusion.Loaded_Language['Name_Calling,Labeling']).toBe(1);
    expect(s.confusion.Repetition.Repetition).toBe(1);
    expect(s.confusion.Doubt.Doubt).toBe(1);
    expect(s.confusion['Name_Calling,Labeling']['(none)']).toBe(1);
    expect(s.confusion.Slogans['(none)']).toBe(1);
    const total = Object.values(s.confusion).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(5);
  });

  it('equals accuracy when every gold instance gets exactly one prediction', () => {
    const p: PtcDoc[] = [
      { id: 'A', spans: [span(0, 10, 'Repetition'), span(0, 10, 'Repetition'), span(20, 30, 'Doubt'), span(40, 50, 'Doubt')] },
      { id: 'B', spans: [span(0, 4, 'Slogans')] },
    ];
    const s = scoreTC(tg, p);
    // Repetition predicted twice on a span whose gold is {LL, Repetition}: one match only.
    expect(s.correct).toBe(3);
    expect(s.microF1).toBeCloseTo(3 / 5, 12);
    expect(s.perTechnique.Repetition.p).toBeCloseTo(0.5, 12);
    expect(s.perTechnique.Doubt.p).toBeCloseTo(0.5, 12);
  });
});
