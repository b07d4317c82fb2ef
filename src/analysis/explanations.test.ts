import { describe, expect, it } from 'vitest';
import { Analyzer } from './analyzer.js';
import { loadDefaultModel } from './model-hook.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import { segment } from '../text/segment.js';
import { settleExplanations, settleReported, type PendingExplanations } from './explanations.js';
import { finaliseFindings } from './finalise.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const model = loadDefaultModel();
const analyzer = new Analyzer();

// Written for this test: loaded wording about invented parties, both ways round.
const TEXT = 'The brutal regime of Freedonia and its cowardly thugs shelled the villages again. Every true patriot of Sylvania must stand with our nation now! The reckless warmongers of Sylvania betrayed the farmers of Freedonia.';

describe('pending explanations', () => {
  it.skipIf(!model)('collect() hands out model findings with their message and evidence written', () => {
    const run = analyzer.collect(TEXT);
    const own = run.findings.filter((f) => f.source === 'model');
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) {
      expect(f.explanation).toBeUndefined();
      expect(f.message).toMatch(/^The trained model reads this as .+\.$/);
    }
  });

  it.skipIf(!model)('analyze() reports the same messages and evidence as settling every finding first', () => {
    const report = analyzer.analyze(TEXT);
    const run = analyzer.collect(TEXT);
    const byKey = new Map(run.findings.filter((f) => f.source === 'model').map((f) => [`${f.technique}@${f.start}-${f.end}`, f]));
    const own = report.findings.filter((f) => f.source === 'model');
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) {
      // The text needs no normalisation, so canonical and original offsets agree.
      const c = byKey.get(`${f.technique}@${f.start}-${f.end}`);
      expect(c).toBeDefined();
      if (!c) continue;
      expect(f.message).toBe(c.message);
      expect((f.evidence ?? []).filter((e) => e.label !== 'also read as')).toEqual(c.evidence ?? []);
    }
  });

  it.skipIf(!model)('an explanation asked for after the model read another document refuses rather than explain the wrong words', () => {
    const pending: CollectedFinding[] = [];
    const report = (r: Parameters<Parameters<NonNullable<typeof model>['create']>[0]['report']>[0]) =>
      pending.push({ technique: r.technique!, start: r.start, end: r.end, confidence: r.confidence, message: r.message, ruleId: r.ruleId!, source: r.source!, explanation: r.explanation });
    model!.create({ doc: segment(TEXT, vocab), report, findings: [] });
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((f) => f.message === '' && typeof f.explanation === 'function')).toBe(true);
    model!.create({ doc: segment('Another text entirely, about the census in Ostrelia.', vocab), report: () => {}, findings: [] });
    expect(() => settleExplanations(pending)).toThrow(/after the next document/);
  });

  it('settles a finding once and keeps a message that needed no work', () => {
    let calls = 0;
    const f: CollectedFinding = { technique: 'loaded-language', start: 0, end: 3, confidence: 0.5, message: '', ruleId: 'x', source: 'model', explanation: () => (calls++, { message: 'written', evidence: [{ label: 'cue', text: 'y' }] }) };
    const g: CollectedFinding = { technique: 'loaded-language', start: 0, end: 3, confidence: 0.5, message: 'plain', ruleId: 'r', source: 'pattern' };
    settleExplanations([f, g]);
    settleExplanations([f, g]);
    expect(calls).toBe(1);
    expect(f).toMatchObject({ message: 'written', evidence: [{ label: 'cue', text: 'y' }] });
    expect(f.explanation).toBeUndefined();
    expect(g.message).toBe('plain');
  });

  it('finalising passes explanations on, and only the findings that stay get theirs written', () => {
    const doc = segment('Brutal thugs. Reckless warmongers.', vocab);
    let calls = 0;
    const explanation = () => (calls++, { message: 'why', evidence: [{ label: 'trigger', text: 'Brutal' }] });
    const inner: CollectedFinding = { technique: 'loaded-language', start: 0, end: 6, confidence: 0.6, message: '', ruleId: 'model/loaded-language', source: 'model', explanation };
    const outer: CollectedFinding = { technique: 'loaded-language', start: 0, end: 12, confidence: 0.7, message: '', ruleId: 'model/loaded-language', source: 'model', explanation };
    const low: CollectedFinding = { technique: 'loaded-language', start: 14, end: 22, confidence: 0.1, message: '', ruleId: 'model/loaded-language', source: 'model', explanation };
    const pending: PendingExplanations = new Map();
    const out = finaliseFindings(doc, [inner, outer, low], 0.3, pending);
    expect(out.map((f) => [f.start, f.end])).toEqual([[0, 12]]);
    expect(calls).toBe(0);
    settleReported(out, pending);
    expect(calls).toBe(1);
    expect(Object.keys(out[0]!).slice(-2)).toEqual(['message', 'evidence']);
    expect(out[0]).toMatchObject({ message: 'why', evidence: [{ label: 'trigger', text: 'Brutal' }] });
    expect(pending.size).toBe(0);
  });
});
