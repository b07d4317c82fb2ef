import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
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
    expect(pack.evidenceRules).toBe(true);
    expect(loadPacks(['ukraine-russia-war'])[0]!.evidenceRules).toBe(false);
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

/**
 * Long wire copy written for this test: an election in Freedonia (or Sylvania) where observers are
 * mentioned in passing, and text of the same length where talks between the two are the story.
 */
const filler = [
  'Turnout was put at 64 percent, slightly above the figure of the last vote.',
  'Queues formed outside several schools in the capital before the polls opened.',
  'The commission said counting would continue through the night in the larger districts.',
  'Two candidates withdrew from the race in the final week of the campaign.',
  'Local radio stations broadcast the results of the first districts shortly after midnight.',
  'The governing party held its final rally in a sports hall on the edge of the city.',
  'A power cut delayed the count in one district for about an hour.',
  'Pensions and the price of fuel dominated the last televised debate.',
  'The result must be confirmed by the electoral court within ten days.',
  'Several polling stations in the mountains opened late because of snow.',
  'The opposition said it would study the figures before commenting.',
  'Voters in the border districts were given an extra hour to cast their ballots.',
  'A new parliament will meet for the first time next month.',
  'The president voted in his home town in the morning and did not speak to reporters.',
];

function electionWire(country: string): string {
  // Observers and monitors four times, once as a crosshead: the shipped weights before support.ts
  // chose "Peace, negotiation and guarantees" here (0.81).
  return [
    `${country} opposition disputes count as president claims victory`,
    `The opposition in ${country} said on Monday that Sunday's presidential vote had been rigged in three provinces, hours after the commission declared the president re-elected.`,
    `It said its observers had been removed from polling stations in the three provinces.`,
    ...filler.slice(0, 7),
    'OBSERVERS SPLIT',
    `A mission of 120 observers from a regional assembly said voting had been orderly but the campaign unequal.`,
    `A second delegation of monitors, invited by the ruling party, called the vote free and fair.`,
    ...filler.slice(7),
  ].join('\n\n');
}

function talksWire(a: string, b: string): string {
  return [
    `${a} and ${b} return to the negotiating table`,
    `Negotiators from ${a} and ${b} agreed on Sunday to resume peace talks after a pause of two years.`,
    `Both governments said a ceasefire along the line of contact would be the first item on the agenda.`,
    `International monitors would be deployed to verify the truce, the mediators said.`,
    `A negotiated settlement, officials on both sides said, was the only way to end the conflict.`,
    ...filler,
  ].join('\n\n');
}

describe('narratives on long texts need more than one weak cue', () => {
  const analyzer = new Analyzer({ model: null, narratives: 'disputes' });
  const peace = (text: string) => analyzer.analyze(text).narratives!.items.find((it) => it.id === 'peace-negotiation-guarantees')!;

  for (const [a, b] of [['Freedonia', 'Sylvania'], ['Sylvania', 'Freedonia']] as const) {
    it(`an election wire from ${a} that mentions observers in passing does not tell a story of peace talks`, () => {
      const text = electionWire(a);
      expect(segment(text, vocab).sentences.length).toBeGreaterThanOrEqual(LONG_TEXT);
      expect(peace(text).chosen).toBe(false);
    });

    it(`talks between ${a} and ${b}, with the same filler, still do`, () => {
      expect(peace(talksWire(a, b)).chosen).toBe(true);
    });
  }
});
