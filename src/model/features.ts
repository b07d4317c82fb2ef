/**
 * Features of tokens (for the span tagger) and of spans (for the technique classifier), as hashed
 * bucket indices. Everything derives from the segmented Doc (canonical text, tokens, sentences,
 * quotes) and the frozen lexicon table, so training and inference compute the same thing.
 */
import type { Doc } from '../text/segment.js';
import { F_CAP, F_UPPER, K_HASHTAG, K_NUMBER, K_PUNCT, K_WORD, tokenLower } from '../text/tokenise.js';
import { fmix, fmix32, FNV_SEED, fnvUpdate, hashString, mix, mix3 } from './hash.js';
import { isOrdinaryWord, lookupWord, mayStartPhrase, PARTY_BIT, type LexiconTable } from './lexicon-table.js';

/**
 * Where feature functions write: hashed features, masked to the table size as they are pushed, in a
 * growable typed array (no boxed numbers, no copy to mask them afterwards).
 */
export class FeatureBuffer {
  data: Uint32Array;
  length = 0;
  constructor(
    public mask = 0xffffffff,
    capacity = 256,
  ) {
    this.data = new Uint32Array(capacity);
  }

  push(h: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = (h & this.mask) >>> 0;
  }

  /** Makes room for `k` more entries; returns the (possibly new) data array to write them to. */
  reserve(k: number): Uint32Array {
    if (this.length + k > this.data.length) {
      const bigger = new Uint32Array(Math.max(this.data.length * 2, this.length + k));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    return this.data;
  }

  /** Empties the buffer, optionally with a new mask. */
  reset(mask = this.mask): void {
    this.length = 0;
    this.mask = mask;
  }

  /** A copy of what was pushed since position `from`. */
  copy(from = 0): Uint32Array {
    return this.data.slice(from, this.length);
  }
}

/** Per-token facts computed once per document. */
export interface DocView {
  doc: Doc;
  n: number;
  /** Lowercased word hash of every token. */
  wh: Uint32Array;
  /**
   * Per token, its word's slot in the word cache `words`, whose pool holds the word's hash mixed with
   * each of WORD_TEMPLATES (WORD_TEMPLATES.length values from slot * WORD_TEMPLATES.length). Names
   * share NAME_SLOT.
   */
  slot: Int32Array;
  /** The word cache the slots belong to (it only grows: later documents' words never move these). */
  words: WordCache;
  /** Per token, its shape (word case, number, hashtag, which punctuation mark). */
  shape: Uint16Array;
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

/** Per-slot flags of a cached word. */
const W_ORDINARY = 1;
/** Some multi-word term of the table may begin with the word. */
const W_STARTS = 2;
/** The word is longer than one unit. */
const W_LONG = 4;

/**
 * Word lookups cached per table (two models with different tables never share an entry), by string
 * and by global vocab id. A word's facts live in slot-indexed typed arrays (its hash, valence, list
 * mask, flags, the FNV state after the word and a space where multi-word terms starting with it
 * continue) and its WORD_TEMPLATES mixes in one flat pool: a document's words are read from a few
 * dense arrays, not from an object per word scattered over the heap, and a 100k-word cache costs no
 * typed array per word. The first slots hold the sentence edges' and names' mixes.
 */
export interface WordCache {
  slotByString: Map<string, number>;
  /** Slot + 1 by global vocab id (0: not looked up yet). */
  byId: Int32Array;
  pool: Uint32Array;
  hash: Uint32Array;
  valence: Float32Array;
  mask: Uint32Array;
  flags: Uint8Array;
  phrase: Int32Array;
  /** Slots in use. */
  used: number;
  /** Per-word sums of a tagger's word-template weights (wordTemplateSums), by emission table. */
  sums: Map<Int16Array, WordSums>;
}
let wordCaches = new WeakMap<LexiconTable, WordCache>();
const CACHE_LIMIT = 50_000;

function newCache(): WordCache {
  const size = 4096;
  const cache: WordCache = {
    slotByString: new Map(),
    byId: new Int32Array(0),
    pool: new Uint32Array(size * WM),
    hash: new Uint32Array(size),
    valence: new Float32Array(size),
    mask: new Uint32Array(size),
    flags: new Uint8Array(size),
    phrase: new Int32Array(size),
    used: 0,
    sums: new Map(),
  };
  for (const h of [BOS, EOS, NAME_HASH]) newSlot(cache, h);
  return cache;
}

/** The table's cache, started afresh when it has grown past the limit (only between documents, so offsets stay valid within one). */
function cacheFor(table: LexiconTable): WordCache {
  let cache = wordCaches.get(table);
  if (!cache || cache.slotByString.size >= CACHE_LIMIT) wordCaches.set(table, (cache = newCache()));
  return cache;
}

/** The slot of a (lowercased) word, looked up and stored on first sight. */
function wordSlot(cache: WordCache, table: LexiconTable, w: string): number {
  let slot = cache.slotByString.get(w);
  if (slot === undefined) {
    const h = hashString(w);
    slot = newSlot(cache, h);
    const { valence, mask } = lookupWord(table, w, h);
    const starts = mayStartPhrase(table, h);
    cache.valence[slot] = valence;
    cache.mask[slot] = mask;
    cache.flags[slot] = (isOrdinaryWord(table, h) ? W_ORDINARY : 0) | (starts ? W_STARTS : 0) | (w.length > 1 ? W_LONG : 0);
    cache.phrase[slot] = starts ? fnvUpdate(fnvUpdate(FNV_SEED, w), ' ') : 0;
    cache.slotByString.set(w, slot);
  }
  return slot;
}

/** Takes the next slot for a word of hash h (its mixes stored, its other facts zero); returns it. */
function newSlot(cache: WordCache, h: number): number {
  if (cache.used === cache.hash.length) {
    const size = cache.hash.length * 2;
    const grow = <T extends Uint32Array | Int32Array | Float32Array | Uint8Array>(a: T, make: (n: number) => T, n: number): T => {
      const bigger = make(n);
      bigger.set(a);
      return bigger;
    };
    cache.pool = grow(cache.pool, (n) => new Uint32Array(n), size * WM);
    cache.hash = grow(cache.hash, (n) => new Uint32Array(n), size);
    cache.valence = grow(cache.valence, (n) => new Float32Array(n), size);
    cache.mask = grow(cache.mask, (n) => new Uint32Array(n), size);
    cache.flags = grow(cache.flags, (n) => new Uint8Array(n), size);
    cache.phrase = grow(cache.phrase, (n) => new Int32Array(n), size);
  }
  const slot = cache.used++;
  cache.pool.set(wordMixes(h), slot * WM);
  cache.hash[slot] = h;
  return slot;
}

/**
 * The slot of token i's word: by its global vocab id when it has one (no string lookup), else by
 * string. The word's string is read only when it is not cached yet.
 */
function tokenSlot(cache: WordCache, table: LexiconTable, t: Doc['tokens'], i: number, local: Int32Array): number {
  const id = t.id[i]!;
  // Words outside the global vocab have document-local ids: one string lookup per word and document.
  if (id < 0) {
    const known = local[-id - 2]!;
    if (known > 0) return known - 1;
    const slot = wordSlot(cache, table, tokenLower(t, i));
    local[-id - 2] = slot + 1;
    return slot;
  }
  if (id >= cache.byId.length) {
    const bigger = new Int32Array(Math.max(id + 1, cache.byId.length * 2, 1024));
    bigger.set(cache.byId);
    cache.byId = bigger;
  }
  const known = cache.byId[id]!;
  if (known > 0) return known - 1;
  const slot = wordSlot(cache, table, tokenLower(t, i));
  cache.byId[id] = slot + 1;
  return slot;
}

let localScratch = new Int32Array(256);

/** Clears the word cache (a different lexicon table must not see cached lookups). */
export function resetFeatureCache(): void {
  wordCaches = new WeakMap();
}

/** The lexicon table's term index as an open-addressing typed table: hash -> entry, no boxed keys. */
interface TermSlots {
  keys: Uint32Array;
  /** Entry index + 1; 0 marks an empty slot. */
  vals: Int32Array;
  mask: number;
  /**
   * One bit per hash value modulo its size, set for every term: nearly every phrase looked up is no
   * term, and this 16 KB filter answers that without touching the slots (256 KB, out of cache once
   * the rules and report layers have run between two documents).
   */
  filter: Int32Array;
}
const FILTER_BITS = 1 << 17;
const termSlots = new WeakMap<LexiconTable, TermSlots>();

function slotsFor(table: LexiconTable): TermSlots {
  let ts = termSlots.get(table);
  if (ts) return ts;
  let size = 16;
  while (size < table.index.size * 2) size *= 2;
  ts = { keys: new Uint32Array(size), vals: new Int32Array(size), mask: size - 1, filter: new Int32Array(FILTER_BITS >>> 5) };
  for (const [h, j] of table.index) {
    ts.filter[(h & (FILTER_BITS - 1)) >>> 5] |= 1 << (h & 31);
    let slot = h & ts.mask;
    while (ts.vals[slot] !== 0) slot = (slot + 1) & ts.mask;
    ts.keys[slot] = h;
    ts.vals[slot] = j + 1;
  }
  termSlots.set(table, ts);
  return ts;
}

/** table.index.get(h), or -1. */
function termIndex(ts: TermSlots, h: number): number {
  if ((ts.filter[(h & (FILTER_BITS - 1)) >>> 5]! & (1 << (h & 31))) === 0) return -1;
  for (let slot = h & ts.mask; ; slot = (slot + 1) & ts.mask) {
    const v = ts.vals[slot]!;
    if (v === 0) return -1;
    if (ts.keys[slot] === h) return v - 1;
  }
}

let countKeys = new Uint32Array(0);
let slotScratch = new Int32Array(0);
let countVals = new Int32Array(0);

/** count[i] = how many entries of `keys` equal keys[i] (an open-addressing tally; no Map of boxed hashes). */
function countEqual(keys: Uint32Array, count: Int32Array): void {
  const n = keys.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  if (countKeys.length < size) {
    countKeys = new Uint32Array(size);
    countVals = new Int32Array(size);
  } else countVals.fill(0, 0, size);
  const mask = size - 1;
  if (slotScratch.length < n) slotScratch = new Int32Array(Math.max(n, slotScratch.length * 2));
  const slotOf = slotScratch;
  for (let i = 0; i < n; i++) {
    const h = keys[i]!;
    let slot = fmix32(h) & mask;
    while (countVals[slot] !== 0 && countKeys[slot] !== h) slot = (slot + 1) & mask;
    countKeys[slot] = h;
    countVals[slot]!++;
    slotOf[i] = slot;
  }
  for (let i = 0; i < n; i++) count[i] = countVals[slotOf[i]!]!;
}

type ViewArray = Uint32Array | Int32Array | Uint16Array | Uint8Array | Float32Array;
/** Arrays kept by buildView(…, reuse) for the next document, by field. */
const kept = new Map<string, ViewArray>();
/** Documents with more tokens than this get arrays of their own (not kept). */
const MAX_KEPT_TOKENS = 1 << 16;

/**
 * buildView's arrays: zeroed views of arrays kept from document to document when `reuse`, else new
 * ones. Each document allocated a dozen arrays (off-heap memory the collector must track and free).
 */
function viewArrays(reuse: boolean, n: number, ns: number) {
  const get = <T extends ViewArray>(name: string, make: (size: number) => T, size: number): T => {
    if (!reuse || n > MAX_KEPT_TOKENS) return make(size);
    let a = kept.get(name) as T | undefined;
    if (!a || a.length < size) kept.set(name, (a = make(Math.max(size, a ? a.length * 2 : 1024))));
    const v = a.subarray(0, size) as T;
    v.fill(0);
    return v;
  };
  return {
    wh: get('wh', (k) => new Uint32Array(k), n),
    valence: get('valence', (k) => new Float32Array(k), n),
    lex: get('lex', (k) => new Uint32Array(k), n),
    count: get('count', (k) => new Int32Array(k), n),
    inQuote: get('inQuote', (k) => new Uint8Array(k), n),
    masked: get('masked', (k) => new Uint8Array(k), n),
    slot: get('slot', (k) => new Int32Array(k), n),
    shape: get('shape', (k) => new Uint16Array(k), n),
    sentNeg: get('sentNeg', (k) => new Float32Array(k), ns),
    sentPos: get('sentPos', (k) => new Float32Array(k), ns),
    sentMark: get('sentMark', (k) => new Uint8Array(k), ns),
    sentLex: get('sentLex', (k) => new Uint32Array(k), ns),
  };
}

/** The tags array kept by buildView(…, reuse): entries past the current document's tokens are never read. */
const keptTags: Array<number[] | undefined> = [];

/**
 * A view's per-token tags, no tag on any token yet. Dense from the start (holes or growth by push
 * would cost a copy or two of the array per document); with `reuse`, one array serves every document.
 */
function tagArray(reuse: boolean, n: number): Array<number[] | undefined> {
  const tags = reuse && n <= MAX_KEPT_TOKENS ? keptTags : [];
  const clear = Math.min(tags.length, n);
  tags.fill(undefined, 0, clear);
  for (let i = clear; i < n; i++) tags.push(undefined);
  return tags;
}

let wordSlots = new Int32Array(1024);

/** Scratch for buildView's per-token word slots, names included (read only within the call). */
function wordSlotScratch(n: number): Int32Array {
  if (wordSlots.length < n) wordSlots = new Int32Array(Math.max(n, 2 * wordSlots.length));
  return wordSlots;
}

/**
 * The per-token facts of a document. With `reuse` (inference, one document at a time), the view's
 * arrays are overwritten by the next call with `reuse`: the view must not be kept past the document.
 */
export function buildView(doc: Doc, table: LexiconTable, reuse = false): DocView {
  const t = doc.tokens;
  const cache = cacheFor(table);
  const n = t.count;
  const ns = doc.sentences.length;
  const { wh, valence, lex, count, inQuote, masked, slot, shape, sentNeg, sentPos, sentMark, sentLex } = viewArrays(reuse, n, ns);
  if (localScratch.length < t.localWords.length) localScratch = new Int32Array(Math.max(t.localWords.length, 2 * localScratch.length));
  const local = localScratch;
  local.fill(0, 0, t.localWords.length);
  const wordOf = wordSlotScratch(n);
  for (let i = 0; i < n; i++) {
    const ws = tokenSlot(cache, table, t, i, local);
    wordOf[i] = ws;
    const wv = cache.valence[ws]!;
    const wmask = cache.mask[ws]!;
    const wflags = cache.flags[ws]!;
    // Neutrality: names of parties, and capitalised words that are neither ordinary English words nor
    // in any list (names of people, places, countries), all read as one placeholder, so swapping two
    // sides changes nothing.
    const isName = (t.flags[i]! & F_CAP) !== 0 && wv === 0 && wmask === 0 && (wflags & W_LONG) !== 0 && (wflags & W_ORDINARY) === 0;
    if (t.kind[i] === K_WORD && ((wmask & PARTY_BIT) !== 0 || isName)) {
      masked[i] = 1;
      wh[i] = NAME_HASH;
      lex[i] |= PARTY_BIT;
      slot[i] = NAME_SLOT;
    } else {
      wh[i] = cache.hash[ws]!;
      valence[i] = wv;
      lex[i] |= wmask;
      slot[i] = ws;
    }
  }
  countEqual(wh, count);
  for (let i = 0; i < n; i++) shape[i] = shapeOf(doc, i);
  // Multi-word terms: hash "w1 w2" and "w1 w2 w3" where w1 begins a term (most words begin none).
  if (table.maxWords > 1) {
    const terms = slotsFor(table);
    for (let i = 0; i + 1 < n; i++) {
      // The token's own word (names included), not the placeholder.
      const ws = wordOf[i]!;
      if ((cache.flags[ws]! & W_STARTS) === 0 || t.kind[i] !== K_WORD) continue;
      // Hashed incrementally: no phrase strings are built, and the first word's part is cached.
      let phrase = cache.phrase[ws]!;
      for (let k = 1; k < table.maxWords && i + k < n; k++) {
        if (k > 1) phrase = fnvUpdate(phrase, ' ');
        phrase = fnvUpdate(phrase, tokenLower(t, i + k));
        const j = termIndex(terms, fmix(phrase));
        if (j >= 0) for (let q = i; q <= i + k; q++) lex[q] |= table.mask[j]! & ~PARTY_BIT;
      }
    }
  }
  let q = 0;
  for (let i = 0; i < n; i++) {
    const s = t.start[i]!;
    while (q < doc.quotes.length && doc.quotes[q]!.end <= s) q++;
    if (q < doc.quotes.length && doc.quotes[q]!.contentStart <= s && s < doc.quotes[q]!.contentEnd) inQuote[i] = 1;
  }
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
  return { doc, n, wh, slot, words: cache, shape, valence, lex, count, inQuote, sentNeg, sentPos, sentMark, sentLex, tags: tagArray(reuse, n), masked, stopBit: stopIdx >= 0 ? 1 << stopIdx : 0, sentScore: null, docScore: 0, stamp: 0 };
}

const bucket = (x: number, edges: readonly number[]): number => {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return k;
};

const LEN_EDGES = [4, 8, 13, 20, 30, 45];
const VAL_EDGES = [0.5, 1.5, 3, 5, 8];
const POS_EDGES = [1, 2, 3, 5, 8, 13];
/** bucket(x, POS_EDGES) for x >= 0 (from the last edge up, every x shares the top bucket). */
const POS_TABLE = Uint8Array.from({ length: 16 }, (_, x) => bucket(x, POS_EDGES));
const posBucket = (x: number): number => POS_TABLE[x < 15 ? x : 15]!;
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
 * Templates that mix a token's word hash alone: 2..6 (the word at offsets 0, -1, +1, -2, +2), 7..9 (the
 * first half of the bigram templates) and 33 (sentence-initial word). Each word's mixes are computed
 * once and cached with its lookup, so a token costs a copy instead of nine hash mixes.
 */
const WORD_TEMPLATES = [2, 3, 4, 5, 6, 7, 8, 9, 33] as const;
const WM = WORD_TEMPLATES.length;
const W_SELF = 0;
const W_PREV = 1;
const W_NEXT = 2;
const W_PREV2 = 3;
const W_NEXT2 = 4;
const W_BI_PREV = 5;
const W_BI_NEXT = 6;
const W_SKIP = 7;
const W_FIRST = 8;

function wordMixes(h: number): Uint32Array {
  return Uint32Array.from(WORD_TEMPLATES, (k) => mix(k, h));
}
/** The pool slots of the sentence edges and of names (the first three of every word cache). */
const BOS_SLOT = 0;
const EOS_SLOT = 1;
const NAME_SLOT = 2;

/** mix(template, x) for x in 0..size-1: small-valued features become a table lookup. */
function mixTable(template: number, size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, x) => mix(template, x));
}
const SHAPES = 272;
const M11 = mixTable(11, SHAPES);
const M28 = mixTable(28, SHAPES);
const M14 = mixTable(14, 16);
const M15 = mixTable(15, 32);
const M16 = mixTable(16, 32);
const M26 = mixTable(26, COUNT_EDGES.length + 1);
const M27 = mixTable(27, COUNT_EDGES.length + 1);
const M32 = mixTable(32, 32);
/** mix3(22, fromStart, toEnd) at [fromStart * 8 + toEnd]. */
const M22 = Uint32Array.from({ length: 64 }, (_, x) => mix3(22, x >> 3, x & 7));
/** mix3(23, inQuote, previous inQuote) at [a * 2 + b]. */
const M23 = Uint32Array.from({ length: 4 }, (_, x) => mix3(23, x >> 1, x & 1));
const M1 = mix(1, 1);
/** mix(13, q) for a valence q = round(2 x valence) in -8..8, at [q + 8]. */
const M13 = Uint32Array.from({ length: 17 }, (_, x) => mix(13, x - 8));
/** mix(M27[countBucket], shape) at [countBucket * SHAPES + shape]. */
const M27S = Uint32Array.from({ length: M27.length * SHAPES }, (_, x) => mix(M27[Math.floor(x / SHAPES)]!, x % SHAPES));
/** mix(30, tag) for rule tags 0..255 (two per technique). */
const M30 = mixTable(30, 256);
/**
 * mix(12, mix(previous shape, shape)), the first two steps of the shape-trigram feature, filled as
 * pairs appear (a few dozen do), at [previous * SHAPES + shape].
 */
const M12 = new Uint32Array(SHAPES * SHAPES);
const M12_FILLED = new Uint8Array(SHAPES * SHAPES);

function shapePair(prev: number, shape: number): number {
  const k = prev * SHAPES + shape;
  if (M12_FILLED[k] === 0) {
    M12[k] = mix(12, mix(prev, shape));
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
  out.push(mix(17, lb));
  const nb1 = bucket(v.sentNeg[si]!, VAL_EDGES);
  const pb1 = bucket(v.sentPos[si]!, VAL_EDGES);
  out.push(mix(18, nb1));
  out.push(mix(19, pb1));
  out.push(mix3(20, nb1, lb));
  out.push(mix(21, v.sentMark[si]!));
  out.push(mix(25, bucket(si, SENT_EDGES)));
  pushBits(out, v.sentLex[si]!, M32);
  out.push(mix(31, v.wh[s.tokenStart]!));
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
  const d = out.reserve(TOKEN_MAX_FEATURES + (tags ? tags.length : 0));
  const m = out.mask;
  let n = out.length;
  if (!wordSums) {
    d[n++] = M1 & m;
    d[n++] = pool[self + W_SELF]! & m;
    d[n++] = pool[prev + W_PREV]! & m;
    d[n++] = pool[(hasNext ? slot[i + 1]! : EOS_SLOT) * WM + W_NEXT]! & m;
    d[n++] = pool[(i - 2 >= first ? slot[i - 2]! : BOS_SLOT) * WM + W_PREV2]! & m;
    d[n++] = pool[(i + 2 < end ? slot[i + 2]! : EOS_SLOT) * WM + W_NEXT2]! & m;
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
  if (kind === K_WORD && len > 4 && !v.masked[i]) d[n++] = mix(10, suffixHash(doc.text, t.end[i]!)) & m;
  const valence = v.valence;
  const val = valence[i]!;
  if (val !== 0) {
    const q = Math.round(val * 2);
    d[n++] = (q >= -8 && q <= 8 ? M13[q + 8]! : mix(13, q)) & m;
  }
  let maxAbs = 0;
  for (let k = Math.max(first, i - 2); k <= Math.min(end - 1, i + 2); k++) maxAbs = Math.max(maxAbs, Math.abs(valence[k]!));
  const qa = Math.round(maxAbs * 2);
  d[n++] = (qa < M14.length ? M14[qa]! : mix(14, qa)) & m;
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
  if (tags) for (const g of tags) d[n++] = (g >= 0 && g < M30.length ? M30[g]! : mix(30, g)) & m;
  if (v.sentScore) {
    const q = Math.round(v.sentScore[si]! * 10);
    d[n++] = mix(40, q) & m;
    d[n++] = mix3(41, q, fromStart) & m;
    d[n++] = mix3(42, q, sh) & m;
    d[n++] = mix3(44, q, toEnd) & m;
    d[n++] = mix(43, Math.round(v.docScore * 20)) & m;
  }
  out.length = n;
}

/**
 * The most features tokenOwnFeatures writes for one token besides its tags: 15 always, 5 on
 * conditions (suffix, valence, two repetition, capitalised), 5 from the stage-one scores and up to 32
 * list bits each for the word and its neighbours.
 */
const TOKEN_MAX_FEATURES = 15 + 5 + 5 + 64;

/** The word templates whose weights wordTemplateSums adds up per word: W_SELF, W_PREV, W_NEXT, W_PREV2, W_NEXT2. */
const SUMMED = [W_SELF, W_PREV, W_NEXT, W_PREV2, W_NEXT2] as const;
/** Per slot: the three label weights of each summed template (15 integers). */
const PER_SLOT = SUMMED.length * 3;

/** A tagger's summed word-template weights for the words of one word cache, filled as words appear. */
export interface WordSums {
  mask: number;
  sums: Int32Array;
  filled: Uint8Array;
}

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
  const fill = (sl: number) => {
    for (let q = 0; q < SUMMED.length; q++) {
      const row = (pool[sl * WM + SUMMED[q]!]! & mask) * 3;
      for (let y = 0; y < 3; y++) sums[sl * PER_SLOT + q * 3 + y] = emission[row + y]!;
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

/** Features of a whole sentence for the stage-one sentence classifier. */
export function sentenceFeatures(v: DocView, si: number, out: FeatureBuffer): void {
  const doc = v.doc;
  const t = doc.tokens;
  const s = doc.sentences[si]!;
  out.push(mix(200, 1));
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    out.push(mix(201, v.wh[k]!));
    if (k + 1 < s.tokenEnd) out.push(mix3(202, v.wh[k]!, v.wh[k + 1]!));
    if (t.kind[k] === K_WORD && t.flags[k]! & F_UPPER) out.push(mix(203, 1));
  }
  const sl = v.sentLex[si]!;
  for (let b = 0; b < 32; b++) if (sl & (1 << b)) out.push(mix(204, b));
  out.push(mix(205, bucket(v.sentNeg[si]!, VAL_EDGES)));
  out.push(mix(206, bucket(v.sentPos[si]!, VAL_EDGES)));
  out.push(mix(207, v.sentMark[si]!));
  out.push(mix(208, bucket(s.tokenEnd - s.tokenStart, LEN_EDGES)));
  out.push(mix(209, bucket(si, SENT_EDGES)));
  out.push(mix(210, s.tokenEnd > s.tokenStart ? v.wh[s.tokenStart]! : 0));
  let q = 0;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) q += v.inQuote[k]!;
  out.push(mix(211, Math.round((q / Math.max(1, s.tokenEnd - s.tokenStart)) * 4)));
}

const SPAN_LEN_EDGES = [2, 3, 4, 6, 9, 14, 20, 30, 45];
const PHRASE_COUNT_EDGES = [2, 3, 4, 6];
/** Scratch for spanFeatures' rule tags (only read within a call). */
const spanTags: number[] = [];
/** The units spanFeatures hashes into character 4-grams (reused; only read within a call). */
let spanUnits = new Uint16Array(512);

/** Features of a candidate span [a, b) of tokens (canonical char range cs..ce) for the technique classifier. */
export function spanFeatures(v: DocView, a: number, b: number, out: FeatureBuffer, textCount?: (lower: string, atMost: number) => number): void {
  const doc = v.doc;
  const t = doc.tokens;
  const n = b - a;
  out.push(mix(100, 1));
  for (let k = a; k < b; k++) {
    out.push(mix(101, v.wh[k]!));
    if (k + 1 < b) out.push(mix3(102, v.wh[k]!, v.wh[k + 1]!));
  }
  out.push(mix(103, v.wh[a]!));
  out.push(mix(104, v.wh[b - 1]!));
  const before = (k: number) => (a - k >= 0 ? v.wh[a - k]! : BOS);
  const after = (k: number) => (b - 1 + k < v.n ? v.wh[b - 1 + k]! : EOS);
  out.push(mix(105, before(1)));
  out.push(mix3(106, before(2), before(1)));
  out.push(mix(107, after(1)));
  out.push(mix3(108, after(1), after(2)));
  for (let k = 2; k <= 4; k++) {
    out.push(mix(109, before(k)));
    out.push(mix(110, after(k)));
  }
  const cs = t.start[a]!;
  const ce = t.end[b - 1]!;
  const text = doc.text.slice(cs, Math.min(ce, cs + 400)).toLowerCase();
  // Character 4-grams of the span's lowercased words, each padded by a space (names read as a
  // placeholder too): the units of ` ${words.join(' ')} `, laid out in a reused array.
  let u = spanUnits;
  let len = 0;
  u[len++] = 32;
  for (let k = a; k < b && t.start[k]! < cs + 400; k++) {
    const w = v.masked[k] ? '\u00a7' : tokenLower(t, k);
    if (len + w.length + 2 > u.length) {
      const bigger = new Uint16Array(Math.max(2 * u.length, len + w.length + 2));
      bigger.set(u.subarray(0, len));
      spanUnits = u = bigger;
    }
    if (k > a) u[len++] = 32;
    for (let j = 0; j < w.length; j++) u[len++] = w.charCodeAt(j);
  }
  u[len++] = 32;
  // hashString of each 4-unit window, without slicing it out.
  for (let k = 0; k + 4 <= len; k++) {
    let h = FNV_SEED;
    for (let q = k; q < k + 4; q++) h = Math.imul(h ^ u[q]!, 0x01000193);
    out.push(mix(111, fmix32(h)));
  }
  const nb = bucket(n, SPAN_LEN_EDGES);
  out.push(mix(112, nb));
  // Counts from the last edge up share a bucket, so counting stops there (bounded on repetitive text).
  if (textCount) out.push(mix3(113, bucket(textCount(text, PHRASE_COUNT_EDGES[PHRASE_COUNT_EDGES.length - 1]!), PHRASE_COUNT_EDGES), Math.min(n, 4)));
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
  out.push(mix(117, bucket(neg, VAL_EDGES)));
  out.push(mix(118, bucket(pos, VAL_EDGES)));
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
  // The rule tags inside, each once, in the order first met (no Set per span).
  const tags = spanTags;
  tags.length = 0;
  for (let k = a; k < b; k++) {
    const own = v.tags[k];
    if (own) for (const g of own) if (!tags.includes(g)) tags.push(g);
  }
  for (const g of tags) out.push(mix(128, g));
}

/** Texts at least this long get a trigram index (below it, a scan per phrase is cheaper). */
const INDEX_MIN_LENGTH = 20_000;
/**
 * The trigram index of the last text counted in: every start position, grouped by a hash of the
 * three units there (a bucket's positions ascend: filled by one scan; a bucket may mix trigrams, so
 * each candidate is still checked). Buckets scale with the text, and the arrays are reused.
 */
let indexedText: string | null = null;
let indexShift = 16;
let bucketStart = new Int32Array(0);
let bucketFill = new Int32Array(0);
let positions = new Int32Array(0);
/** Index arrays longer than this are dropped after the document instead of kept. */
const MAX_KEPT_POSITIONS = 1 << 17;

const trigramBucket = (s: string, i: number) => (Math.imul(Math.imul(s.charCodeAt(i), 0x01000193) ^ s.charCodeAt(i + 1), 0x01000193) ^ Math.imul(s.charCodeAt(i + 2), 0x9e3779b1)) >>> indexShift;

function indexText(text: string): void {
  indexedText = text;
  const n = text.length - 2;
  // About two positions per bucket, 2^8 to 2^16 buckets.
  const bits = Math.min(16, Math.max(8, 31 - Math.clz32(n)));
  indexShift = 32 - bits;
  const size = 1 << bits;
  if (bucketStart.length < size + 1) {
    bucketStart = new Int32Array(size + 1);
    bucketFill = new Int32Array(size);
  } else bucketStart.fill(0, 0, size + 1);
  if (positions.length < n) positions = new Int32Array(Math.max(n, 2 * positions.length));
  const starts = bucketStart;
  for (let i = 0; i < n; i++) starts[trigramBucket(text, i) + 1]!++;
  for (let b = 1; b <= size; b++) starts[b]! += starts[b - 1]!;
  const fill = bucketFill;
  fill.set(starts.subarray(0, size));
  const pos = positions;
  for (let i = 0; i < n; i++) pos[fill[trigramBucket(text, i)]!++] = i;
}

/**
 * Candidate places countOccurrencesIn checks per phrase at most (see there). Far above what a phrase
 * of ordinary text needs: a phrase stops at its `atMost`-th match, and its rarest trigram is rare.
 */
export const OCCURRENCE_CHECKS = 4096;

/**
 * countOccurrences, with the same result, for many phrases of one text: a long text is indexed by
 * trigram once, and a phrase is checked only where its rarest trigram may occur, so a document's
 * spans cost time in proportion to those places instead of a scan of the whole text each (quadratic
 * growth with document length otherwise). Counting stops at `atMost` matches, and after `maxChecks`
 * candidate places (then the count so far, a lower bound, is returned): only a text whose every
 * trigram is common yet holds the phrase fewer than `atMost` times gets there, and the bound keeps
 * such texts linear too.
 */
export function countOccurrencesIn(lowerText: string, phrase: string, atMost = Infinity, maxChecks = Infinity): number {
  if (phrase.length < 3 || lowerText.length < INDEX_MIN_LENGTH) return countOccurrences(lowerText, phrase, atMost);
  if (indexedText !== lowerText) indexText(lowerText);
  // Candidates from the phrase's rarest trigram: "the ..." would otherwise check every "the" of the text.
  let b = trigramBucket(phrase, 0);
  let off = 0;
  for (let j = 1; j + 3 <= phrase.length; j++) {
    const c = trigramBucket(phrase, j);
    if (bucketStart[c + 1]! - bucketStart[c]! < bucketStart[b + 1]! - bucketStart[b]!) {
      b = c;
      off = j;
    }
  }
  // Leftmost match first, the next searched from the end of the last: as the indexOf loop does.
  let n = 0;
  let next = 0;
  const end = Math.min(bucketStart[b + 1]!, bucketStart[b]! + maxChecks);
  for (let q = bucketStart[b]!; q < end && n < atMost; q++) {
    const p = positions[q]! - off;
    if (p >= next && lowerText.startsWith(phrase, p)) {
      n++;
      next = p + phrase.length;
    }
  }
  return n;
}

/** Forgets the indexed text, and lets go of the index arrays when a long text made them large. */
export function releaseOccurrenceIndex(): void {
  indexedText = null;
  if (positions.length > MAX_KEPT_POSITIONS) {
    bucketStart = new Int32Array(0);
    bucketFill = new Int32Array(0);
    positions = new Int32Array(0);
  }
}

/** Counts non-overlapping occurrences of a lowercased phrase in a lowercased text (up to `atMost`). */
export function countOccurrences(lowerText: string, phrase: string, atMost = Infinity): number {
  if (phrase.length === 0) return 0;
  let n = 0;
  for (let i = lowerText.indexOf(phrase); i !== -1 && n < atMost; i = lowerText.indexOf(phrase, i + phrase.length)) n++;
  return n;
}
