import type { Doc } from '../text/segment.js';
import { findAttributions, type Attribution } from './attribution.js';
import { classifySentences, type SentenceClass } from './classify.js';
import { extractQuotations, tokenQuoteMap, type QuoteInfo } from './quotations.js';

/** Everything the sourcing analysis knows about a document, in canonical offsets and tokens. */
export interface SourcingAnalysis {
  tokenQuote: Int32Array;
  attributions: Attribution[];
  quotes: QuoteInfo[];
  sentences: SentenceClass[];
}

const cache = new WeakMap<Doc, SourcingAnalysis>();

/** Runs (once per document) the sourcing analysis; the claims and actors layers read it too. */
export function analyseSourcing(doc: Doc): SourcingAnalysis {
  let r = cache.get(doc);
  if (!r) {
    const tokenQuote = tokenQuoteMap(doc);
    const attributions = findAttributions(doc, tokenQuote);
    const quotes = extractQuotations(doc, attributions, tokenQuote);
    const sentences = classifySentences(doc, attributions, quotes, tokenQuote);
    r = { tokenQuote, attributions, quotes, sentences };
    cache.set(doc, r);
  }
  return r;
}
