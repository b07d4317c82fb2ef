/**
 * From sentence scores to a document decision. A narrative's document features (its strongest
 * sentence, its top two, how many sentences carry it, the pack's explicit cues, the lead, its margin
 * over the other narratives, the length) go through one small logistic model shared by all the
 * pack's narratives (another for sub-narratives), trained on labelled documents. Label-agnostic, so
 * it needs few documents, and a narrative with no documents of its own still gets a calibrated score.
 */

export const STACK_FEATURES = ['max', 'top2', 'count', 'cues', 'lead', 'margin', 'length'] as const;
export const STACK_K = STACK_FEATURES.length;

export interface Stacker {
  coef: number[];
  intercept: number;
  /** Chosen when the probability is at least this. */
  threshold: number;
  /** At most this many chosen (per document for narratives, per narrative for sub-narratives). */
  maxChosen: number;
}

const clip = (x: number, m: number) => (x > m ? m : x < -m ? -m : x);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Per label, what the stacker needs of a document's sentence logits: top two, count above 0, lead. */
export class LogitSummary {
  m1 = new Float64Array(0);
  m2 = new Float64Array(0);
  /** Sentences that lean to the label (logit above 0). */
  count = new Float64Array(0);
  /** The strongest logit among the first three sentences (headline and lead). */
  lead = new Float64Array(0);
  S = 0;
  L = 0;

  reset(L: number): void {
    if (this.m1.length < L) {
      this.m1 = new Float64Array(L);
      this.m2 = new Float64Array(L);
      this.count = new Float64Array(L);
      this.lead = new Float64Array(L);
    }
    this.m1.fill(-Infinity, 0, L);
    this.m2.fill(-Infinity, 0, L);
    this.count.fill(0, 0, L);
    this.lead.fill(-Infinity, 0, L);
    this.S = 0;
    this.L = L;
  }

  /** Adds label l's logit v in sentence s (sentences in order; a label's -Infinity changes nothing). */
  addOne(l: number, v: number, s: number): void {
    if (v > this.m1[l]!) {
      this.m2[l] = this.m1[l]!;
      this.m1[l] = v;
    } else if (v > this.m2[l]!) this.m2[l] = v;
    if (v > 0) this.count[l]!++;
    if (s < 3 && v > this.lead[l]!) this.lead[l] = v;
  }

  /** Adds sentence s, whose logits are z[base, base + L) (sentences in order). */
  add(z: Float64Array, base: number, s: number): void {
    const { m1, m2, count, lead, L } = this;
    for (let l = 0; l < L; l++) {
      const v = z[base + l]!;
      if (v > m1[l]!) {
        m2[l] = m1[l]!;
        m1[l] = v;
      } else if (v > m2[l]!) m2[l] = v;
      if (v > 0) count[l]!++;
      if (s < 3 && v > lead[l]!) lead[l] = v;
    }
    this.S = s + 1;
  }
}

/** The summary of a document's logits z (sentence s, label l at s * L + l). */
export function summarise(z: Float64Array, S: number, L: number, into = new LogitSummary()): LogitSummary {
  into.reset(L);
  for (let s = 0; s < S; s++) into.add(z, s * L, s);
  return into;
}

/**
 * The document features of every label, STACK_K per label into `out` (label l at l * STACK_K):
 * from the summary of the sentence logits, `cues` each label's explicit evidence count, and
 * `rivals(l)` the labels l competes with (its level, or its siblings).
 */
export function stackFeatures(sum: LogitSummary, cues: ArrayLike<number>, rivals: (l: number) => readonly number[], out: Float64Array): void {
  const { m1, m2, count, lead, S, L } = sum;
  const length = Math.log1p(S);
  for (let l = 0; l < L; l++) {
    let a = m1[l]!;
    let b = m2[l]!;
    let c = lead[l]!;
    // A label never scored (no sentences, or gated sub-narratives) sits at the floor of -10.
    if (S === 0 || a === -Infinity) a = -10;
    if (b === -Infinity) b = a;
    if (c === -Infinity) c = -10;
    let rival = -Infinity;
    for (const r of rivals(l)) if (r !== l && m1[r]! > rival) rival = m1[r]!;
    if (rival !== -Infinity) rival = Math.max(rival, -10);
    const o = l * STACK_K;
    out[o] = clip(a, 10);
    out[o + 1] = clip((a + b) / 2, 10);
    out[o + 2] = Math.log1p(count[l]!);
    out[o + 3] = Math.log1p(cues[l]!);
    out[o + 4] = clip(c, 10);
    out[o + 5] = rival === -Infinity || S === 0 ? 0 : clip(a - rival, 10);
    out[o + 6] = length;
  }
}

/** stackFeatures of the logits z of S sentences (training reads them this way). */
export function stackFeaturesAll(z: Float64Array, S: number, L: number, cues: ArrayLike<number>, rivals: (l: number) => readonly number[], out: Float64Array): void {
  stackFeatures(summarise(z, S, L), cues, rivals, out);
}

/** The stacker's probability from the features at f[offset, offset + STACK_K). */
export function stackProbability(st: Stacker, f: Float64Array, offset = 0): number {
  let x = st.intercept;
  for (let k = 0; k < STACK_K; k++) x += st.coef[k]! * f[offset + k]!;
  return sigmoid(x);
}

/**
 * Which stacker coefficients may not be negative: a narrative must not become less likely as its
 * strongest sentence, its count of sentences, its cues, its lead or its margin grow (only the
 * length's effect is free). With few documents an unconstrained fit learns such inversions.
 */
export const NON_NEGATIVE = [true, true, true, true, true, true, false] as const;

/**
 * Fits a stacker by L2-regularised logistic regression (Newton steps: 8 parameters), keeping the
 * NON_NEGATIVE coefficients at zero or above (active set: the most negative one is fixed at zero
 * and the rest refitted, until none is negative). Deterministic.
 */
export function fitStacker(rows: readonly Float64Array[], ys: readonly number[], l2 = 0.1): { coef: number[]; intercept: number } {
  const fixed = new Set<number>();
  for (;;) {
    const w = fitWith(rows, ys, l2, fixed);
    let worst = -1;
    for (let k = 0; k < STACK_K; k++) if (NON_NEGATIVE[k] && !fixed.has(k) && w[k]! < -1e-9 && (worst < 0 || w[k]! < w[worst]!)) worst = k;
    if (worst < 0) return { coef: Array.from(w.subarray(0, STACK_K), (v) => round(v)), intercept: round(w[STACK_K]!) };
    fixed.add(worst);
  }
}

function fitWith(rows: readonly Float64Array[], ys: readonly number[], l2: number, fixed: ReadonlySet<number>): Float64Array {
  const D = STACK_K + 1;
  const w = new Float64Array(D);
  for (let it = 0; it < 50; it++) {
    const g = new Float64Array(D);
    const H = new Float64Array(D * D);
    for (let i = 0; i < rows.length; i++) {
      const x = rows[i]!;
      let z = w[STACK_K]!;
      for (let k = 0; k < STACK_K; k++) z += w[k]! * x[k]!;
      const p = sigmoid(z);
      const r = p - ys[i]!;
      const q = p * (1 - p);
      for (let a = 0; a < D; a++) {
        const xa = a === STACK_K ? 1 : x[a]!;
        g[a]! += r * xa;
        for (let b = 0; b < D; b++) H[a * D + b]! += q * xa * (b === STACK_K ? 1 : x[b]!);
      }
    }
    for (let a = 0; a < STACK_K; a++) {
      g[a]! += l2 * w[a]!;
      H[a * D + a]! += l2;
    }
    H[STACK_K * D + STACK_K]! += 1e-6;
    // A fixed coefficient stays at zero: its row and column become the identity, its gradient zero.
    for (const a of fixed) {
      g[a] = 0;
      for (let b = 0; b < D; b++) H[a * D + b] = H[b * D + a] = a === b ? 1 : 0;
    }
    const step = solve(H, g, D);
    let change = 0;
    for (let a = 0; a < D; a++) {
      w[a]! -= step[a]!;
      change = Math.max(change, Math.abs(step[a]!));
    }
    if (change < 1e-9) break;
  }
  return w;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Solves H x = g by Gaussian elimination with partial pivoting (H is small and positive definite). */
function solve(H: Float64Array, g: Float64Array, D: number): Float64Array {
  const A = Float64Array.from(H);
  const b = Float64Array.from(g);
  for (let c = 0; c < D; c++) {
    let p = c;
    for (let r = c + 1; r < D; r++) if (Math.abs(A[r * D + c]!) > Math.abs(A[p * D + c]!)) p = r;
    if (p !== c) {
      for (let k = 0; k < D; k++) [A[c * D + k], A[p * D + k]] = [A[p * D + k]!, A[c * D + k]!];
      [b[c], b[p]] = [b[p]!, b[c]!];
    }
    const d = A[c * D + c]! || 1e-12;
    for (let r = c + 1; r < D; r++) {
      const f = A[r * D + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < D; k++) A[r * D + k]! -= f * A[c * D + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(D);
  for (let r = D - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < D; k++) s -= A[r * D + k]! * x[k]!;
    x[r] = s / (A[r * D + r]! || 1e-12);
  }
  return x;
}
