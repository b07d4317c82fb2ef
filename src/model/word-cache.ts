/**
 * The model's per-table word cache: each word's lookup in the lexicon table (hash, valence, list
 * mask, flags) and its word-template mixes, stored once per word in slot-indexed typed arrays.
 */
import type { Doc } from '../text/segment.js';
import { tokenLower } from '../text/tokenise.js';
import type { Vocab } from '../text/vocab.js';
import { FNV_SEED, fnvUpdate, hashString, mix } from './hash.js';
import { clusterOf, isOrdinaryWord, LOADED_LEVELS, loadedLevelOf, lookupWord, mayStartPhrase, wordClassOf, type LexiconTable } from './lexicon-table.js';
import { T } from './templates.js';
import { localIndex } from '../text/hot-path.js';

/** Per-slot flags of a cached word. */
export const W_ORDINARY = 1;
/** Some multi-word term of the table may begin with the word. */
export const W_STARTS = 2;
/** The word is longer than one unit. */
export const W_LONG = 4;

/** The hashes that stand for every name (the placeholder) and for the sentence edges. */
export const NAME_HASH = 0x4e414d45;
export const BOS = 0x0b05;
export const EOS = 0x0e05;

/**
 * Templates that mix a token's word hash alone: the word at offsets 0, -1, +1, -2, +2, the first half
 * of the bigram templates and the sentence-initial word. Each word's mixes are computed once and
 * cached with its lookup, so a token costs a copy instead of nine hash mixes. W_* are their places.
 */
const WORD_TEMPLATES = [T.word, T.prevWord, T.nextWord, T.prev2Word, T.next2Word, T.bigramPrev, T.bigramNext, T.skipBigram, T.firstWordAt] as const;
export const WM = WORD_TEMPLATES.length;
export const W_SELF = 0;
export const W_PREV = 1;
export const W_NEXT = 2;
export const W_PREV2 = 3;
export const W_NEXT2 = 4;
export const W_BI_PREV = 5;
export const W_BI_NEXT = 6;
export const W_SKIP = 7;
export const W_FIRST = 8;

/**
 * Word-cluster templates (tables with clusters only): the fine cluster of the word at offsets 0, -1,
 * +1 and the coarse cluster of the word itself, mixed per word into `cpool` (CM per slot).
 */
const CLUSTER_TEMPLATES = [T.clusterSelf, T.clusterPrev, T.clusterNext, T.clusterCoarse] as const;
export const CM = CLUSTER_TEMPLATES.length;
export const C_SELF = 0;
export const C_PREV = 1;
export const C_NEXT = 2;
export const C_COARSE = 3;
/** Cluster values of the slots that are no word of the table: sentence edges, names, unknown words. */
const EDGE_CLUSTER = 0xfffe;
const NAME_CLUSTER = 0xfffd;

/** Writes the CM cluster mixes of a packed cluster value at `at` of `out`. */
function setClusterMixes(out: Uint32Array, at: number, packed: number): void {
  const fine = packed & 0xffff;
  const coarse = packed >>> 16;
  for (let k = 0; k < CM; k++) {
    const template = CLUSTER_TEMPLATES[k]!;
    out[at + k] = mix(template, template === T.clusterCoarse ? coarse || fine : fine);
  }
}

/**
 * WordNet class templates (tables with word classes only): the class of the word at offsets 0, -1,
 * +1, mixed per word into `kpool` (KM per slot).
 */
const CLASS_TEMPLATES = [T.classSelf, T.classPrev, T.classNext] as const;
export const KM = CLASS_TEMPLATES.length;
export const K_SELF = 0;
export const K_PREV = 1;
export const K_NEXT = 2;
/** Class values of the sentence edges and of names (word classes are 0..127). */
const EDGE_CLASS = 0xfe;
const NAME_CLASS = 0xfd;

/** Writes the KM class mixes of a class at `at` of `out`. */
function setClassMixes(out: Uint32Array, at: number, cls: number): void {
  for (let k = 0; k < KM; k++) out[at + k] = mix(CLASS_TEMPLATES[k]!, cls);
}

/**
 * Loaded-word level templates (tables with levels only): the level of the word at offsets 0, -1, +1,
 * mixed per word into `lpool` (LM per slot). LOADED_MIXES[k][level] is the mix of template k.
 */
const LOADED_TEMPLATES = [T.loadedSelf, T.loadedPrev, T.loadedNext] as const;
export const LM = LOADED_TEMPLATES.length;
export const L_SELF = 0;
export const L_PREV = 1;
export const L_NEXT = 2;
/** The level value of the sentence edges (word levels are 0..LOADED_LEVELS - 1). */
export const EDGE_LEVEL = LOADED_LEVELS;
/** mix(LOADED_TEMPLATES[k], level) at [k * (EDGE_LEVEL + 1) + level], edges included. */
export const LOADED_MIXES = Uint32Array.from({ length: LM * (EDGE_LEVEL + 1) }, (_, x) => mix(LOADED_TEMPLATES[Math.floor(x / (EDGE_LEVEL + 1))]!, x % (EDGE_LEVEL + 1)));

/** Writes the LM level mixes of a level at `at` of `out`. */
function setLevelMixes(out: Uint32Array, at: number, level: number): void {
  for (let k = 0; k < LM; k++) out[at + k] = LOADED_MIXES[k * (EDGE_LEVEL + 1) + level]!;
}

function wordMixes(h: number): Uint32Array {
  return Uint32Array.from(WORD_TEMPLATES, (k) => mix(k, h));
}
/** The pool slots of the sentence edges and of names (the first three of every word cache). */
export const BOS_SLOT = 0;
export const EOS_SLOT = 1;
export const NAME_SLOT = 2;

/**
 * Word lookups cached per table (two models with different tables never share an entry), by string
 * and by vocabulary id (a table of ids per vocabulary: `cacheFor` switches to the document's). A word's facts live in slot-indexed typed arrays (its hash, valence, list
 * mask, flags, the FNV state after the word and a space where multi-word terms starting with it
 * continue) and its WORD_TEMPLATES mixes in one flat pool: a document's words are read from a few
 * dense arrays, not from an object per word scattered over the heap, and a 100k-word cache costs no
 * typed array per word. The first slots hold the sentence edges' and names' mixes.
 */
export interface WordCache {
  slotByString: Map<string, number>;
  /** Slot + 1 by id of `vocab` (0: not looked up yet). */
  byId: Int32Array;
  /** The vocabulary `byId` belongs to; the tables of others wait in `otherIds`. */
  vocab: Vocab | null;
  otherIds: WeakMap<Vocab, Int32Array>;
  pool: Uint32Array;
  hash: Uint32Array;
  valence: Float32Array;
  mask: Uint32Array;
  flags: Uint8Array;
  phrase: Int32Array;
  /** The table has word clusters: cluster features are on. */
  clustered: boolean;
  /** Per slot: packed cluster ids (0: none) and their CM template mixes (tables with clusters). */
  cluster: Uint32Array;
  cpool: Uint32Array;
  /** The table has WordNet classes: class features are on. */
  classed: boolean;
  /** Per slot: the word's WordNet class (0: none) and its KM template mixes (tables with classes). */
  wclass: Uint8Array;
  kpool: Uint32Array;
  /** The table has loaded-word levels: level features are on. */
  leveled: boolean;
  /** Per slot: the word's loaded-word level and its LM template mixes (tables with levels). */
  level: Uint8Array;
  lpool: Uint32Array;
  /** Slots in use. */
  used: number;
  /** Per-word sums of a tagger's word-template weights (wordTemplateSums), by emission table. */
  sums: Map<Int16Array, WordSums>;
}
let wordCaches = new WeakMap<LexiconTable, WordCache>();
const CACHE_LIMIT = 50_000;

function newCache(table: LexiconTable): WordCache {
  const size = 4096;
  const clustered = table.clusters !== undefined;
  const classed = table.wordClasses !== undefined;
  const leveled = table.loaded !== undefined;
  const cache: WordCache = {
    clustered,
    classed,
    leveled,
    level: new Uint8Array(size),
    lpool: new Uint32Array(size * LM),
    wclass: new Uint8Array(size),
    kpool: new Uint32Array(size * KM),
    slotByString: new Map(),
    byId: new Int32Array(0),
    vocab: null,
    otherIds: new WeakMap(),
    pool: new Uint32Array(size * WM),
    hash: new Uint32Array(size),
    valence: new Float32Array(size),
    mask: new Uint32Array(size),
    flags: new Uint8Array(size),
    phrase: new Int32Array(size),
    cluster: new Uint32Array(size),
    cpool: new Uint32Array(size * CM),
    used: 0,
    sums: new Map(),
  };
  for (const h of [BOS, EOS, NAME_HASH]) newSlot(cache, h);
  setClusterMixes(cache.cpool, BOS_SLOT * CM, EDGE_CLUSTER);
  setClusterMixes(cache.cpool, EOS_SLOT * CM, EDGE_CLUSTER);
  setClusterMixes(cache.cpool, NAME_SLOT * CM, NAME_CLUSTER);
  setClassMixes(cache.kpool, BOS_SLOT * KM, EDGE_CLASS);
  setClassMixes(cache.kpool, EOS_SLOT * KM, EDGE_CLASS);
  setClassMixes(cache.kpool, NAME_SLOT * KM, NAME_CLASS);
  // Names read the placeholder's level (fitted on every name alike: neutral by construction).
  cache.level[BOS_SLOT] = cache.level[EOS_SLOT] = EDGE_LEVEL;
  cache.level[NAME_SLOT] = loadedLevelOf(table, NAME_HASH);
  for (const sl of [BOS_SLOT, EOS_SLOT, NAME_SLOT]) setLevelMixes(cache.lpool, sl * LM, cache.level[sl]!);
  return cache;
}

/**
 * The table's cache, its ids those of `vocab` (a document's tokens' vocabulary); started afresh when
 * it has grown past the limit (only between documents, so offsets stay valid within one).
 */
export function cacheFor(table: LexiconTable, vocab: Vocab): WordCache {
  let cache = wordCaches.get(table);
  if (!cache || cache.slotByString.size >= CACHE_LIMIT) wordCaches.set(table, (cache = newCache(table)));
  if (cache.vocab !== vocab) {
    if (cache.vocab !== null) cache.otherIds.set(cache.vocab, cache.byId);
    cache.vocab = vocab;
    cache.byId = cache.otherIds.get(vocab) ?? new Int32Array(0);
  }
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
    if (table.clusters) {
      const c = clusterOf(table, h);
      cache.cluster[slot] = c;
      setClusterMixes(cache.cpool, slot * CM, c);
    }
    if (table.wordClasses) {
      const k = wordClassOf(table, h);
      cache.wclass[slot] = k;
      setClassMixes(cache.kpool, slot * KM, k);
    }
    if (table.loaded) {
      const l = loadedLevelOf(table, h);
      cache.level[slot] = l;
      setLevelMixes(cache.lpool, slot * LM, l);
    }
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
    cache.cluster = grow(cache.cluster, (n) => new Uint32Array(n), size);
    cache.cpool = grow(cache.cpool, (n) => new Uint32Array(n), size * CM);
    cache.wclass = grow(cache.wclass, (n) => new Uint8Array(n), size);
    cache.kpool = grow(cache.kpool, (n) => new Uint32Array(n), size * KM);
    cache.level = grow(cache.level, (n) => new Uint8Array(n), size);
    cache.lpool = grow(cache.lpool, (n) => new Uint32Array(n), size * LM);
  }
  const slot = cache.used++;
  cache.pool.set(wordMixes(h), slot * WM);
  cache.hash[slot] = h;
  return slot;
}

/**
 * The slot of token i's word (cache bound to the tokens' vocabulary by cacheFor): by its vocabulary id when it has one (no string lookup), else by
 * string. The word's string is read only when it is not cached yet.
 */
export function tokenSlot(cache: WordCache, table: LexiconTable, t: Doc['tokens'], i: number, local: Int32Array): number {
  const id = t.id[i]!;
  // Words outside the vocabulary have document-local ids: one string lookup per word and document.
  if (id < 0) {
    const j = localIndex(id);
    const known = local[j]!;
    if (known > 0) return known - 1;
    const slot = wordSlot(cache, table, tokenLower(t, i));
    local[j] = slot + 1;
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

/** Clears the word cache (a different lexicon table must not see cached lookups). */
export function resetFeatureCache(): void {
  wordCaches = new WeakMap();
}

/** A tagger's summed word-template weights for the words of one word cache, filled as words appear. */
export interface WordSums {
  mask: number;
  sums: Int32Array;
  filled: Uint8Array;
}

/**
 * The cache's layout constants above, for the feature modules that read the cache for every token.
 * They take it apart into constants of their own (`const { WM, W_SELF } = WORD_LAYOUT`): a constant
 * imported from another module is checked at every use (it might not be initialised yet), a
 * module's own constant folds into its code (tokenOwnFeatures: about 12% of its time).
 */
export const WORD_LAYOUT = Object.freeze({ LM, L_SELF, L_PREV, L_NEXT, EDGE_LEVEL, KM, K_SELF, K_PREV, K_NEXT, W_ORDINARY, W_STARTS, W_LONG, NAME_HASH, BOS, EOS, WM, CM, C_SELF, C_PREV, C_NEXT, C_COARSE, W_SELF, W_PREV, W_NEXT, W_PREV2, W_NEXT2, W_BI_PREV, W_BI_NEXT, W_SKIP, W_FIRST, BOS_SLOT, EOS_SLOT, NAME_SLOT });
