import { defineProduct, type Product } from '../contract.js';
import { ACTORS } from '../actors/layer.js';
import { VOICE } from '../voice/product.js';
import { docContext, type MentionSpan } from './features.js';
import { frameMentions, type MentionFraming } from './infer.js';
import { LOADED_TERMS } from './loaded.js';
import { shippedFramingModel, type FramingModel } from './model.js';
import { analysisSpans, ruleFindings, sentenceClasses } from './spans.js';
import { SOURCING } from '../sourcing/analyse.js';

/** The framing classifier's reading of every actor mention of a document (aligned with ACTORS' mentions). */
export interface FramingAnalysis {
  spans: MentionSpan[];
  /** null for every mention when no model is installed. */
  mentions: Array<MentionFraming | null>;
  model: FramingModel | null;
}

/** Entity framing as a layer product: the actors layer reads it to cast each actor. */
export const FRAMING: Product<FramingAnalysis> = defineProduct('framing', (ctx) => {
  const actors = ctx.need(ACTORS);
  const spans = analysisSpans(actors);
  const model = shippedFramingModel();
  if (!model || spans.length === 0) return { spans, mentions: spans.map(() => null), model };
  const voice = ctx.need(VOICE);
  const dc = docContext(ctx.doc, spans, voice, model.stems, ruleFindings(ctx.doc, ctx.report.findings), model.valence, sentenceClasses(ctx.need(SOURCING)), ctx.need(LOADED_TERMS));
  return { spans, mentions: frameMentions(model, dc), model };
});
