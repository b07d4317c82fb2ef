/**
 * Normalisation that never loses the way back. The canonical text is what detectors read: LF line
 * breaks, plain spaces, straight quotes, decoded HTML entities, no BOM or zero-width characters.
 * `origStart[i]`/`origEnd[i]` give the original UTF-16 range that produced canonical unit i, so any
 * canonical span maps back to the exact original substring.
 *
 * The canonical text is never longer than the original (every rewrite is 1:1 or shrinking), which
 * lets the maps be preallocated.
 */

import { UnitBuffer } from './chars.js';

export interface NormalisedText {
  original: string;
  text: string;
  /** null when the canonical text equals the original (identity map, the common fast path). */
  origStart: Int32Array | null;
  origEnd: Int32Array | null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '\u2013', mdash: '\u2014',
  lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', hellip: '\u2026', laquo: '"', raquo: '"',
  sbquo: "'", bdquo: '"', prime: "'", Prime: '"', shy: '', zwj: '', zwnj: '', thinsp: ' ',
  ensp: ' ', emsp: ' ', eacute: 'é', egrave: 'è', aacute: 'á', oacute: 'ó', uacute: 'ú', iacute: 'í',
  ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', euro: '€', pound: '£', copy: '©', deg: '°',
};

/** Characters that need rewriting; when none occurs the identity fast path applies. */
const NEEDS_WORK = /[\r\u00a0\u00ad\u2000-\u200f\u2018-\u201f\u2028-\u202f\u2032\u2033\u2060\u205f\u3000\ufeff\u00ab\u00bb&]/;

function replacementFor(c: number): string | null {
  switch (c) {
    case 0xfeff: case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0x00ad: case 0x200e: case 0x200f:
      return '';
    case 0x00a0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200a: case 0x202f: case 0x205f: case 0x3000:
      return ' ';
    case 0x2028: case 0x2029:
      return '\n';
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
      return "'";
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0x00ab: case 0x00bb:
      return '"';
    default:
      return null;
  }
}

const ENTITY = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,9});/;

function decodeEntity(body: string): string | null {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    const s = String.fromCodePoint(code);
    // A decoded entity is itself normalised (e.g. &#8220; becomes a straight quote).
    if (s.length === 1) {
      const r = replacementFor(s.charCodeAt(0));
      if (r !== null) return r;
    }
    return s;
  }
  return NAMED_ENTITIES[body] ?? null;
}

const units = new UnitBuffer();

/** A superset of NEEDS_WORK (\r, & and anything from U+00A0 up) that a regex scans about twice as fast. */
const MAY_NEED_WORK = /[^\0-\x0c\x0e-\x25\x27-\x9f]/;

export function normalise(original: string): NormalisedText {
  if (!MAY_NEED_WORK.test(original) || !NEEDS_WORK.test(original)) return { original, text: original, origStart: null, origEnd: null };
  const n = original.length;
  const origStart = new Int32Array(n + 1);
  const origEnd = new Int32Array(n + 1);
  const out: string[] = [];
  let len = 0; // canonical length so far (a plain local, not captured by a closure: this loop is hot)
  const u = units.fill(original); // read units from a typed array, not the string (see UnitBuffer)
  let i = 0;
  while (i < n) {
    const c = u[i]!;
    let r: string | null;
    let to = i + 1;
    if (c === 13 /* \r */) {
      if (i + 1 < n && u[i + 1] === 10) to = i + 2;
      r = '\n';
    } else if (c === 38 /* & */) {
      r = '&';
      const m = ENTITY.exec(original.slice(i, i + 12));
      if (m) {
        const decoded = decodeEntity(m[1]!);
        if (decoded !== null) {
          r = decoded;
          to = i + m[0].length;
        }
      }
    } else {
      r = c < 0xa0 ? null : replacementFor(c);
      if (r === null) {
        // Copy the run of untouched characters in one go.
        let j = i + 1;
        while (j < n) {
          const d = u[j]!;
          if (d < 0xa0 ? d === 13 || d === 38 : replacementFor(d) !== null) break;
          j++;
        }
        for (let k = i; k < j; k++) {
          origStart[len] = k;
          origEnd[len] = k + 1;
          len++;
        }
        out.push(original.slice(i, j));
        i = j;
        continue;
      }
    }
    for (let k = 0; k < r.length; k++) {
      origStart[len] = i;
      origEnd[len] = to;
      len++;
    }
    out.push(r);
    i = to;
  }
  origStart[len] = n;
  origEnd[len] = n;
  return { original, text: out.join(''), origStart: origStart.subarray(0, len + 1), origEnd: origEnd.subarray(0, len + 1) };
}

/** Maps a canonical span [start, end) to the original text. Empty spans map to a position. */
export function toOriginalSpan(nt: NormalisedText, start: number, end: number): [number, number] {
  if (nt.origStart === null || nt.origEnd === null) return [start, end];
  const s = nt.origStart[start]!;
  if (end <= start) return [s, s];
  return [s, nt.origEnd[end - 1]!];
}

/** Maps an original offset to the canonical offset of the first canonical unit at or after it. */
export function toCanonicalOffset(nt: NormalisedText, offset: number): number {
  if (nt.origStart === null) return offset;
  const a = nt.origStart;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1-based line and column (UTF-16 units) of an offset; uses a precomputed table of line starts. */
export function lineStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let k = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

export function lineColumn(starts: Int32Array, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
