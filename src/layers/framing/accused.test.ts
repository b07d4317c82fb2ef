import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { createLayerContext } from '../contract.js';
import { ACTORS } from '../actors/layer.js';
import { VOICE } from '../voice/product.js';
import { SOURCING } from '../sourcing/analyse.js';
import { cueClassIndex } from './cues.js';
import { COND, docContext, key, mentionFeatures, T } from './features.js';
import { shippedFramingModel } from './model.js';
import { analysisSpans, ruleFindings, sentenceClasses } from './spans.js';

/*
 * The source's own casting (the neutral reading: every word read as the author's) of the accused of a
 * reported accusation: being accused is how the accuser casts it, and what follows "of" is the act
 * it is accused of. The author's reading keeps neither. Both sides of each dispute.
 */

const analyzer = new Analyzer({ model: null });

/** Features of the first mention whose text is `name`, in `text`. */
function featuresOf(text: string, name: string, neutral = false): number[] {
  const report = analyzer.analyze(text, { layers: false });
  const doc = analyzer.segment(text);
  const ctx = createLayerContext({ doc, report, span: (s, e) => ({ start: s, end: e, text: text.slice(s, e) }), config: analyzer.config });
  const model = shippedFramingModel()!;
  const spans = analysisSpans(ctx.need(ACTORS));
  const dc = docContext(doc, spans, ctx.need(VOICE), model.stems, ruleFindings(doc, report.findings), model.valence, sentenceClasses(ctx.need(SOURCING)));
  const k = spans.findIndex((m) => doc.text.slice(doc.tokens.start[m.a]!, doc.tokens.end[m.b - 1]!) === name);
  expect(k, `"${name}" is a mention of "${text}"`).toBeGreaterThanOrEqual(0);
  return mentionFeatures(dc, k, neutral).keys;
}

const harm = key(T.AGENT, 0, cueClassIndex('harm'));
const accusedKey = key(T.ACCUSED, COND.AUTHOR, 0);
const PAIRS = [['Sylvania', 'Freedonia'], ['Freedonia', 'Sylvania']] as const;

describe('the accused of a reported accusation, as its accuser casts it', () => {
  it('"Y accused X of shelling the town": the accuser casts X by the act; the author does not', () => {
    for (const [a, b] of PAIRS) {
      const text = `The ${b.slice(0, -1)}an Greens accused ${a} of shelling the border town.`;
      const author = featuresOf(text, a);
      expect(author.includes(harm)).toBe(false);
      expect(author.includes(accusedKey)).toBe(false);
      const source = featuresOf(text, a, true);
      expect(source.includes(harm)).toBe(true);
      expect(source.includes(accusedKey)).toBe(true);
    }
  });

  it('"details of the attacks" stays what something else is about, in either reading', () => {
    for (const [a] of PAIRS) {
      const text = `${a} of all places gave no details of the attacks, the monitors said.`;
      expect(featuresOf(text, a, true).includes(harm)).toBe(false);
      expect(featuresOf(text, a, true).includes(accusedKey)).toBe(false);
    }
  });
});
