import { describe, expect, it } from 'vitest';
import { preparedVocab } from '../../lexicon/per-vocab.js';
import { segment } from '../../text/segment.js';
import { findEvidence, planEvidence } from './evidence.js';
import { loadPacks } from './pack.js';
import { standaloneSignals } from './signals.js';
import { cueSupport, documentSupport, LONG_TEXT, supportedLabels } from './support.js';

const vocab = preparedVocab();
const pack = loadPacks(['disputes'])[0]!;
const L = pack.items.length;
const PEACE = pack.items.find((it) => it.id === 'peace-negotiation-guarantees')!.index;
const LAW = pack.items.find((it) => it.id === 'international-law-recognition')!.index;

/** The explicit evidence of a text with the given sentence logits for one item (all others -1). */
function support(text: string, item: number, logits: number[]) {
  const doc = segment(text, vocab);
  const sig = standaloneSignals(doc, pack);
  const ev = findEvidence(doc, pack, planEvidence(pack), sig.parties, sig.roles);
  const z = new Float64Array(doc.sentences.length * L).fill(-1);
  logits.forEach((v, s) => (z[s * L + item] = v));
  const cues = new Float64Array(L);
  const corroborated = new Uint8Array(L);
  cueSupport(doc, ev, z, L, cues, corroborated);
  return { cues: cues[item]!, corroborated: corroborated[item]!, hits: ev.hits.filter((h) => h.item === item).length };
}

describe('explicit evidence that counts (support.ts)', () => {
  it('does not count a one-word cue in a sentence that does not lean to its narrative', () => {
    const s = support('The commission said its observers visited 60 polling stations on Sunday.', PEACE, [-2]);
    expect(s.hits).toBe(1);
    expect(s.cues).toBe(0);
    expect(s.corroborated).toBe(0);
  });

  it('counts the same word where the sentence leans to the narrative, or holds other evidence of it', () => {
    expect(support('The commission said its observers visited 60 polling stations on Sunday.', PEACE, [0.8]).cues).toBe(1);
    // "observers" beside the phrase "peace talks": both count.
    const two = support('Observers from both sides will sit at the peace talks next week.', PEACE, [-2]);
    expect(two.hits).toBe(2);
    expect(two.cues).toBe(2);
    expect(two.corroborated).toBe(1);
  });

  it('counts a cue phrase as it is', () => {
    const s = support('The ruling was described as a violation of international law.', LAW, [-2]);
    expect(s.cues).toBeGreaterThan(0);
    expect(s.corroborated).toBe(1);
  });

  it('applies only to packs that ask for it (evidenceRules): otherwise every hit counts and everything may be chosen', () => {
    // No shipped pack asks for it (held out it cost `disputes` 3 points: docs/evaluation.md); the rules are applied by flag here.
    for (const name of ['disputes', 'ukraine-russia-war', 'climate-change']) expect(loadPacks([name])[0]!.evidenceRules).toBe(false);
    const doc = segment('The commission said its observers visited 60 polling stations on Sunday.', vocab);
    const sig = standaloneSignals(doc, pack);
    const ev = findEvidence(doc, pack, planEvidence(pack), sig.parties, sig.roles);
    const z = new Float64Array(doc.sentences.length * L).fill(-2);
    const isNarr = Uint8Array.from(pack.items, (it) => (it.level === 'narrative' ? 1 : 0));
    const count = new Float64Array(L);
    const cues = new Float64Array(L);
    expect(documentSupport(false, doc, ev, z, L, count, isNarr, cues, new Uint8Array(L), new Uint8Array(L))).toBeNull();
    expect(cues[PEACE]).toBe(1);
    expect(documentSupport(true, doc, ev, z, L, count, isNarr, cues, new Uint8Array(L), new Uint8Array(L))).not.toBeNull();
    expect(cues[PEACE]).toBe(0);
  });

  it('asks a long text for two leaning sentences or a corroborated cue, and a short one for nothing', () => {
    const narrative = Uint8Array.of(1, 1, 0);
    const out = new Uint8Array(3);
    // Short text: everything may be chosen.
    expect(Array.from(supportedLabels(LONG_TEXT - 1, [0, 0, 0], [0, 0, 0], narrative, out))).toEqual([1, 1, 1]);
    // Long text: label 0 has two leaning sentences, label 1 one and no corroborated cue; label 2 is a sub-narrative.
    expect(Array.from(supportedLabels(LONG_TEXT, [2, 1, 0], [0, 0, 0], narrative, out))).toEqual([1, 0, 1]);
    expect(Array.from(supportedLabels(40, [0, 1, 0], [0, 1, 0], narrative, out))).toEqual([0, 1, 1]);
  });
});
