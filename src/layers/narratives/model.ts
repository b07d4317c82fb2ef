import { createHash } from 'node:crypto';
import type { FrameId } from '../../core/frames.js';
import type { Doc } from '../../text/segment.js';
import { findEvidence, planEvidence, type DocEvidence, type PackEvidencePlan, type RolesBySentence } from './evidence.js';
import { featureCount, ModelCoder, sentenceUnits, specialFeatures, type FeatureLayout, type Parties } from './features.js';
import type { NarrativePack } from './pack.js';
import { STACK_K, stackFeatures, stackProbability, type Stacker } from './stacker.js';
import { newScratch, nextEpoch, unitFeatures, type VectorScratch } from './vector.js';
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

/** Scratch grown as needed and reused across documents. */
let codes = new Int32Array(256);
let ctoks = new Int32Array(256);

/** A pack with its trained weights, ready to score documents. */
export class NarrativeModel {
  readonly layout: FeatureLayout;
  readonly coder: ModelCoder;
  /** Dense weights: feature f, label l at f * L + l. */
  readonly W: Float32Array;
  readonly bias: Float64Array;
  readonly L: number;
  private readonly pairs = new Map<number, number>();
  private readonly plan: PackEvidencePlan;
  private readonly scratch: VectorScratch;
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
    this.coder = new ModelCoder(index, pack.parties.map((p) => p.id));
    const U = weights.units.length;
    for (let k = 0; k < weights.pairs.length; k += 2) this.pairs.set(weights.pairs[k]! * 2097152 + weights.pairs[k + 1]!, U + k / 2);
    this.layout = { units: U, pairs: weights.pairs.length / 2, items: L, parties: pack.parties.length };
    const F = featureCount(this.layout);
    this.W = new Float32Array(F * L);
    this.bias = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      const row = weights.weights[l]!;
      for (let k = 0; k < row.length; k += 2) this.W[row[k]! * L + l] = row[k + 1]! / WEIGHT_SCALE;
      this.bias[l] = weights.bias[l]! / WEIGHT_SCALE;
    }
    this.fingerprint = createHash('sha1').update(JSON.stringify(weights)).digest('hex').slice(0, 16);
    this.plan = planEvidence(pack);
    this.scratch = newScratch(F);
    this.narrativeLabels = pack.items.filter((it) => it.level === 'narrative').map((it) => it.index);
    this.siblings = pack.items.map((it) => (it.parent >= 0 ? pack.items[it.parent]!.children : this.narrativeLabels));
  }

  private readonly pairId = (key: number) => this.pairs.get(key) ?? -1;

  /** Explicit evidence of the pack in a document (parties, cues, term sets, claim shapes, roles). */
  evidence(doc: Doc, sig: DocSignals): DocEvidence {
    return findEvidence(doc, this.pack, this.plan, sig.parties, sig.roles);
  }

  /** Sentence logits into z (S * L) and the known features per sentence. */
  sentenceScores(doc: Doc, sig: DocSignals, ev: DocEvidence): Pick<PackScores, 'z' | 'fids' | 'ftokA' | 'ftokB' | 'foff'> {
    const S = doc.sentences.length;
    const L = this.L;
    const z = new Float64Array(S * L);
    const foff = new Int32Array(S + 1);
    let cap = Math.max(64, doc.tokens.count * 2 + S * 8);
    let fids = new Int32Array(cap);
    let ftokA = new Int32Array(cap);
    let ftokB = new Int32Array(cap);
    let nf = 0;
    const W = this.W;
    for (let s = 0; s < S; s++) {
      const sent = doc.sentences[s]!;
      const len = sent.tokenEnd - sent.tokenStart;
      if (codes.length < len * 2 + 2) {
        codes = new Int32Array(len * 2 + 2);
        ctoks = new Int32Array(len * 2 + 2);
      }
      if (nf + len * 2 + 64 > cap) {
        cap = 2 * cap + len * 2 + 64;
        fids = grow(fids, cap);
        ftokA = grow(ftokA, cap);
        ftokB = grow(ftokB, cap);
      }
      foff[s] = nf;
      const m = sentenceUnits(doc, sent.tokenStart, sent.tokenEnd, sig.parties, this.coder, codes, ctoks);
      nextEpoch(this.scratch);
      const [n1, count] = unitFeatures(codes, m, this.pairId, this.scratch, fids, nf, ctoks, ftokA, ftokB);
      const n2 = specialFeatures(this.layout, doc, s, ev, sig.frames, sig.roles, fids, n1);
      for (let k = n1; k < n2; k++) {
        ftokA[k] = -1;
        ftokB[k] = -1;
      }
      const total = count + (n2 - n1);
      const base = s * L;
      for (let l = 0; l < L; l++) z[base + l] = 0;
      for (let k = nf; k < n2; k++) {
        const r = fids[k]! * L;
        for (let l = 0; l < L; l++) z[base + l]! += W[r + l]!;
      }
      const scale = total > 0 ? 1 / Math.sqrt(total) : 0;
      for (let l = 0; l < L; l++) z[base + l] = this.bias[l]! + scale * z[base + l]!;
      nf = n2;
    }
    foff[S] = nf;
    return { z, fids, ftokA, ftokB, foff };
  }

  /** Scores every label of the pack for a document and chooses those it carries. */
  score(doc: Doc, sig: DocSignals): PackScores {
    const ev = this.evidence(doc, sig);
    const sc = this.sentenceScores(doc, sig, ev);
    const S = doc.sentences.length;
    const L = this.L;
    const cues = new Float64Array(L);
    for (const h of ev.hits) cues[h.item]!++;
    const prob = documentProbabilities(this.pack, this.weights.stacker, sc.z, S, L, cues, this.narrativeLabels, this.siblings);
    const inScope = !this.pack.scope || ev.scopeHits >= this.pack.scope.min;
    const chosen = inScope ? choose(this.pack, this.weights.stacker, prob) : new Uint8Array(L);
    return { S, L, ...sc, prob, chosen, ev, inScope };
  }
}

function grow(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

const feats = new Float64Array(STACK_K);

/** The stacker's probability for every label of a document. */
export function documentProbabilities(
  pack: NarrativePack,
  stacker: { narrative: Stacker; subnarrative: Stacker },
  z: Float64Array,
  S: number,
  L: number,
  cues: Float64Array,
  narrativeLabels: readonly number[],
  siblings: readonly (readonly number[])[],
): Float64Array {
  const prob = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    const it = pack.items[l]!;
    stackFeatures(z, S, L, l, cues[l]!, it.parent >= 0 ? siblings[l]! : narrativeLabels, feats);
    prob[l] = stackProbability(it.parent >= 0 ? stacker.subnarrative : stacker.narrative, feats);
  }
  return prob;
}

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
