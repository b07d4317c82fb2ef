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

/** Builds the table from a valence map and named word lists (at most 32 lists). */
export function buildLexiconTable(valence: Map<string, number>, lists: Array<[string, readonly string[]]>): LexiconTable {
  if (lists.length > 32) throw new Error('at most 32 word lists fit the mask');
  const terms = new Map<string, { v: number; m: number }>();
  const entry = (t: string) => {
    let e = terms.get(t);
    if (!e) terms.set(t, (e = { v: 0, m: 0 }));
    return e;
  };
  for (const [w, v] of valence) if (!w.includes(' ')) entry(w).v = v;
  const prefixLengths = new Set<number>();
  let maxWords = 1;
  lists.forEach(([, words], bit) => {
    for (const raw of words) {
      const t = raw.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!t) continue;
      const n = t.split(' ').length;
      if (n > 3) continue;
      if (t.endsWith('*') && n === 1) prefixLengths.add(t.length - 1);
      maxWords = Math.max(maxWords, n);
      entry(t).m |= 1 << bit;
    }
  });
  const keys = [...terms.keys()].sort();
  const index = new Map<number, number>();
  const val = new Int8Array(keys.length);
  const mask = new Uint32Array(keys.length);
  keys.forEach((k, i) => {
    const e = terms.get(k)!;
    const h = hashString(k);
    const prev = index.get(h);
    const at = prev ?? index.size;
    if (prev === undefined) index.set(h, at);
    val[at] = Math.max(-100, Math.min(100, Math.round(e.v * VALENCE_SCALE)));
    mask[at] = (mask[at] ?? 0) | e.m;
    void i;
  });
  return {
    lists: lists.map(([n]) => n),
    index,
    valence: val.slice(0, index.size),
    mask: mask.slice(0, index.size),
    prefixLengths: [...prefixLengths].sort((a, b) => a - b),
    maxWords,
  };
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
): LexiconTable {
  const index = new Map<number, number>();
  for (let i = 0; i < hashes.length; i++) index.set(hashes[i]!, i);
  return { lists, index, valence, mask, prefixLengths, maxWords };
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
