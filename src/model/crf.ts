/**
 * A linear-chain CRF over hashed features: emission weights per (bucket, label), label transitions,
 * trained by AdaGrad on the log-likelihood with L2 on the touched weights. Exact marginals come from
 * forward-backward in log space, so span scores are probabilities, not just a best path.
 */
import { rng, shuffle } from './hash.js';

/**
 * One sequence (a sentence): token t owns feats[offs[t] .. offs[t+1]) (bucket indices). Offsets may
 * point into a larger array (inference lays out a whole document's features in one).
 */
export interface Sequence {
  offs: Int32Array;
  feats: Uint32Array;
  labels?: Uint8Array;
  /** Features every token carries alike (inference only): their weights are summed once. */
  shared?: Uint32Array;
}

export interface CrfWeights {
  labels: number;
  buckets: number;
  /** emission[bucket * labels + y]; a loaded model keeps them as 16-bit integers times emissionScale. */
  emission: Float32Array | Int16Array;
  emissionScale?: number;
  /** transition[(prev + 1) * labels + y]; row 0 is the start state. */
  transition: Float32Array;
}

export interface CrfTrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** Return the mean of the end-of-epoch weights over the last `average` epochs (0 or 1: the last weights). */
  average?: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

export function newCrf(labels: number, buckets: number): CrfWeights {
  return { labels, buckets, emission: new Float32Array(buckets * labels), transition: new Float32Array((labels + 1) * labels) };
}

function logSumExp(a: Float64Array, from: number, n: number): number {
  let m = -Infinity;
  for (let k = 0; k < n; k++) if (a[from + k]! > m) m = a[from + k]!;
  if (m === -Infinity) return m;
  let s = 0;
  for (let k = 0; k < n; k++) s += Math.exp(a[from + k]! - m);
  return m + Math.log(s);
}

/** Emission scores score[t * L + y]. */
function emissions(w: CrfWeights, seq: Sequence, out: Float64Array): void {
  const L = w.labels;
  const T = seq.offs.length - 1;
  // Weights of the sentence-wide features, summed once; every token starts from them.
  const base0 = sharedScratch.length >= L ? sharedScratch : (sharedScratch = new Float64Array(L));
  base0.fill(0, 0, L);
  if (seq.shared) {
    for (let k = 0; k < seq.shared.length; k++) {
      const base = seq.shared[k]! * L;
      for (let y = 0; y < L; y++) base0[y] += w.emission[base + y]!;
    }
  }
  const emission = w.emission;
  const { offs, feats } = seq;
  if (L === 3) {
    // The B/I/O tagger: three running sums in registers, so the gathers from the (large) weight table
    // are all that touches memory.
    for (let t = 0; t < T; t++) {
      let e0 = base0[0]!;
      let e1 = base0[1]!;
      let e2 = base0[2]!;
      for (let k = offs[t]!, end = offs[t + 1]!; k < end; k++) {
        const base = feats[k]! * 3;
        e0 += emission[base]!;
        e1 += emission[base + 1]!;
        e2 += emission[base + 2]!;
      }
      out[t * 3] = e0;
      out[t * 3 + 1] = e1;
      out[t * 3 + 2] = e2;
    }
  } else {
    for (let t = 0; t < T; t++) {
      for (let y = 0; y < L; y++) out[t * L + y] = base0[y]!;
      for (let k = offs[t]!; k < offs[t + 1]!; k++) {
        const base = feats[k]! * L;
        for (let y = 0; y < L; y++) out[t * L + y] += emission[base + y]!;
      }
    }
  }
  const sc = w.emissionScale;
  if (sc !== undefined && sc !== 1) for (let i = 0; i < T * L; i++) out[i] *= sc;
}

let sharedScratch = new Float64Array(8);

interface Work {
  em: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
  tmp: Float64Array;
  scale: Float64Array;
}

function work(T: number, L: number, w?: Work): Work {
  if (w && w.em.length >= T * L) return w;
  const n = Math.max(T * L, 64);
  return { em: new Float64Array(n * 2), alpha: new Float64Array(n * 2), beta: new Float64Array(n * 2), tmp: new Float64Array(Math.max(L, 8)), scale: new Float64Array(n) };
}

/** Forward-backward; fills `marg[t * L + y]` and returns log Z. Optionally the pairwise marginals via a callback. */
function forwardBackward(
  w: CrfWeights,
  seq: Sequence,
  ws: Work,
  marg: Float64Array,
  pair?: (t: number, prev: number, y: number, p: number) => void,
): number {
  const L = w.labels;
  const T = seq.offs.length - 1;
  const { em, alpha, beta, tmp } = ws;
  const tr = w.transition;
  emissions(w, seq, em);
  for (let y = 0; y < L; y++) alpha[y] = tr[y]! + em[y]!;
  for (let t = 1; t < T; t++) {
    for (let y = 0; y < L; y++) {
      for (let p = 0; p < L; p++) tmp[p] = alpha[(t - 1) * L + p]! + tr[(p + 1) * L + y]!;
      alpha[t * L + y] = logSumExp(tmp, 0, L) + em[t * L + y]!;
    }
  }
  const logZ = logSumExp(alpha, (T - 1) * L, L);
  for (let y = 0; y < L; y++) beta[(T - 1) * L + y] = 0;
  for (let t = T - 2; t >= 0; t--) {
    for (let p = 0; p < L; p++) {
      for (let y = 0; y < L; y++) tmp[y] = tr[(p + 1) * L + y]! + em[(t + 1) * L + y]! + beta[(t + 1) * L + y]!;
      beta[t * L + p] = logSumExp(tmp, 0, L);
    }
  }
  for (let t = 0; t < T; t++) for (let y = 0; y < L; y++) marg[t * L + y] = Math.exp(alpha[t * L + y]! + beta[t * L + y]! - logZ);
  if (pair) {
    for (let y = 0; y < L; y++) pair(0, -1, y, marg[y]!);
    for (let t = 1; t < T; t++) {
      for (let p = 0; p < L; p++) {
        for (let y = 0; y < L; y++) {
          pair(t, p, y, Math.exp(alpha[(t - 1) * L + p]! + tr[(p + 1) * L + y]! + em[t * L + y]! + beta[t * L + y]! - logZ));
        }
      }
    }
  }
  return logZ;
}

/** exp(transition) per weights object, for the probability-space recursion. */
const expTransitions = new WeakMap<Float32Array, Float64Array>();
let inferenceWork: Work | undefined;

/**
 * Per-token label marginals, [t * L + y]. Inference runs forward-backward in probability space with
 * per-position scaling (Rabiner): three exponentials per token instead of the log-space recursion's
 * dozens of exp/log calls, with the same marginals up to rounding.
 */
export function crfMarginals(w: CrfWeights, seq: Sequence, into?: Float64Array): Float64Array {
  const T = seq.offs.length - 1;
  const L = w.labels;
  // With `into` (inference), the marginals are written to its start and a view of them is returned.
  const marg = into && into.length >= T * L ? into.subarray(0, T * L) : new Float64Array(T * L);
  if (T === 0) return marg;
  if (L === 3) {
    const shared = seq.shared;
    marginals3(w, seq.offs, 0, T, seq.feats, shared ?? seq.feats, 0, shared ? shared.length : 0, marg);
    return marg;
  }
  anyLabels(w, seq, marg);
  return marg;
}

/** crfMarginals by the recursion for any number of labels, kept to check the three-label path against. */
export function crfMarginalsAnyLabels(w: CrfWeights, seq: Sequence): Float64Array {
  const marg = new Float64Array((seq.offs.length - 1) * w.labels);
  if (marg.length > 0) anyLabels(w, seq, marg);
  return marg;
}

function anyLabels(w: CrfWeights, seq: Sequence, marg: Float64Array): void {
  const T = seq.offs.length - 1;
  const L = w.labels;
  const ws = (inferenceWork = work(T, L, inferenceWork));
  const { em, alpha, beta } = ws;
  const scale = ws.scale.length >= T ? ws.scale : (ws.scale = new Float64Array(T * 2));
  let tr = expTransitions.get(w.transition);
  if (!tr) expTransitions.set(w.transition, (tr = Float64Array.from(w.transition, Math.exp)));
  emissions(w, seq, em);
  // em becomes exp(em - max over labels): bounded potentials whatever the weights.
  for (let t = 0; t < T; t++) {
    let m = -Infinity;
    for (let y = 0; y < L; y++) if (em[t * L + y]! > m) m = em[t * L + y]!;
    for (let y = 0; y < L; y++) em[t * L + y] = Math.exp(em[t * L + y]! - m);
  }
  let c = 0;
  for (let y = 0; y < L; y++) c += alpha[y] = tr[y]! * em[y]!;
  scale[0] = c;
  for (let y = 0; y < L; y++) alpha[y]! /= c;
  for (let t = 1; t < T; t++) {
    c = 0;
    for (let y = 0; y < L; y++) {
      let sum = 0;
      for (let p = 0; p < L; p++) sum += alpha[(t - 1) * L + p]! * tr[(p + 1) * L + y]!;
      c += alpha[t * L + y] = sum * em[t * L + y]!;
    }
    scale[t] = c;
    for (let y = 0; y < L; y++) alpha[t * L + y]! /= c;
  }
  for (let y = 0; y < L; y++) beta[(T - 1) * L + y] = 1;
  for (let t = T - 2; t >= 0; t--) {
    for (let p = 0; p < L; p++) {
      let sum = 0;
      for (let y = 0; y < L; y++) sum += tr[(p + 1) * L + y]! * em[(t + 1) * L + y]! * beta[(t + 1) * L + y]!;
      beta[t * L + p] = sum / scale[t + 1]!;
    }
  }
  for (let t = 0; t < T; t++) {
    let z = 0;
    for (let y = 0; y < L; y++) z += marg[t * L + y] = alpha[t * L + y]! * beta[t * L + y]!;
    for (let y = 0; y < L; y++) marg[t * L + y]! /= z;
  }
}

/**
 * crfMarginals for the B/I/O tagger (three labels), on a sentence given by position instead of as a
 * Sequence of views: token t (0 <= t < T) owns feats[offs[o0 + t] .. offs[o0 + t + 1]), and every token
 * carries shared[s0 .. s1). Writes marg[0 .. 3T). Inference calls it once per sentence, so it creates
 * no views or objects per call, and the recursion is unrolled over the three labels. It performs the
 * same floating-point operations in the same order as the general path, so the marginals are the same
 * to the bit. With 16-bit weights, `tokenBase[3(o0 + t) + y]` (when given) is added to token t's
 * integer score for label y: weights of features summed elsewhere (wordTemplateSums).
 */
export function marginals3(w: CrfWeights, offs: Int32Array, o0: number, T: number, feats: Uint32Array, shared: Uint32Array, s0: number, s1: number, marg: Float64Array, tokenBase?: Int32Array): void {
  if (T === 0) return;
  const ws = (inferenceWork = work(T, 3, inferenceWork));
  const { em, alpha } = ws;
  const scale = ws.scale.length >= T ? ws.scale : (ws.scale = new Float64Array(T * 2));
  let tr = expTransitions.get(w.transition);
  if (!tr) expTransitions.set(w.transition, (tr = Float64Array.from(w.transition, Math.exp)));
  if (tokenBase && !(w.emission instanceof Int16Array)) throw new Error('per-token weight sums need 16-bit tagger weights');
  emissionPotentials(w.emission, offs, o0, T, feats, shared, s0, s1, w.emissionScale ?? 1, em, tokenBase);
  const t00 = tr[3]!, t01 = tr[4]!, t02 = tr[5]!;
  const t10 = tr[6]!, t11 = tr[7]!, t12 = tr[8]!;
  const t20 = tr[9]!, t21 = tr[10]!, t22 = tr[11]!;
  let a0 = tr[0]! * em[0]!;
  let a1 = tr[1]! * em[1]!;
  let a2 = tr[2]! * em[2]!;
  let c = a0 + a1 + a2;
  scale[0] = c;
  alpha[0] = a0 /= c;
  alpha[1] = a1 /= c;
  alpha[2] = a2 /= c;
  for (let t = 1; t < T; t++) {
    const n0 = (a0 * t00 + a1 * t10 + a2 * t20) * em[t * 3]!;
    const n1 = (a0 * t01 + a1 * t11 + a2 * t21) * em[t * 3 + 1]!;
    const n2 = (a0 * t02 + a1 * t12 + a2 * t22) * em[t * 3 + 2]!;
    c = n0 + n1 + n2;
    scale[t] = c;
    alpha[t * 3] = a0 = n0 / c;
    alpha[t * 3 + 1] = a1 = n1 / c;
    alpha[t * 3 + 2] = a2 = n2 / c;
  }
  // Backward, with each position's marginals as soon as its beta is known (beta = 1 at the end).
  let q0 = 1;
  let q1 = 1;
  let q2 = 1;
  marginalsAt(alpha, T - 1, q0, q1, q2, marg);
  for (let t = T - 2; t >= 0; t--) {
    const e0 = em[(t + 1) * 3]!;
    const e1 = em[(t + 1) * 3 + 1]!;
    const e2 = em[(t + 1) * 3 + 2]!;
    const s = scale[t + 1]!;
    const p0 = (t00 * e0 * q0 + t01 * e1 * q1 + t02 * e2 * q2) / s;
    const p1 = (t10 * e0 * q0 + t11 * e1 * q1 + t12 * e2 * q2) / s;
    const p2 = (t20 * e0 * q0 + t21 * e1 * q1 + t22 * e2 * q2) / s;
    q0 = p0;
    q1 = p1;
    q2 = p2;
    marginalsAt(alpha, t, q0, q1, q2, marg);
  }
}

/**
 * marginals3's emission potentials: each token's three label scores (the shared features', its
 * own, and `tokenBase`'s when given), scaled, as exp(score - max). A loaded model's 16-bit weights
 * are integers, so their sums are exact in any order (tokenBase holds such sums: inference adds the
 * word templates' weights per word). exp(score - max) is 1 for the label holding the max (exp(0) is
 * exactly 1): one exp fewer per token.
 */
function emissionPotentials(emission: Float32Array | Int16Array, offs: Int32Array, o0: number, T: number, feats: Uint32Array, shared: Uint32Array, s0: number, s1: number, sc: number, em: Float64Array, tokenBase?: Int32Array): void {
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let k = s0; k < s1; k++) {
    const base = shared[k]! * 3;
    b0 += emission[base]!;
    b1 += emission[base + 1]!;
    b2 += emission[base + 2]!;
  }
  for (let t = 0; t < T; t++) {
    let e0 = b0;
    let e1 = b1;
    let e2 = b2;
    if (tokenBase) {
      const at = (o0 + t) * 3;
      e0 += tokenBase[at]!;
      e1 += tokenBase[at + 1]!;
      e2 += tokenBase[at + 2]!;
    }
    for (let k = offs[o0 + t]!, end = offs[o0 + t + 1]!; k < end; k++) {
      const base = feats[k]! * 3;
      e0 += emission[base]!;
      e1 += emission[base + 1]!;
      e2 += emission[base + 2]!;
    }
    potentials(sc === 1 ? e0 : e0 * sc, sc === 1 ? e1 : e1 * sc, sc === 1 ? e2 : e2 * sc, t, em);
  }
}

/** em[3t..3t+3) = exp(score - max over labels), as crfMarginals computes them. */
function potentials(e0: number, e1: number, e2: number, t: number, em: Float64Array): void {
  let m = e0;
  if (e1 > m) m = e1;
  if (e2 > m) m = e2;
  em[t * 3] = e0 === m ? 1 : Math.exp(e0 - m);
  em[t * 3 + 1] = e1 === m ? 1 : Math.exp(e1 - m);
  em[t * 3 + 2] = e2 === m ? 1 : Math.exp(e2 - m);
}

function marginalsAt(alpha: Float64Array, t: number, q0: number, q1: number, q2: number, marg: Float64Array): void {
  const m0 = alpha[t * 3]! * q0;
  const m1 = alpha[t * 3 + 1]! * q1;
  const m2 = alpha[t * 3 + 2]! * q2;
  const z = m0 + m1 + m2;
  marg[t * 3] = m0 / z;
  marg[t * 3 + 1] = m1 / z;
  marg[t * 3 + 2] = m2 / z;
}

/** The log-space marginals (training's recursion), kept to check the fast path against. */
export function crfMarginalsLog(w: CrfWeights, seq: Sequence): Float64Array {
  const T = seq.offs.length - 1;
  const L = w.labels;
  const marg = new Float64Array(T * L);
  if (T === 0) return marg;
  forwardBackward(w, seq, work(T, L), marg);
  return marg;
}

export function trainCrf(w: CrfWeights, data: readonly Sequence[], opts: CrfTrainOptions): void {
  if (!(w.emission instanceof Float32Array)) throw new Error('trainCrf needs float weights');
  const L = w.labels;
  const gEm = new Float32Array(w.emission.length);
  const gTr = new Float64Array(w.transition.length);
  const order = data.map((_, i) => i);
  const random = rng(opts.seed);
  let ws: Work | undefined;
  let marg = new Float64Array(1024);
  const trGrad = new Float64Array(w.transition.length);
  const avgFrom = opts.average && opts.average > 1 ? Math.max(0, opts.epochs - opts.average) : opts.epochs;
  const sumEm = avgFrom < opts.epochs ? new Float64Array(w.emission.length) : null;
  const sumTr = new Float64Array(w.transition.length);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (const idx of order) {
      const seq = data[idx]!;
      const T = seq.offs.length - 1;
      if (T === 0 || !seq.labels) continue;
      ws = work(T, L, ws);
      if (marg.length < T * L) marg = new Float64Array(T * L * 2);
      trGrad.fill(0);
      const logZ = forwardBackward(w, seq, ws, marg, (t, p, y, pr) => {
        trGrad[(p + 1) * L + y] += pr;
      });
      // Gold path score.
      let gold = 0;
      const em = ws.em;
      for (let t = 0; t < T; t++) {
        const y = seq.labels[t]!;
        const p = t === 0 ? -1 : seq.labels[t - 1]!;
        gold += em[t * L + y]! + w.transition[(p + 1) * L + y]!;
        trGrad[(p + 1) * L + y] -= 1;
      }
      loss += logZ - gold;
      // Emission updates (AdaGrad with L2 on touched weights).
      for (let t = 0; t < T; t++) {
        const y0 = seq.labels[t]!;
        for (let k = seq.offs[t]!; k < seq.offs[t + 1]!; k++) {
          const base = seq.feats[k]! * L;
          for (let y = 0; y < L; y++) {
            const i = base + y;
            const g = marg[t * L + y]! - (y === y0 ? 1 : 0) + opts.l2 * w.emission[i]!;
            if (g === 0) continue;
            gEm[i] += g * g;
            w.emission[i] -= (opts.rate * g) / Math.sqrt(gEm[i]! + 1e-6);
          }
        }
      }
      for (let i = 0; i < trGrad.length; i++) {
        const g = trGrad[i]!;
        if (g === 0) continue;
        gTr[i] += g * g;
        w.transition[i] -= (opts.rate * g) / Math.sqrt(gTr[i]! + 1e-6);
      }
    }
    opts.onEpoch?.(epoch, loss);
    if (sumEm && epoch >= avgFrom) {
      for (let i = 0; i < sumEm.length; i++) sumEm[i] += w.emission[i]!;
      for (let i = 0; i < sumTr.length; i++) sumTr[i] += w.transition[i]!;
    }
  }
  if (sumEm) {
    const n = opts.epochs - avgFrom;
    for (let i = 0; i < sumEm.length; i++) w.emission[i] = sumEm[i]! / n;
    for (let i = 0; i < sumTr.length; i++) w.transition[i] = sumTr[i]! / n;
  }
}
