/**
 * Multinomial logistic regression over hashed sparse features, trained by AdaGrad with L2 on the
 * touched weights. Used to classify the technique of a span.
 */
import { rng, shuffle } from './hash.js';

export interface LogRegWeights {
  classes: number;
  buckets: number;
  /** w[bucket * classes + c]; a loaded model keeps them as 16-bit integers times `scale`. */
  w: Float32Array | Int16Array;
  scale?: number;
}

export interface Example {
  feats: Uint32Array;
  /** Gold class, or several classes sharing the probability mass (a span with two techniques). */
  labels: number[];
}

export function newLogReg(classes: number, buckets: number): LogRegWeights {
  return { classes, buckets, w: new Float32Array(classes * buckets) };
}

/**
 * predictProba's sums of 16-bit weights for the 14 PTC techniques, in 14 registers instead of an
 * array the loop over classes reads and writes back for every feature: about 3x faster on rows in
 * cache (measured in isolation: 10 against 30 ns a feature). Sums of integers are exact, as 32-bit
 * integers or as doubles, so the result is the general loop's to the bit.
 */
function sum14(w: Int16Array, feats: Uint32Array | readonly number[], out: Float64Array, base?: Int32Array): void {
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  if (base) {
    c0 = base[0]!; c1 = base[1]!; c2 = base[2]!; c3 = base[3]!; c4 = base[4]!; c5 = base[5]!; c6 = base[6]!;
    c7 = base[7]!; c8 = base[8]!; c9 = base[9]!; c10 = base[10]!; c11 = base[11]!; c12 = base[12]!; c13 = base[13]!;
  }
  for (let k = 0; k < feats.length; k++) {
    const b = feats[k]! * 14;
    c0 = (c0 + w[b]!) | 0;
    c1 = (c1 + w[b + 1]!) | 0;
    c2 = (c2 + w[b + 2]!) | 0;
    c3 = (c3 + w[b + 3]!) | 0;
    c4 = (c4 + w[b + 4]!) | 0;
    c5 = (c5 + w[b + 5]!) | 0;
    c6 = (c6 + w[b + 6]!) | 0;
    c7 = (c7 + w[b + 7]!) | 0;
    c8 = (c8 + w[b + 8]!) | 0;
    c9 = (c9 + w[b + 9]!) | 0;
    c10 = (c10 + w[b + 10]!) | 0;
    c11 = (c11 + w[b + 11]!) | 0;
    c12 = (c12 + w[b + 12]!) | 0;
    c13 = (c13 + w[b + 13]!) | 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  out[4] = c4;
  out[5] = c5;
  out[6] = c6;
  out[7] = c7;
  out[8] = c8;
  out[9] = c9;
  out[10] = c10;
  out[11] = c11;
  out[12] = c12;
  out[13] = c13;
}

/**
 * Class probabilities for one feature list (deduplicated counts add up). `base` (16-bit weights over
 * 14 classes only): integer class sums of further features, added to the list's (span-scores.ts).
 */
export function predictProba(m: LogRegWeights, feats: Uint32Array | readonly number[], out = new Float64Array(m.classes), base?: Int32Array): Float64Array {
  const K = m.classes;
  out.fill(0);
  const w = m.w;
  // Touch each feature's row first: these loads are independent, so the processor overlaps their
  // cache misses (dozens in flight) instead of the few the summing loop below leaves room for.
  let touched = 0;
  for (let k = 0; k < feats.length; k++) {
    const base = feats[k]! * K;
    touched += w[base]! + w[base + K - 1]!;
  }
  if (touched !== touched) out[0] = 0; // never (weights are finite): keeps the loads live
  if (w instanceof Int16Array && K === 14) sum14(w, feats, out, base);
  else {
    if (base) throw new Error('predictProba: base sums need 16-bit weights over 14 classes');
    for (let k = 0; k < feats.length; k++) {
      const base = feats[k]! * K;
      for (let c = 0; c < K; c++) out[c] += w[base + c]!;
    }
  }
  if (m.scale !== undefined && m.scale !== 1) for (let c = 0; c < K; c++) out[c] *= m.scale;
  let max = -Infinity;
  for (let c = 0; c < K; c++) if (out[c]! > max) max = out[c]!;
  let s = 0;
  for (let c = 0; c < K; c++) {
    out[c] = Math.exp(out[c]! - max);
    s += out[c]!;
  }
  for (let c = 0; c < K; c++) out[c] /= s;
  return out;
}

export interface LogRegTrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** Per-class weight on the loss (balances rare techniques); default 1. */
  classWeight?: Float64Array;
}

export function trainLogReg(m: LogRegWeights, data: readonly Example[], opts: LogRegTrainOptions): void {
  if (!(m.w instanceof Float32Array)) throw new Error('trainLogReg needs float weights');
  const K = m.classes;
  const G = new Float32Array(m.w.length);
  const order = data.map((_, i) => i);
  const random = rng(opts.seed);
  const p = new Float64Array(K);
  const target = new Float64Array(K);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, random);
    const rate = opts.rate / Math.sqrt(1 + epoch * 0.5);
    for (const i of order) {
      const ex = data[i]!;
      predictProba(m, ex.feats, p);
      target.fill(0);
      for (const l of ex.labels) target[l] += 1 / ex.labels.length;
      let weight = 0;
      for (const l of ex.labels) weight += (opts.classWeight?.[l] ?? 1) / ex.labels.length;
      for (let k = 0; k < ex.feats.length; k++) {
        const base = ex.feats[k]! * K;
        for (let c = 0; c < K; c++) {
          const j = base + c;
          const g = weight * (p[c]! - target[c]!) + opts.l2 * m.w[j]!;
          if (g === 0) continue;
          G[j] += g * g;
          m.w[j] -= (rate * g) / Math.sqrt(G[j]! + 1e-6);
        }
      }
    }
  }
}
