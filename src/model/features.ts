/**
 * Features of tokens (for the span tagger) and of spans (for the technique classifier), as hashed
 * bucket indices. Everything derives from the segmented Doc (canonical text, tokens, sentences,
 * quotes) and the frozen lexicon table, so training and inference compute the same thing.
 */
import type { Doc } from '../text/segment.js';
import { F_CAP, F_UPPER, K_HASHTAG, K_NUMBER, K_PUNCT, K_WORD, tokenLower } from '../text/tokenise.js';
import { fmix, FNV_SEED, fnvUpdate, hashString, mix, mix3 } from './hash.js';
import { isOrdinaryWord, lookupWord, PARTY_BIT, type LexiconTable } from './lexicon-table.js';

/** Per-token facts computed once per document. */
export interface DocView {
  doc: Doc;
  n: number;
  /** Lowercased word hash of every token. */
  wh: Uint32Array;
  valence: Float32Array;
  /** Word-list membership bits (multi-word terms mark each of their tokens). */
  lex: Uint32Array;
  /** How often the token's lowercased form occurs in the document. */
  count: Int32Array;
  inQuote: Uint8Array;
  /** Per-sentence aggregates. */
  sentNeg: Float32Array;
  sentPos: Float32Array;
  sentMark: Uint8Array; // bit 1: '!', bit 2: '?', bit 4: quote inside, bit 8: headline
  sentLex: Uint32Array;
  /** Optional extra per-token tags (e.g. rule findings), as small integers hashed into a feature. */
  tags: Array<number[] | undefined>;
  /** 1 where the token names a party or is an unknown capitalised word (a name): its identity is hidden. */
  masked: Uint8Array;
  stopBit: number;
  /** Stage-one sentence scores (P(sentence holds a propaganda span)) and their document mean, when set. */
  sentScore: Float32Array | null;
  docScore: number;
  /** Bumped whenever sentScore changes, so cached tagger inputs are rebuilt. */
  stamp: number;
}

type WordInfo = { h: number; valence: number; mask: number; ordinary: boolean };
/** Word lookups cached per table (two models with different tables never share an entry), by string and by global vocab id. */
interface WordCache {
  byString: Map<string, WordInfo>;
  byId: Array<WordInfo | null>;
}
let wordCaches = new WeakMap<LexiconTable, WordCache>();
const CACHE_LIMIT = 200_000;

function cacheFor(table: LexiconTable): WordCache {
  let cache = wordCaches.get(table);
  if (!cache) wordCaches.set(table, (cache = { byString: new Map(), byId: [] }));
  return cache;
}

function wordInfo(cache: WordCache, table: LexiconTable, w: string): WordInfo {
  let info = cache.byString.get(w);
  if (!info) {
    const h = hashString(w);
    info = { h, ...lookupWord(table, w, h), ordinary: isOrdinaryWord(table, h) };
    if (cache.byString.size >= CACHE_LIMIT) cache.byString.clear();
    cache.byString.set(w, info);
  }
  return info;
}

/** The facts of token i's word: by its global vocab id when it has one (no string lookup), else by string. */
function tokenWordInfo(cache: WordCache, table: LexiconTable, id: number, w: string): WordInfo {
  if (id < 0) return wordInfo(cache, table, w);
  const byId = cache.byId;
  // Kept dense (no holes), so the array stays a fast element array.
  while (byId.length <= id) byId.push(null);
  return (byId[id] ??= wordInfo(cache, table, w));
}

/** Clears the word cache (a different lexicon table must not see cached lookups). */
export function resetFeatureCache(): void {
  wordCaches = new WeakMap();
}

export function buildView(doc: Doc, table: LexiconTable): DocView {
  const t = doc.tokens;
  const cache = cacheFor(table);
  const n = t.count;
  const wh = new Uint32Array(n);
  const valence = new Float32Array(n);
  const lex = new Uint32Array(n);
  const count = new Int32Array(n);
  const inQuote = new Uint8Array(n);
  const words: string[] = new Array(n);
  const counts = new Map<number, number>();
  const masked = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = tokenLower(t, i);
    words[i] = w;
    const info = tokenWordInfo(cache, table, t.id[i]!, w);
    // Neutrality: names of parties, and capitalised words that are neither ordinary English words nor
    // in any list (names of people, places, countries), all read as one placeholder, so swapping two
    // sides changes nothing.
    const isName = (t.flags[i]! & F_CAP) !== 0 && info.valence === 0 && info.mask === 0 && w.length > 1 && !info.ordinary;
    if (t.kind[i] === K_WORD && ((info.mask & PARTY_BIT) !== 0 || isName)) {
      masked[i] = 1;
      wh[i] = NAME_HASH;
      lex[i] |= PARTY_BIT;
    } else {
      wh[i] = info.h;
      valence[i] = info.valence;
      lex[i] |= info.mask;
    }
    counts.set(wh[i]!, (counts.get(wh[i]!) ?? 0) + 1);
  }
  for (let i = 0; i < n; i++) count[i] = counts.get(wh[i]!)!;
  // Multi-word terms: hash "w1 w2" and "w1 w2 w3".
  if (table.maxWords > 1) {
    for (let i = 0; i + 1 < n; i++) {
      if (t.kind[i] !== K_WORD) continue;
      // Hashed incrementally: no phrase strings are built.
      let phrase = fnvUpdate(FNV_SEED, words[i]!);
      for (let k = 1; k < table.maxWords && i + k < n; k++) {
        phrase = fnvUpdate(fnvUpdate(phrase, ' '), words[i + k]!);
        const j = table.index.get(fmix(phrase));
        if (j !== undefined) for (let q = i; q <= i + k; q++) lex[q] |= table.mask[j]! & ~PARTY_BIT;
      }
    }
  }
  let q = 0;
  for (let i = 0; i < n; i++) {
    const s = t.start[i]!;
    while (q < doc.quotes.length && doc.quotes[q]!.end <= s) q++;
    if (q < doc.quotes.length && doc.quotes[q]!.contentStart <= s && s < doc.quotes[q]!.contentEnd) inQuote[i] = 1;
  }
  const ns = doc.sentences.length;
  const sentNeg = new Float32Array(ns);
  const sentPos = new Float32Array(ns);
  const sentMark = new Uint8Array(ns);
  const sentLex = new Uint32Array(ns);
  for (const s of doc.sentences) {
    let m = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const v = valence[i]!;
      if (v < 0) sentNeg[s.index] -= v;
      else sentPos[s.index] += v;
      sentLex[s.index] |= lex[i]!;
      if (t.kind[i] === K_PUNCT) {
        const c = doc.text.charCodeAt(t.start[i]!);
        if (c === 33) m |= 1;
        else if (c === 63) m |= 2;
        else if (c === 34) m |= 4;
      }
    }
    if (doc.headline && doc.headline.sentence === s.index) m |= 8;
    sentMark[s.index] = m;
  }
  const stopIdx = table.lists.indexOf('stopwords');
  return { doc, n, wh, valence, lex, count, inQuote, sentNeg, sentPos, sentMark, sentLex, tags: [], masked, stopBit: stopIdx >= 0 ? 1 << stopIdx : 0, sentScore: null, docScore: 0, stamp: 0 };
}

const bucket = (x: number, edges: readonly number[]): number => {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return k;
};

const LEN_EDGES = [4, 8, 13, 20, 30, 45];
const VAL_EDGES = [0.5, 1.5, 3, 5, 8];
const POS_EDGES = [1, 2, 3, 5, 8, 13];
const COUNT_EDGES = [2, 3, 5, 9];
const SENT_EDGES = [1, 2, 3, 5, 10, 20];

function shapeOf(doc: Doc, i: number): number {
  const t = doc.tokens;
  const k = t.kind[i]!;
  if (k === K_WORD) return t.flags[i]! & F_UPPER ? 3 : t.flags[i]! & F_CAP ? 2 : 1;
  if (k === K_NUMBER) return 4;
  if (k === K_HASHTAG) return 5;
  if (k === K_PUNCT) return 16 + Math.min(doc.text.charCodeAt(t.start[i]!), 255);
  return 6;
}

const NAME_HASH = 0x4e414d45;
const BOS = 0x0b05;
const EOS = 0x0e05;

/**
 * Token features for the tagger, appended to `out` for token i: the token's own features, then those
 * of its sentence. Features are template-tagged hashes (the caller masks them to the table size).
 */
export function tokenFeatures(v: DocView, i: number, out: number[]): void {
  tokenOwnFeatures(v, i, out);
  sentenceSharedFeatures(v, v.doc.tokenSentence[i]!, out);
}

/**
 * The features every token of sentence si carries alike (its length, tone, marks, position, word
 * lists, first word). Inference sums their weights once per sentence instead of once per token.
 */
export function sentenceSharedFeatures(v: DocView, si: number, out: number[]): void {
  const s = v.doc.sentences[si]!;
  // Sentence shape and tone, shared by every token of the sentence.
  const sLen = s.tokenEnd - s.tokenStart;
  const lb = bucket(sLen, LEN_EDGES);
  out.push(mix(17, lb));
  const nb1 = bucket(v.sentNeg[si]!, VAL_EDGES);
  const pb1 = bucket(v.sentPos[si]!, VAL_EDGES);
  out.push(mix(18, nb1), mix(19, pb1), mix3(20, nb1, lb));
  const mark = v.sentMark[si]!;
  out.push(mix(21, mark));
  out.push(mix(25, bucket(si, SENT_EDGES)));
  const sl = v.sentLex[si]!;
  for (let b = 0; b < 32; b++) if (sl & (1 << b)) out.push(mix(32, b));
  out.push(mix(31, v.wh[s.tokenStart]!));
}

/** The features of token i that are its own (words, shapes, valence, lists, position, quotes, repetition). */
export function tokenOwnFeatures(v: DocView, i: number, out: number[]): void {
  const doc = v.doc;
  const t = doc.tokens;
  const si = doc.tokenSentence[i]!;
  const s = doc.sentences[si]!;
  const w = (k: number) => (k < s.tokenStart ? BOS : k >= s.tokenEnd ? EOS : v.wh[k]!);
  const w0 = v.wh[i]!;
  const wm1 = w(i - 1);
  const wp1 = w(i + 1);
  out.push(mix(1, 1));
  out.push(mix(2, w0), mix(3, wm1), mix(4, wp1), mix(5, w(i - 2)), mix(6, w(i + 2)));
  out.push(mix3(7, wm1, w0), mix3(8, w0, wp1), mix3(9, wm1, wp1));
  const sh = shapeOf(doc, i);
  const shm = i > s.tokenStart ? shapeOf(doc, i - 1) : 0;
  const shp = i + 1 < s.tokenEnd ? shapeOf(doc, i + 1) : 0;
  out.push(mix(11, sh), mix3(12, mix(shm, sh), shp));
  const len = t.end[i]! - t.start[i]!;
  if (t.kind[i] === K_WORD && len > 4 && !v.masked[i]) {
    const low = doc.text.slice(t.start[i]! + len - 3, t.end[i]!).toLowerCase();
    out.push(mix(10, hashString(low)));
  }
  const val = v.valence[i]!;
  if (val !== 0) out.push(mix(13, Math.round(val * 2)));
  let maxAbs = 0;
  for (let k = Math.max(s.tokenStart, i - 2); k <= Math.min(s.tokenEnd - 1, i + 2); k++) maxAbs = Math.max(maxAbs, Math.abs(v.valence[k]!));
  out.push(mix(14, Math.round(maxAbs * 2)));
  const lx = v.lex[i]!;
  for (let b = 0; b < 32; b++) if (lx & (1 << b)) out.push(mix(15, b));
  const nb = (i > s.tokenStart ? v.lex[i - 1]! : 0) | (i + 1 < s.tokenEnd ? v.lex[i + 1]! : 0);
  for (let b = 0; b < 32; b++) if (nb & (1 << b)) out.push(mix(16, b));
  const fromStart = bucket(i - s.tokenStart, POS_EDGES);
  const toEnd = bucket(s.tokenEnd - 1 - i, POS_EDGES);
  out.push(mix3(22, fromStart, toEnd));
  out.push(mix3(23, v.inQuote[i]!, i > 0 ? v.inQuote[i - 1]! : 0));
  out.push(mix3(33, v.wh[s.tokenStart]!, fromStart));
  // Repetition of content words within the document.
  if (t.kind[i] === K_WORD && !(lx & v.stopBit) && len > 2) {
    const cb = bucket(v.count[i]!, COUNT_EDGES);
    out.push(mix(26, cb), mix3(27, cb, sh));
  }
  if ((t.flags[i]! & F_CAP) && i > s.tokenStart) out.push(mix(28, sh));
  const tags = v.tags[i];
  if (tags) for (const g of tags) out.push(mix(30, g));
  if (v.sentScore) {
    const q = Math.round(v.sentScore[si]! * 10);
    out.push(mix(40, q), mix3(41, q, fromStart), mix3(42, q, sh), mix3(44, q, toEnd));
    out.push(mix(43, Math.round(v.docScore * 20)));
  }
}

/** Features of a whole sentence for the stage-one sentence classifier. */
export function sentenceFeatures(v: DocView, si: number, out: number[]): void {
  const doc = v.doc;
  const t = doc.tokens;
  const s = doc.sentences[si]!;
  out.push(mix(200, 1));
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    out.push(mix(201, v.wh[k]!));
    if (k + 1 < s.tokenEnd) out.push(mix3(202, v.wh[k]!, v.wh[k + 1]!));
    if (t.kind[k] === K_WORD && (t.flags[k]! & F_UPPER)) out.push(mix(203, 1));
  }
  const sl = v.sentLex[si]!;
  for (let b = 0; b < 32; b++) if (sl & (1 << b)) out.push(mix(204, b));
  out.push(mix(205, bucket(v.sentNeg[si]!, VAL_EDGES)), mix(206, bucket(v.sentPos[si]!, VAL_EDGES)));
  out.push(mix(207, v.sentMark[si]!), mix(208, bucket(s.tokenEnd - s.tokenStart, LEN_EDGES)), mix(209, bucket(si, SENT_EDGES)));
  out.push(mix(210, s.tokenEnd > s.tokenStart ? v.wh[s.tokenStart]! : 0));
  let q = 0;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) q += v.inQuote[k]!;
  out.push(mix(211, Math.round((q / Math.max(1, s.tokenEnd - s.tokenStart)) * 4)));
}

/** Features of a candidate span [a, b) of tokens (canonical char range cs..ce) for the technique classifier. */
export function spanFeatures(v: DocView, a: number, b: number, out: number[], textCount?: (lower: string) => number): void {
  const doc = v.doc;
  const t = doc.tokens;
  const n = b - a;
  out.push(mix(100, 1));
  for (let k = a; k < b; k++) {
    out.push(mix(101, v.wh[k]!));
    if (k + 1 < b) out.push(mix3(102, v.wh[k]!, v.wh[k + 1]!));
  }
  out.push(mix(103, v.wh[a]!), mix(104, v.wh[b - 1]!));
  const before = (k: number) => (a - k >= 0 ? v.wh[a - k]! : BOS);
  const after = (k: number) => (b - 1 + k < v.n ? v.wh[b - 1 + k]! : EOS);
  out.push(mix(105, before(1)), mix3(106, before(2), before(1)), mix(107, after(1)), mix3(108, after(1), after(2)));
  for (let k = 2; k <= 4; k++) out.push(mix(109, before(k)), mix(110, after(k)));
  const cs = t.start[a]!;
  const ce = t.end[b - 1]!;
  const text = doc.text.slice(cs, Math.min(ce, cs + 400)).toLowerCase();
  // Character n-grams read names as a placeholder too.
  const pieces: string[] = [];
  for (let k = a; k < b && t.start[k]! < cs + 400; k++) pieces.push(v.masked[k] ? '\u00a7' : doc.text.slice(t.start[k]!, t.end[k]!).toLowerCase());
  const padded = ` ${pieces.join(' ')} `;
  for (let k = 0; k + 4 <= padded.length; k++) out.push(mix(111, hashString(padded.slice(k, k + 4))));
  const nb = bucket(n, [2, 3, 4, 6, 9, 14, 20, 30, 45]);
  out.push(mix(112, nb));
  if (textCount) out.push(mix3(113, bucket(textCount(text), [2, 3, 4, 6]), Math.min(n, 4)));
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
    if (t.kind[k] === K_PUNCT) out.push(mix(114, doc.text.charCodeAt(t.start[k]!)));
    if (t.kind[k] === K_HASHTAG) out.push(mix(115, 1));
  }
  out.push(mix3(116, bucket(maxCount, COUNT_EDGES), Math.min(n, 4)));
  out.push(mix(117, bucket(neg, VAL_EDGES)), mix(118, bucket(pos, VAL_EDGES)));
  for (let bit = 0; bit < 32; bit++) if (lx & (1 << bit)) out.push(mix(119, bit));
  if (upper > 0) out.push(mix(120, Math.min(upper, 3)));
  if (words > 0) out.push(mix(121, Math.round((caps / words) * 4)));
  const s0 = doc.sentences[doc.tokenSentence[a]!]!;
  const s1 = doc.sentences[doc.tokenSentence[b - 1]!]!;
  const cover = n / Math.max(1, s1.tokenEnd - s0.tokenStart);
  out.push(mix(122, Math.round(cover * 5)));
  out.push(mix3(123, a === s0.tokenStart ? 1 : 0, b === s1.tokenEnd ? 1 : 0));
  out.push(mix(124, s1.index - s0.index > 0 ? 1 : 0));
  out.push(mix3(125, v.inQuote[a]!, v.inQuote[b - 1]!));
  out.push(mix(126, v.sentMark[s0.index]!));
  out.push(mix(127, bucket(s0.index, SENT_EDGES)));
  const tags = new Set<number>();
  for (let k = a; k < b; k++) for (const g of v.tags[k] ?? []) tags.add(g);
  for (const g of tags) out.push(mix(128, g));
}

/** Counts non-overlapping occurrences of a lowercased phrase in a lowercased text. */
export function countOccurrences(lowerText: string, phrase: string): number {
  if (phrase.length === 0) return 0;
  let n = 0;
  for (let i = lowerText.indexOf(phrase); i !== -1; i = lowerText.indexOf(phrase, i + phrase.length)) n++;
  return n;
}
