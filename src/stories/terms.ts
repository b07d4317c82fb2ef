import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinLexicon } from '../lexicon/builtin.js';
import { stem } from '../lexicon/stem.js';
import { normalise } from '../text/normalise.js';
import { F_CAP, F_NEWLINE_BEFORE, K_NUMBER, K_PUNCT, K_WORD, tokenise, tokenLower } from '../text/tokenise.js';
import { Vocab } from '../text/vocab.js';

/**
 * The content of a text as the story code compares it: stemmed content words (names flagged) and
 * numbers with what they count. Written once for clustering (whole documents) and alignment
 * (sentences), so that both read "120,000 residents" and "Twenty-three people" the same way.
 */

/** Function words and the vocabulary of reporting itself ("said", "according"): they tell no event apart. */
const EXTRA_STOP = [
  'said', 'say', 'says', 'saying', 'told', 'tell', 'tells', 'according', 'added', 'adds', 'also', 'would', 'could',
  'should', 'will', 'may', 'might', 'must', 'can', 'shall', 'mr', 'ms', 'mrs', 'yet', 'still', 'even', 'just', 'however',
  'whose', 'whom', 'since', 'until', 'per', 'cent', 'many', 'much', 'more', 'most', 'some', 'several', 'other', 'others',
  'every', 'each', 'both', 'either', 'neither', 'another', 'such', 'what', 'which', 'who', 'where', 'when', 'while', 'there',
  'here', 'now', 'then', 'than', 'too', 'very', 'well', 'made', 'make', 'makes', 'being', 'been', 'does', 'did', 'done',
  'onto', 'upon', 'within', 'without', 'among', 'around', 'across', 'via', 'its', "it's", 'their', 'theirs', 'our', 'ours',
  'near', 'into', 'towards', 'toward', 'behind', 'beside', 'despite', 'during', 'inside', 'outside', 'along', 'like', 'unlike',
];
let stopSet: Set<string> | null = null;
export function isStopWord(lower: string): boolean {
  stopSet ??= new Set([...builtinLexicon('stopwords'), ...EXTRA_STOP]);
  return stopSet.has(lower);
}

const DETERMINERS = new Set(['the', 'these', 'those', 'both', 'its', 'their', 'our', 'his', 'her', 'all', 'my', 'your']);

const UNITS = new Map<string, number>(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map((w, i) => [w, i]),
);
const TENS = new Map<string, number>(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, (i + 2) * 10]));
const SCALES = new Map<string, number>([['hundred', 100], ['thousand', 1_000], ['million', 1_000_000], ['billion', 1_000_000_000]]);

/** A number word or hyphenated pair ("twenty-three") as a value, or null. */
function numberWordValue(lower: string): number | null {
  const u = UNITS.get(lower);
  if (u !== undefined) return u;
  const t = TENS.get(lower);
  if (t !== undefined) return t;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const a = TENS.get(lower.slice(0, dash));
    const b = UNITS.get(lower.slice(dash + 1));
    if (a !== undefined && b !== undefined && b > 0 && b < 10) return a + b;
  }
  return null;
}

/** Digits as written ("120,000", "3.5", "40"); null for scores, ranges and dates ("2-1", "1/2"). */
function digitValue(text: string): number | null {
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

export interface WordTerm {
  /** The stem, lowercase. */
  key: string;
  /** The word as written (for titles and messages). */
  surface: string;
  /** Capitalised where a sentence does not begin: a name, a place, an organisation. */
  name: boolean;
  /** Index of the token in the text, for phrases. */
  token: number;
}

export interface NumberTerm {
  value: number;
  /** As written, e.g. "120,000", "Twenty-three", "3.5 million". */
  surface: string;
  /** Stem of the first content word after it: what it counts ("resident", "truck"), or null. */
  counts: string | null;
  token: number;
}

export interface TextTerms {
  words: WordTerm[];
  numbers: NumberTerm[];
  /** Canonical text the terms were read from. */
  text: string;
}

/** Stems of the content words and the numbers of a text. Never throws. */
export function readTerms(input: string): TextTerms {
  const text = normalise(input).text;
  const t = tokenise(text, new Vocab());
  const words: WordTerm[] = [];
  const numbers: NumberTerm[] = [];
  let sentenceStart = true;
  let pendingCount: NumberTerm[] = [];
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind[i]!;
    if (t.flags[i]! & F_NEWLINE_BEFORE) sentenceStart = true;
    if (kind === K_PUNCT) {
      const c = text.charCodeAt(t.start[i]!);
      if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59) {
        sentenceStart = true;
        pendingCount = [];
      }
      continue;
    }
    const lower = tokenLower(t, i);
    const surface = text.slice(t.start[i], t.end[i]);
    const atStart = sentenceStart;
    sentenceStart = false;
    if (kind === K_NUMBER) {
      let value = digitValue(surface);
      if (value === null) continue;
      let written = surface;
      const next = i + 1 < t.count && t.kind[i + 1] === K_WORD ? SCALES.get(tokenLower(t, i + 1)) : undefined;
      if (next !== undefined && next >= 1000) {
        value *= next;
        written = text.slice(t.start[i], t.end[i + 1]);
        i++;
      }
      const n: NumberTerm = { value, surface: written, counts: null, token: i };
      numbers.push(n);
      pendingCount.push(n);
      continue;
    }
    if (kind !== K_WORD) continue;
    // Number words: "Fifteen thousand", "twenty-three", "nine"; not "the two sides", which counts nothing new.
    const nw = numberWordValue(lower);
    const determined = i > 0 && t.kind[i - 1] === K_WORD && DETERMINERS.has(tokenLower(t, i - 1));
    if (nw !== null && determined) continue;
    if (nw !== null) {
      let value = nw;
      let end = i;
      while (end + 1 < t.count && t.kind[end + 1] === K_WORD) {
        const scale = SCALES.get(tokenLower(t, end + 1));
        if (scale === undefined) break;
        value *= scale;
        end++;
      }
      // "one" alone is mostly a pronoun ("no one", "one of them"): count it only with a scale.
      if (nw <= 1 && end === i) continue;
      const n: NumberTerm = { value, surface: text.slice(t.start[i], t.end[end]), counts: null, token: i };
      numbers.push(n);
      pendingCount.push(n);
      i = end;
      continue;
    }
    if (SCALES.has(lower)) continue;
    const parts = lower.includes('-') ? lower.split('-') : [lower];
    const surfaces = parts.length > 1 ? surface.split('-') : [surface];
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (part.length < 3 || isStopWord(part) || !/^[\p{L}][\p{L}'’]*$/u.test(part)) continue;
      const key = stem(part);
      if (key.length < 2) continue;
      const cap = k === 0 ? (t.flags[i]! & F_CAP) !== 0 : /^\p{Lu}/u.test(surfaces[k] ?? '');
      words.push({ key, surface: surfaces[k] ?? surface, name: cap && !atStart, token: i });
      // What a number counts is a common noun: "two Korvani soldiers" counts soldiers.
      if (pendingCount.length > 0 && !cap) {
        for (const n of pendingCount) if (n.counts === null && i - n.token <= 3) n.counts = key;
        pendingCount = [];
      }
    }
  }
  return { words, numbers, text };
}

/** The key under which a number is compared: its value, rounded to 3 significant digits. */
export function numberKey(value: number): string {
  if (value === 0) return '#0';
  const digits = Math.floor(Math.log10(Math.abs(value))) + 1;
  const scale = 10 ** Math.max(0, digits - 3);
  return `#${Math.round(value / scale) * scale}`;
}

const CONCEPTS_FILE = fileURLToPath(new URL('./concepts.txt', import.meta.url));
let concepts: Map<string, string> | null = null;

/** The event concept of a stem ("flee" and "leave": displace), from concepts.txt, or undefined. */
export function conceptOf(key: string): string | undefined {
  if (!concepts) {
    concepts = new Map();
    for (const raw of readFileSync(CONCEPTS_FILE, 'utf8').split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      for (const w of line.slice(colon + 1).trim().split(/\s+/)) concepts.set(stem(w.toLowerCase()), name);
    }
  }
  return concepts.get(key);
}
