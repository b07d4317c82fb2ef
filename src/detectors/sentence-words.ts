import { K_WORD, tokenLower } from '../text/tokenise.js';
import type { Doc, Sentence } from '../text/segment.js';

/** Shared token helpers for the sentence-level code detectors. */

/** The lowercased word at token i, or '' for punctuation, numbers and symbols. */
export const wordAt = (doc: Doc, i: number): string => (doc.tokens.kind[i] === K_WORD ? tokenLower(doc.tokens, i) : '');

/** Index of the sentence's first word token (s.tokenEnd when it has none). */
export function firstWordIndex(doc: Doc, s: Sentence): number {
  let i = s.tokenStart;
  while (i < s.tokenEnd && doc.tokens.kind[i] !== K_WORD) i++;
  return i;
}

/** True when a word of the set occurs in the sentence at or after token `from`. */
export function sentenceHas(doc: Doc, s: Sentence, words: ReadonlySet<string>, from = s.tokenStart, word = wordAt): boolean {
  for (let k = from; k < s.tokenEnd; k++) if (words.has(word(doc, k))) return true;
  return false;
}
