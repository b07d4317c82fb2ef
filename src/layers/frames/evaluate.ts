import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors.js';
import { parseWordList } from '../../lexicon/load.js';
import { segment } from '../../text/segment.js';
import { FrameAnalyser } from './analyse.js';
import { FrameClassifier, loadExamples, type LabelledSentence } from './classifier.js';
import { builtinCueTerms } from './cues.js';
import { FRAME_IDS, isFrameId } from '../../core/frames.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

export interface FrameCvResult {
  examples: number;
  folds: number;
  /** Top-1 accuracy of the classifier alone, the cue lexicons alone, and both combined. */
  classifier: number;
  lexicon: number;
  combined: number;
  /** Combined: the gold frame is among the sentence's top two. */
  combinedTop2: number;
}

function argmaxOrder(w: Float64Array): number[] {
  return [...w.keys()].sort((a, b) => w[b]! - w[a]! || a - b);
}

/**
 * k-fold cross-validation over the labelled examples (fold = example index mod k within each frame,
 * so every fold holds every frame). The lexicons are fixed; only the classifier is retrained per fold.
 * A sentence with no evidence at all counts as wrong.
 */
export function crossValidateFrames(folds = 5, examples: readonly LabelledSentence[] = loadExamples()): FrameCvResult {
  const vocab = preparedVocab();
  const position = new Map<string, number>();
  const fold = examples.map((ex) => {
    const n = position.get(ex.frame) ?? 0;
    position.set(ex.frame, n + 1);
    return n % folds;
  });
  let cls = 0;
  let lex = 0;
  let comb = 0;
  let comb2 = 0;
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const classifier = new FrameClassifier(train, builtinCueTerms());
    const analyser = new FrameAnalyser({ classifier });
    examples.forEach((ex, i) => {
      if (fold[i] !== f) return;
      const gold = FRAME_IDS.indexOf(ex.frame);
      const doc = segment(ex.text, vocab);
      const sf = analyser.sentenceFrames(doc, 0, doc.tokens.count);
      const pred = classifier.predictText(ex.text, vocab);
      if (pred.known > 0 && argmaxOrder(pred.probs)[0] === gold) cls++;
      const lexOnly = new Float64Array(sf.w.length);
      for (let k = 0; k < lexOnly.length; k++) lexOnly[k] = sf.w[k]! - sf.cls[k]!;
      if (lexOnly[gold]! > 0 && argmaxOrder(lexOnly)[0] === gold) lex++;
      const order = argmaxOrder(sf.w);
      if (sf.w[gold]! > 0 && order[0] === gold) comb++;
      if (sf.w[gold]! > 0 && order.slice(0, 2).includes(gold)) comb2++;
    });
  }
  const n = examples.length;
  const r = (x: number) => Math.round((x / n) * 1000) / 1000;
  return { examples: n, folds, classifier: r(cls), lexicon: r(lex), combined: r(comb), combinedTop2: r(comb2) };
}

export const HOLDOUT_FILE = fileURLToPath(new URL('./holdout.txt', import.meta.url));

/** Held-out sentences (`<frame-id> | <sentence>`), never used to tune lexicons or examples. */
export function loadHoldout(file = HOLDOUT_FILE): LabelledSentence[] {
  return parseWordList(readFileSync(file, 'utf8')).map((line, k) => {
    const at = line.indexOf('|');
    const frame = line.slice(0, at).trim();
    if (at < 0 || !isFrameId(frame)) throw new UserError(`${file}: entry ${k + 1}: expected "<frame-id> | <sentence>", got "${line.slice(0, 60)}"`, { file });
    return { frame, text: line.slice(at + 1).trim() };
  });
}

export interface FrameHoldoutResult {
  sentences: number;
  /** Top frame of the shipped analyser (lexicons + classifier on all examples) is the gold frame. */
  top1: number;
  top2: number;
  /** Sentences with no framing evidence at all. */
  unframed: number;
}

/** Scores the shipped analyser on the held-out sentences. */
export function evaluateHoldout(sentences = loadHoldout(), analyser = new FrameAnalyser()): FrameHoldoutResult {
  const vocab = preparedVocab();
  let top1 = 0;
  let top2 = 0;
  let unframed = 0;
  for (const ex of sentences) {
    const doc = segment(ex.text, vocab);
    const sf = analyser.sentenceFrames(doc, 0, doc.tokens.count);
    const gold = FRAME_IDS.indexOf(ex.frame);
    const order = argmaxOrder(sf.w);
    if (sf.w[order[0]!]! === 0) unframed++;
    if (sf.w[gold]! > 0 && order[0] === gold) top1++;
    if (sf.w[gold]! > 0 && order.slice(0, 2).includes(gold)) top2++;
  }
  const n = sentences.length;
  const r = (x: number) => Math.round((x / n) * 1000) / 1000;
  return { sentences: n, top1: r(top1), top2: r(top2), unframed };
}
