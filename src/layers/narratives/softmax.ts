import { rng, shuffle } from '../../core/random.js';

/**
 * The sentence model: two softmax classifiers over the same sparse features, one choosing among
 * a pack's narratives and "none", the other among its sub-narratives and "none". Columns: item l
 * of the pack (narrative or sub-narrative) is column l; column L is the narratives' "none" and
 * column L + 1 the sub-narratives'. A sentence's logit for item l is its score for l minus its
 * score for its level's "none", so narratives compete for a sentence, and a sentence that says
 * nothing in particular goes to "none" instead of raising every narrative a little.
 *
 * Training minimises the partial-label loss -log P(allowed classes): an example sentence of a
 * narrative allows that narrative only; a sentence of a document that carries narratives A and B
 * allows A, B or none; a sentence of a document that carries none allows none. FTRL-Proximal with
 * L1 leaves most weights at exactly zero, which keeps the model small and fast to apply.
 */

export interface Instance {
  ids: Int32Array;
  scale: number;
  /** Allowed columns at the narrative level (null: unknown, no update). */
  narr: Int32Array | null;
  /** Allowed columns at the sub-narrative level (null: unknown). */
  sub: Int32Array | null;
}

export interface LinearModel {
  /** Weights of feature f for column c at f * C + c (C = L + 2). */
  W: Float64Array;
  bias: Float64Array;
  L: number;
}

export interface SoftmaxOptions {
  epochs: number;
  l1: number;
  l2: number;
  alpha: number;
  seed: number;
}

/** Trains both softmax levels (`narrCols`, `subCols`: the columns of each level, "none" included). */
export function trainSoftmax(instances: readonly Instance[], F: number, L: number, narrCols: readonly number[], subCols: readonly number[], o: SoftmaxOptions): LinearModel {
  const C = L + 2;
  const Z = new Float64Array(F * C);
  const N = new Float64Array(F * C);
  const bias = new Float64Array(C);
  const Gb = new Float64Array(C).fill(1e-8);
  const { alpha, l1, l2 } = o;
  const beta = 1;
  const weightAt = (k: number): number => {
    const z = Z[k]!;
    if (z <= l1 && z >= -l1) return 0;
    return -(z - (z > 0 ? l1 : -l1)) / ((beta + Math.sqrt(N[k]!)) / alpha + l2);
  };
  const order = instances.map((_, i) => i);
  const random = rng(o.seed);
  const s = new Float64Array(C);
  const g = new Float64Array(C);
  const allowed = new Uint8Array(C);
  let w = new Float64Array(64 * C);
  const level = (cols: readonly number[], allow: Int32Array) => {
    // g = p - q where q is p restricted to the allowed classes and renormalised.
    let max = -Infinity;
    for (const c of cols) if (s[c]! > max) max = s[c]!;
    let total = 0;
    let inAllowed = 0;
    for (const c of cols) {
      const e = Math.exp(s[c]! - max);
      g[c] = e;
      total += e;
    }
    for (const c of allow) allowed[c] = 1;
    for (const c of cols) if (allowed[c]) inAllowed += g[c]!;
    for (const c of cols) {
      const p = g[c]! / total;
      const q = allowed[c] ? g[c]! / inAllowed : 0;
      g[c] = p - q;
    }
    for (const c of allow) allowed[c] = 0;
  };
  for (let e = 0; e < o.epochs; e++) {
    shuffle(order, random);
    for (const i of order) {
      const x = instances[i]!;
      if (!x.narr && !x.sub) continue;
      const sc = x.scale;
      if (w.length < x.ids.length * C) w = new Float64Array(x.ids.length * C * 2);
      for (let c = 0; c < C; c++) {
        s[c] = 0;
        g[c] = 0;
      }
      for (let j = 0; j < x.ids.length; j++) {
        const r = x.ids[j]! * C;
        for (let c = 0; c < C; c++) {
          const v = weightAt(r + c);
          w[j * C + c] = v;
          s[c]! += v;
        }
      }
      for (let c = 0; c < C; c++) s[c] = bias[c]! + sc * s[c]!;
      if (x.narr) level(narrCols, x.narr);
      if (x.sub) level(subCols, x.sub);
      for (let c = 0; c < C; c++) {
        if (g[c] === 0) continue;
        Gb[c]! += g[c]! * g[c]!;
        bias[c]! -= (alpha * g[c]!) / Math.sqrt(Gb[c]!);
      }
      for (let j = 0; j < x.ids.length; j++) {
        const r = x.ids[j]! * C;
        for (let c = 0; c < C; c++) {
          if (g[c] === 0) continue;
          const k = r + c;
          const grad = g[c]! * sc;
          const n = N[k]!;
          const sigma = (Math.sqrt(n + grad * grad) - Math.sqrt(n)) / alpha;
          Z[k]! += grad - sigma * w[j * C + c]!;
          N[k] = n + grad * grad;
        }
      }
    }
  }
  const W = new Float64Array(F * C);
  for (let k = 0; k < W.length; k++) W[k] = weightAt(k);
  return { W, bias, L };
}

/**
 * A sentence's sub-narratives are scored only where it leans to their narrative at least this much
 * (logit); elsewhere their logit is -Infinity. Most sentences of an article lean to no narrative,
 * so this skips most of the work, and a sub-narrative without its narrative says nothing anyway.
 */
export const SUB_GATE = -1;

/**
 * Sentence logits (s * L + l) of a document's sentence vectors: each item's score minus its
 * level's "none" score (sub-narratives gated by SUB_GATE). `noneOf[l]` is the "none" column of
 * item l's level, `parentOf[l]` a sub-narrative's narrative (-1 for a narrative).
 */
export function sentenceLogits(vs: ReadonlyArray<readonly [Int32Array, number]>, m: LinearModel, noneOf: ArrayLike<number>, parentOf: ArrayLike<number>): Float64Array {
  const L = m.L;
  const C = L + 2;
  const z = new Float64Array(vs.length * L);
  const s = new Float64Array(C);
  vs.forEach(([ids, count], i) => {
    const scale = 1 / Math.sqrt(Math.max(1, count));
    s.fill(0);
    for (const f of ids) for (let c = 0; c < C; c++) s[c]! += m.W[f * C + c]!;
    for (let c = 0; c < C; c++) s[c] = m.bias[c]! + scale * s[c]!;
    for (let l = 0; l < L; l++) z[i * L + l] = s[l]! - s[noneOf[l]!]!;
    for (let l = 0; l < L; l++) if (parentOf[l]! >= 0 && !(z[i * L + parentOf[l]!]! > SUB_GATE)) z[i * L + l] = -Infinity;
  });
  return z;
}
