import { stem } from '../../lexicon/stem.js';
import { WordMemo } from '../../lexicon/word-memo.js';
import { lower } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';

/* The framing model's word-stem vocabularies: frozen (a trained model's) or growing (training). */

/** The id of a word's stem in a model's vocabulary (-1: unknown). */
export interface StemIndex {
  at(doc: Doc, i: number): number;
  stems: readonly string[];
}

/** A frozen stem vocabulary (a trained model's). */
export function frozenStems(stems: readonly string[]): StemIndex {
  const ids = new Map(stems.map((s, k) => [s, k + 1] as const).filter(([s]) => s !== ''));
  const memo = new WordMemo<number>((w) => ids.get(stem(w)) ?? -1);
  return { at: (doc, i) => memo.at(doc.tokens, i), stems };
}

/** A growing stem vocabulary, for training. */
export function growingStems(): StemIndex & { stems: string[] } {
  const stems: string[] = [];
  const ids = new Map<string, number>();
  return {
    stems,
    at(doc, i) {
      const s = stem(lower(doc.tokens, i));
      let id = ids.get(s);
      if (id === undefined) { stems.push(s); id = stems.length; ids.set(s, id); }
      return id;
    },
  };
}
