import type { Doc } from '../../text/segment.js';
import { defineProduct, type Product } from '../contract.js';
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

/** Runs the sourcing analysis of a document. */
export function analyseSourcing(doc: Doc): SourcingAnalysis {
  const tokenQuote = tokenQuoteMap(doc);
  const attributions = findAttributions(doc, tokenQuote);
  const quotes = extractQuotations(doc, attributions, tokenQuote);
  const sentences = classifySentences(doc, attributions, quotes, tokenQuote);
  return { tokenQuote, attributions, quotes, sentences };
}

/** The sourcing analysis as a layer product: the sourcing, actors and claims layers read it. */
export const SOURCING: Product<SourcingAnalysis> = defineProduct('sourcing', (ctx) => analyseSourcing(ctx.doc));
