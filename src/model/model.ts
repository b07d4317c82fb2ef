/**
 * The trained model and its inference: the CRF tags propaganda spans (B/I/O over tokens), the
 * classifier names each span's technique, and Platt scaling turns scores into calibrated confidences.
 */
import { PTC_LABELS, type PtcLabel } from '../core/taxonomy.js';
import type { Doc } from '../text/segment.js';
import { K_PUNCT, tokenLower } from '../text/tokenise.js';
import { crfMarginals, marginals3, type CrfWeights, type Sequence } from './crf.js';
import { buildView, countOccurrencesIn, FeatureBuffer, OCCURRENCE_CHECKS, releaseOccurrenceIndex, sentenceFeatures, sentenceSharedFeatures, spanFeatures, tokenFeatures, tokenOwnFeatures, wordTemplateSums, type DocView } from './features.js';
import type { LexiconTable } from './lexicon-table.js';
import { predictProba, type LogRegWeights } from './logreg.js';
import { FILTER_FEATURES, filterFeatures, filterLogit, keepProbability, probabilityBound, type SpanEvidence, type SpanFilter } from './span-filter.js';
import type { Judge } from './judge.js';
import { spanProbabilities } from './span-scores.js';

export const LABEL_O = 0;
export const LABEL_B = 1;
export const LABEL_I = 2;

export interface Platt {
  a: number;
  b: number;
}

export interface ModelSettings {
  /** A token joins a span when P(B) + P(I) exceeds this. */
  threshold: number;
  /** A span is kept only when one of its tokens reaches this P(B) + P(I) (hysteresis; 0: off). */
  seed: number;
  /** Spans of one sentence separated by at most this many tokens are joined (0: off). */
  gap: number;
  /** A span covering at least this share of its sentence grows to the whole sentence (1: off). */
  extend: number;
  /** A second technique is reported for a span when its probability exceeds this. */
  secondLabel: number;
  /** The model was trained with the rules' findings as features (inference must supply them too). */
  ruleFeatures: boolean;
}

export interface Model {
  version: string;
  table: LexiconTable;
  tagger: CrfWeights;
  /** Stage one: P(sentence holds a propaganda span), a feature of the tagger (null: not used). */
  sentence: LogRegWeights | null;
  classifier: LogRegWeights;
  /** Class order of the classifier. */
  labels: readonly PtcLabel[];
  settings: ModelSettings;
  /** Drops proposed spans unlikely to be right (null: keep every span). */
  filter: SpanFilter | null;
  /** Calibrates (filter's estimate, or tagger score) x technique probability into P(finding is right). */
  calibration: Platt;
  /** Calibrated confidence of every finding and which rules report (null: confidences as detectors give them). */
  judge: Judge | null;
}

export const CLASS_LABELS: readonly PtcLabel[] = PTC_LABELS;

/**
 * The tagger's input for one sentence: each token's features. With `shareSentence` (inference), the
 * sentence-wide features are listed once in `shared` and the CRF adds their weights to every token,
 * with the same marginals; training keeps them per token.
 */
export function sentenceSequence(v: DocView, tokenStart: number, tokenEnd: number, mask: number, buf = new FeatureBuffer(mask), shareSentence = false): Sequence {
  const T = tokenEnd - tokenStart;
  const offs = new Int32Array(T + 1);
  buf.reset(mask);
  for (let i = tokenStart; i < tokenEnd; i++) {
    offs[i - tokenStart] = buf.length;
    if (shareSentence) tokenOwnFeatures(v, i, buf);
    else tokenFeatures(v, i, buf);
  }
  offs[T] = buf.length;
  const feats = buf.copy();
  if (!shareSentence) return { offs, feats };
  buf.reset();
  sentenceSharedFeatures(v, v.doc.tokenSentence[tokenStart]!, buf);
  return { offs, feats, shared: buf.copy() };
}

const spanBuffer = new FeatureBuffer();

/** The classifier's features of span [a, b), as a view of a shared buffer that the next call overwrites. */
function spanFeatureView(v: DocView, a: number, b: number, mask: number, lowerText: string): Uint32Array {
  spanBuffer.reset(mask);
  spanFeatures(v, a, b, spanBuffer, (phrase, atMost) => countOccurrencesIn(lowerText, phrase, atMost, OCCURRENCE_CHECKS));
  return spanBuffer.data.subarray(0, spanBuffer.length);
}

export function spanFeatureVector(v: DocView, a: number, b: number, mask: number, lowerText: string): Uint32Array {
  return spanFeatureView(v, a, b, mask, lowerText).slice();
}

/** Reused across documents by inference: one document's token and sentence features, and marginals. */
const ownBuffer = new FeatureBuffer();
const sharedBuffer = new FeatureBuffer();
let marginalScratch = new Float64Array(1024);
/** Token and sentence offsets into ownBuffer and sharedBuffer (read only while tagging one document). */
let offsScratch = new Int32Array(1024);
let sharedOffsScratch = new Int32Array(256);
/** Per token, the summed weights of its word-template features (wordTemplateSums), 3 per token. */
let tokenBaseScratch = new Int32Array(3072);
/** Buffers longer than this (entries) are dropped after the document instead of kept for the next. */
const MAX_KEPT_FEATURES = 1 << 20;
/**
 * The last tagged document's P(B) + P(I) and P(B) per token and mean P(B) + P(I) per sentence, kept
 * so that spans the tagger did not propose (rule findings) can be judged as its own are.
 */
let pinDoc = new Float32Array(1024);
let pbDoc = new Float32Array(1024);
let sentMeanDoc = new Float32Array(256);

function keepPins(marg: Float64Array, tokenStart: number, T: number, si: number): void {
  let sum = 0;
  for (let t = 0; t < T; t++) {
    const pb = marg[t * 3 + LABEL_B]!;
    const pin = pb + marg[t * 3 + LABEL_I]!;
    pinDoc[tokenStart + t] = pin;
    pbDoc[tokenStart + t] = pb;
    sum += pin;
  }
  sentMeanDoc[si] = T > 0 ? sum / T : 0;
}

/**
 * Tags every sentence of a document (inference): all token features are laid out in one buffer and
 * each sentence's sequence is a view into it, so a document allocates no arrays per sentence. Returns
 * the mean P(B) + P(I) over the document's tokens.
 */
function tagDocument(model: Model, view: DocView, spans: TaggedSpan[]): number {
  const doc = view.doc;
  const mask = model.tagger.buckets - 1;
  if (offsScratch.length < view.n + 1) offsScratch = new Int32Array(Math.max(view.n + 1, offsScratch.length * 2));
  if (sharedOffsScratch.length < doc.sentences.length + 1) sharedOffsScratch = new Int32Array(Math.max(doc.sentences.length + 1, sharedOffsScratch.length * 2));
  const offs = offsScratch;
  const sharedOffs = sharedOffsScratch;
  const labels = model.tagger.labels;
  const emission = model.tagger.emission;
  // 16-bit weights of the B/I/O tagger: the word templates' weights come summed per word.
  const wordSums = labels === 3 && emission instanceof Int16Array;
  if (wordSums) {
    if (tokenBaseScratch.length < view.n * 3) tokenBaseScratch = new Int32Array(Math.max(view.n * 3, tokenBaseScratch.length * 2));
    wordTemplateSums(view, emission, mask, tokenBaseScratch);
  }
  ownBuffer.reset(mask);
  sharedBuffer.reset(mask);
  if (pinDoc.length < view.n) {
    pinDoc = new Float32Array(Math.max(view.n, pinDoc.length * 2));
    pbDoc = new Float32Array(pinDoc.length);
  }
  if (sentMeanDoc.length < doc.sentences.length) sentMeanDoc = new Float32Array(Math.max(doc.sentences.length, sentMeanDoc.length * 2));
  for (const s of doc.sentences) {
    sharedOffs[s.index] = sharedBuffer.length;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      offs[i] = ownBuffer.length;
      tokenOwnFeatures(view, i, ownBuffer, wordSums);
    }
    offs[s.tokenEnd] = ownBuffer.length;
    if (s.tokenEnd > s.tokenStart) sentenceSharedFeatures(view, s.index, sharedBuffer);
  }
  sharedOffs[doc.sentences.length] = sharedBuffer.length;
  const feats = ownBuffer.data;
  let pinSum = 0;
  let tokens = 0;
  for (const s of doc.sentences) {
    if (s.tokenEnd <= s.tokenStart) continue;
    const T = s.tokenEnd - s.tokenStart;
    if (marginalScratch.length < T * labels) marginalScratch = new Float64Array(T * labels * 2);
    if (labels === 3) {
      // The B/I/O tagger: the sentence by position, no views or objects per sentence.
      marginals3(model.tagger, offs, s.tokenStart, T, feats, sharedBuffer.data, sharedOffs[s.index]!, sharedOffs[s.index + 1]!, marginalScratch, wordSums ? tokenBaseScratch : undefined);
      pinSum += decodeSpans(doc, marginalScratch, s.tokenStart, model.settings, spans, T);
      keepPins(marginalScratch, s.tokenStart, T, s.index);
    } else {
      const seq: Sequence = { offs: offs.subarray(s.tokenStart, s.tokenEnd + 1), feats, shared: sharedBuffer.data.subarray(sharedOffs[s.index]!, sharedOffs[s.index + 1]!) };
      const marg = crfMarginals(model.tagger, seq, marginalScratch);
      pinSum += decodeSpans(doc, marg, s.tokenStart, model.settings, spans);
      keepPins(marg, s.tokenStart, T, s.index);
    }
    tokens += T;
  }
  // A very long document leaves large buffers behind: let them go rather than hold them for good.
  if (ownBuffer.data.length > MAX_KEPT_FEATURES) ownBuffer.data = new Uint32Array(1024);
  if (marginalScratch.length > MAX_KEPT_FEATURES) marginalScratch = new Float64Array(1024);
  if (offsScratch.length > MAX_KEPT_FEATURES) offsScratch = new Int32Array(1024);
  if (sharedOffsScratch.length > MAX_KEPT_FEATURES) sharedOffsScratch = new Int32Array(1024);
  if (tokenBaseScratch.length > MAX_KEPT_FEATURES) tokenBaseScratch = new Int32Array(3072);
  return tokens > 0 ? pinSum / tokens : 0;
}

/** Sets the stage-one sentence scores of a document view (and their mean). */
export function scoreSentences(sentence: LogRegWeights, v: DocView): void {
  const mask = sentence.buckets - 1;
  const scores = new Float32Array(v.doc.sentences.length);
  const buf = new FeatureBuffer(mask);
  const p = new Float64Array(2);
  let sum = 0;
  for (let si = 0; si < scores.length; si++) {
    buf.reset();
    sentenceFeatures(v, si, buf);
    predictProba(sentence, buf.data.subarray(0, buf.length), p);
    scores[si] = p[1]!;
    sum += p[1]!;
  }
  v.sentScore = scores;
  v.docScore = scores.length ? sum / scores.length : 0;
  v.stamp++;
}

/** A span the tagger proposes: tokens [a, b), its mean in-span probability and the filter's evidence. */
export type TaggedSpan = SpanEvidence;

/** Turns per-token marginals of one sentence into spans. */
export type DecodeSettings = Pick<ModelSettings, 'threshold' | 'seed' | 'gap' | 'extend'>;

/**
 * Appends the spans of one sentence to `out`; returns the sum of P(B) + P(I) over its tokens (for the
 * document's mean, a feature of the span filter). The sentence's T tokens' marginals are marg[0 .. 3T)
 * (by default all of `marg`).
 */
export function decodeSpans(doc: Doc, marg: Float64Array, tokenStart: number, settings: DecodeSettings, out: TaggedSpan[], T = marg.length / 3): number {
  const { threshold, seed } = settings;
  const first = out.length;
  let sentSum = 0;
  for (let t = 0; t < T; t++) sentSum += marg[t * 3 + LABEL_B]! + marg[t * 3 + LABEL_I]!;
  const sentMean = T > 0 ? sentSum / T : 0;
  let a = -1;
  let sum = 0;
  let max = 0;
  for (let t = 0; t < T; t++) {
    const pB = marg[t * 3 + LABEL_B]!;
    const pI = marg[t * 3 + LABEL_I]!;
    const pin = pB + pI;
    if (pin > threshold) {
      if (a >= 0 && pB > pI && pB > 0.5) {
        if (max >= seed) pushSpan(doc, marg, tokenStart, a, t, sum, sentMean, out);
        a = -1;
      }
      if (a < 0) {
        a = t;
        sum = 0;
        max = 0;
      }
      sum += pin;
      if (pin > max) max = pin;
    } else if (a >= 0) {
      if (max >= seed) pushSpan(doc, marg, tokenStart, a, t, sum, sentMean, out);
      a = -1;
    }
  }
  if (a >= 0 && max >= seed) pushSpan(doc, marg, tokenStart, a, T, sum, sentMean, out);
  if (out.length === first) return sentSum;
  // Join close fragments, then grow spans that already cover most of the sentence.
  if (settings.gap > 0) {
    let w = first;
    for (let r = first + 1; r < out.length; r++) {
      const prev = out[w]!;
      const cur = out[r]!;
      if (cur.a - prev.b <= settings.gap) {
        const la = prev.b - prev.a;
        const lb = cur.b - cur.a;
        out[w] = { ...prev, b: cur.b, score: (prev.score * la + cur.score * lb) / (la + lb), max: Math.max(prev.max, cur.max), min: Math.min(prev.min, cur.min) };
      } else out[++w] = cur;
    }
    out.length = w + 1;
  }
  if (settings.extend < 1) {
    let x = tokenStart;
    let y = tokenStart + T;
    while (x < y && doc.tokens.kind[x] === K_PUNCT) x++;
    while (y > x && doc.tokens.kind[y - 1] === K_PUNCT) y--;
    for (let r = first; r < out.length; r++) {
      const sp = out[r]!;
      if (y > x && (sp.b - sp.a) / (y - x) >= settings.extend) out[r] = { ...sp, a: Math.min(sp.a, x), b: Math.max(sp.b, y) };
    }
    // Grown spans may now overlap: keep the first of any overlapping run.
    let w = first;
    for (let r = first + 1; r < out.length; r++) {
      const p = out[w]!;
      const q = out[r]!;
      if (q.a < p.b) out[w] = { ...p, b: Math.max(p.b, q.b), score: Math.max(p.score, q.score), max: Math.max(p.max, q.max), min: Math.min(p.min, q.min) };
      else out[++w] = q;
    }
    out.length = w + 1;
  }
  return sentSum;
}

/**
 * Appends the span of the sentence's tokens [a, b) (its P(B) + P(I) summing to `sum`) to `out`,
 * trimmed of punctuation at the edges (spans are words), unless nothing is left.
 */
function pushSpan(doc: Doc, marg: Float64Array, tokenStart: number, a: number, b: number, sum: number, sentMean: number, out: TaggedSpan[]): void {
  let x = a;
  let y = b;
  while (x < y && doc.tokens.kind[tokenStart + x] === K_PUNCT) x++;
  // Annotated spans almost never end on a conjunction, preposition or article (41 of 4,869 in the
  // development documents, none on "and"): the tagger's do when it runs on a word too far.
  while (y > x && (doc.tokens.kind[tokenStart + y - 1] === K_PUNCT || (y - x > 1 && TRAILING.has(tokenLower(doc.tokens, tokenStart + y - 1))))) y--;
  if (y <= x) return;
  let hi = 0;
  let lo = 1;
  for (let t = x; t < y; t++) {
    const p = marg[t * 3 + LABEL_B]! + marg[t * 3 + LABEL_I]!;
    if (p > hi) hi = p;
    if (p < lo) lo = p;
  }
  out.push({ a: tokenStart + x, b: tokenStart + y, score: sum / (b - a), max: hi, min: lo, first: marg[x * 3 + LABEL_B]!, sentMean });
}

/** Words a span does not end on (pushSpan trims them, with punctuation). */
const TRAILING = new Set(['and', 'or', 'nor', 'but', 'against', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'that', 'the', 'a', 'an', 'than', 'because', 'if', 'while']);

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function calibrate(p: Platt, x: number): number {
  return sigmoid(p.a * x + p.b);
}

export interface PredictedSpan {
  /** Canonical character offsets. */
  start: number;
  end: number;
  /** Token range [a, b) (for explanations). */
  a: number;
  b: number;
  /** Tagger score (mean in-span probability). */
  score: number;
  /** The span filter's estimate that the span is propaganda (the tagger score without a filter). */
  keep: number;
  /** Techniques by descending probability (one or two). */
  techniques: Array<{ label: PtcLabel; probability: number; confidence: number; index: number }>;
}

/** A span the model did not propose (a rule's finding) to judge as it judges its own: tokens [a, b), class index. */
export interface AssessRequest {
  a: number;
  b: number;
  label: number;
}

/** Tags and classifies one segmented document; `assess` spans get their evidence in `assessed` (same order). */
export function predictDoc(model: Model, doc: Doc, view: DocView = buildView(doc, model.table), assess?: readonly AssessRequest[], assessed?: Array<{ keep: number; prob: number }>): PredictedSpan[] {
  const spans: TaggedSpan[] = [];
  if (model.sentence) scoreSentences(model.sentence, view);
  const docMean = tagDocument(model, view, spans);
  const lower = spans.length > 0 ? doc.text.toLowerCase() : '';
  const textCount = (phrase: string, atMost: number) => countOccurrencesIn(lower, phrase, atMost, OCCURRENCE_CHECKS);
  const probs = new Float64Array(model.classifier.classes);
  const out: PredictedSpan[] = [];
  const filter = model.filter;
  // Spans the filter drops whatever the technique probabilities are need no classifying: their score
  // without the probability features (all zero for zero probabilities) plus the most those can add
  // stays under the cut's logit, with a margin far above rounding. Same spans out as without it.
  const cut = filter && filter.keep > 0 && filter.keep < 1 ? Math.log(filter.keep / (1 - filter.keep)) - probabilityBound(filter, probs.length) - 1e-6 : -Infinity;
  for (const sp of spans) {
    if (filter && cut > -Infinity && filterLogit(filter, filterFeatures(view, sp, docMean, noProbs(probs.length), filterScratch)) < cut) continue;
    spanProbabilities(model.classifier, view, sp.a, sp.b, textCount, probs);
    let x = sp.score;
    if (filter) {
      x = keepProbability(filter, filterFeatures(view, sp, docMean, probs, filterScratch));
      if (x < filter.keep) continue;
    }
    const techniques = chosenTechniques(probs, model.settings.secondLabel).map((c) => ({
      label: model.labels[c]!,
      probability: probs[c]!,
      confidence: calibrate(model.calibration, x * probs[c]!),
      index: c,
    }));
    out.push({ start: doc.tokens.start[sp.a]!, end: doc.tokens.end[sp.b - 1]!, a: sp.a, b: sp.b, score: sp.score, keep: x, techniques });
  }
  if (assess && assessed) assessSpans(model, view, docMean, assess, assessed, probs.length);
  releaseOccurrenceIndex();
  if (pinDoc.length > MAX_KEPT_FEATURES) {
    pinDoc = new Float32Array(1024);
    pbDoc = new Float32Array(1024);
  }
  if (sentMeanDoc.length > MAX_KEPT_FEATURES) sentMeanDoc = new Float32Array(256);
  return out;
}

/**
 * Evidence for spans the tagger did not propose (rule findings), from the document just tagged: the
 * span filter's estimate for the span, as for the model's own spans but without the classifier's
 * technique probabilities (classifying every rule span cost about a tenth of analyze()'s time), and
 * the tagger's mean P(B) + P(I) over the span. Equal token ranges are judged once.
 */
function assessSpans(model: Model, view: DocView, docMean: number, assess: readonly AssessRequest[], assessed: Array<{ keep: number; prob: number }>, classes: number): void {
  const doc = view.doc;
  const zero = noProbs(classes);
  let last: { a: number; b: number; keep: number; prob: number } | null = null;
  for (let k = 0; k < assess.length; k++) {
    const { a, b } = assess[k]!;
    if (!last || last.a !== a || last.b !== b) {
      let sum = 0;
      let hi = 0;
      let lo = 1;
      for (let t = a; t < b; t++) {
        const p = pinDoc[t]!;
        sum += p;
        if (p > hi) hi = p;
        if (p < lo) lo = p;
      }
      const ev: SpanEvidence = { a, b, score: sum / (b - a), max: hi, min: lo, first: pbDoc[a]!, sentMean: sentMeanDoc[doc.tokenSentence[a]!]! };
      const keep = model.filter ? keepProbability(model.filter, filterFeatures(view, ev, docMean, zero, filterScratch)) : ev.score;
      last = { a, b, keep, prob: ev.score };
    }
    assessed[k] = { keep: last.keep, prob: last.prob };
  }
}

const filterScratch = new Float64Array(FILTER_FEATURES);
let zeroProbs = new Float64Array(0);
const noProbs = (classes: number): Float64Array => (zeroProbs.length === classes ? zeroProbs : (zeroProbs = new Float64Array(classes)));

/**
 * The classes reported for a span: the most probable, and the runner-up when its probability exceeds
 * `secondLabel` (ties go to the lower class index). A scan, not a sort: this runs for every span.
 */
export function chosenTechniques(probs: Float64Array, secondLabel: number): number[] {
  let first = 0;
  let second = -1;
  for (let c = 1; c < probs.length; c++) {
    if (probs[c]! > probs[first]!) {
      second = first;
      first = c;
    } else if (second < 0 || probs[c]! > probs[second]!) second = c;
  }
  return second >= 0 && probs[second]! > secondLabel ? [first, second] : [first];
}

/** Technique probabilities for a given token span (TC: gold spans are given). */
export function classifySpan(model: Model, view: DocView, a: number, b: number, lower: string): Float64Array {
  return predictProba(model.classifier, spanFeatureView(view, a, b, model.classifier.buckets - 1, lower));
}
