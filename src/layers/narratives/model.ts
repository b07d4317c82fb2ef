import { createHash } from 'node:crypto';
import type { FrameId } from '../../core/frames.js';
import type { Doc } from '../../text/segment.js';
import { EvidenceFinder, planEvidence, type DocEvidence, type PackEvidencePlan, type RolesBySentence } from './evidence.js';
import { featureCount, ModelCoder, sentenceUnits, specialFeatures, type FeatureLayout, type Parties, type StartsOut } from './features.js';
import type { NarrativePack } from './pack.js';
import { LogitSummary, STACK_K, stackFeatures, stackProbability, type Stacker } from './stacker.js';
import { newScratch, nextEpoch, PairTable, unitFeatures, type VectorScratch } from './vector.js';
import { SUB_GATE } from './softmax.js';
import { WEIGHT_SCALE, type NarrativeWeights } from './weights.js';

/** A pack's scores for one document: sentence logits, document probabilities and choices, evidence. */
export interface PackScores {
  /** Sentences and labels (the pack's items): logit of sentence s for label l at s * L + l. */
  S: number;
  L: number;
  z: Float64Array;
  /** Document probability per label. */
  prob: Float64Array;
  chosen: Uint8Array;
  ev: DocEvidence;
  /** Known features per sentence: ids at [foff[s], foff[s + 1]) with their token ranges. */
  fids: Int32Array;
  ftokA: Int32Array;
  ftokB: Int32Array;
  foff: Int32Array;
  /** The scope gate passed (always true for a pack without scope). */
  inScope: boolean;
}

/** What a pack's scorer reads besides the document: frames by paragraph and roles by sentence. */
export interface DocSignals {
  parties: Parties;
  frames: ReadonlyArray<readonly FrameId[] | undefined>;
  roles: RolesBySentence;
}

/** Weights smaller than this (in WEIGHT_SCALE units) are left out: they move no decision. */
const MIN_WEIGHT = 50;

/** Scratch grown as needed and reused across documents. */
let codes = new Int32Array(256);
let ctoks = new Int32Array(256);
const startsOut: StartsOut = { starts: new Int32Array(256), n: 0 };

/** A pack with its trained weights, ready to score documents. */
export class NarrativeModel {
  readonly layout: FeatureLayout;
  readonly coder: ModelCoder;
  /** Sparse weights by feature: labels rowLabel[k] and weights rowW[k] for k in [rowStart[f], rowStart[f + 1]). */
  private readonly rowStart: Int32Array;
  private readonly rowLabel: Uint16Array;
  private readonly rowW: Float32Array;
  readonly bias: Float64Array;
  readonly L: number;
  /** The "none" column of each item's level. */
  readonly noneOf: Int32Array;
  private readonly pairs: PairTable;
  private readonly plan: PackEvidencePlan;
  private readonly finder: EvidenceFinder;
  private readonly scratch: VectorScratch;
  private readonly colScratch: Float64Array;
  /** Narrative items in pack order, and the sub-narratives of narr[k] at children[childStart[k], childStart[k + 1]). */
  private readonly narr: Int32Array;
  private readonly childStart: Int32Array;
  private readonly children: Int32Array;
  /** The summary of the last document's sentence logits (stacker features). */
  private readonly summary = new LogitSummary();
  private readonly narrativeLabels: number[];
  private readonly siblings: number[][];
  /** Hash of the weights: stored analyses made with other weights are stale. */
  readonly fingerprint: string;

  constructor(
    readonly pack: NarrativePack,
    readonly weights: NarrativeWeights,
  ) {
    const L = pack.items.length;
    this.L = L;
    const index = new Map<string, number>(weights.units.map((u, k) => [u, k]));
    this.coder = new ModelCoder(index, pack.parties.map((p) => p.id), (w) => pack.evidence.startsWith(w));
    const U = weights.units.length;
    const list: Array<[number, number, number]> = [];
    for (let k = 0; k < weights.pairs.length; k += 2) list.push([weights.pairs[k]!, weights.pairs[k + 1]!, U + k / 2]);
    this.pairs = new PairTable(list);
    this.layout = { units: U, pairs: weights.pairs.length / 2, items: L, parties: pack.parties.length };
    const F = featureCount(this.layout);
    // Columns: the items, then the narratives' and the sub-narratives' "none" (softmax.ts).
    const C = L + 2;
    this.bias = new Float64Array(C);
    this.noneOf = Int32Array.from(pack.items, (it) => (it.level === 'narrative' ? L : L + 1));
    const count = new Int32Array(F + 1);
    for (let c = 0; c < C; c++) {
      const row = weights.weights[c]!;
      for (let k = 0; k < row.length; k += 2) if (Math.abs(row[k + 1]!) >= MIN_WEIGHT) count[row[k]! + 1]!++;
      this.bias[c] = weights.bias[c]! / WEIGHT_SCALE;
    }
    for (let f = 0; f < F; f++) count[f + 1]! += count[f]!;
    this.rowStart = count;
    const nnz = count[F]!;
    this.rowLabel = new Uint16Array(nnz);
    this.rowW = new Float32Array(nnz);
    const fill = count.slice(0, F);
    for (let c = 0; c < C; c++) {
      const row = weights.weights[c]!;
      for (let k = 0; k < row.length; k += 2) {
        if (Math.abs(row[k + 1]!) < MIN_WEIGHT) continue;
        const at = fill[row[k]!]!++;
        this.rowLabel[at] = c;
        this.rowW[at] = row[k + 1]! / WEIGHT_SCALE;
      }
    }
    this.fingerprint = createHash('sha1').update(JSON.stringify(weights)).digest('hex').slice(0, 16);
    this.plan = planEvidence(pack);
    this.finder = new EvidenceFinder(pack, this.plan);
    this.scratch = newScratch(F);
    this.colScratch = new Float64Array(L + 2);
    this.narrativeLabels = pack.items.filter((it) => it.level === 'narrative').map((it) => it.index);
    this.narr = Int32Array.from(this.narrativeLabels);
    this.childStart = new Int32Array(this.narr.length + 1);
    this.narrativeLabels.forEach((n, k) => (this.childStart[k + 1] = this.childStart[k]! + pack.items[n]!.children.length));
    this.children = Int32Array.from(this.narrativeLabels.flatMap((n) => pack.items[n]!.children));
    this.siblings = pack.items.map((it) => (it.parent >= 0 ? pack.items[it.parent]!.children : this.narrativeLabels));
  }


  /** How much feature f leans to item l rather than to its level's "none". */
  weight(f: number, l: number): number {
    const none = this.noneOf[l]!;
    let w = 0;
    for (let k = this.rowStart[f]!; k < this.rowStart[f + 1]!; k++) {
      if (this.rowLabel[k] === l) w += this.rowW[k]!;
      else if (this.rowLabel[k] === none) w -= this.rowW[k]!;
    }
    return w;
  }


  /** Buffers reused from document to document (a model scores one document at a time; callers read a result before the next). */
  private bufZ = new Float64Array(0);
  private bufFoff = new Int32Array(0);
  private bufF = new Int32Array(0);
  private bufA = new Int32Array(0);
  private bufB = new Int32Array(0);

  /**
   * Sentence logits into z (S * L) and the known features per sentence. The arrays are the model's
   * own and are overwritten by the next call.
   */
  sentenceScores(doc: Doc, sig: DocSignals): Pick<PackScores, 'z' | 'fids' | 'ftokA' | 'ftokB' | 'foff' | 'ev'> {
    const finder = this.finder;
    finder.begin(doc, sig.parties, sig.roles);
    const live = finder.current;
    const S = doc.sentences.length;
    const L = this.L;
    if (this.bufZ.length < S * L) this.bufZ = new Float64Array(S * L * 2);
    if (this.bufFoff.length < S + 1) this.bufFoff = new Int32Array(S * 2 + 1);
    const z = this.bufZ;
    const foff = this.bufFoff;
    let cap = Math.max(64, doc.tokens.count * 2 + S * 8);
    if (this.bufF.length < cap) {
      this.bufF = new Int32Array(cap);
      this.bufA = new Int32Array(cap);
      this.bufB = new Int32Array(cap);
    }
    cap = this.bufF.length;
    let fids = this.bufF;
    let ftokA = this.bufA;
    let ftokB = this.bufB;
    let nf = 0;
    const { rowStart, rowLabel, rowW, noneOf } = this;
    const sc = this.colScratch;
    const scratch = this.scratch;
    const summary = this.summary;
    summary.reset(L);
    const bias = this.bias;
    const { narr, childStart, children } = this;
    for (let s = 0; s < S; s++) {
      const sent = doc.sentences[s]!;
      const len = sent.tokenEnd - sent.tokenStart;
      if (codes.length < len * 2 + 2) {
        codes = new Int32Array(len * 2 + 2);
        ctoks = new Int32Array(len * 2 + 2);
      }
      if (nf + len * 2 + 64 > cap) {
        cap = 2 * cap + len * 2 + 64;
        this.bufF = fids = grow(fids, cap);
        this.bufA = ftokA = grow(ftokA, cap);
        this.bufB = ftokB = grow(ftokB, cap);
      }
      foff[s] = nf;
      if (startsOut.starts.length < len) startsOut.starts = new Int32Array(len * 2);
      const m = sentenceUnits(doc, sent.tokenStart, sent.tokenEnd, sig.parties, this.coder, codes, ctoks, startsOut);
      finder.sentence(s, startsOut.starts, startsOut.n);
      nextEpoch(scratch);
      const n1 = unitFeatures(codes, m, this.pairs.get, scratch, fids, nf, ctoks, ftokA, ftokB);
      const count = scratch.count;
      const n2 = specialFeatures(this.layout, doc, s, live, sig.frames, sig.roles, fids, n1);
      for (let k = n1; k < n2; k++) {
        ftokA[k] = -1;
        ftokB[k] = -1;
      }
      const total = count + (n2 - n1);
      sc.fill(0);
      for (let k = nf; k < n2; k++) {
        const f = fids[k]!;
        for (let j = rowStart[f]!, e = rowStart[f + 1]!; j < e; j++) sc[rowLabel[j]!]! += rowW[j]!;
      }
      const scale = total > 0 ? 1 / Math.sqrt(total) : 0;
      const noneN = bias[L]! + scale * sc[L]!;
      const noneS = bias[L + 1]! + scale * sc[L + 1]!;
      const base = s * L;
      // Narratives on every sentence; a narrative's sub-narratives where the sentence leans to it
      // (softmax.ts, SUB_GATE), -Infinity elsewhere, which the summary never counts.
      for (let k = 0; k < narr.length; k++) {
        const n = narr[k]!;
        const v = bias[n]! + scale * sc[n]! - noneN;
        z[base + n] = v;
        summary.addOne(n, v, s);
        const open = v > SUB_GATE;
        for (let j = childStart[k]!; j < childStart[k + 1]!; j++) {
          const c = children[j]!;
          if (open) {
            const u = bias[c]! + scale * sc[c]! - noneS;
            z[base + c] = u;
            summary.addOne(c, u, s);
          } else z[base + c] = -Infinity;
        }
      }
      summary.S = s + 1;
      nf = n2;
    }
    foff[S] = nf;
    return { z, fids, ftokA, ftokB, foff, ev: finder.end() };
  }

  /** Scores every label of the pack for a document and chooses those it carries. */
  score(doc: Doc, sig: DocSignals): PackScores {
    const sc = this.sentenceScores(doc, sig);
    const ev = sc.ev;
    const S = doc.sentences.length;
    const L = this.L;
    const cues = new Float64Array(L);
    for (const h of ev.hits) cues[h.item]!++;
    const prob = documentProbabilities(this.pack, this.weights.stacker, this.summary, cues, this.narrativeLabels, this.siblings);
    const inScope = !this.pack.scope || ev.scopeHits >= this.pack.scope.min;
    const chosen = inScope ? choose(this.pack, this.weights.stacker, prob) : new Uint8Array(L);
    return { S, L, ...sc, prob, chosen, inScope };
  }
}

function grow(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** The stacker's probability for every label of a document, from the summary of its sentence logits. */
export function documentProbabilities(
  pack: NarrativePack,
  stacker: { narrative: Stacker; subnarrative: Stacker },
  sum: LogitSummary,
  cues: Float64Array,
  narrativeLabels: readonly number[],
  siblings: readonly (readonly number[])[],
): Float64Array {
  const L = sum.L;
  const prob = new Float64Array(L);
  if (feats.length < L * STACK_K) feats = new Float64Array(L * STACK_K);
  stackFeatures(sum, cues, (l) => (pack.items[l]!.parent >= 0 ? siblings[l]! : narrativeLabels), feats);
  for (let l = 0; l < L; l++) prob[l] = stackProbability(pack.items[l]!.parent >= 0 ? stacker.subnarrative : stacker.narrative, feats, l * STACK_K);
  return prob;
}
let feats = new Float64Array(0);

/**
 * The labels a document carries: narratives at or above the narrative threshold (the strongest
 * `maxChosen`), and under each of them its sub-narratives at or above theirs (at most `maxChosen`).
 */
export function choose(pack: NarrativePack, stacker: { narrative: Stacker; subnarrative: Stacker }, prob: Float64Array): Uint8Array {
  const chosen = new Uint8Array(prob.length);
  const pick = (candidates: number[], st: Stacker) => {
    const ok = candidates.filter((l) => prob[l]! >= st.threshold).sort((a, b) => prob[b]! - prob[a]! || a - b);
    return ok.slice(0, st.maxChosen);
  };
  const narratives = pick(pack.items.filter((it) => it.level === 'narrative').map((it) => it.index), stacker.narrative);
  for (const n of narratives) {
    chosen[n] = 1;
    for (const c of pick(pack.items[n]!.children, stacker.subnarrative)) chosen[c] = 1;
  }
  return chosen;
}
