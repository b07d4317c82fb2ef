/**
 * The technique classifier's probabilities for a span at inference, with the weights of features
 * that depend on one word alone summed once per word: the word itself, its cluster, WordNet
 * class and loaded-word level, and the character 4-grams inside the word and the spaces around it (about two thirds of a
 * span's features). Each is a row of 14 weights in a 14 MB table, read at a random place, so most
 * cost a cache miss; a word's summed rows sit in a small per-word array instead. The sums are of
 * 16-bit integers, exact in any order, so the probabilities are predictProba's over spanFeatures to
 * the bit (tested against it). Other classifiers (float weights, other class counts) take the plain
 * path.
 */
import type { DocView } from './doc-view.js';
import { FeatureBuffer } from './feature-buffer.js';
import { fmix32, FNV_SEED, mix } from './hash.js';
import { predictProba, type LogRegWeights } from './logreg.js';
import { spanFeatures, type SpanWordSink } from './span-features.js';
import { SPAN_TEMPLATES as P } from './templates.js';
import type { WordCache } from './word-cache.js';
import { LOADED_NEUTRAL } from './lexicon-table.js';

const K = 14;

/**
 * Per word slot of one word cache, for one classifier, two rows of K sums in `sums`: at
 * slot * 2K the word, cluster and class features; at slot * 2K + K the 4-grams inside the word's
 * padding (filled when a span first lays the word out). Filled flags per slot: 1 own, 2 inside.
 */
class WordRows implements SpanWordSink {
  sums = new Int32Array(0);
  filled = new Uint8Array(0);
  /** Offsets in `sums` of the rows the current span adds up (the first `n`). */
  rows = new Int32Array(64);
  n = 0;

  constructor(
    readonly cache: WordCache,
    readonly w: Int16Array,
    readonly mask: number,
  ) {}

  grow(): void {
    if (this.filled.length >= this.cache.used) return;
    const size = Math.max(this.cache.used, 2 * this.filled.length, 1024);
    const sums = new Int32Array(size * 2 * K);
    sums.set(this.sums);
    const filled = new Uint8Array(size);
    filled.set(this.filled);
    this.sums = sums;
    this.filled = filled;
  }

  inside(slot: number, word: string): void {
    if ((this.filled[slot]! & 2) === 0) {
      // The 4-grams of ` ${word} ` (hashString of each window, as spanFeatures hashes them).
      const at = slot * 2 * K + K;
      const m = word.length;
      for (let k = 0; k + 4 <= m + 2; k++) {
        let h = FNV_SEED;
        for (let q = k; q < k + 4; q++) h = Math.imul(h ^ (q === 0 || q === m + 1 ? 32 : word.charCodeAt(q - 1)), 0x01000193);
        this.addRow(at, (mix(P.charGram, fmix32(h)) & this.mask) >>> 0);
      }
      this.filled[slot]! |= 2;
    }
    this.push(slot * 2 * K + K);
  }

  /** Adds the word row of a slot (filled on first use) to the span's rows. */
  own(slot: number): void {
    if ((this.filled[slot]! & 1) === 0) this.fillOwn(slot);
    this.push(slot * 2 * K);
  }

  private push(row: number): void {
    if (this.n === this.rows.length) {
      const bigger = new Int32Array(2 * this.n);
      bigger.set(this.rows);
      this.rows = bigger;
    }
    this.rows[this.n++] = row;
  }

  /** Fills `own` of a slot: the word's hash, cluster and class features, as spanFeatures pushes them. */
  private fillOwn(slot: number): void {
    const c = this.cache;
    const at = slot * 2 * K;
    this.addRow(at, (mix(P.word, c.hash[slot]!) & this.mask) >>> 0);
    if (c.clustered && c.cluster[slot]! !== 0) this.addRow(at, (mix(P.cluster, c.cluster[slot]! & 0xffff) & this.mask) >>> 0);
    if (c.classed && c.wclass[slot]! !== 0) this.addRow(at, (mix(P.wordClass, c.wclass[slot]!) & this.mask) >>> 0);
    if (c.leveled && c.level[slot]! !== LOADED_NEUTRAL) this.addRow(at, (mix(P.loadedLevel, c.level[slot]!) & this.mask) >>> 0);
    this.filled[slot]! |= 1;
  }

  private addRow(at: number, feature: number): void {
    const b = feature * K;
    for (let c = 0; c < K; c++) this.sums[at + c] = (this.sums[at + c]! + this.w[b + c]!) | 0;
  }
}

/**
 * base[c] = the sum of sums[row + c] over the first n rows, as 32-bit integers; every row is touched
 * first so that their cache misses overlap (as predictProba's), then summed in registers.
 */
function sumRows(sums: Int32Array, rows: Int32Array, n: number, base: Int32Array): void {
  let touched = 0;
  for (let q = 0; q < n; q++) touched += sums[rows[q]!]! + sums[rows[q]! + K - 1]!;
  if (touched !== touched) n = 0; // never (integers): keeps the loads live
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  for (let q = 0; q < n; q++) {
    const r = rows[q]!;
    c0 = (c0 + sums[r]!) | 0;
    c1 = (c1 + sums[r + 1]!) | 0;
    c2 = (c2 + sums[r + 2]!) | 0;
    c3 = (c3 + sums[r + 3]!) | 0;
    c4 = (c4 + sums[r + 4]!) | 0;
    c5 = (c5 + sums[r + 5]!) | 0;
    c6 = (c6 + sums[r + 6]!) | 0;
    c7 = (c7 + sums[r + 7]!) | 0;
    c8 = (c8 + sums[r + 8]!) | 0;
    c9 = (c9 + sums[r + 9]!) | 0;
    c10 = (c10 + sums[r + 10]!) | 0;
    c11 = (c11 + sums[r + 11]!) | 0;
    c12 = (c12 + sums[r + 12]!) | 0;
    c13 = (c13 + sums[r + 13]!) | 0;
  }
  base[0] = c0; base[1] = c1; base[2] = c2; base[3] = c3; base[4] = c4; base[5] = c5; base[6] = c6;
  base[7] = c7; base[8] = c8; base[9] = c9; base[10] = c10; base[11] = c11; base[12] = c12; base[13] = c13;
}

let rows: WordRows | null = null;
const buffer = new FeatureBuffer();
const base = new Int32Array(K);

/** The per-word rows of this word cache and classifier (started afresh when either changes). */
function rowsFor(cache: WordCache, w: Int16Array, mask: number): WordRows {
  if (!rows || rows.cache !== cache || rows.w !== w || rows.mask !== mask) rows = new WordRows(cache, w, mask);
  rows.grow();
  return rows;
}

/**
 * predictProba(m, spanFeatures(v, a, b, …, textCount)) into `out`: the same probabilities, with
 * single-word features summed per word for 16-bit weights over 14 classes.
 */
export function spanProbabilities(m: LogRegWeights, v: DocView, a: number, b: number, textCount: (lower: string, atMost: number) => number, out: Float64Array<ArrayBuffer>): Float64Array {
  const mask = m.buckets - 1;
  buffer.reset(mask);
  if (!(m.w instanceof Int16Array) || m.classes !== K) {
    spanFeatures(v, a, b, buffer, textCount);
    return predictProba(m, buffer.data.subarray(0, buffer.length), out);
  }
  const r = rowsFor(v.words, m.w, mask);
  r.n = 0;
  spanFeatures(v, a, b, buffer, textCount, r);
  for (let k = a; k < b; k++) r.own(v.slot[k]!);
  sumRows(r.sums, r.rows, r.n, base);
  return predictProba(m, buffer.data.subarray(0, buffer.length), out, base);
}
