/**
 * Exact tests for comparing two Poisson rates (findings per word) and the Benjamini-Hochberg
 * correction. Conditional on the total count n = a + b, the group's count a is
 * Binomial(n, p0) with p0 = w1 / (w1 + w2) under equal rates, which gives an exact p-value and,
 * through the Clopper-Pearson interval of p, an exact interval for the rate ratio.
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = 0.99999999999980993;
  const t = x + 7.5;
  for (let i = 0; i < 8; i++) a += LANCZOS[i]! / (x + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaCF(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), a, b > 0, 0 <= x <= 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaCF(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaCF(b, a, 1 - x)) / b;
}

/** x with I_x(a, b) = p (bisection: slow-ish but sure, and only run a few hundred times a comparison). */
export function inverseIncompleteBeta(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return incompleteBeta(1 - p, n - k, k + 1);
}

/** P(X >= k) for X ~ Binomial(n, p). */
export function binomialSf(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return incompleteBeta(p, k, n - k + 1);
}

/** Clopper-Pearson interval for a binomial proportion x / n at level 1 - alpha. */
export function clopperPearson(x: number, n: number, alpha = 0.05): [number, number] {
  const lo = x === 0 ? 0 : inverseIncompleteBeta(alpha / 2, x, n - x + 1);
  const hi = x === n ? 1 : inverseIncompleteBeta(1 - alpha / 2, x + 1, n - x);
  return [lo, hi];
}

export interface RateRatioResult {
  /** (a / w1) / (b / w2); null when a + b = 0; Infinity when b = 0 < a. */
  ratio: number | null;
  /** Exact interval of the ratio; upper is Infinity when b = 0. null when a + b = 0. */
  ci: [number, number] | null;
  /** Two-sided exact p-value (twice the smaller tail, capped at 1). */
  p: number;
}

/**
 * Compares rate a / w1 (counts over exposure, e.g. findings over words) with b / w2.
 * w1 and w2 must be positive.
 */
export function poissonRateRatio(a: number, w1: number, b: number, w2: number, alpha = 0.05): RateRatioResult {
  if (!(w1 > 0 && w2 > 0)) throw new RangeError(`exposures must be positive, got ${w1} and ${w2}`);
  const n = a + b;
  if (n === 0) return { ratio: null, ci: null, p: 1 };
  const p0 = w1 / (w1 + w2);
  const lower = binomialCdf(a, n, p0);
  const upper = binomialSf(a, n, p0);
  const p = Math.min(1, 2 * Math.min(lower, upper));
  const [plo, phi] = clopperPearson(a, n, alpha);
  const scale = w2 / w1;
  const toRatio = (q: number) => (q >= 1 ? Infinity : (q / (1 - q)) * scale);
  return { ratio: b === 0 ? Infinity : (a / w1) / (b / w2), ci: [toRatio(plo), toRatio(phi)], p };
}

/** Benjamini-Hochberg adjusted p-values (q-values), in the input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const q = new Array<number>(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const [p, i] = order[r]!;
    running = Math.min(running, (p * m) / (r + 1));
    q[i] = Math.min(1, running);
  }
  return q;
}

/** ln C(n, k). */
const lnChoose = (n: number, k: number) => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);

/**
 * Fisher's exact test of a 2x2 table [[a, b], [c, d]] (e.g. documents of a group that cast an actor
 * in a role or not, against the rest of the corpus): the two-sided p-value sums the probabilities of
 * every table with the same margins that is no more likely than the observed one.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  if (n === 0 || r1 === 0 || c1 === 0 || r1 === n || c1 === n) return 1;
  const lnDen = lnChoose(n, c1);
  const prob = (x: number) => Math.exp(lnChoose(r1, x) + lnChoose(n - r1, c1 - x) - lnDen);
  const observed = prob(a);
  let p = 0;
  for (let x = Math.max(0, c1 - (n - r1)); x <= Math.min(r1, c1); x++) {
    const q = prob(x);
    if (q <= observed * (1 + 1e-7)) p += q;
  }
  return Math.min(1, p);
}
