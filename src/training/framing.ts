import { Analyzer } from '../analysis/analyzer.js';
import { ARCHETYPE_IDS, MAIN_OF, MAIN_ROLES, type FramingRole } from '../core/framing.js';
import type { Finding } from '../core/finding.js';
import type { Doc } from '../text/segment.js';
import { ACTORS, type ActorAnalysis } from '../layers/actors/layer.js';
import type { ReportLayer } from '../layers/contract.js';
import type { FramingRecord, RoleLabel } from '../layers/framing/data.js';
import { docContext, growingStems, keyParts, mentionFeatures, T, type DocContext, type StemIndex } from '../layers/framing/features.js';
import { K_ARCH, K_MAIN, MAIN_CLASSES, type FramingArtefact, type SparseLinear } from '../layers/framing/model.js';
import { givenSpans, ruleFindings, sentenceClasses } from '../layers/framing/spans.js';
import { SOURCING } from '../layers/sourcing/analyse.js';
import { VOICE } from '../layers/voice/product.js';
import { NO_VALENCE, valenceFromTable, valenceTable, type Valence } from '../layers/framing/valence.js';
import { loadVader } from '../model/lexicon-table.js';
import { dataFile } from '../model/resources.js';

/** The valence table from the VADER lexicon in ../shared/data (training time only), and its reader. */
export function trainingValence(): { table: { hashes: number[]; tenths: number[] }; valence: Valence } {
  const table = valenceTable(loadVader(dataFile('lexicons/vader_lexicon.txt')));
  return { table, valence: valenceFromTable(table.hashes, table.tenths) };
}
import type { VoiceAnalysis } from '../layers/voice/analyse.js';

/**
 * Training and cross-validation of the framing classifier on the annotated set
 * (src/layers/framing/data): features per gold mention, a multinomial logistic regression for the
 * main role, one logistic regression per archetype, and the calibration fitted on cross-validated
 * predictions (temperature, the unframed cut, archetype cuts, the weight of an actor's other mentions).
 */

/** What analysis gives a record: the segmented text, mentions, voices and rule findings. */
export interface Analysed {
  sentenceClass: Int8Array;
  doc: Doc;
  actors: ActorAnalysis;
  voice: VoiceAnalysis;
  findings: Finding[];
}

/**
 * An analyzer that keeps what the framing features read: rules only (no technique model), and one
 * layer that captures the products of the document it analyses.
 */
export class FramingAnalyzer {
  private got: Omit<Analysed, 'findings'> | null = null;
  private readonly analyzer: Analyzer;

  constructor(base?: Analyzer) {
    const capture: ReportLayer = { name: 'capture', apply: (ctx) => { this.got = { doc: ctx.doc, actors: ctx.need(ACTORS), voice: ctx.need(VOICE), sentenceClass: sentenceClasses(ctx.need(SOURCING)) }; } };
    this.analyzer = new Analyzer({ config: base?.config, model: null, layers: [capture] });
  }

  analyse(text: string): Analysed {
    this.got = null;
    const r = this.analyzer.analyze(text);
    return { ...this.got!, findings: r.findings };
  }
}

export interface Example {
  keys: number[];
  label: number;
  fine: number[];
}

export interface PreparedMention {
  /** Features as the author casts it, and as the source casts it (when it stands in reported words). */
  row: Example;
  neutral: Example | null;
  /** Index among the document's spans. */
  span: number;
  gold: RoleLabel;
  src: RoleLabel | null;
}

export interface PreparedDoc {
  id: string;
  /** Weight of the document's examples in training (the basic cases weigh less than the annotated set). */
  weight: number;
  split: FramingRecord['split'];
  dispute: string;
  style: string;
  ctx: DocContext;
  mentions: PreparedMention[];
}

const labelOf = (r: FramingRole) => MAIN_CLASSES.indexOf(r);
const fineOf = (l: RoleLabel) => l.fine.map((f) => ARCHETYPE_IDS.indexOf(f));

/** Features of every gold mention of every record. */
export function prepareFraming(records: readonly FramingRecord[], stems: StemIndex = growingStems(), valence: Valence = NO_VALENCE, analyzer = new FramingAnalyzer()): PreparedDoc[] {
  return records.map((rec) => {
    const a = analyzer.analyse(rec.text);
    const { spans, given } = givenSpans(a.doc, a.actors, rec.mentions);
    const ctx = docContext(a.doc, spans, a.voice, stems, ruleFindings(a.doc, a.findings), valence, a.sentenceClass);
    const mentions: PreparedMention[] = [];
    rec.mentions.forEach((g, k) => {
      const span = given[k]!;
      if (span === -1) return;
      const row = mentionFeatures(ctx, span);
      const inSource = a.voice.tokenSeg !== null && a.voice.tokenSeg[spans[span]!.a] !== -1;
      const src = g.src ?? (inSource ? { main: g.main, fine: g.fine } : null);
      const neutral = src ? { keys: mentionFeatures(ctx, span, true).keys, label: labelOf(src.main), fine: fineOf(src) } : null;
      mentions.push({ row: { keys: row.keys, label: labelOf(g.main), fine: fineOf(g) }, neutral, span, gold: { main: g.main, fine: g.fine }, src: g.src ?? null });
    });
    return { id: rec.id, weight: rec.dispute === 'basic' ? BASIC_WEIGHT : 1, split: rec.split, dispute: rec.dispute, style: rec.style, ctx, mentions };
  });
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainSettings {
  epochs: number;
  /** L2 strength per example. */
  l2: number;
  rate: number;
  /** Features seen in fewer training examples are dropped. */
  minCount: number;
  seed: number;
  /** The batch fit of the main model: iterations, L2 strength, step size. */
  batchIterations: number;
  batchL2: number;
  batchRate: number;
  /**
   * Multiplier of batchL2 for the features that carry knowledge written down beforehand (cue classes,
   * loaded terms, technique findings, word valence): a cue seen in few texts of the set still means
   * what its list says, so it is shrunk less than a word stem seen as rarely.
   */
  cueL2: number;
  /** Multiplier of batchL2 for the actor-type features (TYPE): how far the kind of actor alone may decide. */
  typeL2: number;
  /** Class balance of the main model: each example weighs (mean class size / its class size) ^ balance. */
  balance: number;
}

export const DEFAULT_FRAMING_SETTINGS: TrainSettings = { epochs: 20, l2: 0.002, rate: 0.1, minCount: 2, seed: 7, batchIterations: 600, batchL2: 0.005, batchRate: 0.2, cueL2: 1, typeL2: 5, balance: 0.5 };

/** Counts features over examples and keeps those seen at least `min` times. */
function vocabulary(examples: readonly { keys: number[] }[], min: number): Map<number, number> {
  const count = new Map<number, number>();
  for (const e of examples) for (const k of new Set(e.keys)) count.set(k, (count.get(k) ?? 0) + 1);
  const keep = new Map<number, number>();
  for (const [k, n] of [...count].sort((a, b) => a[0] - b[0])) if (n >= min || keyParts(k).tpl === T.BIAS) keep.set(k, keep.size);
  return keep;
}

/**
 * Multinomial logistic regression by AdaGrad over examples in a seeded order, L2 on the weights a
 * step touches. `weights` give each example's weight (class balance).
 */
export function trainSoftmax(examples: readonly Example[], classes: number, s: TrainSettings, weights?: readonly number[]): SparseLinear {
  const vocab = vocabulary(examples, s.minCount);
  const rows = examples.map((e) => [...new Set(e.keys)].map((k) => vocab.get(k)).filter((x): x is number => x !== undefined));
  const w = new Float64Array(vocab.size * classes);
  const g2 = new Float64Array(vocab.size * classes).fill(1e-6);
  const order = examples.map((_, i) => i);
  const rand = rng(s.seed);
  const p = new Float64Array(classes);
  for (let ep = 0; ep < s.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const i of order) {
      const row = rows[i]!;
      const z = expScores(row, w, classes, p);
      const ew = weights?.[i] ?? 1;
      for (const f of row) {
        for (let c = 0; c < classes; c++) {
          const at = f * classes + c;
          const grad = ew * (p[c]! / z - (c === examples[i]!.label ? 1 : 0)) + s.l2 * w[at]!;
          g2[at]! += grad * grad;
          w[at]! -= (s.rate * grad) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return packed(vocab, w, classes);
}

/** Templates whose features come from lists and rules written beforehand (see TrainSettings.cueL2). */
const KNOWLEDGE_TEMPLATES = new Set<number>([T.AGENT, T.PATIENT, T.NEAR, T.SENT, T.LOADED, T.TECH, T.VAL]);

/**
 * Multinomial logistic regression fitted on the whole batch: the mean weighted log-loss plus
 * `l2 / 2 * |w|^2` (the bias unpenalised), minimised by AdaGrad steps on full gradients. Unlike
 * per-example steps it converges to the regularised optimum, whatever the order of the examples.
 */
export function trainSoftmaxBatch(examples: readonly Example[], classes: number, s: TrainSettings, weights?: readonly number[]): SparseLinear {
  const vocab = vocabulary(examples, s.minCount);
  const rows = examples.map((e) => [...new Set(e.keys)].map((k) => vocab.get(k)).filter((x): x is number => x !== undefined));
  const pens = new Float64Array(vocab.size).fill(s.l2);
  for (const [k, r] of vocab) {
    const tpl = keyParts(k).tpl;
    if (tpl === T.BIAS) pens[r] = 0;
    else if (KNOWLEDGE_TEMPLATES.has(tpl)) pens[r] = s.l2 * s.cueL2;
    else if (tpl === T.TYPE) pens[r] = s.l2 * s.typeL2;
  }
  const n = vocab.size * classes;
  const w = new Float64Array(n);
  const g = new Float64Array(n);
  const g2 = new Float64Array(n).fill(1e-8);
  const p = new Float64Array(classes);
  const total = weights ? weights.reduce((a, b) => a + b, 0) : examples.length;
  for (let it = 0; it < s.epochs; it++) {
    g.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const z = expScores(row, w, classes, p);
      const ew = (weights?.[i] ?? 1) / total;
      const y = examples[i]!.label;
      for (let c = 0; c < classes; c++) {
        const d = ew * (p[c]! / z - (c === y ? 1 : 0));
        for (const f of row) g[f * classes + c]! += d;
      }
    }
    for (let r = 0; r < vocab.size; r++) {
      const pen = pens[r]!;
      for (let c = 0; c < classes; c++) {
        const at = r * classes + c;
        const grad = g[at]! + pen * w[at]!;
        g2[at]! += grad * grad;
        w[at]! -= (s.rate * grad) / Math.sqrt(g2[at]!);
      }
    }
  }
  return packed(vocab, w, classes);
}

/** One logistic regression per class (multi-label), each on the examples `use(example, class)` admits. */
export function trainMultiLabel(examples: readonly Example[], classes: number, s: TrainSettings, use: (e: Example, c: number) => boolean): SparseLinear {
  const vocab = vocabulary(examples, s.minCount);
  const rows = examples.map((e) => [...new Set(e.keys)].map((k) => vocab.get(k)).filter((x): x is number => x !== undefined));
  const w = new Float64Array(vocab.size * classes);
  const g2 = new Float64Array(vocab.size * classes).fill(1e-6);
  const order = examples.map((_, i) => i);
  const rand = rng(s.seed + 1);
  for (let ep = 0; ep < s.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const i of order) {
      const e = examples[i]!;
      const row = rows[i]!;
      for (let c = 0; c < classes; c++) {
        if (!use(e, c)) continue;
        let z = 0;
        for (const f of row) z += w[f * classes + c]!;
        const y = e.fine.includes(c) ? 1 : 0;
        const d = 1 / (1 + Math.exp(-z)) - y;
        for (const f of row) {
          const at = f * classes + c;
          const grad = d + s.l2 * w[at]!;
          g2[at]! += grad * grad;
          w[at]! -= (s.rate * grad) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return packed(vocab, w, classes);
}

/**
 * The row's class scores (the sum of its features' weights), exponentiated after subtracting the
 * largest into `p`; returns their sum, so that p[c] / z is the softmax probability of class c.
 */
function expScores(row: readonly number[], w: Float64Array, classes: number, p: Float64Array): number {
  p.fill(0);
  for (const f of row) for (let c = 0; c < classes; c++) p[c]! += w[f * classes + c]!;
  let mx = -Infinity;
  for (let c = 0; c < classes; c++) mx = Math.max(mx, p[c]!);
  let z = 0;
  for (let c = 0; c < classes; c++) { p[c] = Math.exp(p[c]! - mx); z += p[c]!; }
  return z;
}

/** Weights as stored: keys in order, rounded, rows that are all (near) zero dropped. */
function packed(vocab: Map<number, number>, w: Float64Array, classes: number): SparseLinear {
  const keys: number[] = [];
  const out: number[] = [];
  for (const [k, r] of vocab) {
    let any = false;
    for (let c = 0; c < classes; c++) if (Math.abs(w[r * classes + c]!) >= 5e-4) any = true;
    if (!any) continue;
    keys.push(k);
    for (let c = 0; c < classes; c++) out.push(Math.round(w[r * classes + c]! * 1e4) / 1e4);
  }
  return { classes, keys, w: out };
}

/** Weight of an example from the basic cases (src/training/framing-basics.ts). */
export const BASIC_WEIGHT = 0.5;

/** Examples of prepared documents: author rows, and source rows where a mention stands in reported words. */
export function examplesOf(docs: readonly PreparedDoc[]): Array<Example & { weight: number }> {
  const out: Array<Example & { weight: number }> = [];
  for (const d of docs) for (const m of d.mentions) { out.push({ ...m.row, weight: d.weight }); if (m.neutral) out.push({ ...m.neutral, weight: d.weight }); }
  return out;
}

/** Feature templates the archetype models read. */
const ARCH_TEMPLATES = new Set<number>(process.env.FRAMING_ARCH_ALL ? Object.values(T) : [T.BIAS, T.TYPE, T.HEAD, T.AGENT, T.PATIENT, T.NEAR, T.LOADED, T.LABEL, T.TECH, T.SPEAKER, T.ACCUSED, T.DET, T.VAL, T.DOC, T.SCLASS]);

/** Main-class index of each archetype. */
const ARCH_MAIN = ARCHETYPE_IDS.map((id) => MAIN_ROLES.indexOf(MAIN_OF[id]));

/** Trains both models on prepared documents. */
export function fitFraming(docs: readonly PreparedDoc[], s: TrainSettings = DEFAULT_FRAMING_SETTINGS): { main: SparseLinear; archetypes: SparseLinear; trainPrior: number[] } {
  const drop = new Set((process.env.FRAMING_DROP ?? '').split(',').filter(Boolean).map(Number));
  const ex = examplesOf(docs).map((e) => (drop.size ? { ...e, keys: e.keys.filter((k) => !drop.has(keyParts(k).tpl)) } : e));
  // Class balance: each main class weighs as much in total (inverse frequency, mean 1).
  const counts = new Array(K_MAIN).fill(0);
  for (const e of ex) counts[e.label]++;
  const weights = ex.map((e) => e.weight * (ex.length / (K_MAIN * Math.max(1, counts[e.label]))));
  const main = process.env.FRAMING_SGD ? trainSoftmax(ex, K_MAIN, s, weights.map((x) => Math.sqrt(x))) : trainSoftmaxBatch(ex, K_MAIN, { ...s, epochs: s.batchIterations, l2: s.batchL2, rate: s.batchRate }, weights.map((x) => x ** s.balance));
  // Archetypes read the cue, voice and type features only (no word stems or clusters): few keys per
  // mention carry archetype weights, which keeps reading them cheap, and the archetype sets are small.
  const archEx = ex.filter((e) => e.label < 3).map((e) => ({ ...e, keys: e.keys.filter((k) => ARCH_TEMPLATES.has(keyParts(k).tpl)) }));
  const archetypes = trainMultiLabel(archEx, K_ARCH, s, (e, c) => ARCH_MAIN[c] === e.label);
  const framed = counts.slice(0, 3).reduce((a, b) => a + b, 0);
  return { main, archetypes, trainPrior: counts.slice(0, 3).map((n) => n / Math.max(1, framed)) };
}

/** A fold number per document id (stable: a hash of the id). */
export function foldOf(id: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

export type { FramingArtefact };
