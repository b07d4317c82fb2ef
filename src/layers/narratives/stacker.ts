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

/**
 * The document features of label l: `z` holds sentence logits (sentence s, label j at s * L + j),
 * `cues` the label's explicit evidence count, `rivals` the labels it competes with (its level, or
 * its siblings), `out` receives STACK_K values.
 */
export function stackFeatures(z: Float64Array, S: number, L: number, l: number, cues: number, rivals: readonly number[], out: Float64Array): void {
  let m1 = -Infinity;
  let m2 = -Infinity;
  let soft = 0;
  let lead = -Infinity;
  for (let s = 0; s < S; s++) {
    const v = z[s * L + l]!;
    if (v > m1) {
      m2 = m1;
      m1 = v;
    } else if (v > m2) m2 = v;
    soft += sigmoid(v);
    if (s < 3 && v > lead) lead = v;
  }
  if (S === 0) m1 = m2 = lead = -10;
  if (m2 === -Infinity) m2 = m1;
  let rival = -Infinity;
  for (const r of rivals) {
    if (r === l) continue;
    for (let s = 0; s < S; s++) if (z[s * L + r]! > rival) rival = z[s * L + r]!;
  }
  out[0] = clip(m1, 10);
  out[1] = clip((m1 + m2) / 2, 10);
  out[2] = Math.log1p(soft);
  out[3] = Math.log1p(cues);
  out[4] = clip(lead, 10);
  out[5] = rival === -Infinity ? 0 : clip(m1 - rival, 10);
  out[6] = Math.log1p(S);
}

export function stackProbability(st: Stacker, f: Float64Array): number {
  let x = st.intercept;
  for (let k = 0; k < STACK_K; k++) x += st.coef[k]! * f[k]!;
  return sigmoid(x);
}

/** Fits a stacker by L2-regularised logistic regression (Newton steps: 8 parameters). Deterministic. */
export function fitStacker(rows: readonly Float64Array[], ys: readonly number[], l2 = 0.1): { coef: number[]; intercept: number } {
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
    const step = solve(H, g, D);
    let change = 0;
    for (let a = 0; a < D; a++) {
      w[a]! -= step[a]!;
      change = Math.max(change, Math.abs(step[a]!));
    }
    if (change < 1e-9) break;
  }
  return { coef: Array.from(w.subarray(0, STACK_K), (v) => round(v)), intercept: round(w[STACK_K]!) };
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
