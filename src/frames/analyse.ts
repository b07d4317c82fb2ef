import type { Doc } from '../text/segment.js';
import { builtinFrameClassifier, type FrameClassifier } from './classifier.js';
import { envFrameCueDirs, loadFrameCues } from './cues.js';
import { FRAME_IDS, type FrameId } from './frame-ids.js';
import type { TermMatcher } from './term-matcher.js';

/** A word or phrase that carries a frame: a lexicon cue, or a word the classifier leaned on. */
export interface FrameCue {
  text: string;
  start: number;
  end: number;
  source: 'lexicon' | 'classifier';
}

export interface FrameSentence {
  start: number;
  end: number;
  /** The sentence as written (document level only; paragraphs give the span). */
  text?: string;
  /** This sentence's evidence mass for the frame. */
  weight: number;
}

export interface FrameEvidence {
  frame: FrameId;
  /** Share of the unit's framing evidence, 0..1. */
  score: number;
  /** Raw evidence mass (cue hits plus classifier belief). */
  weight: number;
  cues: FrameCue[];
  sentences: FrameSentence[];
}

export interface FrameMix {
  /** Share per frame, 0..1, summing to 1 when anything is framed (all 0 otherwise). */
  scores: Record<FrameId, number>;
  /** The frames that dominate, strongest first (empty when the evidence is too thin). */
  dominant: FrameId[];
  /** Evidence for every frame with a non-zero score, strongest first. */
  frames: FrameEvidence[];
}

/**
 * A paragraph's frames, kept compact because every paragraph of every stored document carries one:
 * only non-zero scores, and evidence for the dominant frames (the ones a paragraph view shows).
 */
export interface ParagraphFrames {
  index: number;
  start: number;
  end: number;
  scores: Partial<Record<FrameId, number>>;
  dominant: FrameId[];
  frames: FrameEvidence[];
}

export interface FramesReport extends FrameMix {
  paragraphs: ParagraphFrames[];
}

type SpanFn = (start: number, end: number) => { start: number; end: number; text: string };

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

interface SentenceFrames {
  /** Evidence mass per frame. */
  w: Float64Array;
  /** Classifier part of the mass per frame (0 when the classifier abstained). */
  cls: Float64Array;
  cues: Array<{ frame: number; start: number; end: number }>;
  features: Array<{ f: string; token: number }>;
  /** Per frame, the tokens the classifier leaned on most (computed on first use). */
  words?: Map<number, number[]>;
}

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

  analyse(doc: Doc, span: SpanFn): FramesReport {
    const per = doc.sentences.map((s) => this.sentenceFrames(doc, s.tokenStart, s.tokenEnd));
    const paragraphs: ParagraphFrames[] = doc.paragraphs.map((p) => {
      const members = range(p.sentenceStart, p.sentenceEnd);
      const o = span(p.start, p.end);
      const m = this.mix(doc, per, members, span, Math.min(3, this.maxCues), 1, false);
      const scores: Partial<Record<FrameId, number>> = {};
      for (const f of FRAME_IDS) if (m.scores[f] > 0) scores[f] = m.scores[f];
      return { index: p.index, start: o.start, end: o.end, scores, dominant: m.dominant, frames: m.frames.filter((f) => m.dominant.includes(f.frame)) };
    });
    return { ...this.mix(doc, per, range(0, doc.sentences.length), span, this.maxCues, this.maxSentences), paragraphs };
  }

  /** Frame evidence of one sentence-sized token range. */
  sentenceFrames(doc: Doc, from: number, to: number): SentenceFrames {
    const w = new Float64Array(K);
    const cls = new Float64Array(K);
    const cues: SentenceFrames['cues'] = [];
    this.cues.scan(doc, from, to, (m) => {
      const k = frameIndex.get(m.entry.value)!;
      // A phrase is a more specific cue than a single word.
      w[k]! += 1 + 0.5 * (m.entry.words.length - 1);
      cues.push({ frame: k, start: m.start, end: m.end });
    });
    const features = this.classifier.featuresFor(doc, from, to);
    const pred = this.classifier.predict(features.map((x) => x.f));
    if (pred.known > 0) {
      const confidence = pred.known / (pred.known + 2);
      for (let k = 0; k < K; k++) {
        const p = pred.probs[k]!;
        if (p < MIN_POSTERIOR) continue;
        cls[k] = CLASSIFIER_WEIGHT * confidence * p;
        w[k]! += cls[k]!;
      }
    }
    return { w, cls, cues, features };
  }

  /** The (up to three) tokens of a sentence whose words point most at frame k. */
  private topWords(sf: SentenceFrames, k: number): number[] {
    sf.words ??= new Map();
    let out = sf.words.get(k);
    if (!out) {
      const scored: Array<[number, number]> = [];
      for (const x of sf.features) {
        const lift = this.classifier.liftOf(x.f, k);
        if (lift >= MIN_LIFT) scored.push([lift, x.token]);
      }
      scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      out = [];
      for (const [, token] of scored) {
        if (!out.includes(token)) out.push(token);
        if (out.length === 3) break;
      }
      sf.words.set(k, out);
    }
    return out;
  }

  private mix(doc: Doc, per: SentenceFrames[], members: number[], span: SpanFn, maxCues: number, maxSentences: number, withText = true): FrameMix {
    const total = new Float64Array(K);
    for (const s of members) for (let k = 0; k < K; k++) total[k]! += per[s]!.w[k]!;
    let mass = 0;
    for (let k = 0; k < K; k++) mass += total[k]!;
    const scores = Object.fromEntries(FRAME_IDS.map((f, k) => [f, mass > 0 ? round(total[k]! / mass) : 0])) as Record<FrameId, number>;
    const order = range(0, K)
      .filter((k) => scores[FRAME_IDS[k]!] > 0)
      .sort((a, b) => total[b]! - total[a]! || a - b);
    const dominant: FrameId[] = [];
    if (mass >= MIN_DOMINANT_MASS && order.length > 0) {
      const top = total[order[0]!]! / mass;
      for (const k of order) {
        const share = total[k]! / mass;
        if (dominant.length >= MAX_DOMINANT || share < MIN_DOMINANT_SHARE || share < top / 2) break;
        dominant.push(FRAME_IDS[k]!);
      }
    }
    // Minor frames (under 5% of the evidence) keep a short explanation: reports stay small.
    const frames = order.map((k) => {
      const minor = scores[FRAME_IDS[k]!] < 0.05;
      return this.evidence(doc, per, members, k, total[k]!, scores[FRAME_IDS[k]!], span, minor ? Math.min(3, maxCues) : maxCues, minor ? 1 : maxSentences, withText);
    });
    return { scores, dominant, frames };
  }

  private evidence(
    doc: Doc, per: SentenceFrames[], members: number[], k: number, weight: number, score: number, span: SpanFn, maxCues: number, maxSentences: number,
    withText: boolean,
  ): FrameEvidence {
    const ranked = members.filter((s) => per[s]!.w[k]! > 0).sort((a, b) => per[b]!.w[k]! - per[a]!.w[k]! || a - b);
    const cues: FrameCue[] = [];
    const seen = new Set<string>();
    const push = (start: number, end: number, source: FrameCue['source']) => {
      if (cues.length >= maxCues) return;
      const o = span(start, end);
      const key = o.text.toLowerCase();
      // A classifier word inside a lexicon phrase ("Court" in "Supreme Court") adds nothing.
      if (seen.has(key) || cues.some((c) => c.start < o.end && o.start < c.end)) return;
      seen.add(key);
      cues.push({ text: o.text, start: o.start, end: o.end, source });
    };
    // Lexicon cues in reading order of the strongest sentences, then the classifier's words.
    for (const s of ranked) {
      if (cues.length >= maxCues) break;
      for (const c of per[s]!.cues) if (c.frame === k) push(c.start, c.end, 'lexicon');
    }
    for (const s of ranked) {
      if (cues.length >= maxCues) break;
      if (per[s]!.cls[k]! <= 0) continue;
      for (const token of this.topWords(per[s]!, k)) push(doc.tokens.start[token]!, doc.tokens.end[token]!, 'classifier');
    }
    const sentences = ranked.slice(0, maxSentences).map((s) => {
      const sent = doc.sentences[s]!;
      const o = span(sent.start, sent.end);
      return withText ? { start: o.start, end: o.end, text: o.text, weight: round(per[s]!.w[k]!) } : { start: o.start, end: o.end, weight: round(per[s]!.w[k]!) };
    });
    return { frame: FRAME_IDS[k]!, score, weight: round(weight), cues, sentences };
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
