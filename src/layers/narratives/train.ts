import { rng, shuffle } from '../../core/random.js';
import { sentenceLogits, trainSoftmax, type Instance, type LinearModel } from './softmax.js';
import { segment, type Doc } from '../../text/segment.js';
import { findEvidence, planEvidence, withoutDisowned, type DocEvidence } from './evidence.js';
import { commonUnits, featureCount, GrowingCoder, pairKey, sentenceUnits, specialFeatures, type FeatureLayout } from './features.js';
import { choose, documentProbabilities, type DocSignals } from './model.js';
import type { NarrativePack } from './pack.js';
import { standaloneSignals } from './signals.js';
import { fitStacker, STACK_K, stackFeaturesAll, summarise, type Stacker } from './stacker.js';
import { newScratch, nextEpoch, unitFeatures } from './vector.js';
import { documentSupport } from './support.js';
import { WEIGHT_SCALE, WEIGHTS_FORMAT, type NarrativeWeights } from './weights.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/**
 * Trains a pack's model, deterministically: a one-vs-rest logistic model per narrative and
 * sub-narrative over sentence features (features.ts), from the pack's example sentences (and
 * background sentences as counter-examples) and, when given, labelled documents: the sentence of a
 * document that the model finds most typical of a gold narrative becomes an example of it, and
 * every sentence of a document becomes a counter-example of the narratives it does not carry.
 * Then the stacker (stacker.ts) learns, on documents held out by folds, how sentence scores make a
 * document decision, and the thresholds that maximise samples-F1.
 */

export interface TrainingDoc {
  text: string;
  /** Indices of the items the document carries (narratives and sub-narratives). */
  items: number[];
  /** False when the document's labels say nothing about sub-narratives (they are then not trained from it). */
  subsKnown: boolean;
}

export interface TrainOptions {
  documents?: readonly TrainingDoc[];
  folds?: number;
  epochs?: number;
  /** FTRL-Proximal: L1 and L2 strengths and learning rate. */
  l1?: number;
  l2?: number;
  alpha?: number;
  seed?: number;
  /** Also fit the stacker on documents padded with text that carries no narrative (default true). */
  pad?: boolean;
  /** Signals of a training text (default: the built-in frames and gazetteer). */
  signals?: (doc: Doc, pack: NarrativePack) => DocSignals;
  log?: (message: string) => void;
  /** Called with the stacker's training data (documents, their out-of-fold sentence logits and evidence): scripts study document decisions with it. */
  capture?: (data: { docs: readonly TrainingDoc[]; oof: readonly Float64Array[]; sentences: readonly number[]; evidence: readonly DocEvidence[]; segmented: readonly Doc[] }) => void;
}

/** One training text, prepared: its sentences' units and signals. */
interface Prepared {
  doc: Doc;
  sig: DocSignals;
  ev: DocEvidence;
  units: Int32Array[];
}

export const DEFAULTS = { folds: 4, epochs: 40, l1: 0.3, l2: 0.01, alpha: 2, seed: 17, maxNarratives: 3, maxSubs: 2, pad: true };

/** Trains the weights of a pack. */
export function trainPack(pack: NarrativePack, options: TrainOptions = {}): NarrativeWeights {
  const o = { ...DEFAULTS, ...options };
  const log = options.log ?? (() => {});
  const signals = options.signals ?? standaloneSignals;
  const L = pack.items.length;
  const examples: Array<{ text: string; item: number }> = pack.items.flatMap((it) => it.examples.map((text) => ({ text, item: it.index })));
  const given = options.documents ?? [];
  // Folds over examples and documents alike: the stacker learns from scores of texts the sentence
  // model did not see. Without enough labelled documents, documents are made of held-out examples.
  const folds = Math.max(2, o.folds);
  const exampleFold = foldsOf(examples.length, folds, o.seed);
  const docs: TrainingDoc[] = [...given];
  const docFold: number[] = [...foldsOf(given.length, folds, o.seed + 1)];
  if (given.length < 12) {
    for (let f = 0; f < folds; f++) {
      const made = syntheticDocuments(pack, examples.filter((_, i) => exampleFold[i] === f), o.seed + f);
      docs.push(...made);
      for (const _ of made) docFold.push(f);
    }
  }
  // Long documents: news articles run to dozens of sentences, most of which carry nothing. Each
  // labelled document is also seen padded with documents of its fold that carry no narrative and
  // with background sentences, so that the stacker learns how length inflates a chance maximum.
  if (o.pad) {
    const n = docs.length;
    const random = rng(o.seed + 7);
    for (let i = 0; i < n; i++) {
      const d = docs[i]!;
      const others = docs.filter((x, j) => j !== i && j < n && docFold[j] === docFold[i] && x.items.length === 0);
      const parts = d.text.trim().split(/\n\s*\n/);
      const extra: string[] = [];
      for (let k = 0; k < Math.min(2, others.length); k++) extra.push(...others[Math.floor(random() * others.length)]!.text.trim().split(/\n\s*\n/).slice(1));
      for (let k = 0; k < 4 && pack.background.length; k++) extra.push(pack.background[Math.floor(random() * pack.background.length)]!);
      for (const e of extra) parts.splice(1 + Math.floor(random() * parts.length), 0, e);
      docs.push({ text: parts.join('\n\n'), items: d.items, subsKnown: d.subsKnown });
      docFold.push(docFold[i]!);
    }
  }

  // Units: the words the training texts write in lowercase (names never become units).
  const common = commonUnits([...examples.map((e) => e.text), ...pack.background, ...docs.map((d) => d.text)]);
  const coder = new GrowingCoder(common, pack.parties.map((p) => p.id));
  const plan = planEvidence(pack);
  const vocab = preparedVocab();
  const prepare = (text: string): Prepared => {
    const doc = segment(text, vocab);
    const sig = signals(doc, pack);
    const ev = withoutDisowned(findEvidence(doc, pack, plan, sig.parties, sig.roles), sig.disowned);
    const units: Int32Array[] = [];
    for (const s of doc.sentences) {
      const codes = new Int32Array((s.tokenEnd - s.tokenStart) * 2 + 2);
      const toks = new Int32Array(codes.length);
      const m = sentenceUnits(doc, s.tokenStart, s.tokenEnd, sig.parties, coder, codes, toks, sig.disowned);
      units.push(codes.slice(0, m));
    }
    return { doc, sig, ev, units };
  };
  const exPrepared = examples.map((e) => prepare(e.text));
  const bgPrepared = pack.background.map(prepare);
  const docPrepared = docs.map((d) => prepare(d.text));

  // Unit pairs seen in at least two sentences become features.
  const U = coder.units.length;
  const pairCount = new Map<number, number>();
  for (const p of [...exPrepared, ...bgPrepared, ...docPrepared]) {
    for (const codes of p.units) {
      const seen = new Set<number>();
      for (let k = 1; k < codes.length; k++) {
        const a = codes[k - 1]!;
        const b = codes[k]!;
        if (a < 0 || b < 0) continue;
        const key = pairKey(a, b);
        if (seen.has(key)) continue;
        seen.add(key);
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      }
    }
  }
  const pairKeys = [...pairCount].filter(([, c]) => c >= 2).map(([k]) => k).sort((a, b) => a - b);
  const pairs = new Map<number, number>(pairKeys.map((k, i) => [k, U + i]));
  const layout: FeatureLayout = { units: U, pairs: pairKeys.length, items: L, parties: pack.parties.length };
  const F = featureCount(layout);
  const scratch = newScratch(F);
  const pairId = (a: number, b: number) => pairs.get(pairKey(a, b)) ?? -1;
  const buf = new Int32Array(4096);
  /** Sentence vectors of a prepared text: [ids, count] per sentence. */
  const vectors = (p: Prepared): Array<[Int32Array, number]> =>
    p.units.map((codes, s) => {
      nextEpoch(scratch);
      const n1 = unitFeatures(codes, codes.length, pairId, scratch, buf, 0);
      const count = scratch.count;
      const n2 = specialFeatures(layout, p.doc, s, p.ev, p.sig.frames, p.sig.roles, buf, n1);
      return [buf.slice(0, n2), count + (n2 - n1)];
    });
  const exVectors = exPrepared.map(vectors);
  const bgVectors = bgPrepared.map(vectors);
  const docVectors = docPrepared.map(vectors);

  // Examples and background: a whole text is one instance (an example may run to two sentences).
  const union = (vs: Array<[Int32Array, number]>): [Int32Array, number] => {
    const ids = new Set<number>();
    let count = 0;
    for (const [v, c] of vs) {
      for (const f of v) ids.add(f);
      count += c;
    }
    return [Int32Array.from([...ids].sort((a, b) => a - b)), count];
  };
  const noneOf = Int32Array.from(pack.items, (it) => (it.level === 'narrative' ? L : L + 1));
  const parentOf = Int32Array.from(pack.items, (it) => it.parent);
  const narrCols = [...pack.items.filter((it) => it.level === 'narrative').map((it) => it.index), L];
  const subCols = [...pack.items.filter((it) => it.level === 'subnarrative').map((it) => it.index), L + 1];
  const exInstances: Instance[] = examples.map((e, i) => {
    const [ids, count] = union(exVectors[i]!);
    const it = pack.items[e.item]!;
    // A sub-narrative's example carries it and its narrative; a narrative's example may also carry
    // one of its sub-narratives, or none.
    const narr = Int32Array.of(it.parent >= 0 ? it.parent : it.index);
    const sub = it.parent >= 0 ? Int32Array.of(it.index) : Int32Array.from([...it.children, L + 1]);
    return { ids, scale: 1 / Math.sqrt(Math.max(1, count)), narr, sub };
  });
  const bgInstances: Instance[] = bgVectors.map((vs) => {
    const [ids, count] = union(vs);
    return { ids, scale: 1 / Math.sqrt(Math.max(1, count)), narr: Int32Array.of(L), sub: Int32Array.of(L + 1) };
  });

  const train = (instances: Instance[]) => trainSoftmax(instances, F, L, narrCols, subCols, o);
  log(`narratives: ${pack.name}: ${examples.length} examples, ${pack.background.length} background sentences, ${given.length} documents (+${docs.length - given.length} made of examples), ${U} units, ${pairKeys.length} pairs`);

  // Documents: the sentences that a model trained without them finds most typical of each gold
  // label become its examples; all sentences are counter-examples of what the document does not carry.
  const oof: Float64Array[] = new Array(docs.length);
  const docInstances: Instance[][] = new Array(docs.length);
  for (let f = 0; f < folds && given.length > 0; f++) {
    const first = train([...exInstances.filter((_, i) => exampleFold[i] !== f), ...bgInstances]);
    given.forEach((d, i) => {
      if (docFold[i] === f) docInstances[i] = documentInstances(pack, d, docVectors[i]!, first, noneOf, parentOf, docPrepared[i]!.sig.muted);
    });
  }
  for (let f = 0; f < folds; f++) {
    const model = train([...exInstances.filter((_, i) => exampleFold[i] !== f), ...bgInstances, ...docInstances.slice(0, given.length).filter((_, i) => docFold[i] !== f).flat()]);
    docs.forEach((_, i) => {
      if (docFold[i] === f) oof[i] = mute(sentenceLogits(docVectors[i]!, model, noneOf, parentOf), docPrepared[i]!.sig.muted, L);
    });
  }
  options.capture?.({ docs, oof, sentences: docPrepared.map((p) => p.doc.sentences.length), evidence: docPrepared.map((p) => p.ev), segmented: docPrepared.map((p) => p.doc) });
  const stacker = trainStacker(pack, docs, docPrepared, oof, o);
  const final = train([...exInstances, ...bgInstances, ...docInstances.slice(0, given.length).flat()]);
  log(`narratives: ${pack.name}: thresholds ${stacker.narrative.threshold} (narratives), ${stacker.subnarrative.threshold} (sub-narratives)`);

  // Per column (the items, then the two levels' "none"): sparse weights; under 0.005 they move no decision.
  const C = L + 2;
  const weights: number[][] = [];
  for (let c = 0; c < C; c++) {
    const row: number[] = [];
    for (let f = 0; f < F; f++) {
      const w = Math.round(final.W[f * C + c]! * WEIGHT_SCALE);
      if (Math.abs(w) >= 50) row.push(f, w);
    }
    weights.push(row);
  }
  const pairList: number[] = [];
  for (const k of pairKeys) pairList.push(Math.floor(k / 2097152), k % 2097152);
  return {
    format: WEIGHTS_FORMAT,
    pack: pack.name,
    packHash: pack.hash,
    items: pack.items.map((it) => it.id),
    parties: pack.parties.map((p) => p.id),
    units: coder.units,
    pairs: pairList,
    weights,
    bias: Array.from(final.bias, (b) => Math.round(b * WEIGHT_SCALE)),
    stacker,
    training: {
      examples: examples.length,
      background: pack.background.length,
      documents: given.length,
      syntheticDocuments: docs.length - given.length,
      epochs: o.epochs,
      l1: o.l1,
      l2: o.l2,
      alpha: o.alpha,
      seed: o.seed,
      folds,
    },
  };
}

/** Logits z with the rows of muted sentences (DocSignals.muted) set to -Infinity, as scoring leaves them. */
function mute(z: Float64Array, muted: Uint8Array | null, L: number): Float64Array {
  if (muted !== null) for (let s = 0; s < muted.length; s++) if (muted[s] === 1) z.fill(-Infinity, s * L, s * L + L);
  return z;
}

/** Instances from one labelled document (see trainPack). */
function documentInstances(pack: NarrativePack, d: TrainingDoc, vs: ReadonlyArray<readonly [Int32Array, number]>, m: LinearModel, noneOf: Int32Array, parentOf: Int32Array, muted: Uint8Array | null): Instance[] {
  const L = pack.items.length;
  const z = mute(sentenceLogits(vs, m, noneOf, parentOf), muted, L);
  const kept = (s: number) => muted === null || muted[s] !== 1;
  const gold = new Set(d.items);
  const goldNarr = pack.items.filter((it) => it.level === 'narrative' && gold.has(it.index)).map((it) => it.index);
  const goldSubs = pack.items.filter((it) => it.level === 'subnarrative' && gold.has(it.index)).map((it) => it.index);
  const subsAllowed = d.subsKnown ? goldSubs : goldNarr.flatMap((n) => pack.items[n]!.children);
  const narr = Int32Array.from([...goldNarr, L]);
  const sub = Int32Array.from([...subsAllowed, L + 1]);
  const out: Instance[] = [];
  const mk = (s: number, n: Int32Array | null, u: Int32Array | null): Instance => ({ ids: vs[s]![0], scale: 1 / Math.sqrt(Math.max(1, vs[s]![1])), narr: n, sub: u });
  // Every sentence: one of the document's narratives (sub-narratives), or none.
  vs.forEach((_, s) => kept(s) && out.push(mk(s, narr, sub)));
  // The most typical sentence per gold label (and the second when the model already agrees) carries it.
  for (const l of gold) {
    const it = pack.items[l]!;
    if (it.level === 'subnarrative' && !d.subsKnown) continue;
    const ranked = vs.map((_, s) => s).filter(kept).sort((a, b) => z[b * L + l]! - z[a * L + l]! || a - b);
    for (let r = 0; r < Math.min(2, ranked.length); r++) {
      const s = ranked[r]!;
      if (r === 1 && z[s * L + l]! < 0) break;
      out.push(it.level === 'narrative' ? mk(s, Int32Array.of(l), null) : mk(s, Int32Array.of(it.parent), Int32Array.of(l)));
    }
  }
  return out;
}

/** Fits the stackers on out-of-fold sentence scores and picks the thresholds that maximise samples-F1. */
function trainStacker(
  pack: NarrativePack,
  docs: readonly TrainingDoc[],
  prepared: readonly Prepared[],
  oof: readonly Float64Array[],
  o: typeof DEFAULTS,
): { narrative: Stacker; subnarrative: Stacker } {
  const L = pack.items.length;
  const narrativeLabels = pack.items.filter((it) => it.level === 'narrative').map((it) => it.index);
  const siblings = pack.items.map((it) => (it.parent >= 0 ? pack.items[it.parent]!.children : narrativeLabels));
  const rowsN: Float64Array[] = [];
  const ysN: number[] = [];
  const rowsS: Float64Array[] = [];
  const ysS: number[] = [];
  // Explicit evidence that counts, and what may be chosen, as the model reads them (support.ts).
  const isNarrative = Uint8Array.from(pack.items, (it) => (it.level === 'narrative' ? 1 : 0));
  const support = prepared.map((p, i) => {
    const cues = new Float64Array(L);
    const S = p.doc.sentences.length;
    const eligible = documentSupport(pack.evidenceRules, p.doc, p.ev, oof[i]!, L, summarise(oof[i]!, S, L).count, isNarrative, cues, new Uint8Array(L), new Uint8Array(L));
    return { cues, eligible };
  });
  docs.forEach((d, i) => {
    const S = prepared[i]!.doc.sentences.length;
    const feats = new Float64Array(L * STACK_K);
    stackFeaturesAll(oof[i]!, S, L, support[i]!.cues, (l) => siblings[l]!, feats);
    const gold = new Set(d.items);
    for (const it of pack.items) {
      if (it.level === 'subnarrative' && (!d.subsKnown || !gold.has(it.parent))) continue;
      const f = feats.slice(it.index * STACK_K, it.index * STACK_K + STACK_K);
      (it.level === 'narrative' ? rowsN : rowsS).push(f);
      (it.level === 'narrative' ? ysN : ysS).push(gold.has(it.index) ? 1 : 0);
    }
  });
  const fitOr = (rows: Float64Array[], ys: number[]) =>
    rows.length > 0 && ys.some((y) => y === 1) && ys.some((y) => y === 0) ? fitStacker(rows, ys) : { coef: [1, 0, 0, 0.5, 0, 0, 0], intercept: -1 };
  const n = fitOr(rowsN, ysN);
  const s = fitOr(rowsS, ysS);
  const stacker = {
    narrative: { ...n, threshold: 0.5, maxChosen: o.maxNarratives },
    subnarrative: { ...s, threshold: 0.5, maxChosen: o.maxSubs },
  };
  // Thresholds: the narrative one first (sub-narratives depend on it), then the sub-narrative one.
  // Probabilities do not depend on thresholds: computed once; label sets compared as item indices.
  const probs = docs.map((_, i) => documentProbabilities(pack, stacker, summarise(oof[i]!, prepared[i]!.doc.sentences.length, L), support[i]!.cues, narrativeLabels, siblings));
  const inScope = docs.map((_, i) => prepared[i]!.ev.inScope);
  const setF1 = (g: number[], p: number[]) => {
    const gs = g.length ? g : [-1];
    const ps = p.length ? p : [-1];
    let inter = 0;
    for (const x of ps) if (gs.includes(x)) inter++;
    return (2 * inter) / (gs.length + ps.length);
  };
  /** Sub-narrative labels of a choice: chosen subs, or the narrative's own "Other" (-2 - index). */
  const subSet = (c: ArrayLike<number>) => {
    const out: number[] = [];
    for (const n of narrativeLabels) {
      if (!c[n]) continue;
      const subs = pack.items[n]!.children.filter((j) => c[j]);
      if (subs.length) out.push(...subs);
      else out.push(-2 - n);
    }
    return out;
  };
  // Documents weighted so that those carrying none of the narratives make up the pack's otherShare
  // (a prior shift: the thresholds then fit the texts the pack will read, not the training mix).
  const isOther = docs.map((d) => !narrativeLabels.some((k) => d.items.includes(k)));
  const trainOther = isOther.filter(Boolean).length / Math.max(1, docs.length);
  const target = pack.otherShare;
  const weight = (i: number) =>
    target === null || trainOther === 0 || trainOther === 1 ? 1 : isOther[i] ? target / trainOther : (1 - target) / (1 - trainOther);
  const evaluate = () => {
    let n = 0;
    let s = 0;
    let ns = 0;
    let wn = 0;
    let ws = 0;
    docs.forEach((d, i) => {
      const chosen = inScope[i] ? choose(pack, stacker, probs[i]!, support[i]!.eligible) : new Uint8Array(L);
      const g = new Uint8Array(L);
      for (const k of d.items) g[k] = 1;
      const w = weight(i);
      n += w * setF1(narrativeLabels.filter((k) => g[k]), narrativeLabels.filter((k) => chosen[k]));
      wn += w;
      if (d.subsKnown) {
        s += w * setF1(subSet(g), subSet(chosen));
        ws += w;
        ns++;
      }
    });
    return { n: wn ? n / wn : 0, s: ns ? s / ws : 0 };
  };
  const grid: number[] = [];
  for (let t = 0.2; t <= 0.851; t += 0.025) grid.push(Math.round(t * 1000) / 1000);
  const tune = (level: 'narrative' | 'subnarrative') => {
    let best = -1;
    let at = 0.5;
    for (const t of grid) {
      stacker[level].threshold = t;
      const r = evaluate();
      const v = level === 'narrative' ? r.n : r.s;
      if (v > best + 1e-9) {
        best = v;
        at = t;
      }
    }
    stacker[level].threshold = at;
  };
  tune('narrative');
  tune('subnarrative');
  return stacker;
}

/** Fold of each of n items: a seeded shuffle dealt round-robin. */
function foldsOf(n: number, folds: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  shuffle(Array.from({ length: n }, (_, i) => i), rng(seed)).forEach((i, k) => (out[i] = k % folds));
  return out;
}

/**
 * Documents made of a pack's own sentences, for a pack trained without (enough) labelled
 * documents: one or two examples among background sentences, or background alone ("Other").
 */
export function syntheticDocuments(pack: NarrativePack, examples: ReadonlyArray<{ text: string; item: number }>, seed: number): TrainingDoc[] {
  const random = rng(seed + 101);
  const bg = pack.background;
  if (examples.length === 0) return [];
  const out: TrainingDoc[] = [];
  const pickBg = (k: number) => (bg.length ? Array.from({ length: k }, () => bg[Math.floor(random() * bg.length)]!) : []);
  const count = Math.max(8, Math.ceil(examples.length / 2));
  for (let d = 0; d < count; d++) {
    const kind = d % 4;
    const sentences = pickBg(3 + Math.floor(random() * 4));
    const items: number[] = [];
    if (kind !== 3 || sentences.length === 0) {
      for (let k = 0; k < (kind === 2 ? 2 : 1); k++) {
        const e = examples[Math.floor(random() * examples.length)]!;
        sentences.splice(Math.floor(random() * (sentences.length + 1)), 0, e.text);
        const it = pack.items[e.item]!;
        items.push(it.index);
        if (it.parent >= 0) items.push(it.parent);
      }
    }
    // A narrative's own example says nothing about its sub-narratives.
    const subsKnown = items.every((i) => pack.items[i]!.level === 'subnarrative' || pack.items[i]!.children.length === 0 || items.some((j) => pack.items[j]!.parent === i));
    out.push({ text: sentences.join(' '), items: [...new Set(items)], subsKnown });
  }
  return out;
}
