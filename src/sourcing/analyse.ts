import type { Doc } from '../text/segment.js';
import type { Attribution } from './attribution.js';
import * as attributionMod from './attribution.js';
import type { SentenceClass } from './classify.js';
import * as classifyMod from './classify.js';
import type { QuoteInfo } from './quotations.js';
import * as quotationsMod from './quotations.js';

// Imported names bound once: under tsx (which runs src as CommonJS) every read of an imported
// binding is a getter call, which dominated these hot loops.
const { findAttributions } = attributionMod;
const { classifySentences } = classifyMod;
const { extractQuotations, tokenQuoteMap } = quotationsMod;

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
