import { wordHash as hashString } from './hash.js';
import { WordMemo } from '../../lexicon/word-memo.js';
import type { Tokens } from '../../text/tokenise.js';

/**
 * Word valence for the framing features (-4..4, VADER's scale): what is said of a mention is often
 * praise or blame in plain words. The model artefact carries it as hashes of the words and their
 * valence rounded to tenths (derived at training time from the VADER lexicon, MIT), so no word
 * list is stored.
 */
export interface Valence {
  at(t: Tokens, i: number): number;
}

export const NO_VALENCE: Valence = { at: () => 0 };

/** From the artefact's table: hashString(word) -> valence * 10. */
export function valenceFromTable(hashes: readonly number[], tenths: readonly number[]): Valence {
  const map = new Map<number, number>();
  hashes.forEach((h, k) => map.set(h, tenths[k]! / 10));
  const memo = new WordMemo<number>((w) => map.get(hashString(w)) ?? 0);
  return { at: (t, i) => memo.at(t, i) };
}

/** From a word map (training time). */
export function valenceFromMap(words: ReadonlyMap<string, number>): Valence {
  const memo = new WordMemo<number>((w) => words.get(w) ?? 0);
  return { at: (t, i) => memo.at(t, i) };
}

/** The table to store: hashes and tenths, in hash order. */
export function valenceTable(words: ReadonlyMap<string, number>): { hashes: number[]; tenths: number[] } {
  const rows = [...words].filter(([w, v]) => !w.includes(' ') && Math.abs(v) >= 0.5).map(([w, v]) => [hashString(w), Math.round(v * 10)] as const).sort((a, b) => a[0] - b[0]);
  return { hashes: rows.map((r) => r[0]), tenths: rows.map((r) => r[1]) };
}
