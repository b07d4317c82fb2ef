import { describe, expect, it } from 'vitest';
import { documentF1, labelKey, scoreLevel, scoreNarratives, withOther } from './narratives.js';

describe('narrative labels', () => {
  it('compare after normalising quotes, spaces, dashes and case', () => {
    expect(labelKey('URW: Discrediting Ukraine: Rewriting Ukraine’s history')).toBe(labelKey("URW:  Discrediting Ukraine:Rewriting Ukraine's history"));
    expect(labelKey('CC: Amplifying Climate Fears')).toBe('cc: amplifying climate fears');
  });

  it('write an empty set, or one of only "Other", as {"Other"}', () => {
    expect(withOther([])).toEqual(['Other']);
    expect(withOther(['Other'])).toEqual(['Other']);
    expect(withOther(['A', 'other'])).toEqual(['A']);
  });
});

describe('samples-averaged F1 (SemEval-2025 Task 10 subtask 2)', () => {
  it('is 2|G∩P| / (|G| + |P|) per document, averaged', () => {
    // Hand-computed: doc 1: G {A, B}, P {A} -> 2*1/3; doc 2: G {Other}, P {Other} -> 1;
    // doc 3: G {C}, P {Other} -> 0; doc 4: G {A}, P {A, C} -> 2*1/3.
    const gold = [['A', 'B'], ['Other'], ['C'], ['A']];
    const pred = [['A'], [], ['Other'], ['A', 'C']];
    expect(documentF1(gold[0]!, pred[0]!)).toBeCloseTo(2 / 3, 12);
    const s = scoreLevel(gold, pred);
    expect(s.f1).toBeCloseTo((2 / 3 + 1 + 0 + 2 / 3) / 4, 12);
    // Documents carrying a narrative: 1, 3 and 4.
    expect(s.carrying).toBe(3);
    expect(s.f1Carrying).toBeCloseTo((2 / 3 + 0 + 2 / 3) / 3, 12);
    const a = s.perLabel.find((l) => l.label === 'A')!;
    expect(a).toMatchObject({ support: 2, tp: 2, fp: 0, fn: 0, f1: 1 });
    const c = s.perLabel.find((l) => l.label === 'C')!;
    // C: gold in doc 3 (missed), predicted in doc 4 (wrong): P 0, R 0.
    expect(c).toMatchObject({ support: 1, tp: 0, fp: 1, fn: 1, f1: 0 });
    const other = s.perLabel.find((l) => l.label === 'Other')!;
    // Other: gold in doc 2 (found); predicted in docs 2 and 3: P 1/2, R 1, F1 2/3.
    expect(other.precision).toBeCloseTo(0.5, 12);
    expect(other.recall).toBe(1);
    expect(other.f1).toBeCloseTo(2 / 3, 12);
  });

  it('gives "Other" everywhere the share of documents without a narrative', () => {
    const gold = [['Other'], ['A'], ['Other'], ['B', 'C']];
    const s = scoreLevel(gold, gold.map(() => ['Other']));
    expect(s.f1).toBe(0.5);
    expect(s.f1Carrying).toBe(0);
  });

  it('scores sub-narratives with "<narrative>: Other" as a label of its own, only where gold annotates them', () => {
    const gold = [
      { id: '1', narratives: ['N1'], subnarratives: ['N1: Other'] },
      { id: '2', narratives: ['N1', 'N2'], subnarratives: ['N1: s1', 'N2: Other'] },
      { id: '3', narratives: ['N2'] },
    ];
    const pred = [
      { id: '1', narratives: ['N1'], subnarratives: ['N1: s1'] },
      { id: '2', narratives: ['N1'], subnarratives: ['N1: s1'] },
      { id: '3', narratives: ['Other'], subnarratives: ['Other'] },
    ];
    const r = scoreNarratives(gold, pred);
    // Narratives: 1, 2*1/3, 0.
    expect(r.narratives.f1).toBeCloseTo((1 + 2 / 3 + 0) / 3, 12);
    // Sub-narratives over records 1 and 2: 0 and 2*1/3.
    expect(r.subnarratives!.documents).toBe(2);
    expect(r.subnarratives!.f1).toBeCloseTo((0 + 2 / 3) / 2, 12);
  });

  it('refuses unpaired sets', () => {
    expect(() => scoreLevel([['A']], [])).toThrow(/1 gold sets but 0/);
  });
});
