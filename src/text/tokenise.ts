import { charClass, C_DIGIT, C_HIGH, C_LETTER, C_LOW, C_MARK, C_NEWLINE, C_SPACE } from './chars.js';
import { vocab } from './vocab.js';

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

function isWordChar(cls: number): boolean {
  return cls === C_LETTER || cls === C_DIGIT || cls === C_MARK;
}

/**
 * Splits canonical text into word, number, punctuation, symbol and hashtag tokens.
 * Words keep internal hyphens ("so-called") and apostrophes ("don't"), but a trailing possessive
 * "'s" is its own token so that "Freedonia's" still matches the lexicon entry "freedonia".
 * Dotted abbreviations ("U.S.", "e.g.") and numbers with separators ("2,000", "3.5") are one token.
 */
export function tokenise(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(16, (n >> 2) + 8);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let flags = new Uint8Array(cap);
  let count = 0;
  let pendingFlags = 0;
  let sawSpace = true;
  const grow = () => {
    cap *= 2;
    const s = new Int32Array(cap); s.set(start); start = s;
    const e = new Int32Array(cap); e.set(end); end = e;
    const k = new Uint8Array(cap); k.set(kind); kind = k;
    const f = new Uint8Array(cap); f.set(flags); flags = f;
  };
  const emit = (s: number, e: number, k: number, f: number) => {
    if (count === cap) grow();
    start[count] = s;
    end[count] = e;
    kind[count] = k;
    flags[count] = f | pendingFlags | (sawSpace || count === 0 ? 0 : F_GLUED);
    pendingFlags = 0;
    sawSpace = false;
    count++;
  };

  let i = 0;
  let newlines = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls === C_SPACE || cls === C_NEWLINE) {
      if (cls === C_NEWLINE) {
        newlines++;
        pendingFlags |= newlines >= 2 ? F_NEWLINE_BEFORE | F_PARA_BEFORE : F_NEWLINE_BEFORE;
      }
      sawSpace = true;
      i++;
      continue;
    }
    newlines = 0;
    if (cls === C_LETTER || cls === C_DIGIT) {
      let j = i + 1;
      let allDigits = cls === C_DIGIT;
      let letters = cls === C_LETTER ? 1 : 0;
      let uppers = cls === C_LETTER && text[i] !== text[i]!.toLowerCase() ? 1 : 0;
      for (;;) {
        while (j < n) {
          const d = text.charCodeAt(j);
          const dc = charClass(d);
          if (!isWordChar(dc)) break;
          if (dc === C_LETTER) {
            allDigits = false;
            letters++;
            if (d >= 65 && d <= 90) uppers++;
            else if (d > 127 && text[j] !== text[j]!.toLowerCase()) uppers++;
          }
          j++;
        }
        if (j + 1 >= n) break;
        const sep = text.charCodeAt(j);
        const nextCls = charClass(text.charCodeAt(j + 1));
        // Digits separated by '.' or ',' continue a number: 3.5, 2,000.
        if (allDigits && (sep === 46 || sep === 44) && nextCls === C_DIGIT) { j += 1; continue; }
        // Hyphenated compounds and contractions continue a word, except the possessive/clitic 's.
        if ((sep === 45 || sep === 39) && (nextCls === C_LETTER || nextCls === C_DIGIT)) {
          if (sep === 39) {
            const c2 = text.charCodeAt(j + 1) | 32;
            const c3 = j + 2 < n ? charClass(text.charCodeAt(j + 2)) : C_SPACE;
            if ((c2 === 115 /* s */ || c2 === 100 /* d */ || c2 === 109 /* m */) && !isWordChar(c3)) break;
            if ((c2 === 108 || c2 === 114 || c2 === 118) && j + 3 <= n) {
              // 'll 're 've
              const c4 = j + 3 < n ? charClass(text.charCodeAt(j + 3)) : C_SPACE;
              if (!isWordChar(c4)) break;
            }
          }
          j += 1;
          continue;
        }
        // Dotted abbreviations: U.S. e.g. (single letters separated by dots).
        if (sep === 46 && j - i === 1 && letters === 1 && nextCls === C_LETTER && (j + 2 >= n || text.charCodeAt(j + 2) === 46)) {
          j += 3;
          while (j + 1 < n && charClass(text.charCodeAt(j)) === C_LETTER && text.charCodeAt(j + 1) === 46) j += 2;
          break;
        }
        break;
      }
      let f = 0;
      const first = text.charCodeAt(i);
      if (cls === C_LETTER && (first >= 65 && first <= 90 || (first > 127 && text[i] !== text[i]!.toLowerCase()))) f |= F_CAP;
      if (letters >= 2 && uppers === letters) f |= F_UPPER;
      emit(i, j, allDigits ? K_NUMBER : K_WORD, f);
      i = j;
      continue;
    }
    if (cls === C_HIGH) {
      const j = i + 1 < n && charClass(text.charCodeAt(i + 1)) === C_LOW ? i + 2 : i + 1;
      emit(i, j, K_SYMBOL, 0);
      i = j;
      continue;
    }
    if (cls === C_LOW || cls === C_MARK) {
      emit(i, i + 1, K_SYMBOL, 0);
      i++;
      continue;
    }
    // '#word' is a hashtag token.
    if (c === 35 && i + 1 < n && charClass(text.charCodeAt(i + 1)) === C_LETTER) {
      let j = i + 2;
      while (j < n && isWordChar(charClass(text.charCodeAt(j)))) j++;
      emit(i, j, K_HASHTAG, 0);
      i = j;
      continue;
    }
    // Clitics split from the word before: 's 'd 'm 'll 're 've ("Freedonia's" -> "Freedonia" "'s").
    if (c === 39 && i > 0 && isWordChar(charClass(text.charCodeAt(i - 1)))) {
      let j = i + 1;
      while (j < n && j - i <= 3 && charClass(text.charCodeAt(j)) === C_LETTER) j++;
      const clitic = text.slice(i + 1, j).toLowerCase();
      if ((clitic === 's' || clitic === 'd' || clitic === 'm' || clitic === 'll' || clitic === 're' || clitic === 've') && (j >= n || !isWordChar(charClass(text.charCodeAt(j))))) {
        emit(i, j, K_WORD, 0);
        i = j;
        continue;
      }
    }
    // Runs of the same punctuation mark are one token: "!!!", "...", "--".
    let j = i + 1;
    while (j < n && text.charCodeAt(j) === c) j++;
    // "?!" and "!?" runs count as one token too.
    if ((c === 33 || c === 63) && j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) {
      while (j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) j++;
    }
    emit(i, j, K_PUNCT, 0);
    i = j;
  }

  const id = new Int32Array(count);
  const local = new Map<string, number>();
  const localWords: string[] = [];
  for (let k = 0; k < count; k++) {
    const w = text.slice(start[k], end[k]).toLowerCase();
    let v = vocab.get(w);
    if (v < 0) {
      const known = local.get(w);
      if (known !== undefined) v = known;
      else {
        v = -(localWords.length + 2);
        local.set(w, v);
        localWords.push(w);
      }
    }
    id[k] = v;
  }
  return {
    count,
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    id,
    kind: kind.subarray(0, count),
    flags: flags.subarray(0, count),
    localWords,
  };
}
