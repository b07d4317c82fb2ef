/**
 * Training and cross-validation. Everything is seeded: the same data and config give the same
 * weights, bit for bit.
 */
import type { PtcLabel } from '../core/taxonomy.js';
import type { PtcDoc } from '../eval/records.js';
import { mergeOverlapping, scoreFLC, scoreSI, scoreTC, type FlcScore, type SpanScore, type TcScore } from '../eval/scorers.js';
import { toOriginalSpan } from '../text/normalise.js';
import { type PreparedDoc } from './corpus.js';
import { crfMarginals, newCrf, trainCrf, type CrfWeights, type Sequence } from '../model/crf.js';
import { rng, shuffle } from '../model/hash.js';
import type { LexiconTable, LoadedTable } from '../model/lexicon-table.js';
import { applyLoadedLexicon } from './loaded-lexicon.js';
import { newLogReg, predictProba, trainLogReg, type Example, type LogRegWeights } from '../model/logreg.js';
import { FeatureBuffer, sentenceFeatures } from '../model/features.js';
import type { Judge } from '../model/judge.js';
import { filterFeatures, keepProbability, trainSpanFilter, type FilterExample, type SpanFilter } from '../model/span-filter.js';
import {
  CLASS_LABELS,
  scoreSentences,
  calibrate,
  chosenTechniques,
  decodeSpans,
  sentenceSequence,
  spanFeatureVector,
  type Model,
  type Platt,
  type DecodeSettings,
  type TaggedSpan,
} from '../model/model.js';

export function decodeSettings(cfg: TrainConfig): DecodeSettings {
  return { threshold: cfg.threshold, seed: cfg.seedThreshold, gap: cfg.gap, extend: cfg.extend };
}

export interface TrainConfig {
  seed: number;
  taggerBits: number;
  taggerEpochs: number;
  taggerRate: number;
  taggerL2: number;
  /** Average the tagger's weights over this many final epochs. */
  taggerAverage: number;
  classifierBits: number;
  classifierEpochs: number;
  classifierRate: number;
  classifierL2: number;
  /** Class weights for the classifier are (count / max)^-balance. */
  classBalance: number;
  /** Stage-one sentence classifier as a tagger feature (0: off), its table size and inner folds. */
  sentenceBits: number;
  sentenceFolds: number;
  threshold: number;
  /** Hysteresis: a span needs one token at or above this in-span probability. */
  seedThreshold: number;
  gap: number;
  extend: number;
  secondLabel: number;
  /** Span filter: drop spans whose predicted precision is under this (0: no filter). */
  filterKeep: number;
  filterEpochs: number;
  filterL2: number;
  /** Rules whose cross-validated precision (smoothed) is under this report nothing (features only). */
  ruleFloor: number;
  /** Default confidence cut of analyze() with the model, and without it. */
  reportAt: number;
  reportAtRules: number;
  /**
   * With the model: the default cut of the word-level PTC techniques (loaded language, name calling,
   * flag-waving) and of the other PTC techniques (techniques PTC lacks keep `reportAt`, the cut the
   * post-fold maps are fitted at); and the context cut (0: off) under which no finding of a PTC
   * technique is reported, and over which a finding under its cut is reported in a sentence that a
   * finding at or over its cut marks (src/analysis/default-cuts.ts).
   */
  reportAtWord: number;
  reportAtOther: number;
  reportContext: number;
  /** With the model: rules in QUIET_BESIDE_MODEL report nothing (1) or report as measured (0). */
  quietRules: number;
  /** Word clusters from word vectors as features: how many frequent words (0: off), fine and coarse cluster counts. */
  clusterWords: number;
  clusterFine: number;
  clusterCoarse: number;
  /** WordNet word classes as features (0: off). */
  wordClasses: number;
  /**
   * Loaded-word lexicon fitted inside each fold (src/training/loaded-lexicon.ts): 0 off, 1 loaded
   * language and name calling, 2 also doubt, exaggeration and flag-waving, 3 every PTC technique. Its prior's pseudo-counts,
   * neighbours from word vectors (0: none) and whether training documents read cross-fitted levels.
   */
  loadedLexicon: number;
  loadedPrior: number;
  loadedNeighbours: number;
  loadedCrossFit: number;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  seed: 20200911,
  taggerBits: 21,
  taggerEpochs: 6,
  taggerRate: 0.05,
  taggerL2: 1e-5,
  taggerAverage: 0,
  classifierBits: 19,
  classifierEpochs: 12,
  classifierRate: 0.1,
  classifierL2: 1e-6,
  classBalance: 0,
  sentenceBits: 0,
  sentenceFolds: 3,
  // Decoding is generous and the span filter takes the doubtful spans out again.
  threshold: 0.2,
  seedThreshold: 0,
  gap: 0,
  extend: 1,
  secondLabel: 0.35,
  filterKeep: 0.2,
  filterEpochs: 300,
  filterL2: 1e-3,
  // Chosen on cross-validation over the development documents (npm run eval:cv -- --sweep-judge).
  ruleFloor: 0.2,
  reportAt: 0.15,
  reportAtRules: 0.15,
  // Chosen on the development CV (scripts/explore-si.ts; docs/evaluation.md): the highest SI with at
  // most 11.5% of clean sentences flagged and every calibration decade within 0.10.
  reportAtWord: 0.16,
  reportAtOther: 0.1,
  reportContext: 0.1,
  quietRules: 1,
  clusterWords: 40000,
  clusterFine: 320,
  clusterCoarse: 40,
  wordClasses: 1,
  loadedLexicon: 0,
  loadedPrior: 10,
  loadedNeighbours: 10,
  loadedCrossFit: 1,
};

export type Log = (msg: string) => void;

const seqCache = new WeakMap<PreparedDoc, { bits: number; stamp: number; seqs: Sequence[] }>();

/** The tagger sequences of a document (one per sentence), cached per feature-table size. */
export function docSequences(d: PreparedDoc, bits: number): Sequence[] {
  const hit = seqCache.get(d);
  if (hit && hit.bits === bits && hit.stamp === d.view.stamp) return hit.seqs;
  const mask = (1 << bits) - 1;
  const buf = new FeatureBuffer(mask);
  const seqs = d.doc.sentences.map((s) => {
    const seq = sentenceSequence(d.view, s.tokenStart, s.tokenEnd, mask, buf);
    seq.labels = d.bio.slice(s.tokenStart, s.tokenEnd);
    // A span continuing from the previous sentence restarts with B: sentences are separate chains.
    if (seq.labels.length > 0 && seq.labels[0] === 2) seq.labels[0] = 1;
    return seq;
  });
  seqCache.set(d, { bits, stamp: d.view.stamp, seqs });
  return seqs;
}

const sentCache = new WeakMap<PreparedDoc, { bits: number; feats: Uint32Array[]; labels: number[] }>();
function sentenceExamples(d: PreparedDoc, bits: number): { feats: Uint32Array[]; labels: number[] } {
  const hit = sentCache.get(d);
  if (hit && hit.bits === bits) return hit;
  const buf = new FeatureBuffer((1 << bits) - 1);
  const feats: Uint32Array[] = [];
  const labels: number[] = [];
  for (const s of d.doc.sentences) {
    buf.reset();
    sentenceFeatures(d.view, s.index, buf);
    feats.push(buf.copy());
    let inside = 0;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (d.bio[k]) inside++;
    labels.push(inside > 0 ? 1 : 0);
  }
  const out = { bits, feats, labels };
  sentCache.set(d, out);
  return out;
}

export function trainSentenceModel(docs: readonly PreparedDoc[], cfg: TrainConfig): LogRegWeights {
  const m = newLogReg(2, 1 << cfg.sentenceBits);
  const data: Example[] = [];
  for (const d of docs) {
    const ex = sentenceExamples(d, cfg.sentenceBits);
    ex.feats.forEach((f, k) => data.push({ feats: f, labels: [ex.labels[k]!] }));
  }
  trainLogReg(m, data, { epochs: 8, rate: 0.05, l2: 1e-6, seed: cfg.seed });
  return m;
}

/**
 * Trains the stage-one sentence model on `docs` and gives every training document cross-fitted
 * scores (from inner folds that did not see it), so the tagger learns how far to trust them.
 */
export function stageOne(docs: readonly PreparedDoc[], cfg: TrainConfig): LogRegWeights | null {
  if (cfg.sentenceBits <= 0) {
    for (const d of docs) if (d.view.sentScore) { d.view.sentScore = null; d.view.stamp++; }
    return null;
  }
  const k = Math.max(2, cfg.sentenceFolds);
  const fold = foldsOf(docs.length, k, cfg.seed + 1);
  for (let f = 0; f < k; f++) {
    const m = trainSentenceModel(docs.filter((_, i) => fold[i] !== f), cfg);
    docs.forEach((d, i) => {
      if (fold[i] === f) scoreSentences(m, d.view);
    });
  }
  return trainSentenceModel(docs, cfg);
}

export function trainTagger(docs: readonly PreparedDoc[], cfg: TrainConfig, log?: Log): CrfWeights {
  const crf = newCrf(3, 1 << cfg.taggerBits);
  const data = docs.flatMap((d) => docSequences(d, cfg.taggerBits)).filter((s) => s.offs.length > 1);
  trainCrf(crf, data, {
    epochs: cfg.taggerEpochs,
    rate: cfg.taggerRate,
    l2: cfg.taggerL2,
    average: cfg.taggerAverage,
    seed: cfg.seed,
    onEpoch: (e, loss) => log?.(`  tagger epoch ${e + 1}/${cfg.taggerEpochs}: loss ${loss.toFixed(0)}`),
  });
  return crf;
}

const labelIndex = new Map<PtcLabel, number>(CLASS_LABELS.map((l, i) => [l, i]));

const lowerCache = new WeakMap<PreparedDoc, string>();
function lowerText(d: PreparedDoc): string {
  let s = lowerCache.get(d);
  if (s === undefined) lowerCache.set(d, (s = d.doc.text.toLowerCase()));
  return s;
}

const spanCache = new WeakMap<PreparedDoc, { bits: number; stamp: number; feats: Uint32Array[] }>();
function goldSpanFeatures(d: PreparedDoc, bits: number): Uint32Array[] {
  const hit = spanCache.get(d);
  if (hit && hit.bits === bits && hit.stamp === d.view.stamp) return hit.feats;
  const mask = (1 << bits) - 1;
  const feats = d.gold.map((g) => spanFeatureVector(d.view, g.a, g.b, mask, lowerText(d)));
  spanCache.set(d, { bits, stamp: d.view.stamp, feats });
  return feats;
}

export function trainClassifier(docs: readonly PreparedDoc[], cfg: TrainConfig): LogRegWeights {
  const m = newLogReg(CLASS_LABELS.length, 1 << cfg.classifierBits);
  const data: Example[] = [];
  const counts = new Float64Array(CLASS_LABELS.length);
  for (const d of docs) {
    const feats = goldSpanFeatures(d, cfg.classifierBits);
    d.gold.forEach((g, k) => {
      const labels = g.techniques.map((t) => labelIndex.get(t)!);
      for (const l of labels) counts[l] += 1;
      data.push({ feats: feats[k]!, labels });
    });
  }
  const max = Math.max(...counts);
  const classWeight = counts.map((c) => (c > 0 ? Math.pow(c / max, -cfg.classBalance) : 1));
  trainLogReg(m, data, { epochs: cfg.classifierEpochs, rate: cfg.classifierRate, l2: cfg.classifierL2, seed: cfg.seed, classWeight });
  return m;
}

/** Per-sentence tagger marginals of a document. */
export function docMarginals(tagger: CrfWeights, d: PreparedDoc, bits: number): Float64Array[] {
  return docSequences(d, bits).map((s) => crfMarginals(tagger, s));
}

/** A document's decoded spans and the mean P(B) + P(I) over its tokens. */
export function spansFromMarginals(d: PreparedDoc, marg: Float64Array[], settings: DecodeSettings): { spans: TaggedSpan[]; docMean: number } {
  const spans: TaggedSpan[] = [];
  let sum = 0;
  let n = 0;
  d.doc.sentences.forEach((s, k) => {
    sum += decodeSpans(d.doc, marg[k]!, s.tokenStart, settings, spans);
    n += s.tokenEnd - s.tokenStart;
  });
  return { spans, docMean: n > 0 ? sum / n : 0 };
}

/** A held-out span with its technique probabilities and the span filter's features. */
export interface HeldOutSpan {
  sp: TaggedSpan;
  probs: Float64Array;
  x: Float64Array;
  /** Original offsets. */
  start: number;
  end: number;
}

export function heldOutSpans(h: HeldOut, settings: DecodeSettings): HeldOutSpan[] {
  const d = h.doc;
  const { spans, docMean } = spansFromMarginals(d, h.marginals, settings);
  const lower = lowerText(d);
  const mask = h.classifier.buckets - 1;
  // The levels the document had when its fold held it out (later folds gave it others); the view's
  // own are put back after, so cached tagger inputs stay valid.
  const levels = d.view.loadLevel;
  d.view.loadLevel = h.loadLevels;
  try {
    return spans.map((sp) => {
      const probs = predictProba(h.classifier, spanFeatureVector(d.view, sp.a, sp.b, mask, lower));
      const [start, end] = toOriginalSpan(d.doc.nt, d.doc.tokens.start[sp.a]!, d.doc.tokens.end[sp.b - 1]!);
      return { sp, probs, x: filterFeatures(d.view, sp, docMean, probs), start, end };
    });
  } finally {
    d.view.loadLevel = levels;
  }
}

/** The span filter's training examples: every held-out span and the share of it inside gold spans. */
export function filterExamples(held: readonly HeldOut[], settings: DecodeSettings): Array<FilterExample & { fold: number }> {
  const out: Array<FilterExample & { fold: number }> = [];
  for (const h of held) {
    const gold = mergeOverlapping(h.doc.spans);
    for (const s of heldOutSpans(h, settings)) {
      let inside = 0;
      for (const g of gold) inside += Math.max(0, Math.min(s.end, g.end) - Math.max(s.start, g.start));
      out.push({ x: s.x, y: inside / Math.max(1, s.end - s.start), fold: h.fold });
    }
  }
  return out;
}

/** The span filter trained on all held-out spans (what ships), or null when the config turns it off. */
export function trainFilter(examples: readonly FilterExample[], cfg: TrainConfig): SpanFilter | null {
  if (cfg.filterKeep <= 0) return null;
  return { weights: trainSpanFilter(examples, { epochs: cfg.filterEpochs, l2: cfg.filterL2 }), keep: cfg.filterKeep };
}

/**
 * Cross-fitted filters for scoring: each fold's spans are filtered by a filter trained on the other
 * folds' held-out spans only, so no gold of a scored document shapes its own filter.
 */
export function crossFitFilters(held: readonly HeldOut[], cfg: TrainConfig, examples?: ReadonlyArray<FilterExample & { fold: number }>): Map<number, SpanFilter> | null {
  if (cfg.filterKeep <= 0) return null;
  examples ??= filterExamples(held, decodeSettings(cfg));
  const folds = [...new Set(held.map((h) => h.fold))].sort((a, b) => a - b);
  return new Map(folds.map((f) => [f, trainFilter(examples.filter((e) => e.fold !== f), cfg)!]));
}

/** Held-out output for one document. */
export interface HeldOut {
  doc: PreparedDoc;
  /** The cross-validation fold the document was held out in. */
  fold: number;
  marginals: Float64Array[];
  /** Technique probabilities of every gold span (TC), aligned with doc.gold. */
  goldProbs: Float64Array[];
  tagger: CrfWeights;
  classifier: LogRegWeights;
  /** The fold's loaded-word table and this document's levels under it (null: no lexicon). */
  loaded: LoadedTable | null;
  loadLevels: Uint8Array | null;
}

export function foldsOf(n: number, k: number, seed: number): number[] {
  const idx = shuffle(
    Array.from({ length: n }, (_, i) => i),
    rng(seed ^ 0x5eed),
  );
  const fold = new Array<number>(n);
  idx.forEach((i, pos) => (fold[i] = pos % k));
  return fold;
}

/** k-fold cross-validation over documents; returns each document's held-out outputs. */
export function crossValidate(docs: readonly PreparedDoc[], cfg: TrainConfig, k: number, log?: Log, only?: number, extra: readonly PreparedDoc[] = []): HeldOut[] {
  const fold = foldsOf(docs.length, k, cfg.seed);
  const out: HeldOut[] = [];
  for (let f = 0; f < k; f++) {
    if (only !== undefined && f >= only) break;
    const train = [...docs.filter((_, i) => fold[i] !== f), ...extra];
    const test = docs.filter((_, i) => fold[i] === f);
    const t0 = Date.now();
    // Candidate lenders of the neighbour priors from every document's words (never their labels), so
    // that the folds share one neighbour index.
    const loaded = applyLoadedLexicon(train, test, cfg, [...docs, ...extra]);
    const sentence = stageOne(train, cfg);
    if (sentence) for (const d of test) scoreSentences(sentence, d.view);
    const tagger = trainTagger(train, cfg);
    const t1 = Date.now();
    const classifier = trainClassifier(train, cfg);
    log?.(`fold ${f + 1}/${k}: ${train.length} train / ${test.length} test docs; tagger ${((t1 - t0) / 1000).toFixed(1)} s, classifier ${((Date.now() - t1) / 1000).toFixed(1)} s${loaded ? `, ${loaded.table.hashes.length} loaded-word levels` : ''}`);
    for (const d of test) {
      const goldProbs = goldSpanFeatures(d, cfg.classifierBits).map((fv) => predictProba(classifier, fv));
      out.push({ doc: d, fold: f, marginals: docMarginals(tagger, d, cfg.taggerBits), goldProbs, tagger, classifier, loaded: loaded?.table ?? null, loadLevels: loaded?.testLevels.get(d) ?? null });
    }
  }
  return out;
}

export interface Predictions {
  /** SI/FLC predictions (spans with one or two techniques), original offsets. */
  flc: PtcDoc[];
  /** TC predictions: for every gold span with k techniques, the top k classes. */
  tc: PtcDoc[];
  /** For calibration: the raw score of each predicted finding and whether FLC counts it right, in the order of flc's spans. */
  scored: Array<{ x: number; correct: boolean }>;
}

/**
 * Predictions from held-out outputs. `filters` gives each fold's span filter (see crossFitFilters);
 * without it every decoded span is kept and confidence rests on the tagger's score.
 */
export function heldOutPredictions(held: readonly HeldOut[], settings: DecodeSettings, secondLabel: number, filters?: Map<number, SpanFilter> | null): Predictions {
  const flc: PtcDoc[] = [];
  const tc: PtcDoc[] = [];
  const scored: Predictions['scored'] = [];
  for (const h of held) {
    const d = h.doc;
    const tcSpans = d.gold.flatMap((g, k) => {
      const p = h.goldProbs[k]!;
      const ranked = [...p].map((x, c) => ({ x, c })).sort((a, b) => b.x - a.x || a.c - b.c);
      return g.techniques.map((_, j) => ({ start: g.start, end: g.end, technique: CLASS_LABELS[ranked[j]!.c]! }));
    });
    tc.push({ id: d.id, spans: tcSpans });
    const filter = filters?.get(h.fold) ?? null;
    const out: PtcDoc['spans'] = [];
    for (const { sp, probs, x, start, end } of heldOutSpans(h, settings)) {
      let score = sp.score;
      if (filter) {
        score = keepProbability(filter, x);
        if (score < filter.keep) continue;
      }
      for (const c of chosenTechniques(probs, secondLabel)) {
        const technique = CLASS_LABELS[c]!;
        out.push({ start, end, technique });
        const correct = d.spans.some((g) => g.technique === technique && g.start < end && start < g.end);
        scored.push({ x: score * probs[c]!, correct });
      }
    }
    flc.push({ id: d.id, spans: out });
  }
  return { flc, tc, scored };
}

export interface CvScores {
  si: SpanScore;
  tc: TcScore;
  flc: FlcScore;
}

export function scorePredictions(docs: readonly PreparedDoc[], p: Predictions): CvScores {
  const gold: PtcDoc[] = docs.map((d) => ({ id: d.id, spans: d.spans }));
  return { si: scoreSI(gold, p.flc), tc: scoreTC(gold, p.tc), flc: scoreFLC(gold, p.flc) };
}

/** Fits Platt scaling P(correct) = sigmoid(a x + b) by Newton's method on the log-loss. */
export function fitPlatt(points: ReadonlyArray<{ x: number; correct: boolean }>): Platt {
  let a = 1;
  let b = 0;
  if (points.length === 0) return { a, b };
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (const { x, correct } of points) {
      const p = calibrate({ a, b }, x);
      const e = p - (correct ? 1 : 0);
      const w = Math.max(p * (1 - p), 1e-9);
      ga += e * x; gb += e;
      haa += w * x * x; hab += w * x; hbb += w;
    }
    haa += 1e-6; hbb += 1e-6;
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export function buildModel(
  table: LexiconTable,
  tagger: CrfWeights,
  sentence: LogRegWeights | null,
  classifier: LogRegWeights,
  cfg: TrainConfig,
  calibration: Platt,
  version: string,
  ruleFeatures: boolean,
  filter: SpanFilter | null = null,
  judge: Judge | null = null,
): Model {
  return { version, table, tagger, sentence, classifier, labels: CLASS_LABELS, settings: { ...decodeSettings(cfg), secondLabel: cfg.secondLabel, ruleFeatures }, filter, calibration, judge };
}
