import type { PackScores } from './model.js';

/**
 * Selections of the strongest few, in the order a stable sort of them all would give, without
 * sorting the rest: the narratives layer shows at most three evidence sentences per label and three
 * model words per sentence. Each has a test against the sort it replaces (top.test.ts).
 */

/**
 * The first `k` sentences that pass `ok`, in the order of sorting them all by label l's logit
 * descending and then by sentence (a logit of -Infinity, a gated sub-narrative, sorts last).
 */
export function topSentences(r: Pick<PackScores, 'S' | 'L' | 'z'>, l: number, k: number, ok: (s: number) => boolean): number[] {
  const { z, L } = r;
  const top: number[] = [];
  for (let s = 0; s < r.S; s++) {
    if (!ok(s)) continue;
    const v = z[s * L + l]!;
    // Sentences come in order, so an equal logit ranks after those already kept.
    let j = top.length;
    while (j > 0 && v > z[top[j - 1]! * L + l]!) j--;
    if (j >= k) continue;
    top.splice(j, 0, s);
    if (top.length > k) top.length = k;
  }
  return top;
}

/**
 * The indices k < n with weight w[k] >= min, strongest `max` first: weight descending, then token
 * a[k] ascending, then index (what a stable sort by weight and token gives).
 */
export function strongestWords(w: Float64Array, a: Int32Array, n: number, min: number, max: number): number[] {
  const top: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = w[k]!;
    if (!(v >= min)) continue;
    let j = top.length;
    while (j > 0 && (v > w[top[j - 1]!]! || (v === w[top[j - 1]!]! && a[k]! < a[top[j - 1]!]!))) j--;
    if (j >= max) continue;
    top.splice(j, 0, k);
    if (top.length > max) top.length = max;
  }
  return top;
}

/**
 * The labels l not in `skip` (skip[l] = 1) with prob[l] >= min, strongest `max` first: probability
 * descending, then label (what a sort of them all gives).
 */
export function strongestItems(prob: Float64Array, skip: Uint8Array, min: number, max: number): number[] {
  const top: number[] = [];
  for (let l = 0; l < prob.length; l++) {
    const p = prob[l]!;
    if (skip[l] === 1 || !(p >= min)) continue;
    // Labels come in order, so an equal probability ranks after those already kept.
    let j = top.length;
    while (j > 0 && p > prob[top[j - 1]!]!) j--;
    if (j >= max) continue;
    top.splice(j, 0, l);
    if (top.length > max) top.length = max;
  }
  return top;
}
