/**
 * The span filter: a second look at each span the tagger proposes. The CRF decides token by token;
 * whether a whole span is worth reporting depends on things it cannot see at once: how sure it was
 * across the span (mean, weakest and strongest token), the span's length against its sentence's,
 * how much of the sentence and of the document the tagger marked, how sure the technique classifier
 * is, rule findings, quotation and sentence marks inside. A small logistic regression over these
 * dense features predicts the share of the span's characters inside gold spans (the span's SI
 * precision), trained on held-out predictions of cross-validation; spans under `keep` are dropped.
 * Decoding with a lower threshold and filtering beats any threshold alone (docs/evaluation.md).
 */
import type { DocView } from './features.js';

export interface SpanFilter {
  /** Weights over the raw features of `filterFeatures`, the bias first. */
  weights: number[];
  /** Spans whose predicted precision is under this are dropped. */
  keep: number;
}

/** What decoding knows of a span: tokens [a, b), its tagger scores and its sentence's. */
export interface SpanEvidence {
  a: number;
  b: number;
  /** Mean in-span P(B) + P(I) over the tokens decoding joined (before trimming punctuation). */
  score: number;
  /** Highest and lowest P(B) + P(I) of the span's tokens, and P(B) of its first token. */
  max: number;
  min: number;
  first: number;
  /** Mean P(B) + P(I) over the span's sentence. */
  sentMean: number;
}

export const FILTER_FEATURES = 33;

/**
 * The filter's features of one span. `probs` are the classifier's technique probabilities for it,
 * `docMean` the mean P(B) + P(I) over every token of the document.
 */
export function filterFeatures(view: DocView, sp: SpanEvidence, docMean: number, probs: Float64Array, out = new Float64Array(FILTER_FEATURES)): Float64Array {
  const doc = view.doc;
  const si = doc.tokenSentence[sp.a]!;
  const s = doc.sentences[si]!;
  const L = sp.b - sp.a;
  const sentLen = s.tokenEnd - s.tokenStart;
  let p0 = 0;
  let p1 = 0;
  let ent = 0;
  for (let c = 0; c < probs.length; c++) {
    const x = probs[c]!;
    if (x > p0) {
      p1 = p0;
      p0 = x;
    } else if (x > p1) p1 = x;
    if (x > 0) ent -= x * Math.log(x);
  }
  let tags = 0;
  let inQ = 0;
  let lex = 0;
  for (let t = sp.a; t < sp.b; t++) {
    tags += view.tags[t]?.length ?? 0;
    inQ += view.inQuote[t]!;
    if (view.lex[t]) lex++;
  }
  const mark = view.sentMark[si]!;
  const logL = Math.log(L);
  let k = 0;
  out[k++] = 1;
  out[k++] = sp.score;
  out[k++] = sp.max;
  out[k++] = sp.min;
  out[k++] = sp.first;
  out[k++] = logL;
  out[k++] = L === 1 ? 1 : 0;
  out[k++] = L === 2 ? 1 : 0;
  out[k++] = L <= 5 ? 1 : 0;
  out[k++] = L > 20 ? 1 : 0;
  out[k++] = L / sentLen;
  out[k++] = Math.log(sentLen);
  out[k++] = sp.sentMean;
  out[k++] = docMean;
  out[k++] = Math.log(doc.tokens.count);
  out[k++] = si / doc.sentences.length;
  out[k++] = si === 0 ? 1 : 0;
  out[k++] = p0;
  out[k++] = p1;
  out[k++] = ent;
  out[k++] = tags > 0 ? 1 : 0;
  out[k++] = Math.log1p(tags);
  out[k++] = inQ / L;
  out[k++] = lex / L;
  out[k++] = mark & 1 ? 1 : 0;
  out[k++] = mark & 2 ? 1 : 0;
  out[k++] = mark & 4 ? 1 : 0;
  out[k++] = mark & 8 ? 1 : 0;
  out[k++] = view.sentNeg[si]!;
  out[k++] = view.sentPos[si]!;
  out[k++] = sp.score * sp.score;
  out[k++] = sp.score * logL;
  out[k++] = docMean * sp.score;
  return out;
}

/** Positions in filterFeatures of the features read from the technique probabilities. */
const P_TOP = 17;
const P_SECOND = 18;
const P_ENTROPY = 19;

const boundCache = new WeakMap<SpanFilter, Map<number, number>>();

/**
 * An upper bound, over every distribution of `classes` technique probabilities, of what the
 * probability features add to the filter's score (weights times top probability, runner-up and
 * entropy). Spans whose score without them plus this bound is under the cut are dropped whatever
 * the classifier says, so inference skips classifying them.
 *
 * With p0 the top probability (1/classes <= p0 <= 1): the runner-up is at most min(p0, 1 - p0) and
 * at least 0, and the entropy lies between -ln p0 (it is never below the min-entropy) and
 * ln(classes). The bound h(p0) of the three terms is concave in p0; its maximum is taken on a fine
 * grid, plus the most h can rise between two grid points (its slope is at most |w_top| + |w_second|
 * + |w_entropy| * classes).
 */
export function probabilityBound(f: SpanFilter, classes: number): number {
  let byClasses = boundCache.get(f);
  if (!byClasses) boundCache.set(f, (byClasses = new Map()));
  const known = byClasses.get(classes);
  if (known !== undefined) return known;
  const w0 = f.weights[P_TOP]!;
  const w1 = f.weights[P_SECOND]!;
  const w2 = f.weights[P_ENTROPY]!;
  const h = (p0: number) => w0 * p0 + Math.max(0, w1) * Math.min(p0, 1 - p0) + (w2 >= 0 ? w2 * Math.log(classes) : -w2 * Math.log(p0));
  const lo = 1 / classes;
  const steps = 1 << 16;
  const step = (1 - lo) / steps;
  let best = -Infinity;
  for (let k = 0; k <= steps; k++) best = Math.max(best, h(lo + k * step));
  const slope = Math.abs(w0) + Math.abs(w1) + Math.abs(w2) * classes;
  const bound = best + slope * step + 1e-9;
  byClasses.set(classes, bound);
  return bound;
}

/** The filter's estimate of the span's precision. */
export function keepProbability(f: SpanFilter, x: Float64Array): number {
  return 1 / (1 + Math.exp(-filterLogit(f, x)));
}

/** The filter's score before the sigmoid (keepProbability is its sigmoid). */
export function filterLogit(f: SpanFilter, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += f.weights[j]! * x[j]!;
  return s;
}

export interface FilterExample {
  x: Float64Array;
  /** Target in [0, 1]: the share of the span's characters inside gold spans. */
  y: number;
}

export interface FilterTraining {
  epochs: number;
  l2: number;
}

/**
 * Logistic regression with soft targets, full-batch Adam on standardised features (so one learning
 * rate suits features of every scale), weights mapped back to raw features. Deterministic: no
 * sampling, a fixed order.
 */
export function trainSpanFilter(examples: readonly FilterExample[], opts: FilterTraining): number[] {
  const d = FILTER_FEATURES;
  const n = examples.length;
  const w = new Float64Array(d);
  if (n === 0) return [...w];
  const mu = new Float64Array(d);
  const sd = new Float64Array(d);
  for (const e of examples) for (let j = 1; j < d; j++) mu[j] += e.x[j]! / n;
  for (const e of examples) for (let j = 1; j < d; j++) sd[j] += (e.x[j]! - mu[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) sd[j] = j === 0 ? 1 : Math.sqrt(sd[j]!) || 1;
  const z = examples.map((e) => e.x.map((v, j) => (j === 0 ? 1 : (v - mu[j]!) / sd[j]!)));
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const g = new Float64Array(d);
  const rate = 0.05;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j]! * zi[j]!;
      const err = 1 / (1 + Math.exp(-s)) - examples[i]!.y;
      for (let j = 0; j < d; j++) g[j] += (err * zi[j]!) / n;
    }
    const c1 = 1 - 0.9 ** epoch;
    const c2 = 1 - 0.999 ** epoch;
    for (let j = 0; j < d; j++) {
      const gj = g[j]! + opts.l2 * w[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * gj;
      v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
      w[j] -= (rate * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + 1e-8);
    }
  }
  // Back to raw features: w_j / sd_j, and the bias absorbs the means.
  const raw = new Array<number>(d);
  let bias = w[0]!;
  for (let j = 1; j < d; j++) {
    raw[j] = w[j]! / sd[j]!;
    bias -= raw[j]! * mu[j]!;
  }
  raw[0] = bias;
  return raw;
}
