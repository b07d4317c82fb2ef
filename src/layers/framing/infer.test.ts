import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { createLayerContext } from '../contract.js';
import { ACTORS } from '../actors/layer.js';
import { VOICE } from '../voice/product.js';
import { SOURCING } from '../sourcing/analyse.js';
import { citationSentences, docContext, keyParts, mentionFeatures, T } from './features.js';
import { shippedFramingModel } from './model.js';
import { CUE_CLASSES } from './cues.js';
import { analysisSpans, ruleFindings, sentenceClasses } from './spans.js';

const analyzer = new Analyzer({ model: null });

/** The framing classifier's document context for a text, as the layer builds it. */
function contextOf(text: string) {
  const report = analyzer.analyze(text, { layers: false });
  const doc = analyzer.segment(text);
  const ctx = createLayerContext({ doc, report, span: (s, e) => ({ start: s, end: e, text: text.slice(s, e) }), config: analyzer.config });
  const model = shippedFramingModel()!;
  const spans = analysisSpans(ctx.need(ACTORS));
  return docContext(doc, spans, ctx.need(VOICE), model.stems, ruleFindings(doc, report.findings), model.valence, sentenceClasses(ctx.need(SOURCING)));
}

const NOTES =
  'Korvani militias shelled the village of Aran on Monday, killing nine civilians.[1] Dastrian medics treated the wounded.[2]\n\n' +
  'Notes\n[1] Statement of the Dastrian interior ministry, May 2.\n[2] Report of the Korvani health office, May 3.';

describe('framing: notes and references', () => {
  it('reads the entries of a list of notes as citations, not the sentences a marker ends', () => {
    const doc = analyzer.segment(NOTES);
    const marked = doc.sentences.filter((s) => citationSentences(doc)[s.index] === 1).map((s) => doc.text.slice(doc.tokens.start[s.tokenStart]!, doc.tokens.end[s.tokenEnd - 1]!));
    expect(marked).toEqual(['Statement of the Dastrian interior ministry, May 2.', 'Report of the Korvani health office, May 3.']);
  });

  it('casts nobody in a citation: the mentions there stay unframed, the text above is read', () => {
    const actors = analyzer.analyze(NOTES).actors!;
    const noteStart = NOTES.indexOf('Notes');
    const inNotes = actors.flatMap((a) => a.mentions.filter((m) => m.start > noteStart));
    expect(inNotes.length).toBeGreaterThan(0);
    for (const m of inNotes) expect(m.role).toBe('unframed');
    const militias = actors.flatMap((a) => a.mentions).find((m) => m.text === 'Korvani militias')!;
    expect(militias.role).not.toBe('unframed');
  });
});

describe('framing: credits', () => {
  it('casts nobody in a byline or as the outlet of a dateline', () => {
    const text =
      'By Ana Petrova, The Valley Herald\n\nA commentary by the Korvanian Policy Institute\n\n' +
      'ARAN, May 2 (Dastrian Wire) - Korvani militias shelled the village of Aran on Monday, killing nine civilians.';
    const doc = analyzer.segment(text);
    expect([...citationSentences(doc)].slice(0, 2)).toEqual([1, 1]);
    const mentions = analyzer.analyze(text).actors!.flatMap((a) => a.mentions);
    const aran = text.indexOf('ARAN');
    for (const m of mentions.filter((x) => x.start < aran || x.text === 'Dastrian Wire')) expect(m.role, m.text).toBe('unframed');
    expect(mentions.find((m) => m.text === 'Korvani militias')!.role).not.toBe('unframed');
  });

  it('leaves "by" inside a sentence alone', () => {
    const doc = analyzer.segment('The dam was built by Korvani engineers in 1990.');
    expect([...citationSentences(doc)]).toEqual([0]);
  });
});

describe('framing: the party the author argues against', () => {
  it('marks every other party when the author rejects one party\'s words, the same for either side', () => {
    const text = (a: string, b: string) =>
      `${b} officials speak of "genocide". These charges are not supported by any evidence. The ${a} government has offered papers to every resident who stays.`;
    for (const [a, b] of [['Korvanian', 'Dastrian'], ['Dastrian', 'Korvanian']] as const) {
      const ctx = contextOf(text(a, b));
      const counter = ctx.spans.map((_m, k) => mentionFeatures(ctx, k).keys.filter((key) => keyParts(key).tpl === T.COUNTER).map((key) => keyParts(key).value));
      const texts = ctx.spans.map((m) => ctx.doc.text.slice(ctx.doc.tokens.start[m.a]!, ctx.doc.tokens.end[m.b - 1]!));
      // The speaker of the rejected words has no such feature; the other state has it, as a party of the same type.
      expect(counter[texts.indexOf(`${b} officials`)]).toEqual([]);
      expect(counter[texts.indexOf(`${a} government`)]).toEqual([1]);
    }
  });
});

describe('framing: parties listed together', () => {
  it('gives every party of a list the verb after it ("Turkey, Qatar and the Vatican have brokered")', () => {
    const text = 'Turkey, Qatar and the Vatican have brokered an exchange of prisoners. Korvani and Dastrian forces shelled the ridge.';
    const ctx = contextOf(text);
    const doc = analyzer.segment(text);
    const agentOf = (k: number) => mentionFeatures(ctx, k).keys.filter((key) => keyParts(key).tpl === T.AGENT).map((key) => CUE_CLASSES[keyParts(key).value]);
    const byText = new Map(ctx.spans.map((m, k) => [doc.text.slice(doc.tokens.start[m.a]!, doc.tokens.end[m.b - 1]!), k]));
    for (const name of ['Turkey', 'Qatar', 'Vatican']) expect(agentOf(byText.get(name)!), name).toContain('peace');
    // Two parties joined by "and" share their verb too.
    const shelling = [...byText.keys()].filter((n) => /Korvani|Dastrian/.test(n));
    expect(shelling.length).toBeGreaterThan(0);
    for (const n of shelling) expect(agentOf(byText.get(n)!), n).toContain('harm');
  });
});
