import { charClass, charInfo, UnitBuffer, CHAR_INFO, CLASS_MASK, NONASCII_BIT, NONUPPER_LETTER_BIT, UPPER_BIT, C_DIGIT, C_HIGH, C_LETTER, C_LOW, C_MARK, C_NEWLINE, C_SPACE } from './chars.js';
import { HASH_SEED, hashStep, hashString, lowerAscii, vocab } from './vocab.js';

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

/** Tokens as parallel typed arrays: cheap to build, cheap to scan. */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Global vocab id of the lowercased form (>= 0), or a document-local negative id. */
  id: Int32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  /** Lowercased forms of the document's words that are not in the global vocab, by -(id) - 2. */
  localWords: string[];
}

/** The lowercased form of token i. */
export function tokenLower(t: Tokens, i: number): string {
  const id = t.id[i]!;
  return id >= 0 ? vocab.str(id) : t.localWords[-id - 2]!;
}

/** Scratch longer than this (in units) is dropped after the call instead of kept for the next. */
const MAX_KEPT_SCRATCH = 1 << 18;
let scratchStart = new Int32Array(0);
let scratchEnd = new Int32Array(0);
let scratchId = new Int32Array(0);
let scratchKind = new Uint8Array(0);
let scratchFlags = new Uint8Array(0);
const textUnits = new UnitBuffer();

/** Document-local word table: open addressing, slot -> local index + 1, keyed like the vocab. */
let localSlots = new Int32Array(64);
let localMask = 63;
let localHashes = new Int32Array(64);
let localWords: string[] = [];

function isWordChar(cls: number): boolean {
  return cls === C_LETTER || cls === C_DIGIT || cls === C_MARK;
}

/**
 * The id of text[s, e) lowercased: global when the vocab knows it, else document-local (negative).
 * `h` is the hash of the lowercased units when the range is ASCII; otherwise lowercasing may change
 * its length, and the lookup goes through the string.
 */
function wordId(text: string, units: Uint16Array, s: number, e: number, h: number, ascii: boolean): number {
  let slot: number;
  if (ascii) {
    const v = vocab.getAsciiRange(units, s, e, h);
    if (v >= 0) return v;
    const len = e - s;
    for (slot = h & localMask; ; slot = (slot + 1) & localMask) {
      const x = localSlots[slot]!;
      if (x === 0) break;
      if (localHashes[x - 1] !== h) continue;
      const w = localWords[x - 1]!;
      if (w.length !== len) continue;
      let q = 0;
      while (q < len && lowerAscii(units[s + q]!) === w.charCodeAt(q)) q++;
      if (q === len) return -(x + 1);
    }
  } else {
    const w = text.slice(s, e).toLowerCase();
    h = hashString(w);
    const v = vocab.get(w);
    if (v >= 0) return v;
    for (slot = h & localMask; ; slot = (slot + 1) & localMask) {
      const x = localSlots[slot]!;
      if (x === 0) break;
      if (localHashes[x - 1] === h && localWords[x - 1] === w) return -(x + 1);
    }
  }
  const index = localWords.length;
  localWords.push(text.slice(s, e).toLowerCase());
  if (index >= localHashes.length) {
    const hs = new Int32Array(localHashes.length * 2);
    hs.set(localHashes);
    localHashes = hs;
  }
  localHashes[index] = h;
  if ((index + 1) * 2 > localMask) {
    localSlots = new Int32Array(localSlots.length * 2);
    localMask = localSlots.length - 1;
    for (let x = 0; x <= index; x++) {
      let t = localHashes[x]! & localMask;
      while (localSlots[t] !== 0) t = (t + 1) & localMask;
      localSlots[t] = x + 1;
    }
  } else localSlots[slot] = index + 1;
  return -(index + 2);
}

/** Hash (see vocab.ts) and OR of the units of text[s, e), for tokens not hashed while scanning. */
function rangeId(text: string, units: Uint16Array, s: number, e: number): number {
  let h = HASH_SEED;
  let or = 0;
  for (let p = s; p < e; p++) {
    const c = units[p]!;
    or |= c;
    h = hashStep(h, lowerAscii(c));
  }
  return wordId(text, units, s, e, h, or < 128);
}

/**
 * Splits canonical text into word, number, punctuation, symbol and hashtag tokens.
 * Words keep internal hyphens ("so-called") and apostrophes ("don't"), but a trailing possessive
 * "'s" is its own token so that "Freedonia's" still matches the lexicon entry "freedonia".
 * Dotted abbreviations ("U.S.", "e.g.") and numbers with separators ("2,000", "3.5") are one token.
 */
export function tokenise(text: string): Tokens {
  const n = text.length;
  // Module constants copied to locals: imported bindings are not constant-folded in hot loops.
  const table = CHAR_INFO;
  const _C_SPACE = C_SPACE, _C_NEWLINE = C_NEWLINE, _C_LETTER = C_LETTER, _C_DIGIT = C_DIGIT, _C_MARK = C_MARK, _C_HIGH = C_HIGH, _C_LOW = C_LOW;
  const _CLASS_MASK = CLASS_MASK, _UPPER_BIT = UPPER_BIT, _NONUPPER_LETTER_BIT = NONUPPER_LETTER_BIT, _NONASCII_BIT = NONASCII_BIT, _HASH_SEED = HASH_SEED;
  const _F_NEWLINE_BEFORE = F_NEWLINE_BEFORE, _F_PARA_BEFORE = F_PARA_BEFORE, _F_CAP = F_CAP, _F_UPPER = F_UPPER, _F_GLUED = F_GLUED;
  const _LOWER_INFO = C_LETTER | NONUPPER_LETTER_BIT;
  const _K_NUMBER = K_NUMBER, _K_WORD = K_WORD, _K_SYMBOL = K_SYMBOL, _K_HASHTAG = K_HASHTAG, _K_PUNCT = K_PUNCT;
  // Scratch arrays reused across calls (a document never has more tokens than units); the result
  // gets exact-size copies. Plain locals, no closures: this loop is the hot path. Each token's id
  // is looked up as it is emitted, words with the hash computed while scanning them.
  if (scratchStart.length < n) {
    const size = Math.max(n, scratchStart.length * 2);
    scratchStart = new Int32Array(size);
    scratchEnd = new Int32Array(size);
    scratchId = new Int32Array(size);
    scratchKind = new Uint8Array(size);
    scratchFlags = new Uint8Array(size);
  }
  // Read units from a typed-array copy, not the string (see UnitBuffer).
  const units = textUnits.fill(text);
  const start = scratchStart;
  const end = scratchEnd;
  const ids = scratchId;
  const kind = scratchKind;
  const flags = scratchFlags;
  let size = 64;
  while (size < n >> 2) size *= 2;
  if (localSlots.length !== size) {
    localSlots = new Int32Array(size);
    localMask = size - 1;
  } else localSlots.fill(0);
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
          hashed = false;
          break;
        }
        break;
      }
      if (cls === _C_LETTER && (info & _UPPER_BIT) !== 0) f |= _F_CAP;
      if (letters >= 2 && (acc & _NONUPPER_LETTER_BIT) === 0) f |= _F_UPPER;
      k = (acc & 1) === 0 ? _K_NUMBER : _K_WORD;
      // A dotted abbreviation at the very end of the text overshoots it by one unit.
      id = hashed ? wordId(text, units, i, j, h, (acc & _NONASCII_BIT) === 0) : rangeId(text, units, i, j < n ? j : n);
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
      id = rangeId(text, units, i, j);
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
  // Do not keep the scratch of an unusually long text alive.
  if (scratchStart.length > MAX_KEPT_SCRATCH) {
    scratchStart = scratchEnd = scratchId = new Int32Array(0);
    scratchKind = scratchFlags = new Uint8Array(0);
  }
  if (localSlots.length > MAX_KEPT_SCRATCH) {
    localSlots = new Int32Array(64);
    localMask = 63;
    localHashes = new Int32Array(64);
  }
  return {
    count,
    start: start.slice(0, count),
    end: end.slice(0, count),
    id: ids.slice(0, count),
    kind: kind.slice(0, count),
    flags: flags.slice(0, count),
    localWords: words,
  };
}
