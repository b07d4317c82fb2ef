import { isWord, lower, punctChar } from '../../lexicon/word-sets.js';
import { AND_OR, DETERMINERS, PREP_OBJECT } from './context-words.js';
import type { DocContext } from './features.js';

/** Lists of parties around a mention, as the framing featurizer (features.ts) reads them. */

/**
 * "Turkey, Qatar and the Vatican have brokered ...": the parties listed with a mention share the verb
 * after the list. After the comma or "and" at token i (sentence ending at `end`), the end of the next
 * listed mention, or -1. (A function of its own, not a closure made per mention.)
 */
export function coordinated(ctx: DocContext, i: number, end: number): number {
  const { doc, owner, spans } = ctx;
  const t = doc.tokens;
  let j = i + 1;
  if (j < end && isWord(t, j) && AND_OR.at(t, j) && punctChar(doc, i) === ',') j++;
  if (j < end && isWord(t, j) && lower(t, j) === 'the') j++;
  return j < end && owner[j] !== -1 ? spans[owner[j]!]!.b : -1;
}

/**
 * "Farmers in Poland and Hungary have blocked roads": a mention listed after a prepositional object
 * ("in Poland and") is one too, so the verb after the list is not its act. True when the tokens
 * before token a are "and"/"or" (a comma before it allowed), then a mention that a preposition opens.
 */
export function coordinatedPrepObject(ctx: DocContext, a: number, start: number): boolean {
  const { doc, owner, spans } = ctx;
  const t = doc.tokens;
  let j = a - 1;
  if (j >= start && isWord(t, j) && lower(t, j) === 'the') j--;
  if (j < start || !isWord(t, j) || !AND_OR.at(t, j)) return false;
  j--;
  if (j >= start && punctChar(doc, j) === ',') j--;
  if (j < start || owner[j] === -1) return false;
  let p = spans[owner[j]!]!.a - 1;
  if (p >= start && DETERMINERS.at(t, p)) p--;
  return p >= start && isWord(t, p) && PREP_OBJECT.at(t, p);
}
