import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors.js';
import { parseWordList } from '../../lexicon/load.js';
import { segment, type Doc } from '../../text/segment.js';
import { F_CAP, K_WORD, type Tokens } from '../../text/tokenise.js';
import { FRAME_IDS, isFrameId, type FrameId } from '../../core/frames.js';
import { builtinCueTerms } from './cues.js';
import { expandFeature, featureOf, PREFIX_LENGTH } from './features.js';
import { commonStems, isContentWord } from '../../lexicon/content-words.js';
import { stem } from '../../lexicon/stem.js';
import { WordInts } from '../../lexicon/word-memo.js';
import { Vocab } from '../../text/vocab.js';

export const EXAMPLES_DIR = fileURLToPath(new URL('./examples/', import.meta.url));

export interface LabelledSentence {
  frame: FrameId;
  text: string;
}

/** Reads `examples/<frame-id>.txt` (one sentence a line); an unknown file name is an error. */
export function loadExamples(dir = EXAMPLES_DIR): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.txt')) continue;
    const frame = basename(name, '.txt');
    if (!isFrameId(frame)) throw new UserError(`${join(dir, name)}: "${frame}" is not a frame id (expected one of ${FRAME_IDS.join(', ')})`, { file: join(dir, name) });
    for (const text of parseWordList(readFileSync(join(dir, name), 'utf8'))) out.push({ frame, text });
  }
  return out;
}

/** Features of a whole sentence; with `common`, only of words whose stem is in it (no names). */
export function sentenceFeatures(text: string, common?: ReadonlySet<string>, vocab: Vocab = new Vocab()): string[] {
  const doc = segment(text, vocab);
  const out: string[] = [];
  for (let i = 0; i < doc.tokens.count; i++) {
    const s = featureOf(doc, i);
    if (s === null || (common && !common.has(s))) continue;
    out.push(...expandFeature(s));
  }
  return out;
}

export interface Prediction {
  /** Posterior per frame, in FRAME_IDS order. */
  probs: Float64Array;
  /** Number of features the model knows. */
  known: number;
}

/**
 * What the model makes of one lowercased word, packed in one integer for a typed per-word memo
 * (WordInts): -1 for a word that is no content word, else (stem id + 1) * FEATURE_SPAN + prefix id
 * + 1, ids -1 when unknown or absent (so 0 parts mean none).
 */
const FEATURE_SPAN = 1 << 15;
const K = FRAME_IDS.length;

/**
 * Multinomial naive Bayes over content-word stems with uniform priors (the classes are balanced by
 * construction). Trained in a few milliseconds from the example files, so the weights never drift
 * from the data that produced them, and training is deterministic.
 */
export class FrameClassifier {
  /** Feature ids, in training order. */
  private readonly ids = new Map<string, number>();
  /** log P(feature | frame): row id*K.. in FRAME_IDS order. */
  private readonly logp: Float64Array;
  /** Per feature, how much more likely under each frame than on average (for explanations). */
  private readonly lift: Float64Array;
  readonly vocabularySize: number;
  /** Stems of words the training sentences write in lowercase: common words, not names. */
  private readonly common: ReadonlySet<string>;

  /**
   * `cues` (frame lexicon terms) join the training data as one-line documents, so that the model
   * knows the lexicon's vocabulary; a `word*` cue contributes its prefix feature.
   */
  constructor(examples: readonly LabelledSentence[], cues: ReadonlyArray<{ frame: FrameId; term: string }> = [], alpha = 0.5) {
    const index = new Map<FrameId, number>(FRAME_IDS.map((f, k) => [f, k]));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(K);
    this.common = commonStems(examples.map((ex) => ex.text));
    const scratch = new Vocab();
    for (const ex of examples) {
      const k = index.get(ex.frame)!;
      // Names (words the examples never write in lowercase: Freedonia, Northland) are not learned,
      // so that which country a sentence names cannot move its frame. Binary counts per sentence.
      for (const f of new Set(sentenceFeatures(ex.text, this.common, scratch))) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(K)));
        row[k]! += 1;
        totals[k]! += 1;
      }
    }
    for (const cue of cues) {
      const k = index.get(cue.frame)!;
      const feats = new Set<string>();
      for (const word of cue.term.toLowerCase().split(/\s+/)) {
        if (word.endsWith('*')) {
          const p = word.slice(0, -1);
          if (p.length >= PREFIX_LENGTH) feats.add(`${p.slice(0, PREFIX_LENGTH)}~`);
        } else for (const f of sentenceFeatures(word, undefined, scratch)) feats.add(f);
      }
      for (const f of feats) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(K)));
        row[k]! += 1;
        totals[k]! += 1;
      }
    }
    this.vocabularySize = counts.size;
    const V = counts.size;
    if (V >= FEATURE_SPAN - 1) throw new Error(`frame classifier: ${V} features, more than its word memo packs (${FEATURE_SPAN - 2})`);
    this.logp = new Float64Array(V * K);
    this.lift = new Float64Array(V * K);
    for (const [f, row] of counts) {
      const id = this.ids.size;
      this.ids.set(f, id);
      const lp = this.logp.subarray(id * K, id * K + K);
      let mean = 0;
      for (let k = 0; k < K; k++) {
        lp[k] = Math.log((row[k]! + alpha) / (totals[k]! + alpha * V));
        mean += lp[k]! / K;
      }
      for (let k = 0; k < K; k++) this.lift[id * K + k] = lp[k]! - mean;
    }
  }

  /** True when the examples use the word in lowercase somewhere (so it is not only a name). */
  isCommonWord(word: string): boolean {
    return this.common.has(stem(word));
  }

  knows(feature: string): boolean {
    return this.ids.has(feature);
  }

  /** How strongly a feature points at frame k (log-likelihood above the frame average). */
  liftOf(feature: string, k: number): number {
    const id = this.ids.get(feature);
    return id === undefined ? 0 : this.lift[id * K + k]!;
  }

  /** liftOf by feature id (see featureIdsFor). */
  liftById(id: number, k: number): number {
    return this.lift[id * K + k]!;
  }

  predict(features: readonly string[]): Prediction {
    const ids: number[] = [];
    for (const f of features) {
      const id = this.ids.get(f);
      if (id !== undefined) ids.push(id);
    }
    return this.predictIds(Int32Array.from(ids), ids.length);
  }

  /** predict over known feature ids (the first n of `ids`); unknown features add nothing anyway. */
  predictIds(ids: Int32Array, n: number): Prediction {
    const probs = new Float64Array(K);
    const known = this.predictInto(ids, 0, n, probs);
    return { probs, known };
  }

  private readonly score = new Float64Array(K);

  /**
   * predict over the known feature ids ids[from, to), into `probs` (no allocation: this runs per
   * sentence); returns the number of known features.
   */
  predictInto(ids: Int32Array, from: number, to: number, probs: Float64Array): number {
    const known = to - from;
    if (known === 0) {
      probs.fill(1 / K);
      return known;
    }
    const score = this.score;
    const logp = this.logp;
    // Row by row: each feature's row is read once; each frame's sum still adds its terms in feature
    // order (the same sums as one frame at a time).
    score.fill(0);
    for (let j = from; j < to; j++) {
      const r = ids[j]! * K;
      for (let k = 0; k < K; k++) score[k]! += logp[r + k]!;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (score[k]! > max) max = score[k]!;
    // Naive Bayes is overconfident when many words agree; a temperature that grows with the
    // number of words keeps the posterior usable as a soft score.
    const temperature = 1 + known / 4;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += probs[k] = Math.exp((score[k]! - max) / temperature);
    for (let k = 0; k < K; k++) probs[k]! /= sum;
    return known;
  }

  /**
   * Features of a token range for prediction. A capitalised word the model does not know is taken
   * for a name and left out entirely, so that its prefix ("north~" of "Northland") cannot make one
   * country's name frame a sentence differently from another's.
   */
  featuresFor(doc: Doc, from: number, to: number): Array<{ f: string; token: number }> {
    const out: Array<{ f: string; token: number }> = [];
    for (let i = from; i < to; i++) {
      const s = featureOf(doc, i);
      if (s === null) continue;
      if (!this.ids.has(s) && doc.tokens.flags[i]! & F_CAP) continue;
      for (const f of expandFeature(s)) out.push({ f, token: i });
    }
    return out;
  }

  /**
   * The known features of [from, to) as ids, with their tokens, written to `ids` and `tokens` from
   * index n on (room for two per token needed); returns the new count. Same order as featuresFor,
   * less the features the model does not know, which neither predict nor liftOf uses.
   */
  featureIdsInto(t: Tokens, from: number, to: number, ids: Int32Array, tokens: Int32Array, n: number): number {
    for (let i = from; i < to; i++) {
      if (t.kind[i] !== K_WORD) continue;
      const w = this.words.at(t, i);
      if (w < 0) continue;
      const stemId = ((w / FEATURE_SPAN) | 0) - 1;
      const prefixId = (w % FEATURE_SPAN) - 1;
      if (stemId >= 0) {
        ids[n] = stemId;
        tokens[n++] = i;
      } else if (t.flags[i]! & F_CAP) continue;
      if (prefixId >= 0) {
        ids[n] = prefixId;
        tokens[n++] = i;
      }
    }
    return n;
  }

  /** Word features per token's word, across documents: a token costs a typed-array read, not a stem. */
  private readonly words = new WordInts((w) => this.wordFeatures(w));

  /** A word's packed features (see FEATURE_SPAN). */
  private wordFeatures(w: string): number {
    if (!isContentWord(w)) return -1;
    const s = stem(w);
    const fs = expandFeature(s);
    const stemId = this.ids.get(s) ?? -1;
    const prefixId = fs.length > 1 ? (this.ids.get(fs[1]!) ?? -1) : -1;
    return (stemId + 1) * FEATURE_SPAN + prefixId + 1;
  }

  predictText(text: string, vocab: Vocab = new Vocab()): Prediction {
    const doc = segment(text, vocab);
    return this.predict(this.featuresFor(doc, 0, doc.tokens.count).map((x) => x.f));
  }
}

let builtin: FrameClassifier | null = null;

/** The classifier trained on the shipped examples, built on first use. */
export function builtinFrameClassifier(): FrameClassifier {
  builtin ??= new FrameClassifier(loadExamples(), builtinCueTerms());
  return builtin;
}
