import { isWord } from '../../lexicon/word-sets.js';
import type { Tokens } from '../../text/tokenise.js';
import { ADVERB, NEGATOR } from './context-words.js';

/**
 * Negation as the framing featurizer (features.ts) reads it: only the word a negator governs ("did
 * not shell", "never attacked X", "has no support"), never the rest of the clause. Right of a
 * mention the featurizer tracks it word by word; left of it, this looks back from the cue word.
 */

/** Is the word at i negated by the word before it (an adverb between allowed: "never really shelled")? */
export function negatedAt(t: Tokens, i: number, start: number): boolean {
  let j = i - 1;
  if (j >= start && isWord(t, j) && ADVERB.at(t, j) === 1 && !NEGATOR.at(t, j)) j--;
  return j >= start && isWord(t, j) && NEGATOR.at(t, j) === 1;
}
