import { numberKey, readTerms } from './terms.js';

/**
 * What a document is about, as weighted terms for clustering: content stems, names (capitalised
 * inside a sentence) weighted up, numbers with their value, and the title counted twice. Then
 * TF-IDF over the documents of one run, as sparse unit vectors with integer term ids.
 */

export const FEATURE_WEIGHTS = {
  word: 1,
  /** Named actors and places tell one event from another more than common words do. */
  name: 2,
  number: 1.5,
  /** Title terms count this many times more. */
  title: 2,
};

/** Weighted term counts of one document (title + text). */
export function documentTerms(text: string, title: string | null): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, w: number) => out.set(key, (out.get(key) ?? 0) + w);
  const read = (s: string, factor: number) => {
    const terms = readTerms(s);
    for (const w of terms.words) add(w.key, (w.name ? FEATURE_WEIGHTS.name : FEATURE_WEIGHTS.word) * factor);
    for (const n of terms.numbers) add(numberKey(n.value), FEATURE_WEIGHTS.number * factor);
  };
  read(text, 1);
  // A title that is also the first line of the text is counted once more, not twice more.
  if (title && title.trim() !== '') read(title, text.trimStart().startsWith(title.trim()) ? FEATURE_WEIGHTS.title - 1 : FEATURE_WEIGHTS.title);
  return out;
}

/** A sparse unit vector: term ids ascending, weights with sum of squares 1. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * Term ids and document frequencies over one run's documents. `prior` pseudo-documents that
 * contain no term keep IDF meaningful in a small store: with three documents, a word in all three
 * still tells them from the rest of the news.
 */
export class TermSpace {
  readonly ids = new Map<string, number>();
  private df_: number[] = [];
  private docs = 0;

  constructor(readonly prior = 20) {}

  add(terms: Map<string, number>): void {
    this.docs++;
    for (const key of terms.keys()) {
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.df_.length;
        this.ids.set(key, id);
        this.df_.push(0);
      }
      this.df_[id]!++;
    }
  }

  /** Documents added so far. */
  get size(): number {
    return this.docs;
  }

  /** Documents that hold a term. */
  df(id: number): number {
    return this.df_[id]!;
  }

  idf(id: number): number {
    return Math.log((this.docs + this.prior) / (this.df_[id]! + 0.5));
  }

  /** TF-IDF (sublinear tf) of a document's terms, normalised; terms unseen by `add` are skipped. */
  vector(terms: Map<string, number>): SparseVector {
    const pairs: Array<[number, number]> = [];
    for (const [key, tf] of terms) {
      const id = this.ids.get(key);
      if (id === undefined) continue;
      const w = (1 + Math.log(tf)) * this.idf(id);
      if (w > 0) pairs.push([id, w]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, w] of pairs) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    const ids = new Int32Array(pairs.length);
    const weights = new Float64Array(pairs.length);
    pairs.forEach(([id, w], k) => {
      ids[k] = id;
      weights[k] = w / norm;
    });
    return { ids, weights };
  }
}
