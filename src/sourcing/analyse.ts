import type { Doc } from '../text/segment.js';
import type { Attribution } from './attribution.js';
import { findAttributions } from './attribution.js';
import type { SentenceClass } from './classify.js';
import { classifySentences } from './classify.js';
import type { QuoteInfo } from './quotations.js';
import { extractQuotations, tokenQuoteMap } from './quotations.js';

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
