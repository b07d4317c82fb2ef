/**
 * How familiar a word is in general English: the number of times its stem's senses were tagged in
 * the SemCor corpus, as WordNet 3.1 lists them (index.sense), derived once by
 * scripts/gen-word-familiarity.ts into familiarity.txt (stems counted at least 5 times). Closed-class
 * words, which WordNet does not list (every, must, whose...), count as the most familiar. A word not
 * in the table (a name, a rare or new word) is unfamiliar. The side-by-side key phrases use it as the
 * prior of their log-odds: a familiar word needs more evidence to distinguish a text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stem } from './stem.js';

export const FAMILIARITY_FILE = fileURLToPath(new URL('./familiarity.txt', import.meta.url));

/** Function words WordNet leaves out (it lists nouns, verbs, adjectives and adverbs only). */
export const CLOSED_CLASS = [
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'every', 'each', 'either', 'neither', 'any', 'some', 'all', 'both', 'no', 'none',
  'few', 'several', 'many', 'much', 'more', 'most', 'less', 'least', 'enough', 'another', 'other', 'such', 'whatever', 'whichever',
  'must', 'shall', 'should', 'will', 'would', 'can', 'could', 'may', 'might', 'ought', 'need', 'dare',
  'i', 'you', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'her', 'us', 'them', 'my', 'your', 'his', 'its', 'our', 'their',
  'mine', 'yours', 'hers', 'ours', 'theirs', 'who', 'whom', 'whose', 'which', 'what', 'someone', 'anyone', 'everyone', 'nobody',
  'something', 'anything', 'everything', 'nothing', 'somebody', 'anybody', 'everybody',
  'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'into', 'onto', 'upon', 'about', 'against', 'among', 'amid', 'across',
  'through', 'throughout', 'toward', 'towards', 'within', 'without', 'beyond', 'despite', 'via', 'per', 'unlike', 'like', 'than',
  'and', 'or', 'but', 'nor', 'yet', 'so', 'if', 'unless', 'because', 'although', 'though', 'while', 'whereas', 'whether', 'since',
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'there', 'here',
];

let table: Map<string, number> | null = null;
let most = 0;
let total = 0;

function load(): Map<string, number> {
  if (table) return table;
  table = new Map();
  for (const raw of readFileSync(FAMILIARITY_FILE, 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [s, n] = line.split(/\s+/);
    table.set(s!, Number(n));
    total += Number(n);
    most = Math.max(most, Number(n));
  }
  for (const w of CLOSED_CLASS) table.set(stem(w), Math.max(table.get(stem(w)) ?? 0, most));
  return table;
}

/** A lowercased word's familiarity count (0: unfamiliar). */
export function familiarity(word: string): number {
  return load().get(stem(word)) ?? 0;
}

/** The share of general English a word stands for: (count + 0.5) / (all counts), never 0. */
export function backgroundShare(word: string): number {
  const t = load();
  return ((t.get(stem(word)) ?? 0) + 0.5) / (total + 0.5 * t.size);
}
