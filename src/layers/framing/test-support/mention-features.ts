import { expect } from 'vitest';
import type { Analyzer } from '../../../analysis/analyzer.js';
import { createLayerContext } from '../../contract.js';
import { ACTORS } from '../../actors/layer.js';
import { VOICE } from '../../voice/product.js';
import { SOURCING } from '../../sourcing/analyse.js';
import { docContext, mentionFeatures } from '../features.js';
import { shippedFramingModel } from '../model.js';
import { analysisSpans, ruleFindings, sentenceClasses } from '../spans.js';

/** For tests: the framing feature keys of the first mention whose text is `name`, in `text` (neutral: every word read as the author's). */
export function mentionFeatureKeys(analyzer: Analyzer, text: string, name: string, neutral = false): number[] {
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
