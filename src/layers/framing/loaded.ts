import type { Doc } from '../../text/segment.js';
import { defineProduct, type Product } from '../contract.js';
import { loadedAt } from '../sourcing/classify.js';

/*
 * The loaded term at each token of a document, read once: the framing featurizer looks for loaded
 * terms within three tokens of every mention, and the actors report lists the same windows' terms,
 * so each token's answer is kept for both. The arrays are shared between documents (typed arrays
 * cost more to allocate per document than the work they hold); a memo's tokens are those stamped
 * with its epoch, so a memo used after another document's reads its tokens afresh.
 */

let stamp = new Int32Array(0);
let len = new Int32Array(0);
let lastEpoch = 0;

/** `loadedAt(doc, i, end of token i's sentence)` for any token i, computed on first ask. */
export class LoadedTerms {
  private readonly epoch: number;
  private readonly stamp: Int32Array;
  private readonly len: Int32Array;

  constructor(readonly doc: Doc) {
    const count = doc.tokens.count;
    if (stamp.length < count || lastEpoch >= 0x3fffffff) {
      const cap = Math.max(count, 2 * stamp.length);
      stamp = new Int32Array(cap);
      len = new Int32Array(cap);
      lastEpoch = 0;
    }
    this.epoch = ++lastEpoch;
    this.stamp = stamp;
    this.len = len;
  }

  /** Length of the loaded term starting at token i (0: none), bounded by i's sentence. */
  at(i: number): number {
    if (this.stamp[i] === this.epoch) return this.len[i]!;
    const doc = this.doc;
    const n = loadedAt(doc, i, doc.sentences[doc.tokenSentence[i]!]!.tokenEnd);
    this.stamp[i] = this.epoch;
    this.len[i] = n;
    return n;
  }
}

/** The document's loaded-term memo as a layer product: the framing product and the actors report read it. */
export const LOADED_TERMS: Product<LoadedTerms> = defineProduct('loaded-terms', (ctx) => new LoadedTerms(ctx.doc));
