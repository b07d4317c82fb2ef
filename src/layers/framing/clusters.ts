import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WordMemo } from '../../lexicon/word-memo.js';
import { wordHash as hashString } from './hash.js';
import type { Tokens } from '../../text/tokenise.js';

/**
 * Word clusters (scripts/framing-clusters.ts): per word hash, a cluster of words with similar
 * vectors, so that the framing features generalise from "shelled" to "bombarded". Words outside
 * the table have no cluster (-1).
 */
export const CLUSTERS_FILE = fileURLToPath(new URL('./clusters.json', import.meta.url));

export interface Clusters {
  k: number;
  at(t: Tokens, i: number): number;
}

export const NO_CLUSTERS: Clusters = { k: 0, at: () => -1 };

let loaded: Clusters | undefined;

/** The shipped cluster table (none when the file is absent). */
export function wordClusters(): Clusters {
  if (loaded) return loaded;
  if (!existsSync(CLUSTERS_FILE)) return (loaded = NO_CLUSTERS);
  const data = JSON.parse(readFileSync(CLUSTERS_FILE, 'utf8')) as { k: number; hashes: number[]; clusters: number[] };
  const map = new Map<number, number>();
  data.hashes.forEach((h, j) => map.set(h, data.clusters[j]!));
  const memo = new WordMemo<number>((w) => map.get(hashString(w)) ?? -1);
  return (loaded = { k: data.k, at: (t, i) => memo.at(t, i) });
}
