/** Features of a sentence (stage-one classifier) and of a candidate span (technique classifier). */
import { F_CAP, F_UPPER, K_HASHTAG, K_PUNCT, K_WORD, tokenLower } from '../text/tokenise.js';
import { bucket, EDGES } from './buckets.js';
import type { DocView } from './doc-view.js';
import type { FeatureBuffer } from './feature-buffer.js';
import { fmix32, FNV_SEED, mix, mix3 } from './hash.js';
import { SENTENCE_TEMPLATES, SPAN_TEMPLATES } from './templates.js';
import { WORD_LAYOUT } from './word-cache.js';
import { LOADED_NEUTRAL } from './lexicon-table.js';

const { BOS, EOS } = WORD_LAYOUT;
const { COUNT_EDGES, LEN_EDGES, SENT_EDGES, VAL_EDGES } = EDGES;
const C = SENTENCE_TEMPLATES;
const P = SPAN_TEMPLATES;

/** Features of a whole sentence for the stage-one sentence classifier. */
export function sentenceFeatures(v: DocView, si: number, out: FeatureBuffer): void {
  const doc = v.doc;
  const t = doc.tokens;
  const s = doc.sentences[si]!;
  out.push(mix(C.bias, 1));
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    out.push(mix(C.word, v.wh[k]!));
    if (k + 1 < s.tokenEnd) out.push(mix3(C.bigram, v.wh[k]!, v.wh[k + 1]!));
    if (t.kind[k] === K_WORD && t.flags[k]! & F_UPPER) out.push(mix(C.upperWord, 1));
  }
  const sl = v.sentLex[si]!;
  for (let b = 0; b < 32; b++) if (sl & (1 << b)) out.push(mix(C.listBit, b));
  out.push(mix(C.negative, bucket(v.sentNeg[si]!, VAL_EDGES)));
  out.push(mix(C.positive, bucket(v.sentPos[si]!, VAL_EDGES)));
  out.push(mix(C.marks, v.sentMark[si]!));
  out.push(mix(C.length, bucket(s.tokenEnd - s.tokenStart, LEN_EDGES)));
  out.push(mix(C.index, bucket(si, SENT_EDGES)));
  out.push(mix(C.firstWord, s.tokenEnd > s.tokenStart ? v.wh[s.tokenStart]! : 0));
  let q = 0;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) q += v.inQuote[k]!;
  out.push(mix(C.quoted, Math.round((q / Math.max(1, s.tokenEnd - s.tokenStart)) * 4)));
}

const SPAN_LEN_EDGES = [2, 3, 4, 6, 9, 14, 20, 30, 45];
const PHRASE_COUNT_EDGES = [2, 3, 4, 6];
/** Scratch for spanFeatures' rule tags (only read within a call). */
const spanTags: number[] = [];
/** The units spanFeatures hashes into character 4-grams (reused; only read within a call). */
let spanUnits = new Uint16Array(512);

/**
 * Where spanFeatures leaves the features that depend on one word alone, when given one (inference:
 * src/model/span-scores.ts sums their weights once per word). spanFeatures then pushes neither the
 * word, cluster and class features of the span's tokens (the sink reads them from the tokens' word
 * slots) nor the character 4-grams that lie inside one word and the spaces around it, and tells the
 * sink the words whose 4-grams it left out: `inside(slot, word)` for each, in order.
 */
export interface SpanWordSink {
  inside(slot: number, word: string): void;
}

/** The unit offset of each word spanFeatures lays out for 4-grams (reused; only read within a call). */
let wordUnitStart = new Int32Array(64);

/**
 * Features of a candidate span [a, b) of tokens (canonical char range cs..ce) for the technique
 * classifier. With `sink`, the features of single words are left to it (see SpanWordSink).
 */
export function spanFeatures(v: DocView, a: number, b: number, out: FeatureBuffer, textCount?: (lower: string, atMost: number) => number, sink?: SpanWordSink): void {
  const doc = v.doc;
  const t = doc.tokens;
  const n = b - a;
  out.push(mix(P.bias, 1));
  for (let k = a; k < b; k++) {
    if (!sink) out.push(mix(P.word, v.wh[k]!));
    if (k + 1 < b) out.push(mix3(P.bigram, v.wh[k]!, v.wh[k + 1]!));
  }
  out.push(mix(P.firstWord, v.wh[a]!));
  out.push(mix(P.lastWord, v.wh[b - 1]!));
  const before = (k: number) => (a - k >= 0 ? v.wh[a - k]! : BOS);
  const after = (k: number) => (b - 1 + k < v.n ? v.wh[b - 1 + k]! : EOS);
  out.push(mix(P.before1, before(1)));
  out.push(mix3(P.before2, before(2), before(1)));
  out.push(mix(P.after1, after(1)));
  out.push(mix3(P.after2, after(1), after(2)));
  for (let k = 2; k <= 4; k++) {
    out.push(mix(P.beforeFar, before(k)));
    out.push(mix(P.afterFar, after(k)));
  }
  const cs = t.start[a]!;
  const ce = t.end[b - 1]!;
  const text = doc.text.slice(cs, Math.min(ce, cs + 400)).toLowerCase();
  // Character 4-grams of the span's lowercased words, each padded by a space (names read as a
  // placeholder too): the units of ` ${words.join(' ')} `, laid out in a reused array.
  let u = spanUnits;
  let len = 0;
  u[len++] = 32;
  let nWords = 0;
  if (sink && wordUnitStart.length < n + 1) wordUnitStart = new Int32Array(Math.max(n + 1, 2 * wordUnitStart.length));
  for (let k = a; k < b && t.start[k]! < cs + 400; k++) {
    const w = v.masked[k] ? '\u00a7' : tokenLower(t, k);
    if (len + w.length + 2 > u.length) {
      const bigger = new Uint16Array(Math.max(2 * u.length, len + w.length + 2));
      bigger.set(u.subarray(0, len));
      spanUnits = u = bigger;
    }
    if (k > a) u[len++] = 32;
    if (sink) {
      wordUnitStart[nWords++] = len;
      sink.inside(v.slot[k]!, w);
    }
    for (let j = 0; j < w.length; j++) u[len++] = w.charCodeAt(j);
  }
  u[len++] = 32;
  // The end of the last word's padding, as the start of a word past it would place it.
  if (sink) wordUnitStart[nWords] = len;
  // hashString of each 4-unit window, without slicing it out. With `sink`, the windows inside one
  // word's padding (from the space before it to the space after it) are the sink's.
  let j = 0;
  for (let k = 0; k + 4 <= len; k++) {
    if (sink) {
      // Word j's padding is units [wordUnitStart[j] - 1, wordUnitStart[j + 1] - 1].
      while (j + 1 < nWords && wordUnitStart[j + 1]! - 1 <= k) j++;
      if (k + 3 <= wordUnitStart[j + 1]! - 1) continue;
    }
    let h = FNV_SEED;
    for (let q = k; q < k + 4; q++) h = Math.imul(h ^ u[q]!, 0x01000193);
    out.push(mix(P.charGram, fmix32(h)));
  }
  const nb = bucket(n, SPAN_LEN_EDGES);
  out.push(mix(P.length, nb));
  // Counts from the last edge up share a bucket, so counting stops there (bounded on repetitive text).
  if (textCount) out.push(mix3(P.textCount, bucket(textCount(text, PHRASE_COUNT_EDGES[PHRASE_COUNT_EDGES.length - 1]!), PHRASE_COUNT_EDGES), Math.min(n, 4)));
  let maxCount = 0;
  let neg = 0;
  let pos = 0;
  let lx = 0;
  let upper = 0;
  let caps = 0;
  let words = 0;
  for (let k = a; k < b; k++) {
    if (t.kind[k] === K_WORD) {
      words++;
      if (!(v.lex[k]! & v.stopBit) && t.end[k]! - t.start[k]! > 2) maxCount = Math.max(maxCount, v.count[k]!);
      if (t.flags[k]! & F_UPPER) upper++;
      if (t.flags[k]! & F_CAP) caps++;
    }
    const val = v.valence[k]!;
    if (val < 0) neg -= val;
    else pos += val;
    lx |= v.lex[k]!;
    if (t.kind[k] === K_PUNCT) out.push(mix(P.punctuation, doc.text.charCodeAt(t.start[k]!)));
    if (t.kind[k] === K_HASHTAG) out.push(mix(P.hashtag, 1));
  }
  out.push(mix3(P.repeatCount, bucket(maxCount, COUNT_EDGES), Math.min(n, 4)));
  out.push(mix(P.negative, bucket(neg, VAL_EDGES)));
  out.push(mix(P.positive, bucket(pos, VAL_EDGES)));
  for (let bit = 0; bit < 32; bit++) if (lx & (1 << bit)) out.push(mix(P.listBit, bit));
  if (upper > 0) out.push(mix(P.upperWords, Math.min(upper, 3)));
  if (words > 0) out.push(mix(P.capitalShare, Math.round((caps / words) * 4)));
  const s0 = doc.sentences[doc.tokenSentence[a]!]!;
  const s1 = doc.sentences[doc.tokenSentence[b - 1]!]!;
  const cover = n / Math.max(1, s1.tokenEnd - s0.tokenStart);
  out.push(mix(P.sentenceCover, Math.round(cover * 5)));
  out.push(mix3(P.sentenceEdges, a === s0.tokenStart ? 1 : 0, b === s1.tokenEnd ? 1 : 0));
  out.push(mix(P.crossesSentence, s1.index - s0.index > 0 ? 1 : 0));
  out.push(mix3(P.quoteEdges, v.inQuote[a]!, v.inQuote[b - 1]!));
  out.push(mix(P.sentMarks, v.sentMark[s0.index]!));
  out.push(mix(P.sentIndex, bucket(s0.index, SENT_EDGES)));
  // The rule tags inside, each once, in the order first met (no Set per span).
  const tags = spanTags;
  tags.length = 0;
  for (let k = a; k < b; k++) {
    const own = v.tags[k];
    if (own) for (const g of own) if (!tags.includes(g)) tags.push(g);
  }
  for (const g of tags) out.push(mix(P.ruleTag, g));
  if (v.words.clustered && !sink) {
    // Word clusters: a loaded word PTC never showed shares its cluster with ones it did.
    const cl = v.words.cluster;
    for (let k = a; k < b; k++) {
      const c = cl[v.slot[k]!]!;
      if (c !== 0) out.push(mix(P.cluster, c & 0xffff));
    }
  }
  if (v.words.clustered) {
    const cl = v.words.cluster;
    const cb = a > 0 ? cl[v.slot[a - 1]!]! >>> 16 : 0;
    const ca = b < v.n ? cl[v.slot[b]!]! >>> 16 : 0;
    out.push(mix3(P.clusterAround, 0, cb));
    out.push(mix3(P.clusterAround, 1, ca));
  }
  if (v.words.classed && !sink) {
    // WordNet classes: labels are nouns of people, loaded words adjectives and verbs of feeling.
    const wc = v.words.wclass;
    for (let k = a; k < b; k++) {
      const c = wc[v.slot[k]!]!;
      if (c !== 0 && !v.masked[k]) out.push(mix(P.wordClass, c));
    }
  }
  const lv = v.loadLevel;
  if ((lv || v.words.leveled) && !sink) {
    // Loaded-word levels (names read the placeholder's level, as in the tagger).
    const wl = v.words.level;
    for (let k = a; k < b; k++) {
      const l = lv ? lv[k]! : wl[v.slot[k]!]!;
      if (l !== LOADED_NEUTRAL) out.push(mix(P.loadedLevel, l));
    }
  }
}
