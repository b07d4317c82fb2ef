import { rng, shuffle } from '../../model/hash.js';
import { segment, type Doc } from '../../text/segment.js';
import { findEvidence, planEvidence, type DocEvidence } from './evidence.js';
import { commonUnits, featureCount, GrowingCoder, pairKey, sentenceUnits, specialFeatures, type FeatureLayout } from './features.js';
import { choose, documentProbabilities, type DocSignals } from './model.js';
import type { NarrativePack } from './pack.js';
import { standaloneSignals } from './signals.js';
import { fitStacker, STACK_K, stackFeatures, type Stacker } from './stacker.js';
import { newScratch, nextEpoch, unitFeatures } from './vector.js';
import { WEIGHT_SCALE, WEIGHTS_FORMAT, type NarrativeWeights } from './weights.js';

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
  l2?: number;
  seed?: number;
  /** Also fit the stacker on documents padded with text that carries no narrative (default true). */
  pad?: boolean;
  /** Signals of a training text (default: the built-in frames and gazetteer). */
  signals?: (doc: Doc, pack: NarrativePack) => DocSignals;
  log?: (message: string) => void;
}

/** One training text, prepared: its sentences' units and signals. */
interface Prepared {
  doc: Doc;
  sig: DocSignals;
  ev: DocEvidence;
  units: Int32Array[];
}

/** A training instance: a sparse binary vector scaled by `scale`, and a target per label (1, 0, or -1: unknown). */
interface Instance {
  ids: Int32Array;
  scale: number;
  y: Int8Array;
}

interface LinearModel {
  W: Float64Array;
  bias: Float64Array;
}

export const DEFAULTS = { folds: 4, epochs: 30, l2: 1e-4, seed: 17, maxNarratives: 3, maxSubs: 2, pad: true };

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
  const prepare = (text: string): Prepared => {
    const doc = segment(text);
    const sig = signals(doc, pack);
    const ev = findEvidence(doc, pack, plan, sig.parties, sig.roles);
    const units: Int32Array[] = [];
    for (const s of doc.sentences) {
      const codes = new Int32Array((s.tokenEnd - s.tokenStart) * 2 + 2);
      const toks = new Int32Array(codes.length);
      const m = sentenceUnits(doc, s.tokenStart, s.tokenEnd, sig.parties, coder, codes, toks);
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
  const pairId = (key: number) => pairs.get(key) ?? -1;
  const buf = new Int32Array(4096);
  /** Sentence vectors of a prepared text: [ids, count] per sentence. */
  const vectors = (p: Prepared): Array<[Int32Array, number]> =>
    p.units.map((codes, s) => {
      nextEpoch(scratch);
      const [n1, count] = unitFeatures(codes, codes.length, pairId, scratch, buf, 0);
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
  const exInstances: Instance[] = examples.map((e, i) => {
    const [ids, count] = union(exVectors[i]!);
    const y = new Int8Array(L);
    const it = pack.items[e.item]!;
    // A narrative's example may also carry one of its sub-narratives: unknown for them.
    if (it.level === 'narrative') for (const c of it.children) y[c] = -1;
    y[e.item] = 1;
    if (it.parent >= 0) y[it.parent] = 1;
    return { ids, scale: 1 / Math.sqrt(Math.max(1, count)), y };
  });
  const bgInstances: Instance[] = bgVectors.map((vs) => {
    const [ids, count] = union(vs);
    return { ids, scale: 1 / Math.sqrt(Math.max(1, count)), y: new Int8Array(L) };
  });

  const train = (instances: Instance[]) => trainLinear(instances, F, L, o.epochs, o.l2, o.seed);
  log(`narratives: ${pack.name}: ${examples.length} examples, ${pack.background.length} background sentences, ${given.length} documents (+${docs.length - given.length} made of examples), ${U} units, ${pairKeys.length} pairs`);

  // Documents: the sentences that a model trained without them finds most typical of each gold
  // label become its examples; all sentences are counter-examples of what the document does not carry.
  const oof: Float64Array[] = new Array(docs.length);
  const docInstances: Instance[][] = new Array(docs.length);
  for (let f = 0; f < folds && given.length > 0; f++) {
    const first = train([...exInstances.filter((_, i) => exampleFold[i] !== f), ...bgInstances]);
    given.forEach((d, i) => {
      if (docFold[i] === f) docInstances[i] = documentInstances(pack, d, docVectors[i]!, first);
    });
  }
  for (let f = 0; f < folds; f++) {
    const model = train([...exInstances.filter((_, i) => exampleFold[i] !== f), ...bgInstances, ...docInstances.slice(0, given.length).filter((_, i) => docFold[i] !== f).flat()]);
    docs.forEach((_, i) => {
      if (docFold[i] === f) oof[i] = sentenceLogits(docVectors[i]!, model, L);
    });
  }
  const stacker = trainStacker(pack, docs, docPrepared, oof, o);
  const final = train([...exInstances, ...bgInstances, ...docInstances.slice(0, given.length).flat()]);
  log(`narratives: ${pack.name}: thresholds ${stacker.narrative.threshold} (narratives), ${stacker.subnarrative.threshold} (sub-narratives)`);

  const weights: number[][] = [];
  for (let l = 0; l < L; l++) {
    const row: number[] = [];
    for (let f = 0; f < F; f++) {
      const w = Math.round(final.W[f * L + l]! * WEIGHT_SCALE);
      if (w !== 0) row.push(f, w);
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
      l2: o.l2,
      seed: o.seed,
      folds,
    },
  };
}

/** Sentence logits of a document's vectors under a linear model (s * L + l). */
function sentenceLogits(vs: ReadonlyArray<[Int32Array, number]>, m: LinearModel, L: number): Float64Array {
  const z = new Float64Array(vs.length * L);
  vs.forEach(([ids, count], s) => {
    const scale = 1 / Math.sqrt(Math.max(1, count));
    for (let l = 0; l < L; l++) {
      let v = 0;
      for (const f of ids) v += m.W[f * L + l]!;
      z[s * L + l] = m.bias[l]! + scale * v;
    }
  });
  return z;
}

/** Instances from one labelled document (see trainPack). */
function documentInstances(pack: NarrativePack, d: TrainingDoc, vs: ReadonlyArray<[Int32Array, number]>, m: LinearModel): Instance[] {
  const L = pack.items.length;
  const z = sentenceLogits(vs, m, L);
  const gold = new Set(d.items);
  const out: Instance[] = [];
  const mk = (s: number, y: Int8Array): Instance => ({ ids: vs[s]![0], scale: 1 / Math.sqrt(Math.max(1, vs[s]![1])), y });
  // Negatives: every sentence, for the labels the document does not carry (sub-narratives only when known).
  const neg = new Int8Array(L);
  for (const it of pack.items) {
    if (gold.has(it.index)) neg[it.index] = -1;
    else if (it.level === 'subnarrative' && !d.subsKnown) neg[it.index] = -1;
  }
  vs.forEach((_, s) => out.push(mk(s, neg)));
  // Positives: the most typical sentence per gold label (and the second when the model already agrees).
  for (const l of gold) {
    const ranked = vs.map((_, s) => s).sort((a, b) => z[b * L + l]! - z[a * L + l]! || a - b);
    for (let r = 0; r < Math.min(2, ranked.length); r++) {
      const s = ranked[r]!;
      if (r === 1 && z[s * L + l]! < 0) break;
      const y = new Int8Array(L).fill(-1);
      y[l] = 1;
      const it = pack.items[l]!;
      if (it.parent >= 0) y[it.parent] = 1;
      out.push(mk(s, y));
    }
  }
  return out;
}

/**
 * One-vs-rest logistic regression for all labels at once, by AdaGrad over instances in a seeded
 * order, with L2 on the weights an instance touches. Positives of a label weigh more where they are
 * rare (square root of the negative to positive ratio, at most 20).
 */
function trainLinear(instances: readonly Instance[], F: number, L: number, epochs: number, l2: number, seed: number): LinearModel {
  const W = new Float64Array(F * L);
  const G = new Float64Array(F * L).fill(1e-8);
  const bias = new Float64Array(L);
  const Gb = new Float64Array(L).fill(1e-8);
  const pos = new Float64Array(L);
  const neg = new Float64Array(L);
  for (const x of instances) for (let l = 0; l < L; l++) x.y[l] === 1 ? pos[l]!++ : x.y[l] === 0 ? neg[l]!++ : 0;
  const posWeight = new Float64Array(L);
  for (let l = 0; l < L; l++) posWeight[l] = pos[l]! > 0 ? Math.min(20, Math.max(1, Math.sqrt(neg[l]! / pos[l]!))) : 1;
  const lr = 0.5;
  const order = instances.map((_, i) => i);
  const random = rng(seed);
  const z = new Float64Array(L);
  const g = new Float64Array(L);
  for (let e = 0; e < epochs; e++) {
    shuffle(order, random);
    for (const i of order) {
      const x = instances[i]!;
      const sc = x.scale;
      for (let l = 0; l < L; l++) z[l] = 0;
      for (const f of x.ids) {
        const r = f * L;
        for (let l = 0; l < L; l++) z[l]! += W[r + l]!;
      }
      for (let l = 0; l < L; l++) {
        const y = x.y[l]!;
        if (y < 0) {
          g[l] = 0;
          continue;
        }
        const p = 1 / (1 + Math.exp(-(bias[l]! + sc * z[l]!)));
        g[l] = (p - y) * (y === 1 ? posWeight[l]! : 1);
        Gb[l]! += g[l]! * g[l]!;
        bias[l]! -= (lr * g[l]!) / Math.sqrt(Gb[l]!);
      }
      for (const f of x.ids) {
        const r = f * L;
        for (let l = 0; l < L; l++) {
          if (x.y[l]! < 0) continue;
          const grad = g[l]! * sc + l2 * W[r + l]!;
          G[r + l]! += grad * grad;
          W[r + l]! -= (lr * grad) / Math.sqrt(G[r + l]!);
        }
      }
    }
  }
  return { W, bias };
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
  const cuesOf = (p: Prepared) => {
    const c = new Float64Array(L);
    for (const h of p.ev.hits) c[h.item]!++;
    return c;
  };
  docs.forEach((d, i) => {
    const S = prepared[i]!.doc.sentences.length;
    const cues = cuesOf(prepared[i]!);
    const gold = new Set(d.items);
    for (const it of pack.items) {
      if (it.level === 'subnarrative' && (!d.subsKnown || !gold.has(it.parent))) continue;
      const f = new Float64Array(STACK_K);
      stackFeatures(oof[i]!, S, L, it.index, cues[it.index]!, siblings[it.index]!, f);
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
  const probs = docs.map((_, i) => documentProbabilities(pack, stacker, oof[i]!, prepared[i]!.doc.sentences.length, L, cuesOf(prepared[i]!), narrativeLabels, siblings));
  const inScope = docs.map((_, i) => !pack.scope || prepared[i]!.ev.scopeHits >= pack.scope.min);
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
  const evaluate = () => {
    let n = 0;
    let s = 0;
    let ns = 0;
    docs.forEach((d, i) => {
      const chosen = inScope[i] ? choose(pack, stacker, probs[i]!) : new Uint8Array(L);
      const g = new Uint8Array(L);
      for (const k of d.items) g[k] = 1;
      n += setF1(narrativeLabels.filter((k) => g[k]), narrativeLabels.filter((k) => chosen[k]));
      if (d.subsKnown) {
        s += setF1(subSet(g), subSet(chosen));
        ns++;
      }
    });
    return { n: docs.length ? n / docs.length : 0, s: ns ? s / ns : 0 };
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
