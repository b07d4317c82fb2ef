import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as library from '../index.js';
import { prepareVocab } from '../lexicon/per-vocab.js';
import { segment } from '../text/segment.js';
import { Vocab } from '../text/vocab.js';
import { Analyzer } from './analyzer.js';

/** Texts written for this test (both sides of one dispute), and a few of the demo corpus. */
const OWN = [
  'Freedonia accuses Sylvania of shelling border villages.\n\nThe Sylvanian defence ministry denied the claim, saying its forces "only returned fire". ' +
    'According to officials in Freedonia, at least twelve civilians were killed and 3,000 people fled. Critics say the so-called ceasefire was never real.',
  'SYLVANIA MUST ACT NOW! Everyone knows the Freedonian regime has lied again and again. Either we stand firm or we lose everything. ' +
    'Some experts believe the talks in Tarvia could resume next week, a spokesperson for the Ostrelian mediators told reporters.',
  'Zqvorn Pact talks stall as Korvani and Dastrian delegates trade blame. "We came in good faith," the Korvani envoy said; the Dastrian side called the remarks "a disgraceful smear".',
];
const DEMO = readFileSync(new URL('../../demo/corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .slice(0, 5)
  .map((l) => (JSON.parse(l) as { text: string }).text);
const TEXTS = [...OWN, ...DEMO];

const reports = (a: Analyzer, texts: readonly string[] = TEXTS): string[] => texts.map((t) => JSON.stringify(a.analyze(t)));

describe('the vocabulary is explicit', () => {
  it('is no module-level state of the library: none is exported, and a new one knows no word until structures bind to it', () => {
    expect(Object.entries(library).filter(([, x]) => x instanceof Vocab)).toEqual([]);
    const fresh = new Vocab();
    expect(fresh.size).toBe(0);
    // Every word of a text tokenised with it is local: nothing was interned anywhere at import.
    const t = segment('The government said the ministry denied it.', fresh).tokens;
    expect(Array.from(t.id).every((id) => id < 0)).toBe(true);
    expect(t.vocab).toBe(fresh);
    // Binding the library's word structures (as an Analyzer does) is what fills it.
    prepareVocab(fresh);
    expect(fresh.size).toBeGreaterThan(1000);
    expect(fresh.get('denied')).toBeGreaterThanOrEqual(0);
  });

  it('two analyzers with vocabularies of their own, run in turns, give the reports of one run alone; so does one sharing a vocabulary', () => {
    const expected = reports(new Analyzer({ model: null }));
    const a = new Analyzer({ model: null });
    const b = new Analyzer({ model: null });
    expect(a.vocab).not.toBe(b.vocab);
    const ra: string[] = [];
    const rb: string[] = [];
    for (const t of TEXTS) {
      ra.push(JSON.stringify(a.analyze(t)));
      rb.push(JSON.stringify(b.analyze(t)));
    }
    expect(ra).toEqual(expected);
    expect(rb).toEqual(expected);
    const shared = new Analyzer({ model: null, vocab: a.vocab });
    expect(shared.vocab).toBe(a.vocab);
    expect(reports(shared)).toEqual(expected);
    // The reports say something: findings and layers, not empty shells.
    expect(expected.some((r) => (JSON.parse(r) as { findings: unknown[] }).findings.length > 0)).toBe(true);
  });

  it('gives the same analysis whatever order words entered the vocabulary (ids do not matter)', () => {
    const reference = new Analyzer({ model: null });
    const expected = reports(reference);
    // Another vocabulary, filled first with other words and the texts' words in reverse order.
    const other = new Vocab();
    const words = [...new Set(TEXTS.join(' ').toLowerCase().split(/[^a-z']+/).filter(Boolean))].reverse();
    for (const w of ['zqfillerone', 'zqfillertwo', ...words]) other.intern(w);
    const reordered = new Analyzer({ model: null, vocab: other });
    expect(other.get('the')).not.toBe(reference.vocab.get('the'));
    expect(other.get('said')).not.toBe(reference.vocab.get('said'));
    expect(reports(reordered)).toEqual(expected);
  });

  it('holds with the model too (its word cache keeps ids per vocabulary)', () => {
    const texts = TEXTS.slice(0, 4);
    const expected = reports(new Analyzer(), texts);
    const a = new Analyzer();
    const b = new Analyzer();
    const ra: string[] = [];
    const rb: string[] = [];
    for (const t of texts) {
      rb.push(JSON.stringify(b.analyze(t)));
      ra.push(JSON.stringify(a.analyze(t)));
    }
    expect(ra).toEqual(expected);
    expect(rb).toEqual(expected);
  });
});
