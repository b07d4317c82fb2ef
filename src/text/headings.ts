/**
 * Title lines inside a document: section headings ("2. Population movements", "Summary"), section
 * numbers on a line of their own ("3."), bylines ("By Anselm Rieck, Arnholt Daily, March 16",
 * "A commentary by the Velsk Institute") and date lines ("March 2025"), as reports, op-eds and
 * converted PDFs carry them. They label the text and state nothing, so sourcing does not count them
 * as unsourced sentences and claims never come from them. The headline (the first line) is not one
 * of them: a news headline states what happened.
 *
 * A title line stands alone on its line, does not end like running text, and is short: three words
 * at most, or every longer word capitalised (Title Case), or a section number and at most seven words
 * ("1. Scope and method"), or a byline. A list item ("- Partners
 * report shortages") or a line with lower-case content words reads as a statement and stays.
 */

/** Most words in a title line. */
const MAX_WORDS = 12;
/** Words at most that make a title line without further evidence ("Population movements"). */
const SHORT = 3;

/** Words at most (its number included) in a numbered section heading in sentence case. */
const NUMBERED_MAX = 8;

/** A section number with a dot ("3.", "4.2"): a bare "5" opens a statement ("5 wells were dry"). */
const NUMBERED = /^\d{1,3}(?:\.\d{1,3})*\.$|^\d{1,3}(?:\.\d{1,3})+$/;
const SECTION_NUMBER = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.|[A-H]\.)$/;
const BYLINE = /^(?:by\s|(?:an?\s+)?[a-z]+(?:\s+[a-z]+)?\s+by\s)/i;
/** A wire's credit line: "(Reporting by Nadia Fell; Editing by Simon Arcot)". */
const CREDIT = /^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|research)\s+by\s[^.!?]*\)?\.?$/i;
const LIST_MARK = /^[-–—•·*▪◦>]/;
/** Ends like running text: sentence or clause punctuation, a closing quote or bracket. */
const TEXT_END = /[.!?;:,"'”’)\]]$/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 12;

/** Whether only blanks stand between the line break before `at` (or the start) and `at`. */
function startsLine(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

/** Whether only blanks stand between `at` and the next line break (or the end). */
function endsLine(text: string, at: number): boolean {
  for (let k = at; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

function sameLine(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return false;
  return true;
}

/** Whether a line's own text (trimmed) reads as a title line rather than a statement. */
export function isTitleLine(line: string): boolean {
  const s = line.trim();
  if (s === '') return false;
  if (SECTION_NUMBER.test(s) || (CREDIT.test(s) && s.length <= 160)) return true;
  if (LIST_MARK.test(s) || TEXT_END.test(s)) return false;
  const words = s.match(WORD) ?? [];
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  if (BYLINE.test(s)) return true;
  if (words.length <= SHORT) return true;
  // A numbered section heading in sentence case: "1. Scope and method", "4.2 Statements made to the press".
  if (NUMBERED.test(words[0]!) && words.length <= NUMBERED_MAX) return true;
  // Title Case: every word of four letters or more starts with a capital or a digit.
  return words.every((w) => w.length < 4 || !/^\p{Ll}/u.test(w));
}

/**
 * Indices of the sentences that are title lines, ascending. `headline`: the sentence index of the
 * document's headline, which is never one (-1 when there is none).
 */
export function findTitleLines(text: string, sentences: readonly { start: number; end: number }[], headline: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < sentences.length; k++) {
    const first = sentences[k]!;
    if (!startsLine(text, first.start)) continue;
    // The sentences that make up the line: "1. Access" is two ("1." and "Access").
    let j = k;
    while (j + 1 < sentences.length && !endsLine(text, sentences[j]!.end) && sameLine(text, sentences[j]!.end, sentences[j + 1]!.start)) j++;
    const last = sentences[j]!;
    if (endsLine(text, last.end) && last.end - first.start <= 160 && isTitleLine(text.slice(first.start, last.end))) {
      for (let m = k; m <= j; m++) if (m !== headline) out.push(m);
    }
    k = j;
  }
  return out;
}
