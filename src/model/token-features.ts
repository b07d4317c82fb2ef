/**
 * The tagger's features of a token: its own (words around it, shapes, valence, lists, position,
 * quotes, repetition, rule tags, stage-one scores) and those its sentence shares with every token.
 */
import { F_CAP, K_WORD } from '../text/tokenise.js';
import { bucket, EDGES, posBucket } from './buckets.js';
import type { DocView } from './doc-view.js';
import type { FeatureBuffer } from './feature-buffer.js';
import { fmix32, FNV_SEED, hashString, mix, mix3 } from './hash.js';
import { SHARED_TEMPLATES, T as TOKEN_TEMPLATE_IDS, TOKEN_MAX_FEATURES } from './templates.js';
import { LOADED_MIXES, WORD_LAYOUT, type WordCache, type WordSums } from './word-cache.js';

// Constants of this module's own, read for every token (see WORD_LAYOUT).
const { LM, L_SELF, L_PREV, L_NEXT, EDGE_LEVEL, KM, K_SELF, K_PREV, K_NEXT, BOS_SLOT, C_COARSE, C_NEXT, C_PREV, C_SELF, CM, EOS, EOS_SLOT, W_BI_NEXT, W_BI_PREV, W_FIRST, W_NEXT, W_NEXT2, W_PREV, W_PREV2, W_SELF, W_SKIP, WM } = WORD_LAYOUT;
const { COUNT_EDGES, LEN_EDGES, SENT_EDGES, VAL_EDGES } = EDGES;
const T = TOKEN_TEMPLATE_IDS;
const S = SHARED_TEMPLATES;
const ROOM = TOKEN_MAX_FEATURES;

/** mix(template, x) for x in 0..size-1: small-valued features become a table lookup. */
function mixTable(template: number, size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, x) => mix(template, x));
}
const SHAPES = 272;
const M11 = mixTable(T.shape, SHAPES);
const M28 = mixTable(T.capitalShape, SHAPES);
const M14 = mixTable(T.nearValence, 16);
const M15 = mixTable(T.listBit, 32);
const M16 = mixTable(T.neighbourListBit, 32);
const M26 = mixTable(T.repeatCount, COUNT_EDGES.length + 1);
const M27 = mixTable(T.repeatCountShape, COUNT_EDGES.length + 1);
const M32 = mixTable(S.sentListBit, 32);
/** mix3(T.position, fromStart, toEnd) at [fromStart * 8 + toEnd]. */
const M22 = Uint32Array.from({ length: 64 }, (_, x) => mix3(T.position, x >> 3, x & 7));
/** mix3(T.quote, inQuote, previous inQuote) at [a * 2 + b]. */
const M23 = Uint32Array.from({ length: 4 }, (_, x) => mix3(T.quote, x >> 1, x & 1));
const M1 = mix(T.bias, 1);
/** mix(T.valence, q) for a valence q = round(2 x valence) in -8..8, at [q + 8]. */
const M13 = Uint32Array.from({ length: 17 }, (_, x) => mix(T.valence, x - 8));
/** mix(M27[countBucket], shape) at [countBucket * SHAPES + shape]. */
const M27S = Uint32Array.from({ length: M27.length * SHAPES }, (_, x) => mix(M27[Math.floor(x / SHAPES)]!, x % SHAPES));
/** mix(T.ruleTag, tag) for rule tags 0..255 (two per technique). */
const M30 = mixTable(T.ruleTag, 256);
/**
 * mix(T.shapeTrigram, mix(previous shape, shape)), the first two steps of the shape-trigram feature, filled as
 * pairs appear (a few dozen do), at [previous * SHAPES + shape].
 */
const M12 = new Uint32Array(SHAPES * SHAPES);
const M12_FILLED = new Uint8Array(SHAPES * SHAPES);

function shapePair(prev: number, shape: number): number {
  const k = prev * SHAPES + shape;
  if (M12_FILLED[k] === 0) {
    M12[k] = mix(T.shapeTrigram, mix(prev, shape));
    M12_FILLED[k] = 1;
  }
  return M12[k]!;
}

/** Pushes mix(template, bit) for every set bit of `bits`, lowest first. */
function pushBits(out: FeatureBuffer, bits: number, table: Uint32Array): void {
  for (let x = bits | 0; x !== 0; x &= x - 1) out.push(table[31 - Math.clz32(x & -x)]!);
}

const lowerAsciiUnit = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * The bits of hashString(text.slice(e - 3, e).toLowerCase()) as a signed integer (a feature input:
 * see fmix32), without building the strings when they are ASCII.
 */
export function suffixHash(text: string, e: number): number {
  const c1 = text.charCodeAt(e - 3);
  const c2 = text.charCodeAt(e - 2);
  const c3 = text.charCodeAt(e - 1);
  if ((c1 | c2 | c3) >= 128) return hashString(text.slice(e - 3, e).toLowerCase()) | 0;
  let h = FNV_SEED;
  h = Math.imul(h ^ lowerAsciiUnit(c1), 0x01000193);
  h = Math.imul(h ^ lowerAsciiUnit(c2), 0x01000193);
  h = Math.imul(h ^ lowerAsciiUnit(c3), 0x01000193);
  return fmix32(h);
}

/**
 * Token features for the tagger, appended to `out` for token i: the token's own features, then those
 * of its sentence. Features are template-tagged hashes (the buffer masks them to the table size).
 */
export function tokenFeatures(v: DocView, i: number, out: FeatureBuffer): void {
  tokenOwnFeatures(v, i, out);
  sentenceSharedFeatures(v, v.doc.tokenSentence[i]!, out);
}

/**
 * The features every token of sentence si carries alike (its length, tone, marks, position, word
 * lists, first word). Inference sums their weights once per sentence instead of once per token.
 */
export function sentenceSharedFeatures(v: DocView, si: number, out: FeatureBuffer): void {
  const s = v.doc.sentences[si]!;
  // Sentence shape and tone, shared by every token of the sentence.
  const sLen = s.tokenEnd - s.tokenStart;
  const lb = bucket(sLen, LEN_EDGES);
  out.push(mix(S.sentLength, lb));
  const nb1 = bucket(v.sentNeg[si]!, VAL_EDGES);
  const pb1 = bucket(v.sentPos[si]!, VAL_EDGES);
  out.push(mix(S.sentNegative, nb1));
  out.push(mix(S.sentPositive, pb1));
  out.push(mix3(S.sentNegativeLength, nb1, lb));
  out.push(mix(S.sentMarks, v.sentMark[si]!));
  out.push(mix(S.sentIndex, bucket(si, SENT_EDGES)));
  pushBits(out, v.sentLex[si]!, M32);
  out.push(mix(S.sentFirstWord, v.wh[s.tokenStart]!));
}

/**
 * The features of token i that are its own (words, shapes, valence, lists, position, quotes,
 * repetition). With `wordSums` (inference with 16-bit weights), the bias and the five templates of
 * single words around the token are left out: wordTemplateSums supplies their weights per token.
 */
export function tokenOwnFeatures(v: DocView, i: number, out: FeatureBuffer, wordSums = false): void {
  const doc = v.doc;
  const t = doc.tokens;
  const si = doc.tokenSentence[i]!;
  const s = doc.sentences[si]!;
  const first = s.tokenStart;
  const end = s.tokenEnd;
  const pool = v.words.pool;
  const slot = v.slot;
  const hasPrev = i > first;
  const hasNext = i + 1 < end;
  const self = slot[i]! * WM;
  const prev = (hasPrev ? slot[i - 1]! : BOS_SLOT) * WM;
  const w0 = v.wh[i]!;
  const wp1 = hasNext ? v.wh[i + 1]! : EOS;
  const tags = v.tags[i];
  // Written straight into the buffer (room for the most a token can have), masked as push() does.
  const room = ROOM + (tags ? tags.length : 0);
  const d = out.reserve(room);
  const m = out.mask;
  let n = out.length;
  const limit = n + room;
  if (!wordSums) {
    d[n++] = M1 & m;
    d[n++] = pool[self + W_SELF]! & m;
    d[n++] = pool[prev + W_PREV]! & m;
    d[n++] = pool[(hasNext ? slot[i + 1]! : EOS_SLOT) * WM + W_NEXT]! & m;
    d[n++] = pool[(i - 2 >= first ? slot[i - 2]! : BOS_SLOT) * WM + W_PREV2]! & m;
    d[n++] = pool[(i + 2 < end ? slot[i + 2]! : EOS_SLOT) * WM + W_NEXT2]! & m;
    if (v.words.clustered) {
      // Word clusters (one word each, so wordTemplateSums folds them into the per-word sums too).
      const cp = v.words.cpool;
      d[n++] = cp[slot[i]! * CM + C_SELF]! & m;
      d[n++] = cp[(hasPrev ? slot[i - 1]! : BOS_SLOT) * CM + C_PREV]! & m;
      d[n++] = cp[(hasNext ? slot[i + 1]! : EOS_SLOT) * CM + C_NEXT]! & m;
      d[n++] = cp[slot[i]! * CM + C_COARSE]! & m;
    }
    if (v.words.classed) {
      // WordNet classes, folded into the per-word sums like the clusters.
      const kp = v.words.kpool;
      d[n++] = kp[slot[i]! * KM + K_SELF]! & m;
      d[n++] = kp[(hasPrev ? slot[i - 1]! : BOS_SLOT) * KM + K_PREV]! & m;
      d[n++] = kp[(hasNext ? slot[i + 1]! : EOS_SLOT) * KM + K_NEXT]! & m;
    }
    const lv = v.loadLevel;
    if (lv) {
      // Cross-fitted levels of a training document: the same mixes as the word cache's.
      const E1 = EDGE_LEVEL + 1;
      d[n++] = LOADED_MIXES[L_SELF * E1 + lv[i]!]! & m;
      d[n++] = LOADED_MIXES[L_PREV * E1 + (hasPrev ? lv[i - 1]! : EDGE_LEVEL)]! & m;
      d[n++] = LOADED_MIXES[L_NEXT * E1 + (hasNext ? lv[i + 1]! : EDGE_LEVEL)]! & m;
    } else if (v.words.leveled) {
      // Loaded-word levels, folded into the per-word sums like the clusters.
      const lp = v.words.lpool;
      d[n++] = lp[slot[i]! * LM + L_SELF]! & m;
      d[n++] = lp[(hasPrev ? slot[i - 1]! : BOS_SLOT) * LM + L_PREV]! & m;
      d[n++] = lp[(hasNext ? slot[i + 1]! : EOS_SLOT) * LM + L_NEXT]! & m;
    }
  }
  // Bigrams: mix3(k, a, b) === mix(mix(k, a), b), the first half cached per word.
  d[n++] = mix(pool[prev + W_BI_PREV]!, w0) & m;
  d[n++] = mix(pool[self + W_BI_NEXT]!, wp1) & m;
  d[n++] = mix(pool[prev + W_SKIP]!, wp1) & m;
  const sh = v.shape[i]!;
  const shm = hasPrev ? v.shape[i - 1]! : 0;
  const shp = hasNext ? v.shape[i + 1]! : 0;
  d[n++] = M11[sh]! & m;
  d[n++] = mix(shapePair(shm, sh), shp) & m;
  const len = t.end[i]! - t.start[i]!;
  const kind = t.kind[i];
  if (kind === K_WORD && len > 4 && !v.masked[i]) d[n++] = mix(T.suffix, suffixHash(doc.text, t.end[i]!)) & m;
  const valence = v.valence;
  const val = valence[i]!;
  if (val !== 0) {
    const q = Math.round(val * 2);
    d[n++] = (q >= -8 && q <= 8 ? M13[q + 8]! : mix(T.valence, q)) & m;
  }
  let maxAbs = 0;
  for (let k = Math.max(first, i - 2); k <= Math.min(end - 1, i + 2); k++) maxAbs = Math.max(maxAbs, Math.abs(valence[k]!));
  const qa = Math.round(maxAbs * 2);
  d[n++] = (qa < M14.length ? M14[qa]! : mix(T.nearValence, qa)) & m;
  const lx = v.lex[i]!;
  // mix(template, bit) for every set bit, lowest first (as pushBits).
  for (let x = lx | 0; x !== 0; x &= x - 1) d[n++] = M15[31 - Math.clz32(x & -x)]! & m;
  for (let x = (hasPrev ? v.lex[i - 1]! : 0) | (hasNext ? v.lex[i + 1]! : 0) | 0; x !== 0; x &= x - 1) d[n++] = M16[31 - Math.clz32(x & -x)]! & m;
  const fromStart = posBucket(i - first);
  const toEnd = posBucket(end - 1 - i);
  d[n++] = M22[fromStart * 8 + toEnd]! & m;
  d[n++] = M23[v.inQuote[i]! * 2 + (i > 0 ? v.inQuote[i - 1]! : 0)]! & m;
  d[n++] = mix(pool[slot[first]! * WM + W_FIRST]!, fromStart) & m;
  // Repetition of content words within the document.
  if (kind === K_WORD && !(lx & v.stopBit) && len > 2) {
    const cb = bucket(v.count[i]!, COUNT_EDGES);
    d[n++] = M26[cb]! & m;
    d[n++] = M27S[cb * SHAPES + sh]! & m;
  }
  if (t.flags[i]! & F_CAP && hasPrev) d[n++] = M28[sh]! & m;
  if (tags) for (const g of tags) d[n++] = (g >= 0 && g < M30.length ? M30[g]! : mix(T.ruleTag, g)) & m;
  if (v.sentScore) {
    const q = Math.round(v.sentScore[si]! * 10);
    d[n++] = mix(T.sentScore, q) & m;
    d[n++] = mix3(T.sentScoreFromStart, q, fromStart) & m;
    d[n++] = mix3(T.sentScoreShape, q, sh) & m;
    d[n++] = mix3(T.sentScoreToEnd, q, toEnd) & m;
    d[n++] = mix(T.docScore, Math.round(v.docScore * 20)) & m;
  }
  // Writes past the reserved room would be dropped silently by the typed array: fail instead (a
  // template added here without its `most` in TOKEN_TEMPLATES).
  if (n > limit) throw new Error(`tokenOwnFeatures wrote ${n - limit} features more than TOKEN_TEMPLATES allow: give the new template its \`most\``);
  out.length = n;
}

/** The word templates whose weights wordTemplateSums adds up per word: W_SELF, W_PREV, W_NEXT, W_PREV2, W_NEXT2. */
const SUMMED = [W_SELF, W_PREV, W_NEXT, W_PREV2, W_NEXT2] as const;
/** Cluster templates added to the summed entry of the same offset: [index in SUMMED, cluster template]. */
const CLUSTER_SUMMED = [
  [0, C_SELF],
  [0, C_COARSE],
  [1, C_PREV],
  [2, C_NEXT],
] as const;
/** Class templates added to the summed entry of the same offset: [index in SUMMED, class template]. */
const CLASS_SUMMED = [
  [0, K_SELF],
  [1, K_PREV],
  [2, K_NEXT],
] as const;
/** Level templates added to the summed entry of the same offset: [index in SUMMED, level template]. */
const LEVEL_SUMMED = [
  [0, L_SELF],
  [1, L_PREV],
  [2, L_NEXT],
] as const;
/** Per slot: the three label weights of each summed template (15 integers). */
const PER_SLOT = SUMMED.length * 3;

/** A tagger's summed word-template weights for the words of one word cache, filled as words appear. */
function sumsFor(cache: WordCache, emission: Int16Array, mask: number): WordSums {
  let ws = cache.sums.get(emission);
  if (!ws || ws.mask !== mask) cache.sums.set(emission, (ws = { mask, sums: new Int32Array(0), filled: new Uint8Array(0) }));
  if (ws.filled.length < cache.used) {
    const size = Math.max(cache.used, ws.filled.length * 2, 1024);
    const sums = new Int32Array(size * PER_SLOT);
    sums.set(ws.sums);
    const filled = new Uint8Array(size);
    filled.set(ws.filled);
    ws.sums = sums;
    ws.filled = filled;
  }
  return ws;
}

/**
 * For inference with 16-bit tagger weights (three labels): out[3i + y] = the weights for label y of
 * the features of token i that tokenOwnFeatures leaves out with `wordSums` (the bias and the single
 * words at offsets 0, -1, +1, -2, +2). Those depend on one word each, so each word's weights are
 * gathered from the large emission table once per word cache instead of once per token. Integer
 * sums are exact in any order: the tagger's scores are the same to the bit.
 */
export function wordTemplateSums(v: DocView, emission: Int16Array, mask: number, out: Int32Array): void {
  const ws = sumsFor(v.words, emission, mask);
  const { sums, filled } = ws;
  const pool = v.words.pool;
  const slot = v.slot;
  const cp = v.words.clustered ? v.words.cpool : null;
  const kp = v.words.classed ? v.words.kpool : null;
  const lp = v.words.leveled ? v.words.lpool : null;
  const fill = (sl: number) => {
    for (let q = 0; q < SUMMED.length; q++) {
      const row = (pool[sl * WM + SUMMED[q]!]! & mask) * 3;
      for (let y = 0; y < 3; y++) sums[sl * PER_SLOT + q * 3 + y] = emission[row + y]!;
    }
    if (cp) {
      // The cluster templates ride on the word at the same offset: 0 (fine and coarse), -1, +1.
      for (const [q, c] of CLUSTER_SUMMED) {
        const row = (cp[sl * CM + c]! & mask) * 3;
        for (let y = 0; y < 3; y++) sums[sl * PER_SLOT + q * 3 + y] += emission[row + y]!;
      }
    }
    if (kp) {
      for (const [q, c] of CLASS_SUMMED) {
        const row = (kp[sl * KM + c]! & mask) * 3;
        for (let y = 0; y < 3; y++) sums[sl * PER_SLOT + q * 3 + y] += emission[row + y]!;
      }
    }
    if (lp) {
      for (const [q, c] of LEVEL_SUMMED) {
        const row = (lp[sl * LM + c]! & mask) * 3;
        for (let y = 0; y < 3; y++) sums[sl * PER_SLOT + q * 3 + y] += emission[row + y]!;
      }
    }
    filled[sl] = 1;
  };
  if (!filled[BOS_SLOT]) fill(BOS_SLOT);
  if (!filled[EOS_SLOT]) fill(EOS_SLOT);
  const bias = (M1 & mask) * 3;
  const c0 = emission[bias]!;
  const c1 = emission[bias + 1]!;
  const c2 = emission[bias + 2]!;
  for (let i = 0; i < v.n; i++) if (!filled[slot[i]!]) fill(slot[i]!);
  for (const s of v.doc.sentences) {
    const first = s.tokenStart;
    const end = s.tokenEnd;
    for (let i = first; i < end; i++) {
      const a = slot[i]! * PER_SLOT;
      const b = (i > first ? slot[i - 1]! : BOS_SLOT) * PER_SLOT + 3;
      const c = (i + 1 < end ? slot[i + 1]! : EOS_SLOT) * PER_SLOT + 6;
      const d = (i - 2 >= first ? slot[i - 2]! : BOS_SLOT) * PER_SLOT + 9;
      const e = (i + 2 < end ? slot[i + 2]! : EOS_SLOT) * PER_SLOT + 12;
      out[i * 3] = c0 + sums[a]! + sums[b]! + sums[c]! + sums[d]! + sums[e]!;
      out[i * 3 + 1] = c1 + sums[a + 1]! + sums[b + 1]! + sums[c + 1]! + sums[d + 1]! + sums[e + 1]!;
      out[i * 3 + 2] = c2 + sums[a + 2]! + sums[b + 2]! + sums[c + 2]! + sums[d + 2]! + sums[e + 2]!;
    }
  }
}
