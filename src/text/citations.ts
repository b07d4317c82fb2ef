/**
 * Footnote and reference markers: "[12]", "[3, 4]", "^12", superscript digits ("¹²"), and "(12)"
 * where it points at a note. They cite a source for the sentence they close, so the sourcing layer
 * reads them (class `cited`); segmentation blanks them in the text, so that no detector takes the
 * number for a claim and a sentence ends after "...fled to Armenia.[13]". Canonical offsets.
 */

import type { TextRange } from './furniture.js';

export interface Citation extends TextRange {
  /** The sentence the marker belongs to: the one it closes, or the note it labels at a line's start. */
  sentence: number;
}

const MARKERS = /\[\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\]|\^\d{1,3}\b|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\(\d{1,3}\)/g;
/** Words a superscript digit squares or cubes ("40 km²"). */
const UNITS = new Set(['m', 'km', 'cm', 'mm', 'ft', 'mi', 'in', 'yd', 'sq', 'kg', 's']);

const isLetter = (c: number) => ((c | 32) >= 97 && (c | 32) <= 122) || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Punctuation a marker may follow directly: . , ; : ) ] " ' and the curly quotes. */
const isCloser = (c: number) => c === 46 || c === 44 || c === 59 || c === 58 || c === 41 || c === 93 || c === 34 || c === 39 || c === 0x201d || c === 0x2019;
const isSpace = (c: number) => c === 32 || c === 9;

/** The word that ends at `end` (letters only). */
function wordBefore(text: string, end: number): string {
  let a = end;
  while (a > 0 && isLetter(text.charCodeAt(a - 1))) a--;
  return text.slice(a, end).toLowerCase();
}

/** Nothing but spaces between the previous line break (or the text's start) and `at`. */
function atLineStart(text: string, at: number): boolean {
  let p = at;
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  return p === 0 || text.charCodeAt(p - 1) === 10;
}

/**
 * Reference markers of a canonical text, ascending, with sentence -1 (segmentation assigns it).
 * `skip` (ascending ranges, furniture) is ignored.
 */
export function findCitationMarkers(text: string, skip: readonly TextRange[] = []): Citation[] {
  const out: Citation[] = [];
  // A spaced "(12)" at a sentence's end is a note only where the text has two or more of them.
  const spaced: Citation[] = [];
  // "(6)", "¹" or "^6" opening a line labels a note when the text used the same marker before it.
  const labels: Citation[] = [];
  MARKERS.lastIndex = 0;
  let si = 0;
  for (let m = MARKERS.exec(text); m !== null; m = MARKERS.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (si < skip.length && skip[si]!.end <= start) si++;
    if (si < skip.length && skip[si]!.start < end) continue;
    const first = text.charCodeAt(start);
    const prev = start > 0 ? text.charCodeAt(start - 1) : 10;
    if (first !== 91 && atLineStart(text, start)) {
      labels.push({ start, end, sentence: -1 });
    } else if (first === 91 /* [ */) {
      out.push({ start, end, sentence: -1 });
    } else if (first === 94 /* ^ */) {
      if (isLetter(prev) || isCloser(prev)) out.push({ start, end, sentence: -1 });
    } else if (first === 40 /* ( */) {
      const next = end < text.length ? text.charCodeAt(end) : 10;
      if (isLetter(prev) || isCloser(prev)) {
        // Glued: "Armenia(12)", "Armenia.(12)" (not "5(2)", a clause of a law).
        out.push({ start, end, sentence: -1 });
      } else if (isSpace(prev) && start >= 2 && (isLetter(text.charCodeAt(start - 2)) || isCloser(text.charCodeAt(start - 2))) && (next === 46 || next === 59 || next === 10 || end === text.length)) {
        // "...in the valley (12)." at a sentence's end; an enumerator "(2) the second" is followed by words.
        spaced.push({ start, end, sentence: -1 });
      }
    } else if ((isLetter(prev) || isCloser(prev)) && !isDigit(prev) && !UNITS.has(wordBefore(text, start))) {
      out.push({ start, end, sentence: -1 });
    }
  }
  if (spaced.length >= 2) out.push(...spaced);
  if (labels.length > 0) {
    const used = new Set(out.map((c) => text.slice(c.start, c.end)));
    for (const c of labels) if (used.has(text.slice(c.start, c.end))) out.push(c);
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}

interface SentenceLike {
  start: number;
  end: number;
}

/**
 * Assigns each marker its sentence: the sentence it stands in, else the last one that ends before
 * it ("...Armenia.[13] International"); a marker that opens a line labels the note after it.
 */
export function assignCitationSentences(text: string, citations: Citation[], sentences: readonly SentenceLike[]): void {
  if (sentences.length === 0) return;
  for (const c of citations) {
    // The first sentence that ends after the marker's start.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= c.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < sentences.length && sentences[lo]!.start <= c.start) c.sentence = lo;
    else if (atLineStart(text, c.start) && lo < sentences.length) c.sentence = lo;
    else c.sentence = lo > 0 ? lo - 1 : 0;
  }
}

/**
 * The sentences of a notes list: each line that a marker opens ("[2] Corridor Aid Network, ...") and
 * every sentence on that line, ascending. They name the sources the text cites and state nothing of
 * the story: sourcing and claims skip them, and a title in quotation marks there is no speech.
 */
export function noteSentences(text: string, citations: readonly Citation[], sentences: readonly SentenceLike[]): number[] {
  const out: number[] = [];
  for (const c of citations) {
    if (c.sentence < 0 || !atLineStart(text, c.start) || sentences[c.sentence]!.end < c.start) continue;
    let lineEnd = text.indexOf('\n', c.end);
    if (lineEnd === -1) lineEnd = text.length;
    for (let k = c.sentence; k < sentences.length && sentences[k]!.start < lineEnd; k++) if (out[out.length - 1] !== k) out.push(k);
  }
  return out;
}
