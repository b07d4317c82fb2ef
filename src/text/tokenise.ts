import { charClass, charInfo, UnitBuffer, CHAR_INFO, CLASS_MASK, NONASCII_BIT, NONUPPER_LETTER_BIT, UPPER_BIT, C_DIGIT, C_HIGH, C_LETTER, C_LOW, C_MARK, C_NEWLINE, C_SPACE } from './chars.js';
import { HASH_SEED, hashStep, lowerAscii, Vocab } from './vocab.js';
import { localId, localIndex, Scratch } from './hot-path.js';

export const K_WORD = 1;
export const K_NUMBER = 2;
export const K_PUNCT = 3;
export const K_SYMBOL = 4;
export const K_HASHTAG = 5;

/** First character is an uppercase letter. */
export const F_CAP = 1;
/** Every letter is uppercase and there are at least two. */
export const F_UPPER = 2;
/** A line break precedes this token (between it and the previous one). */
export const F_NEWLINE_BEFORE = 4;
/** A blank line precedes this token. */
export const F_PARA_BEFORE = 8;
/** No whitespace between the previous token and this one. */
export const F_GLUED = 16;
/** A word whose first unit is an ASCII capital A-Z (F_CAP also counts other scripts' capitals). */
export const F_CAP_ASCII = 32;

/** Tokens as parallel typed arrays: cheap to build, cheap to scan. */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** The vocabulary the ids refer to (the one the text was tokenised with). */
  vocab: Vocab;
  /** Id of the lowercased form in `vocab` (>= 0), or a document-local negative id. */
  id: Int32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  /** Lowercased forms of the document's words that are not in `vocab`, by -(id) - 2. */
  localWords: string[];
  /**
   * Per local word (by -(id) - 2): its key in the process-wide table of words outside the vocab,
   * stable across documents of one generation (`keyGeneration`), for caches of per-word facts.
   */
  localKeys: Int32Array;
  keyGeneration: number;
  /**
   * vocab.size when the text was tokenised: a word interned since then (id >= vocabSize) has a
   * local id in these tokens, so structures built later know when to look a local word up by string.
   */
  vocabSize: number;
}

/** The lowercased form of token i. */
export function tokenLower(t: Tokens, i: number): string {
  const id = t.id[i]!;
  return id >= 0 ? t.vocab.str(id) : t.localWords[localIndex(id)]!;
}

/** Scratch longer than this (in units) is dropped after the call instead of kept for the next. */
const MAX_KEPT_SCRATCH = 1 << 18;
const int32 = (n: number) => new Int32Array(n);
const uint8 = (n: number) => new Uint8Array(n);
const scratchStart = new Scratch(int32, MAX_KEPT_SCRATCH);
const scratchEnd = new Scratch(int32, MAX_KEPT_SCRATCH);
const scratchId = new Scratch(int32, MAX_KEPT_SCRATCH);
const scratchKind = new Scratch(uint8, MAX_KEPT_SCRATCH);
const scratchFlags = new Scratch(uint8, MAX_KEPT_SCRATCH);
const textUnits = new UnitBuffer();

/**
 * Token arrays are carved out of shared arena buffers: allocating an ArrayBuffer costs far more
 * than copying a document's tokens into it, so several documents share one. A document's views
 * keep only their own arena alive; one larger than a quarter arena gets a buffer of its own.
 */
const ARENA_BYTES = 1 << 17;
let arena = new ArrayBuffer(0);
let arenaUsed = 0;

let arenaAt = 0;

/** A buffer with `bytes` bytes free from offset `arenaAt`, taken from the arena (8-aligned). */
function arenaFor(bytes: number): ArrayBuffer {
  if (bytes > ARENA_BYTES >> 2) {
    arenaAt = 0;
    return new ArrayBuffer(bytes);
  }
  if (arenaUsed + bytes > arena.byteLength) {
    arena = new ArrayBuffer(ARENA_BYTES);
    arenaUsed = 0;
  }
  arenaAt = arenaUsed;
  arenaUsed += (bytes + 7) & ~7;
  return arena;
}

/** A zeroed Int32Array of n entries from the token arena, for other per-token arrays of a document. */
export function arenaInt32(n: number): Int32Array {
  // Zeroed: arena bytes are handed out once, and a buffer of its own is new.
  const buffer = arenaFor(4 * n);
  return new Int32Array(buffer, arenaAt, n);
}

/**
 * Words outside the vocabulary, across documents and vocabularies (a key names a string, whichever
 * vocabulary lacked it): news repeats the same out-of-vocabulary words (names,
 * places), so each is lowercased and stored once, not once per document, and gets a key that
 * per-word caches can index. Bounded: past MAX_EXTRA_WORDS words or MAX_EXTRA_UNITS units it
 * starts over after the document (a new generation, whose keys mean other words).
 */
const MAX_EXTRA_WORDS = 30_000;
const MAX_EXTRA_UNITS = 1 << 20;
let extra = new Vocab();
let extraGeneration = 0;
/** Per extra key: the document (stamp) that last used it and its local index there. */
let keyStamp = new Int32Array(1024);
let keyLocal = new Int32Array(1024);
let docStamp = 0;
/** The current document's local words and their extra keys. */
let localWords: string[] = [];
let localKeys = new Int32Array(64);

/** The document-local id of extra word `key`, assigning the next local index on first use. */
function localIdOf(key: number): number {
  if (key >= keyStamp.length) {
    const size = Math.max(key + 1, keyStamp.length * 2);
    const st = new Int32Array(size);
    st.set(keyStamp);
    keyStamp = st;
    const lo = new Int32Array(size);
    lo.set(keyLocal);
    keyLocal = lo;
  }
  if (keyStamp[key] === docStamp) return localId(keyLocal[key]!);
  const index = localWords.length;
  keyStamp[key] = docStamp;
  keyLocal[key] = index;
  localWords.push(extra.str(key));
  if (index >= localKeys.length) {
    const ks = new Int32Array(localKeys.length * 2);
    ks.set(localKeys);
    localKeys = ks;
  }
  localKeys[index] = key;
  return localId(index);
}

/**
 * A copy of w that shares no memory with the document: a substring of 13+ units can be a view of
 * its parent string, and a word kept in the extra table must not keep its document alive.
 */
function ownCopy(w: string): string {
  if (w.length < 13) return w;
  let out = '';
  const codes: number[] = [];
  for (let k = 0; k < w.length; k += 4096) {
    codes.length = 0;
    for (let q = k; q < w.length && q < k + 4096; q++) codes.push(w.charCodeAt(q));
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

function isWordChar(cls: number): boolean {
  return cls === C_LETTER || cls === C_DIGIT || cls === C_MARK;
}

/**
 * The id of text[s, e) lowercased: global when the vocab knows it, else document-local (negative).
 * `h` is the hash of the lowercased units when the range is ASCII; otherwise lowercasing may change
 * its length, and the lookup goes through the string.
 */
function wordId(vocab: Vocab, text: string, units: Uint16Array, s: number, e: number, h: number, ascii: boolean): number {
  let key: number;
  if (ascii) {
    const v = vocab.getAsciiRange(units, s, e, h);
    if (v >= 0) return v;
    key = extra.getAsciiRange(units, s, e, h);
    if (key < 0) key = extra.intern(ownCopy(text.slice(s, e).toLowerCase()));
  } else {
    const w = text.slice(s, e).toLowerCase();
    const v = vocab.get(w);
    if (v >= 0) return v;
    key = extra.get(w);
    if (key < 0) key = extra.intern(ownCopy(w));
  }
  return localIdOf(key);
}

/**
 * Where a word goes on after "-" at p - 1 that ends a line: the next line's first unit when that is a
 * lowercase letter after one line break (spaces around it allowed), else -1. Offsets stay the
 * original's: the token spans the break, and only its id reads the word whole.
 */
function afterLineBreak(units: Uint16Array, p: number, n: number): number {
  while (p < n && (units[p] === 32 || units[p] === 9)) p++;
  if (p >= n || units[p] !== 10) return -1;
  p++;
  while (p < n && (units[p] === 32 || units[p] === 9)) p++;
  if (p >= n) return -1;
  const c = units[p]!;
  if (c >= 97 && c <= 122) return p;
  if (c < 128) return -1;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() ? p : -1;
}

/**
 * The id of a word hyphenated across a line break, text[s, hy) + text[r, e): joined ("investigation")
 * unless only the hyphenated form is a known word ("well-known"), as a known compound keeps its hyphen.
 */
function joinedId(vocab: Vocab, text: string, s: number, hy: number, r: number, e: number): number {
  const head = text.slice(s, hy).toLowerCase();
  const tail = text.slice(r, e).toLowerCase();
  let w = head + tail;
  if (vocab.get(w) < 0 && vocab.get(`${head}-${tail}`) >= 0) w = `${head}-${tail}`;
  const v = vocab.get(w);
  if (v >= 0) return v;
  let key = extra.get(w);
  if (key < 0) key = extra.intern(ownCopy(w));
  return localIdOf(key);
}

/** Hash (see vocab.ts) and OR of the units of text[s, e), for tokens not hashed while scanning. */
function rangeId(vocab: Vocab, text: string, units: Uint16Array, s: number, e: number): number {
  let h = HASH_SEED;
  let or = 0;
  for (let p = s; p < e; p++) {
    const c = units[p]!;
    or |= c;
    h = hashStep(h, lowerAscii(c));
  }
  return wordId(vocab, text, units, s, e, h, or < 128);
}

/**
 * Splits canonical text into word, number, punctuation, symbol and hashtag tokens.
 * Words keep internal hyphens ("so-called") and apostrophes ("don't"), but a trailing possessive
 * "'s" is its own token so that "Freedonia's" still matches the lexicon entry "freedonia".
 * Dotted abbreviations ("U.S.", "e.g.") and numbers with separators ("2,000", "3.5") are one token.
 * Ids refer to `vocab` (which is only read: words it lacks get document-local ids).
 */
export function tokenise(text: string, vocab: Vocab): Tokens {
  const n = text.length;
  // Module constants copied to locals: imported bindings are not constant-folded in hot loops.
  const table = CHAR_INFO;
  const _C_SPACE = C_SPACE, _C_NEWLINE = C_NEWLINE, _C_LETTER = C_LETTER, _C_DIGIT = C_DIGIT, _C_MARK = C_MARK, _C_HIGH = C_HIGH, _C_LOW = C_LOW;
  const _CLASS_MASK = CLASS_MASK, _UPPER_BIT = UPPER_BIT, _NONUPPER_LETTER_BIT = NONUPPER_LETTER_BIT, _NONASCII_BIT = NONASCII_BIT, _HASH_SEED = HASH_SEED;
  const _F_NEWLINE_BEFORE = F_NEWLINE_BEFORE, _F_PARA_BEFORE = F_PARA_BEFORE, _F_CAP = F_CAP, _F_UPPER = F_UPPER, _F_GLUED = F_GLUED, _F_CAP_ASCII = F_CAP_ASCII;
  const _LOWER_INFO = C_LETTER | NONUPPER_LETTER_BIT;
  const _K_NUMBER = K_NUMBER, _K_WORD = K_WORD, _K_SYMBOL = K_SYMBOL, _K_HASHTAG = K_HASHTAG, _K_PUNCT = K_PUNCT;
  // Scratch arrays reused across calls (a document never has more tokens than units); the result
  // gets exact-size copies. Plain locals, no closures: this loop is the hot path. Each token's id
  // is looked up as it is emitted, words with the hash computed while scanning them.
  // Read units from a typed-array copy, not the string (see UnitBuffer).
  const units = textUnits.fill(text);
  const start = scratchStart.take(n);
  const end = scratchEnd.take(n);
  const ids = scratchId.take(n);
  const kind = scratchKind.take(n);
  const flags = scratchFlags.take(n);
  if (++docStamp > 0x3fffffff) {
    keyStamp.fill(0);
    docStamp = 1;
  }
  localWords = [];
  let count = 0;
  let pendingFlags = 0;
  let sawSpace = true;

  let i = 0;
  let newlines = 0;
  while (i < n) {
    const c = units[i]!;
    if (c === 32) {
      sawSpace = true;
      i++;
      continue;
    }
    let info = table[c]!;
    if (info === 255) info = charInfo(c);
    const cls = info & _CLASS_MASK;
    if (cls === _C_SPACE || cls === _C_NEWLINE) {
      if (cls === _C_NEWLINE) {
        newlines++;
        pendingFlags |= newlines >= 2 ? _F_NEWLINE_BEFORE | _F_PARA_BEFORE : _F_NEWLINE_BEFORE;
      }
      sawSpace = true;
      i++;
      continue;
    }
    newlines = 0;
    let j: number;
    let k: number;
    let f = 0;
    let id: number;
    if (cls === _C_LETTER || cls === _C_DIGIT) {
      j = i + 1;
      // acc ORs the info of every unit: a letter (class bit 0), a non-uppercase letter, non-ASCII.
      let acc = info;
      let letters = cls === _C_LETTER ? 1 : 0;
      // The hash of the lowercased units: an ASCII capital has UPPER_BIT (8), and 8 << 2 is the case bit.
      let h = hashStep(_HASH_SEED, c | ((info & _UPPER_BIT) << 2));
      let hashed = true;
      let joinAt = -1;
      let resume = -1;
      for (;;) {
        while (j < n) {
          const d = units[j]!;
          if (d >= 97 && d <= 122) {
            // Fast path for the commonest unit, an ASCII lowercase letter.
            acc |= _LOWER_INFO;
            letters++;
            h = hashStep(h, d);
            j++;
            continue;
          }
          // A space ends most words: no table lookup for it.
          if (d === 32) break;
          let di = table[d]!;
          if (di === 255) di = charInfo(d);
          // Word units: letter (1), digit (2) or mark (4).
          if (((0b10110 >> (di & _CLASS_MASK)) & 1) === 0) break;
          acc |= di;
          letters += di & 1;
          h = hashStep(h, d | ((di & _UPPER_BIT) << 2));
          j++;
        }
        const allDigits = (acc & 1) === 0;
        if (j + 1 >= n) break;
        const sep = units[j]!;
        // Only '.', ',', '-' and an apostrophe can continue a token (most words end at a space).
        if (sep !== 46 && sep !== 44 && sep !== 45 && sep !== 39) break;
        const nextCls = charClass(units[j + 1]!);
        // Digits separated by '.' or ',' continue a number: 3.5, 2,000.
        if (allDigits && (sep === 46 || sep === 44) && nextCls === _C_DIGIT) {
          h = hashStep(h, sep);
          j += 1;
          continue;
        }
        // Hyphenated compounds and contractions continue a word, except the possessive/clitic 's.
        if ((sep === 45 || sep === 39) && (nextCls === _C_LETTER || nextCls === _C_DIGIT)) {
          if (sep === 39) {
            const c2 = units[j + 1]! | 32;
            const c3 = j + 2 < n ? charClass(units[j + 2]!) : _C_SPACE;
            if ((c2 === 115 /* s */ || c2 === 100 /* d */ || c2 === 109 /* m */) && !isWordChar(c3)) break;
            if ((c2 === 108 || c2 === 114 || c2 === 118) && j + 3 <= n) {
              // 'll 're 've
              const c4 = j + 3 < n ? charClass(units[j + 3]!) : _C_SPACE;
              if (!isWordChar(c4)) break;
            }
          }
          h = hashStep(h, sep);
          j += 1;
          continue;
        }
        // Dotted abbreviations: U.S. e.g. (single letters separated by dots).
        if (sep === 46 && j - i === 1 && letters === 1 && nextCls === _C_LETTER && (j + 2 >= n || units[j + 2]! === 46)) {
          j += 3;
          while (j + 1 < n && charClass(units[j]!) === _C_LETTER && units[j + 1]! === 46) j += 2;
          // "A.A" at the very end of the text has no final dot: the token ends with the text.
          if (j > n) j = n;
          hashed = false;
          break;
        }
        // A word hyphenated across a line break ("investi-\ngation"): one token, read as the word.
        if (sep === 45 && joinAt < 0 && letters > 0) {
          const r = afterLineBreak(units, j + 1, n);
          if (r > 0) {
            joinAt = j;
            resume = r;
            j = r;
            hashed = false;
            continue;
          }
        }
        break;
      }
      if (cls === _C_LETTER && (info & _UPPER_BIT) !== 0) f |= _F_CAP;
      if (c >= 65 && c <= 90) f |= _F_CAP_ASCII;
      if (letters >= 2 && (acc & _NONUPPER_LETTER_BIT) === 0) f |= _F_UPPER;
      k = (acc & 1) === 0 ? _K_NUMBER : _K_WORD;
      id = joinAt >= 0 ? joinedId(vocab, text, i, joinAt, resume, j) : hashed ? wordId(vocab, text, units, i, j, h, (acc & _NONASCII_BIT) === 0) : rangeId(vocab, text, units, i, j);
    } else {
      if (cls === _C_HIGH) {
        j = i + 1 < n && charClass(units[i + 1]!) === _C_LOW ? i + 2 : i + 1;
        k = _K_SYMBOL;
      } else if (cls === _C_LOW || cls === _C_MARK) {
        j = i + 1;
        k = _K_SYMBOL;
      } else if (c === 35 && i + 1 < n && charClass(units[i + 1]!) === _C_LETTER) {
        // '#word' is a hashtag token.
        j = i + 2;
        while (j < n && isWordChar(charClass(units[j]!))) j++;
        k = _K_HASHTAG;
      } else {
        j = -1;
        k = _K_PUNCT;
        // Clitics split from the word before: 's 'd 'm 'll 're 've ("Freedonia's" -> "Freedonia" "'s").
        if (c === 39 && i > 0 && isWordChar(charClass(units[i - 1]!))) {
          let e = i + 1;
          while (e < n && e - i <= 3 && charClass(units[e]!) === _C_LETTER) e++;
          const clitic = text.slice(i + 1, e).toLowerCase();
          if ((clitic === 's' || clitic === 'd' || clitic === 'm' || clitic === 'll' || clitic === 're' || clitic === 've') && (e >= n || !isWordChar(charClass(units[e]!)))) {
            j = e;
            k = _K_WORD;
          }
        }
        if (j === -1) {
          // Runs of the same punctuation mark are one token: "!!!", "...", "--".
          j = i + 1;
          while (j < n && units[j]! === c) j++;
          // "?!" and "!?" runs count as one token too.
          if ((c === 33 || c === 63) && j < n && (units[j]! === 33 || units[j]! === 63)) {
            while (j < n && (units[j]! === 33 || units[j]! === 63)) j++;
          }
        }
      }
      id = rangeId(vocab, text, units, i, j);
    }
    start[count] = i;
    end[count] = j;
    ids[count] = id;
    kind[count] = k;
    flags[count] = f | pendingFlags | (sawSpace || count === 0 ? 0 : _F_GLUED);
    pendingFlags = 0;
    sawSpace = false;
    count++;
    i = j;
  }
  const words = localWords;
  localWords = [];
  const nLocal = words.length;
  const generation = extraGeneration;
  // The result's arrays are views of one arena buffer (see arenaFor).
  const bytes = 4 * (3 * count + nLocal) + 2 * count;
  const buffer = arenaFor(bytes);
  const at = arenaAt;
  const outStart = new Int32Array(buffer, at, count);
  const outEnd = new Int32Array(buffer, at + 4 * count, count);
  const outId = new Int32Array(buffer, at + 8 * count, count);
  const outKeys = new Int32Array(buffer, at + 12 * count, nLocal);
  const outKind = new Uint8Array(buffer, at + 4 * (3 * count + nLocal), count);
  const outFlags = new Uint8Array(buffer, at + 4 * (3 * count + nLocal) + count, count);
  outStart.set(start.subarray(0, count));
  outEnd.set(end.subarray(0, count));
  outId.set(ids.subarray(0, count));
  outKeys.set(localKeys.subarray(0, nLocal));
  outKind.set(kind.subarray(0, count));
  outFlags.set(flags.subarray(0, count));
  // Do not keep the scratch of an unusually long text alive.
  scratchStart.release();
  scratchEnd.release();
  scratchId.release();
  scratchKind.release();
  scratchFlags.release();
  if (localKeys.length > MAX_KEPT_SCRATCH) localKeys = new Int32Array(64);
  if (extra.size > MAX_EXTRA_WORDS || extra.unitCount > MAX_EXTRA_UNITS) {
    extra = new Vocab();
    extraGeneration++;
    keyStamp = new Int32Array(1024);
    keyLocal = new Int32Array(1024);
  }
  return {
    count,
    vocab,
    start: outStart,
    end: outEnd,
    id: outId,
    kind: outKind,
    flags: outFlags,
    localWords: words,
    localKeys: outKeys,
    keyGeneration: generation,
    vocabSize: vocab.size,
  };
}
