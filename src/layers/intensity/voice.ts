import type { Doc } from '../../text/segment.js';
import type { SourcingAnalysis } from '../sourcing/analyse.js';
import type { ReportedSpeech } from './score.js';

/**
 * Sentences in a source's voice: those with an attribution outside quotation marks ("the minister
 * said", "according to X", "critics argue"). Their words are what someone else said, so they heat
 * the text less than the author's own (the rating guide: one band lower, as quoted words).
 * Kept to this one function so that it can read the voice layer (ctx.need(VOICE)) once that lands.
 */
export function reportedSentences(doc: Doc, sourcing: SourcingAnalysis): ReportedSpeech {
  let out: Uint8Array | null = null;
  for (const a of sourcing.attributions) {
    if (a.inQuote) continue;
    out ??= new Uint8Array(doc.sentences.length);
    out[a.sentence] = 1;
  }
  return out;
}
