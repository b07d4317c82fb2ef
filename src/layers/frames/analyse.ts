import type { Doc } from '../../text/segment.js';
import { builtinFrameClassifier, type FrameClassifier } from './classifier.js';
import { envFrameCueDirs, loadFrameCues } from './cues.js';
import { FRAME_IDS, type FrameEvidence, type FrameId, type FramesReport, type FrameCue, type FrameSentence, type FrameMix, type ParagraphFrames } from '../../core/frames.js';

export type { FrameCue, FrameSentence, FrameEvidence, FrameMix, ParagraphFrames, FramesReport } from '../../core/frames.js';
import type { TermEntry, TermMatcher } from '../../lexicon/term-matcher.js';

type Span = { start: number; end: number; text: string };
type SpanFn = (start: number, end: number) => Span;

const K = FRAME_IDS.length;
/** Weight of the classifier's belief relative to one lexicon cue. */
const CLASSIFIER_WEIGHT = 1;
/** Classifier posteriors below this are noise for a 14-way decision. */
const MIN_POSTERIOR = 0.2;
/** A word must be this much (log) likelier under the frame to be shown as classifier evidence. */
const MIN_LIFT = 1.2;
/** Below this much evidence mass a unit has no dominant frame. */
const MIN_DOMINANT_MASS = 1;
const MIN_DOMINANT_SHARE = 0.15;
const MAX_DOMINANT = 3;

/** Evidence mass per frame of one sentence-sized range. */
export interface SentenceFrames {
  w: Float64Array;
  /** Classifier part of the mass per frame (0 when the classifier abstained). */
  cls: Float64Array;
}

/**
 * The evidence of a document's sentences in flat arrays (frame k of sentence s at s*K+k; the cues
 * and classifier features of sentence s at [off[s], off[s+1])): a few allocations per document
 * rather than several per sentence.
 */
class Evidence {
  w: Float64Array;
  cls: Float64Array;
  /** Cues of sentence s at [cueOff[s], cueOff[s + 1]); features likewise with featOff. */
  cueOff: Int32Array;
  featOff: Int32Array;
  /** Cue frame and canonical span, nCues of them. */
  cueFrame = new Int32Array(64);
  cueStart = new Int32Array(64);
  cueEnd = new Int32Array(64);
  nCues = 0;
  /** Known classifier feature ids and their tokens, nFeats of them. */
  fids = new Int32Array(256);
  ftokens = new Int32Array(256);
  nFeats = 0;
  /** Per s*K+k, the tokens the classifier leaned on most (computed on first use). */
  readonly words = new Map<number, number[]>();
  /**
   * Per cue, its span() and lowercased text, computed on first use (set up after the cues are
   * found): the document and its paragraphs explain the same cues, and a cue that recurs is looked
   * at for every strong sentence it is in.
   */
  cueSpan: Array<Span | undefined> = [];
  cueKey: string[] = [];
  /** Scratch for a frame's ranked sentences. */
  ranked: Int32Array;

  constructor(sentences: number) {
    this.w = new Float64Array(sentences * K);
    this.cls = new Float64Array(sentences * K);
    this.cueOff = new Int32Array(sentences + 1);
    this.featOff = new Int32Array(sentences + 1);
    this.ranked = new Int32Array(sentences);
  }

  /** Empties the evidence for a document of `sentences` sentences (reused: typed arrays are costly to allocate). */
  reset(sentences: number): void {
    if (this.ranked.length < sentences) {
      const n = Math.max(sentences, this.ranked.length * 2);
      this.w = new Float64Array(n * K);
      this.cls = new Float64Array(n * K);
      this.cueOff = new Int32Array(n + 1);
      this.featOff = new Int32Array(n + 1);
      this.ranked = new Int32Array(n);
    } else {
      this.w.fill(0, 0, sentences * K);
      this.cls.fill(0, 0, sentences * K);
    }
    this.nCues = 0;
    this.nFeats = 0;
    this.words.clear();
  }

  addCue(k: number, start: number, end: number): void {
    const n = this.nCues;
    if (n === this.cueFrame.length) {
      this.cueFrame = grown(this.cueFrame, 2 * n);
      this.cueStart = grown(this.cueStart, 2 * n);
      this.cueEnd = grown(this.cueEnd, 2 * n);
    }
    this.cueFrame[n] = k;
    this.cueStart[n] = start;
    this.cueEnd[n] = end;
    this.nCues = n + 1;
  }

  /** Room for `more` features. */
  reserveFeatures(more: number): void {
    const need = this.nFeats + more;
    if (need > this.fids.length) {
      const size = Math.max(need, 2 * this.fids.length);
      this.fids = grown(this.fids, size);
      this.ftokens = grown(this.ftokens, size);
    }
  }
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Documents of up to this many sentences reuse the analyser's evidence; longer ones get their own. */
const MAX_KEPT_SENTENCES = 2048;

export interface FrameAnalyserOptions {
  /** Extra cue directories with frame-<id>.txt files. */
  cueDirs?: readonly string[];
  classifier?: FrameClassifier;
  /** Evidence kept per frame: cues and sentences (document), and per paragraph. */
  maxCues?: number;
  maxSentences?: number;
}

const frameIndex = new Map<FrameId, number>(FRAME_IDS.map((f, k) => [f, k]));

/** Scores the 14 frames per paragraph and per document, with the cues and sentences behind each. */
export class FrameAnalyser {
  private readonly cues: TermMatcher<FrameId>;
  private readonly classifier: FrameClassifier;
  private readonly maxCues: number;
  private readonly maxSentences: number;

  constructor(options: FrameAnalyserOptions = {}) {
    this.cues = loadFrameCues([...envFrameCueDirs(), ...(options.cueDirs ?? [])]);
    this.classifier = options.classifier ?? builtinFrameClassifier();
    this.maxCues = options.maxCues ?? 6;
    this.maxSentences = options.maxSentences ?? 2;
  }

  /** Evidence reused from document to document (analyse is not re-entered). */
  private readonly kept = new Evidence(64);

  analyse(doc: Doc, span: SpanFn): FramesReport {
    const n = doc.sentences.length;
    const ev = n <= MAX_KEPT_SENTENCES ? this.kept : new Evidence(n);
    if (ev === this.kept) ev.reset(n);
    for (let s = 0; s < doc.sentences.length; s++) this.fill(ev, s, doc, doc.sentences[s]!.tokenStart, doc.sentences[s]!.tokenEnd);
    ev.cueSpan = new Array<Span | undefined>(ev.nCues);
    ev.cueKey = new Array<string>(ev.nCues);
    const paragraphs: ParagraphFrames[] = [];
    for (const p of doc.paragraphs) {
      const o = span(p.start, p.end);
      // A paragraph keeps evidence for its dominant frames only, so only those are explained.
      const m = this.mix(doc, ev, p.sentenceStart, p.sentenceEnd, span, Math.min(3, this.maxCues), 1, false, true);
      paragraphs.push({ index: p.index, start: o.start, end: o.end, scores: m.scores, dominant: m.dominant, frames: m.frames });
    }
    const m = this.mix(doc, ev, 0, doc.sentences.length, span, this.maxCues, this.maxSentences, true, false);
    return { scores: m.scores, dominant: m.dominant, frames: m.frames, paragraphs };
  }

  /** Frame evidence of one sentence-sized token range. */
  sentenceFrames(doc: Doc, from: number, to: number): SentenceFrames {
    const ev = new Evidence(1);
    this.fill(ev, 0, doc, from, to);
    return { w: ev.w, cls: ev.cls };
  }

  /** Where the cue matcher's hits go: sentence `hitSentence` of `hitTo`, tokens `hitTokens` (set around each scan). */
  private hitTo: Evidence | null = null;
  private hitSentence = 0;
  private hitTokens: Doc['tokens'] | null = null;
  private readonly onCue = (entry: TermEntry<FrameId>, tokenStart: number, tokenEnd: number): void => {
    const ev = this.hitTo!;
    const k = frameIndex.get(entry.value)!;
    // A phrase is a more specific cue than a single word.
    ev.w[this.hitSentence * K + k]! += 1 + 0.5 * (entry.words.length - 1);
    ev.addCue(k, this.hitTokens!.start[tokenStart]!, this.hitTokens!.end[tokenEnd - 1]!);
  };
  private readonly probs = new Float64Array(K);
  /** Evidence mass per frame of the unit being mixed (scratch; mix is not re-entered). */
  private readonly total = new Float64Array(K);

  /** Fills sentence s of `ev` with the evidence of tokens [from, to); sentences are filled in order. */
  private fill(ev: Evidence, s: number, doc: Doc, from: number, to: number): void {
    this.hitTo = ev;
    this.hitSentence = s;
    this.hitTokens = doc.tokens;
    this.cues.scanEntries(doc, from, to, this.onCue);
    this.hitTo = null;
    this.hitTokens = null;
    ev.cueOff[s + 1] = ev.nCues;
    const f0 = ev.nFeats;
    // At most two features (stem and prefix) per token.
    ev.reserveFeatures(2 * (to - from));
    ev.nFeats = this.classifier.featureIdsInto(doc.tokens, from, to, ev.fids, ev.ftokens, f0);
    ev.featOff[s + 1] = ev.nFeats;
    const probs = this.probs;
    const known = this.classifier.predictInto(ev.fids, f0, ev.nFeats, probs);
    if (known > 0) {
      const confidence = known / (known + 2);
      const at = s * K;
      for (let k = 0; k < K; k++) {
        const p = probs[k]!;
        if (p < MIN_POSTERIOR) continue;
        ev.cls[at + k] = CLASSIFIER_WEIGHT * confidence * p;
        ev.w[at + k]! += ev.cls[at + k]!;
      }
    }
  }

  /** The (up to three) tokens of sentence s whose words point most at frame k. */
  private topWords(ev: Evidence, s: number, k: number): number[] {
    let out = ev.words.get(s * K + k);
    if (!out) {
      // The three best distinct tokens by (lift desc, token asc), a token ranked by its best
      // feature. A token's features are adjacent and tokens ascend, so ties keep the earlier one.
      let t0 = -1, t1 = -1, t2 = -1;
      let l0 = 0, l1 = 0, l2 = 0;
      const end = ev.featOff[s + 1]!;
      for (let j = ev.featOff[s]!; j < end; j++) {
        const token = ev.ftokens[j]!;
        let lift = this.classifier.liftById(ev.fids[j]!, k);
        while (j + 1 < end && ev.ftokens[j + 1] === token) lift = Math.max(lift, this.classifier.liftById(ev.fids[++j]!, k));
        if (lift < MIN_LIFT) continue;
        if (t0 < 0 || lift > l0) {
          t2 = t1; l2 = l1; t1 = t0; l1 = l0; t0 = token; l0 = lift;
        } else if (t1 < 0 || lift > l1) {
          t2 = t1; l2 = l1; t1 = token; l1 = lift;
        } else if (t2 < 0 || lift > l2) {
          t2 = token; l2 = lift;
        }
      }
      out = t0 < 0 ? [] : t1 < 0 ? [t0] : t2 < 0 ? [t0, t1] : [t0, t1, t2];
      ev.words.set(s * K + k, out);
    }
    return out;
  }

  /** Share per frame of the unit being mixed, and its frames with a non-zero share, strongest first (scratch). */
  private readonly share = new Float64Array(K);
  private readonly order = new Int32Array(K);

  /**
   * The frame mix of sentences [from, to). A paragraph's (`paragraph`) keeps only non-zero scores
   * and evidence for its dominant frames.
   */
  private mix(
    doc: Doc, ev: Evidence, from: number, to: number, span: SpanFn, maxCues: number, maxSentences: number, withText: boolean,
    paragraph: boolean,
  ): FrameMix {
    const total = this.total.fill(0);
    const w = ev.w;
    for (let s = from; s < to; s++) for (let k = 0; k < K; k++) total[k]! += w[s * K + k]!;
    let mass = 0;
    for (let k = 0; k < K; k++) mass += total[k]!;
    const share = this.share;
    const order = this.order;
    let n = 0;
    // A paragraph's few non-zero keys are added in frame order; the document has every key.
    const scores = {} as Partial<Record<FrameId, number>>;
    for (let k = 0; k < K; k++) {
      const v = mass > 0 ? round(total[k]! / mass) : 0;
      share[k] = v;
      if (v > 0) {
        if (paragraph) scores[FRAME_IDS[k]!] = v;
        // Strongest first, frame order among equals (stable insertion of at most K frames).
        let j = n++;
        while (j > 0 && total[order[j - 1]!]! < total[k]!) {
          order[j] = order[j - 1]!;
          j--;
        }
        order[j] = k;
      }
    }
    const dominant: FrameId[] = [];
    if (mass >= MIN_DOMINANT_MASS && n > 0) {
      const top = total[order[0]!]! / mass;
      for (let j = 0; j < n; j++) {
        const k = order[j]!;
        const sh = total[k]! / mass;
        if (dominant.length >= MAX_DOMINANT || sh < MIN_DOMINANT_SHARE || sh < top / 2) break;
        dominant.push(FRAME_IDS[k]!);
      }
    }
    // The dominant frames lead `order`, so evidence for them alone is its first entries.
    const explained = paragraph ? dominant.length : n;
    const frames: FrameEvidence[] = [];
    for (let j = 0; j < explained; j++) {
      const k = order[j]!;
      // Minor frames (under 5% of the evidence) keep a short explanation: reports stay small.
      const minor = share[k]! < 0.05;
      frames.push(this.evidence(doc, ev, from, to, k, total[k]!, share[k]!, span, minor ? Math.min(3, maxCues) : maxCues, minor ? 1 : maxSentences, withText));
    }
    return { scores: paragraph ? (scores as Record<FrameId, number>) : allScores(share), dominant, frames };
  }

  private evidence(
    doc: Doc, ev: Evidence, from: number, to: number, k: number, weight: number, score: number, span: SpanFn, maxCues: number,
    maxSentences: number, withText: boolean,
  ): FrameEvidence {
    const w = ev.w;
    const ranked = ev.ranked;
    let n = 0;
    // Strongest first, reading order among equals (insertion: a frame's sentences are few).
    for (let s = from; s < to; s++) {
      const ws = w[s * K + k]!;
      if (!(ws > 0)) continue;
      let j = n++;
      while (j > 0 && w[ranked[j - 1]! * K + k]! < ws) {
        ranked[j] = ranked[j - 1]!;
        j--;
      }
      ranked[j] = s;
    }
    const cues: FrameCue[] = [];
    const seen: string[] = [];
    // Lexicon cues in reading order of the strongest sentences, then the classifier's words.
    for (let r = 0; r < n; r++) {
      if (cues.length >= maxCues) break;
      const s = ranked[r]!;
      for (let c = ev.cueOff[s]!; c < ev.cueOff[s + 1]!; c++) {
        if (ev.cueFrame[c] !== k) continue;
        let o = ev.cueSpan[c];
        if (o === undefined) {
          o = ev.cueSpan[c] = span(ev.cueStart[c]!, ev.cueEnd[c]!);
          ev.cueKey[c] = o.text.toLowerCase();
        }
        if (pushCue(cues, seen, maxCues, o, ev.cueKey[c]!, 'lexicon')) break;
      }
    }
    for (let r = 0; r < n; r++) {
      if (cues.length >= maxCues) break;
      const s = ranked[r]!;
      if (ev.cls[s * K + k]! <= 0) continue;
      for (const token of this.topWords(ev, s, k)) {
        const o = span(doc.tokens.start[token]!, doc.tokens.end[token]!);
        if (pushCue(cues, seen, maxCues, o, o.text.toLowerCase(), 'classifier')) break;
      }
    }
    const sentences: FrameSentence[] = [];
    for (let j = 0; j < n && j < maxSentences; j++) {
      const s = ranked[j]!;
      const sent = doc.sentences[s]!;
      const o = span(sent.start, sent.end);
      const sw = round(w[s * K + k]!);
      sentences.push(withText ? { start: o.start, end: o.end, text: o.text, weight: sw } : { start: o.start, end: o.end, weight: sw });
    }
    return { frame: FRAME_IDS[k]!, score, weight: round(weight), cues, sentences };
  }
}

/**
 * Every frame's score, keys in FRAME_IDS order (a test holds them to it): one literal allocates the
 * object in one go, where 14 added keys cost a transition each.
 */
export function allScores(s: ArrayLike<number>): Record<FrameId, number> {
  return {
    economic: s[0]!,
    'capacity-and-resources': s[1]!,
    morality: s[2]!,
    'fairness-and-equality': s[3]!,
    'legality-constitutionality-jurisprudence': s[4]!,
    'policy-prescription-and-evaluation': s[5]!,
    'crime-and-punishment': s[6]!,
    'security-and-defense': s[7]!,
    'health-and-safety': s[8]!,
    'quality-of-life': s[9]!,
    'cultural-identity': s[10]!,
    'public-opinion': s[11]!,
    political: s[12]!,
    'external-regulation-and-reputation': s[13]!,
  };
}

/** Adds a cue unless its text (`key`, lowercased) was seen or it overlaps one already kept; true when `cues` is full. */
function pushCue(cues: FrameCue[], seen: string[], maxCues: number, o: Span, key: string, source: FrameCue['source']): boolean {
  // A classifier word inside a lexicon phrase ("Court" in "Supreme Court") adds nothing.
  let clash = seen.includes(key);
  for (let j = 0; !clash && j < cues.length; j++) clash = cues[j]!.start < o.end && o.start < cues[j]!.end;
  if (!clash) {
    seen.push(key);
    cues.push({ text: o.text, start: o.start, end: o.end, source });
  }
  return cues.length >= maxCues;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
