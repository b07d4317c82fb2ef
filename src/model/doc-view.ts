/**
 * The per-token facts of a document that the model's features read (DocView), computed once per
 * document from the segmented Doc and the frozen lexicon table.
 */
import type { Doc } from '../text/segment.js';
import { F_CAP, F_UPPER, K_HASHTAG, K_NUMBER, K_PUNCT, K_WORD, tokenLower } from '../text/tokenise.js';
import { fmix, fmix32, fnvUpdate } from './hash.js';
import { PARTY_BIT, type LexiconTable } from './lexicon-table.js';
import { cacheFor, tokenSlot, WORD_LAYOUT, type WordCache } from './word-cache.js';
import { Scratch } from '../text/hot-path.js';
import { isDateWord, isMonthName } from '../lexicon/dates.js';

const { NAME_HASH, NAME_SLOT, W_LONG, W_ORDINARY, W_STARTS } = WORD_LAYOUT;

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
  /**
   * Training only: per-token loaded-word levels that replace the word cache's (cross-fitted levels of
   * a training document: src/training/loaded-lexicon.ts). Null: the levels of the table, if any.
   */
  loadLevel: Uint8Array | null;
  /** Bumped whenever sentScore or loadLevel changes, so cached tagger inputs are rebuilt. */
  stamp: number;
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

/** buildView's word slots of the document's local words (+1; 0: not looked up yet). */
const localSlots = new Scratch((n) => new Int32Array(n), MAX_KEPT_TOKENS, 256);
/** buildView's per-token word slots, names included (read only within the call). */
const wordSlots = new Scratch((n) => new Int32Array(n), MAX_KEPT_TOKENS, 1024);

/**
 * The per-token facts of a document. With `reuse` (inference, one document at a time), the view's
 * arrays are overwritten by the next call with `reuse`: the view must not be kept past the document.
 */
export function buildView(doc: Doc, table: LexiconTable, reuse = false): DocView {
  const t = doc.tokens;
  const cache = cacheFor(table, t.vocab);
  const n = t.count;
  const ns = doc.sentences.length;
  const { wh, valence, lex, count, inQuote, masked, slot, shape, sentNeg, sentPos, sentMark, sentLex } = viewArrays(reuse, n, ns);
  const local = localSlots.zeroed(t.localWords.length);
  const wordOf = wordSlots.take(n);
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
      // A month used as a date ("on May 28") is in no word list: "may" is a hedge only as a modal.
      if (wmask === 0 || !isMonthName(doc, i) || !isDateWord(doc, i)) lex[i] |= wmask;
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
      if (isMonthName(doc, i) && isDateWord(doc, i)) continue;
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
  localSlots.release();
  wordSlots.release();
  const stopIdx = table.lists.indexOf('stopwords');
  return { doc, n, wh, slot, words: cache, shape, valence, lex, count, inQuote, sentNeg, sentPos, sentMark, sentLex, tags: tagArray(reuse, n), masked, stopBit: stopIdx >= 0 ? 1 << stopIdx : 0, sentScore: null, docScore: 0, loadLevel: null, stamp: 0 };
}

function shapeOf(doc: Doc, i: number): number {
  const t = doc.tokens;
  const k = t.kind[i]!;
  if (k === K_WORD) return t.flags[i]! & F_UPPER ? 3 : t.flags[i]! & F_CAP ? 2 : 1;
  if (k === K_NUMBER) return 4;
  if (k === K_HASHTAG) return 5;
  if (k === K_PUNCT) return 16 + Math.min(doc.text.charCodeAt(t.start[i]!), 255);
  return 6;
}
