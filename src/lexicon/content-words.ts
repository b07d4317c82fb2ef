/**
 * Which words carry content and which are common words rather than names: word knowledge shared by
 * the frames layer and the misleading-headline detector.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinLexicon } from './builtin.js';
import { parseWordList } from './load.js';
import { stem } from './stem.js';

/** Reporting boilerplate that says nothing about a frame (beyond the shared stopwords). */
const NEWS_STOPWORDS = [
  'since', 'said', 'says', 'say', 'told', 'also', 'would', 'could', 'may', 'might', 'will', 'shall', 'one', 'two', 'three', 'four',
  'five', 'first', 'last', 'new', 'year', 'years', 'week', 'weeks', 'day', 'days', 'month', 'months', 'today', 'yesterday', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'according', 'including', 'percent', 'per', 'cent', 'already',
  'still', 'yet', 'just', 'many', 'much', 'more', 'most', 'several', 'since', 'whether', 'another', 'other', 'others',
];

let stops: Set<string> | null = null;
function stopwords(): Set<string> {
  stops ??= new Set([...builtinLexicon('stopwords'), ...NEWS_STOPWORDS]);
  return stops;
}

/** True for a lowercased word token that is no function word (the frames layer's featureOf gives its stem). */
export function isContentWord(w: string): boolean {
  return w.length >= 2 && !stopwords().has(w);
}

/** Words written in lowercase: a letter in lowercase, not after a letter, apostrophe or hyphen. */
const LOWERCASE_WORD = /(?<![\p{L}'-])[\p{Ll}][\p{L}'-]*/gu;

/** Stems of the words the texts write in lowercase somewhere: common words, not (only) names. */
export function commonStems(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) for (const w of text.match(LOWERCASE_WORD) ?? []) out.add(stem(w));
  return out;
}

/**
 * commonStems of the frames layer's example sentences (src/layers/frames/examples), kept here as a
 * list so that detectors read it without the frames layer; scripts/gen-common-stems.ts writes it,
 * and a frames test fails when the examples and the list part.
 */
export const COMMON_STEMS_FILE = fileURLToPath(new URL('./common-stems.txt', import.meta.url));

let common: Set<string> | null = null;

export function builtinCommonStems(): ReadonlySet<string> {
  common ??= new Set(parseWordList(readFileSync(COMMON_STEMS_FILE, 'utf8')));
  return common;
}

/** True when the built-in examples use the word in lowercase somewhere (so it is not only a name). */
export function isCommonWord(word: string): boolean {
  return builtinCommonStems().has(stem(word));
}
