import { createHash } from 'node:crypto';
import type { FrameId } from '../../core/frames.js';
import type { Doc } from '../../text/segment.js';
import { STOPWORDS } from '../../lexicon/stopwords.js';
import { isWord, wordSet } from '../../lexicon/word-sets.js';
import { EvidenceFinder, planEvidence, withoutDisowned, type DocEvidence, type PackEvidencePlan, type RolesBySentence } from './evidence.js';
import { featureCount, ModelCoder, modelUnits, specialFeatures, type FeatureLayout, type Parties, type StartsOut } from './features.js';
import type { NarrativePack } from './pack.js';
import { LogitSummary, STACK_K, stackFeatures, stackProbability, type Stacker } from './stacker.js';
import { newScratch, nextEpoch, PairTable, unitFeatures, type VectorScratch } from './vector.js';
import { SUB_GATE } from './softmax.js';
import { strongestWords } from './top.js';
import { documentSupport } from './support.js';
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
  /** The scope gate passed (always true for a pack without scope). */
  inScope: boolean;
}

/** What a pack's scorer reads besides the document: frames by paragraph and roles by sentence. */
export interface DocSignals {
  parties: Parties;
  frames: ReadonlyArray<readonly FrameId[] | undefined>;
  roles: RolesBySentence;
  /**
   * Tokens in words the author rejects or doubts (1): the story a text quotes in order to refute it
   * is not its story, so the model reads them as a break; null when there are none.
   */
  disowned: Uint8Array | null;
  /** Sentences all of whose words are disowned (1): no logits (-Infinity), left out of the document's summary. */
  muted: Uint8Array | null;
}

/**
 * Quantifiers and time adverbs the shared stop-word list keeps as words: they weigh in a sentence's
 * score, but "every" or "never" alone explains nothing to a reader (shown as a cue beside "restored
 * control", or as the evidence of a narrative on its own).
 */
const BARE_QUANTIFIERS = wordSet('every each all any never always ever');

/** Are tokens [a, b) all function words, bare quantifiers or punctuation? */
function allFunctionWords(doc: Doc, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isWord(doc.tokens, i) && !STOPWORDS.at(doc.tokens, i) && !BARE_QUANTIFIERS.at(doc.tokens, i)) return false;
  return true;
}

/** Weights are applied in thousandths. */
const DENSE_SCALE = 1000;

/** Scratch grown as needed and reused across documents. */
let codes = new Int32Array(256);
let ctoks = new Int32Array(256);
const startsOut: StartsOut = { starts: new Int32Array(256), pays: new Int32Array(256), n: 0, anchors: new Int32Array(256), na: 0 };
/** Scratch of leaningWords. */
let lw = { ids: new Int32Array(0), a: new Int32Array(0), b: new Int32Array(0), codes: new Int32Array(0), toks: new Int32Array(0), out: startsOut, w: new Float64Array(0) };

/** A pack with its trained weights, ready to score documents. */
export class NarrativeModel {
  readonly layout: FeatureLayout;
  readonly coder: ModelCoder;
  /**
   * Weights by feature, sparse: for k in [rowStart[f], rowStart[f + 1]), rows[k] holds a column in
   * its upper 16 bits and a weight in thousandths in its lower 16 (integers: the sums are exact).
   * Columns: the items, then the narratives' and the sub-narratives' "none" (softmax.ts).
   */
  private readonly rowStart: Int32Array;
  /**
   * rowStart with where each feature's sub-narrative columns begin, interleaved (feature f at 2f:
   * start, 2f + 1: sub-narratives, 2f + 2: end), so the per-sentence sums read one place.
   */
  private readonly bounds: Int32Array;
  private readonly rows: Int32Array;
  readonly bias: Float64Array;
  readonly L: number;
  /** The "none" column of each item's level. */
  readonly noneOf: Int32Array;
  private readonly pairs: PairTable;
  private readonly plan: PackEvidencePlan;
  private readonly finder: EvidenceFinder;
  private readonly scratch: VectorScratch;
  /** Column sums of one sentence: integers (weights in thousandths), so the sums are exact either way. */
  private readonly colScratch: Int32Array;
  /** The narratives' logits of one sentence (narr order). */
  private readonly narrScratch: Float64Array;
  /** Narrative items in pack order, and the sub-narratives of narr[k] at children[childStart[k], childStart[k + 1]). */
  private readonly narr: Int32Array;
  private readonly childStart: Int32Array;
  private readonly children: Int32Array;
  /** The summary of the last document's sentence logits (stacker features). */
  private readonly summary = new LogitSummary();
  private readonly narrativeLabels: number[];
  private readonly siblings: number[][];
  /** 1 for the narratives (the labels support.ts's rule for long texts applies to). */
  private readonly isNarrative: Uint8Array;
  /** Hash of the weights: stored analyses made with other weights are stale. */
  readonly fingerprint: string;

  constructor(
    readonly pack: NarrativePack,
    readonly weights: NarrativeWeights,
  ) {
    const L = pack.items.length;
    this.L = L;
    const index = new Map<string, number>(weights.units.map((u, k) => [u, k]));
    const plan = planEvidence(pack);
    this.coder = new ModelCoder(
      index,
      pack.parties.map((p) => p.id),
      (w) => {
        const r = pack.evidence.wordEntry(w);
        let single = 0;
        if (r.entry) {
          single = pack.singleIndex.get(r.entry.value) ?? 0;
          if (!single) {
            pack.singles.push(r.entry.value);
            pack.singleIndex.set(r.entry.value, (single = pack.singles.length));
          }
        }
        return { single, startsPhrase: r.startsPhrase };
      },
      (w) => plan.anchorWords.has(w),
    );
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
    const countN = new Int32Array(F);
    const thousandths = (w: number) => Math.max(-32767, Math.min(32767, Math.round((w * DENSE_SCALE) / WEIGHT_SCALE)));
    // Each feature's narrative-level columns (narratives and their "none") come before its
    // sub-narrative ones, so that a sentence that opens no narrative sums only the first part.
    const narrativeLevel = (c: number) => c === L || (c < L && pack.items[c]!.level === 'narrative');
    for (let c = 0; c < C; c++) {
      const row = weights.weights[c]!;
      for (let k = 0; k < row.length; k += 2) {
        if (thousandths(row[k + 1]!) === 0) continue;
        count[row[k]! + 1]!++;
        if (narrativeLevel(c)) countN[row[k]!]!++;
      }
      this.bias[c] = weights.bias[c]! / WEIGHT_SCALE;
    }
    for (let f = 0; f < F; f++) count[f + 1]! += count[f]!;
    this.rowStart = count;
    const rowMid = Int32Array.from(countN, (n, f) => count[f]! + n);
    this.rows = new Int32Array(count[F]!);
    const fillN = count.slice(0, F);
    const fillS = rowMid.slice();
    this.bounds = new Int32Array(2 * F + 1);
    for (let f = 0; f < F; f++) {
      this.bounds[2 * f] = count[f]!;
      this.bounds[2 * f + 1] = rowMid[f]!;
    }
    this.bounds[2 * F] = count[F]!;
    for (let c = 0; c < C; c++) {
      const row = weights.weights[c]!;
      const fill = narrativeLevel(c) ? fillN : fillS;
      for (let k = 0; k < row.length; k += 2) {
        const w = thousandths(row[k + 1]!);
        if (w !== 0) this.rows[fill[row[k]!]!++] = (c << 16) | (w & 0xffff);
      }
    }
    this.fingerprint = createHash('sha1').update(JSON.stringify(weights)).digest('hex').slice(0, 16);
    this.plan = plan;
    this.finder = new EvidenceFinder(pack, this.plan);
    this.scratch = newScratch(F);
    this.colScratch = new Int32Array(L + 2);
    this.narrScratch = new Float64Array(L);
    this.narrativeLabels = pack.items.filter((it) => it.level === 'narrative').map((it) => it.index);
    this.narr = Int32Array.from(this.narrativeLabels);
    this.childStart = new Int32Array(this.narr.length + 1);
    this.narrativeLabels.forEach((n, k) => (this.childStart[k + 1] = this.childStart[k]! + pack.items[n]!.children.length));
    this.children = Int32Array.from(this.narrativeLabels.flatMap((n) => pack.items[n]!.children));
    this.siblings = pack.items.map((it) => (it.parent >= 0 ? pack.items[it.parent]!.children : this.narrativeLabels));
    this.isNarrative = Uint8Array.from(pack.items, (it) => (it.level === 'narrative' ? 1 : 0));
  }


  /** How much feature f leans to item l rather than to its level's "none". */
  weight(f: number, l: number): number {
    const none = this.noneOf[l]!;
    let w = 0;
    for (let k = this.rowStart[f]!; k < this.rowStart[f + 1]!; k++) {
      const v = this.rows[k]!;
      const c = v >>> 16;
      if (c === l) w += (v << 16) >> 16;
      else if (c === none) w -= (v << 16) >> 16;
    }
    return w / DENSE_SCALE;
  }


  /** Buffers reused from document to document (a model scores one document at a time; callers read a result before the next). */
  private bufZ = new Float64Array(0);
  private cueCounts = new Float64Array(0);
  private corroborated = new Uint8Array(0);
  private eligible = new Uint8Array(0);
  private fids = new Int32Array(256);

  /**
   * Sentence logits into z (S * L; the model's own array, overwritten by the next call) and the
   * document's explicit evidence, found sentence by sentence as the sentences are scored.
   */
  sentenceScores(doc: Doc, sig: DocSignals): Pick<PackScores, 'z' | 'ev'> {
    const finder = this.finder;
    finder.begin(doc, sig.parties, sig.roles);
    const live = finder.current;
    const S = doc.sentences.length;
    const L = this.L;
    if (this.bufZ.length < S * L) this.bufZ = new Float64Array(S * L * 2);
    const z = this.bufZ;
    const { bounds, rows } = this;
    const sc = this.colScratch;
    const scratch = this.scratch;
    const coder = this.coder;
    const parties = this.pack.parties.length > 0 ? sig.parties : null;
    const disowned = sig.disowned;
    const muted = sig.muted;
    const summary = this.summary;
    summary.reset(L);
    const { m1, m2, count: cnt, lead } = summary;
    z.fill(-Infinity, 0, S * L);
    const bias = this.bias;
    const { narr, childStart, children } = this;
    const nv = this.narrScratch;
    for (let s = 0; s < S; s++) {
      const sent = doc.sentences[s]!;
      const len = sent.tokenEnd - sent.tokenStart;
      if (codes.length < len * 2 + 2) {
        codes = new Int32Array(len * 2 + 2);
        ctoks = new Int32Array(len * 2 + 2);
        startsOut.starts = new Int32Array(len * 2 + 2);
        startsOut.pays = new Int32Array(len * 2 + 2);
        startsOut.anchors = new Int32Array(len * 2 + 2);
      }
      if (this.fids.length < len * 2 + 64) this.fids = new Int32Array(len * 4 + 64);
      const fids = this.fids;
      const m = modelUnits(doc, sent.tokenStart, sent.tokenEnd, parties, coder, codes, ctoks, startsOut, disowned);
      finder.sentence(s, startsOut.starts, startsOut.n, startsOut.anchors, startsOut.na, startsOut.pays);
      nextEpoch(scratch);
      const n1 = unitFeatures(codes, m, this.pairs.get, scratch, fids, 0);
      const count = scratch.count;
      const n2 = specialFeatures(this.layout, doc, s, live, sig.frames, sig.roles, fids, n1);
      const total = count + (n2 - n1);
      sc.fill(0);
      for (let k = 0; k < n2; k++) {
        const f = fids[k]!;
        for (let j = bounds[2 * f]!, e = bounds[2 * f + 1]!; j < e; j++) {
          const v = rows[j]!;
          sc[v >>> 16]! += (v << 16) >> 16;
        }
      }
      const scale = total > 0 ? 1 / Math.sqrt(total) / DENSE_SCALE : 0;
      const noneN = bias[L]! + scale * sc[L]!;
      // The narratives' logits, once (sub-narrative columns do not change them). Sub-narrative
      // columns are summed only where some narrative opens (most sentences open none).
      let open = false;
      for (let k = 0; k < narr.length; k++) {
        const v = bias[narr[k]!]! + scale * sc[narr[k]!]! - noneN;
        nv[k] = v;
        if (v > SUB_GATE) open = true;
      }
      if (open) {
        for (let k = 0; k < n2; k++) {
          const f = fids[k]!;
          for (let j = bounds[2 * f + 1]!, e = bounds[2 * f + 2]!; j < e; j++) {
            const v = rows[j]!;
            sc[v >>> 16]! += (v << 16) >> 16;
          }
        }
      }
      const noneS = bias[L + 1]! + scale * sc[L + 1]!;
      const base = s * L;
      if (muted !== null && muted[s] === 1) {
        summary.S = s + 1;
        continue;
      }
      // Narratives on every sentence; a narrative's sub-narratives where the sentence leans to it
      // (softmax.ts, SUB_GATE), -Infinity elsewhere (z was filled with it), which the summary never
      // counts. The summary's arrays are updated inline: this runs for every sentence and narrative.
      for (let k = 0; k < narr.length; k++) {
        const n = narr[k]!;
        const v = nv[k]!;
        z[base + n] = v;
        if (v > m1[n]!) {
          m2[n] = m1[n]!;
          m1[n] = v;
        } else if (v > m2[n]!) m2[n] = v;
        if (v > 0) cnt[n]!++;
        if (s < 3 && v > lead[n]!) lead[n] = v;
        if (!(v > SUB_GATE)) continue;
        for (let j = childStart[k]!; j < childStart[k + 1]!; j++) {
          const c = children[j]!;
          const u = bias[c]! + scale * sc[c]! - noneS;
          z[base + c] = u;
          summary.addOne(c, u, s);
        }
      }
      summary.S = s + 1;
    }
    return { z, ev: withoutDisowned(finder.end(), sig.disowned) };
  }

  /**
   * The words of sentence s that lean most to item l (the model's evidence): token ranges
   * [a, b) of unit and pair features whose weight for l is at least `min`, strongest first.
   */
  leaningWords(doc: Doc, sig: DocSignals, s: number, l: number, min: number, max: number): Array<[number, number]> {
    const sent = doc.sentences[s]!;
    const size = (sent.tokenEnd - sent.tokenStart) * 2 + 2;
    if (lw.ids.length < size) lw = { ids: new Int32Array(size * 2), a: new Int32Array(size * 2), b: new Int32Array(size * 2), codes: new Int32Array(size * 2), toks: new Int32Array(size * 2), out: { starts: new Int32Array(size * 2), pays: new Int32Array(size * 2), n: 0, anchors: new Int32Array(size * 2), na: 0 }, w: new Float64Array(size * 2) };
    const { ids, a, b, codes: cs, toks: ts } = lw;
    const m = modelUnits(doc, sent.tokenStart, sent.tokenEnd, this.pack.parties.length > 0 ? sig.parties : null, this.coder, cs, ts, lw.out, sig.disowned);
    nextEpoch(this.scratch);
    const n = unitFeatures(cs, m, this.pairs.get, this.scratch, ids, 0, ts, a, b);
    const wt = lw.w.length < n ? (lw.w = new Float64Array(n * 2)) : lw.w;
    // Function words ("we", "not", "every") weigh in the sum but explain nothing to a reader: a unit
    // made of them alone is never shown as a cue.
    for (let k = 0; k < n; k++) wt[k] = allFunctionWords(doc, a[k]!, b[k]! + 1) ? -Infinity : this.weight(ids[k]!, l);
    const top = strongestWords(wt, a, n, min, max);
    return top.map((k) => [a[k]!, b[k]! + 1]);
  }

  /** Scores every label of the pack for a document and chooses those it carries. */
  score(doc: Doc, sig: DocSignals): PackScores {
    const sc = this.sentenceScores(doc, sig);
    const ev = sc.ev;
    const S = doc.sentences.length;
    const L = this.L;
    // Explicit cues per label that count (support.ts): read by the stacker only, so one buffer serves every document.
    if (this.cueCounts.length !== L) {
      this.cueCounts = new Float64Array(L);
      this.corroborated = new Uint8Array(L);
      this.eligible = new Uint8Array(L);
    }
    const cues = this.cueCounts;
    const eligible = documentSupport(this.pack.evidenceRules, doc, ev, sc.z, L, this.summary.count, this.isNarrative, cues, this.corroborated, this.eligible);
    const prob = documentProbabilities(this.pack, this.weights.stacker, this.summary, cues, this.narrativeLabels, this.siblings);
    const inScope = ev.inScope;
    const chosen = inScope ? choose(this.pack, this.weights.stacker, prob, eligible) : new Uint8Array(L);
    return { S, L, z: sc.z, ev, prob, chosen, inScope };
  }
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
 * Only labels `eligible` marks (1) are candidates, when given (support.ts: a long text needs more
 * than one sentence's evidence).
 */
export function choose(pack: NarrativePack, stacker: { narrative: Stacker; subnarrative: Stacker }, prob: Float64Array, eligible: Uint8Array | null = null): Uint8Array {
  const chosen = new Uint8Array(prob.length);
  const pick = (candidates: number[], st: Stacker) => {
    const ok = candidates.filter((l) => prob[l]! >= st.threshold && (eligible === null || eligible[l] === 1)).sort((a, b) => prob[b]! - prob[a]! || a - b);
    return ok.slice(0, st.maxChosen);
  };
  const narratives = pick(pack.items.filter((it) => it.level === 'narrative').map((it) => it.index), stacker.narrative);
  for (const n of narratives) {
    chosen[n] = 1;
    for (const c of pick(pack.items[n]!.children, stacker.subnarrative)) chosen[c] = 1;
  }
  return chosen;
}
