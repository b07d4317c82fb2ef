import { builtinLexicon } from './builtin.js';
import { WordSet } from './word-sets.js';

/** The built-in function words (lists/stopwords.txt) as one word set, interned once for every layer. */
export const STOPWORDS = new WordSet(builtinLexicon('stopwords'));
