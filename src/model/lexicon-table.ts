import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { hashString } from './hash.js';

/**
 * Word knowledge the model reads, frozen into the artefact at training time as hashes: VADER valence
 * and membership in word lists (the engine's lexicons and the MIT npm lists). Freezing keeps a trained
 * model's features stable while the rule lexicons keep growing.
 */
export interface LexiconTable {
  /** Names of the word lists, in bit order. */
  lists: string[];
  /** hash(term) -> index into `valence` / `mask`. Multi-word terms are hashed with single spaces. */
  index: Map<number, number>;
  /** Valence times 25 (VADER's -4..4 becomes -100..100). */
  valence: Int8Array;
  mask: Uint32Array;
  /** Lengths of `prefix*` entries, hashed as hash(prefix + '*'). */
  prefixLengths: number[];
  /** Longest multi-word term, in words (1..3). */
  maxWords: number;
  /**
   * Sorted hashes of ordinary English words (lowercase). A capitalised word outside this list and the
   * lexicons is read as a name, whose identity the model never sees. Empty: every unknown capitalised word is a name.
   */
  ordinary: Uint32Array;
  /**
   * Sorted hashes of the words that begin a multi-word term: a phrase is looked up only where one of
   * these begins it. Absent (a model saved before it existed): any word may begin one.
   */
  phraseStarts?: Uint32Array;
  /**
   * Word clusters from word vectors (src/training/clusters.ts): hashes ascending and, aligned, fine
   * + 1 | (coarse + 1) << 16. Absent (a model saved before them): no cluster features.
   */
  clusters?: ClusterTable;
  /**
   * Word classes from WordNet (src/training/wordnet.ts): hashes ascending and, aligned, the class
   * number (1 + lexicographer file, + 64 when a noun sense names a person). Absent: no class features.
   */
  wordClasses?: WordClassTable;
  /**
   * Loaded-word levels (src/training/loaded-lexicon.ts): hashes ascending and, aligned, the level of
   * the word's smoothed log-odds of lying inside a loaded-language or name-calling span. Words not
   * listed have LOADED_NEUTRAL. Absent (a model saved before it): no level features.
   */
  loaded?: LoadedTable;
}

export interface LoadedTable {
  hashes: Uint32Array;
  levels: Uint8Array;
}

/** The level of a word without evidence either way (levels are 0..LOADED_LEVELS - 1). */
export const LOADED_NEUTRAL = 1;
export const LOADED_LEVELS = 8;

/** The loaded-word level of a lowercased word (by hash; names by the placeholder's hash). */
export function loadedLevelOf(t: LexiconTable, wordHash: number): number {
  const c = t.loaded;
  if (!c) return LOADED_NEUTRAL;
  const i = sortedIndex(c.hashes, wordHash);
  return i >= 0 ? c.levels[i]! : LOADED_NEUTRAL;
}

export interface WordClassTable {
  hashes: Uint32Array;
  ids: Int8Array;
}

/** The WordNet class of a lowercased word (by hash), 0 when it has none. */
export function wordClassOf(t: LexiconTable, wordHash: number): number {
  const c = t.wordClasses;
  if (!c) return 0;
  const i = sortedIndex(c.hashes, wordHash);
  return i >= 0 ? c.ids[i]! : 0;
}

export interface ClusterTable {
  hashes: Uint32Array;
  ids: Uint32Array;
}

/** The packed cluster ids of a lowercased word (by hash), 0 when it has none. */
export function clusterOf(t: LexiconTable, wordHash: number): number {
  const c = t.clusters;
  if (!c) return 0;
  let lo = 0;
  let hi = c.hashes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = c.hashes[mid]!;
    if (x === wordHash) return c.ids[mid]!;
    if (x < wordHash) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

export const VALENCE_SCALE = 25;

/** Parses the VADER lexicon (token TAB mean TAB sd TAB ratings): token -> mean valence. */
export function parseVader(content: string, file: string): Map<string, number> {
  const out = new Map<string, number>();
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const [token, mean] = line.split('\t');
    const v = Number(mean);
    if (!token || !Number.isFinite(v)) throw new UserError(`${file}:${i + 1}: expected "token<TAB>valence", got "${line.slice(0, 40)}"`);
    out.set(token.toLowerCase(), v);
  });
  return out;
}

export function loadVader(file: string): Map<string, number> {
  return parseVader(readFileSync(file, 'utf8'), file);
}

/** Bit of the mask that marks words naming a party (nation, people, religion): the model never tells them apart. */
export const PARTY_BIT = 1 << 31;

/**
 * Builds the table from a valence map, named word lists (at most 31) and the words that name parties
 * of a conflict (nationalities, peoples, religions and their places of worship).
 */
export function buildLexiconTable(
  valence: Map<string, number>,
  lists: Array<[string, readonly string[]]>,
  party: readonly string[] = [],
  ordinaryWords: Iterable<string> = [],
): LexiconTable {
  if (lists.length > 31) throw new Error('at most 31 word lists fit the mask (bit 31 marks party words)');
  const terms = new Map<string, { v: number; m: number }>();
  const entry = (t: string) => {
    let e = terms.get(t);
    if (!e) terms.set(t, (e = { v: 0, m: 0 }));
    return e;
  };
  for (const [w, v] of valence) if (!w.includes(' ')) entry(w).v = v;
  const prefixLengths = new Set<number>();
  const starts = new Set<number>();
  let maxWords = 1;
  lists.forEach(([, words], bit) => {
    for (const raw of words) {
      const t = raw.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!t) continue;
      const parts = t.split(' ');
      const n = parts.length;
      if (n > 3) continue;
      if (t.endsWith('*') && n === 1) prefixLengths.add(t.length - 1);
      if (n > 1) starts.add(hashString(parts[0]!));
      maxWords = Math.max(maxWords, n);
      entry(t).m |= 1 << bit;
    }
  });
  for (const raw of party) {
    const t = raw.trim().toLowerCase();
    if (t && !t.includes(' ')) entry(t).m |= PARTY_BIT;
  }
  const keys = [...terms.keys()].sort();
  const index = new Map<number, number>();
  const val = new Int8Array(keys.length);
  const mask = new Uint32Array(keys.length);
  keys.forEach((k) => {
    const e = terms.get(k)!;
    const h = hashString(k);
    const prev = index.get(h);
    const at = prev ?? index.size;
    if (prev === undefined) index.set(h, at);
    val[at] = Math.max(-100, Math.min(100, Math.round(e.v * VALENCE_SCALE)));
    mask[at] = (mask[at]! | e.m) >>> 0;
  });
  return {
    lists: lists.map(([n]) => n),
    index,
    valence: val.slice(0, index.size),
    mask: mask.slice(0, index.size),
    prefixLengths: [...prefixLengths].sort((a, b) => a - b),
    maxWords,
    ordinary: ordinaryHashes(ordinaryWords),
    phraseStarts: Uint32Array.from(starts).sort(),
  };
}

function ordinaryHashes(words: Iterable<string>): Uint32Array {
  const hs = new Set<number>();
  for (const w of words) if (w) hs.add(hashString(w.toLowerCase()));
  return Uint32Array.from(hs).sort();
}

/** True when the lowercased word (by hash) is an ordinary English word. */
export function isOrdinaryWord(t: LexiconTable, wordHash: number): boolean {
  return sortedHas(t.ordinary, wordHash);
}

/** True when the lowercased word (by hash) may begin a multi-word term of the table. */
export function mayStartPhrase(t: LexiconTable, wordHash: number): boolean {
  return t.maxWords > 1 && (t.phraseStarts === undefined || sortedHas(t.phraseStarts, wordHash));
}

function sortedHas(a: Uint32Array, wordHash: number): boolean {
  return sortedIndex(a, wordHash) >= 0;
}

function sortedIndex(a: Uint32Array, wordHash: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[mid]!;
    if (x === wordHash) return mid;
    if (x < wordHash) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The table as plain arrays for the artefact (hashes in insertion order). */
export function lexiconTableArrays(t: LexiconTable): { hashes: Uint32Array; valence: Int8Array; mask: Uint32Array } {
  const hashes = new Uint32Array(t.index.size);
  for (const [h, i] of t.index) hashes[i] = h;
  return { hashes, valence: t.valence, mask: t.mask };
}

export function lexiconTableFromArrays(
  lists: string[],
  prefixLengths: number[],
  maxWords: number,
  hashes: Uint32Array,
  valence: Int8Array,
  mask: Uint32Array,
  ordinary: Uint32Array = new Uint32Array(0),
  phraseStarts?: Uint32Array,
  clusters?: ClusterTable,
  wordClasses?: WordClassTable,
  loaded?: LoadedTable,
): LexiconTable {
  const index = new Map<number, number>();
  for (let i = 0; i < hashes.length; i++) index.set(hashes[i]!, i);
  const table: LexiconTable = { lists, index, valence, mask, prefixLengths, maxWords, ordinary };
  if (phraseStarts) table.phraseStarts = phraseStarts;
  if (clusters) table.clusters = clusters;
  if (wordClasses) table.wordClasses = wordClasses;
  if (loaded) table.loaded = loaded;
  return table;
}

/** Valence and list mask of one lowercased word, including `prefix*` entries. */
export function lookupWord(t: LexiconTable, word: string, wordHash: number): { valence: number; mask: number } {
  const i = t.index.get(wordHash);
  let valence = 0;
  let mask = 0;
  if (i !== undefined) {
    valence = t.valence[i]! / VALENCE_SCALE;
    mask = t.mask[i]!;
  }
  for (const L of t.prefixLengths) {
    if (word.length <= L) break;
    const j = t.index.get(hashString(word.slice(0, L) + '*'));
    if (j !== undefined) mask |= t.mask[j]!;
  }
  return { valence, mask };
}
