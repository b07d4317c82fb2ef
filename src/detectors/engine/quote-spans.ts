/**
 * Findings keep to the quotation they are in. A finding is the quoted speaker's when it lies inside
 * a quotation (the voice layer gives a finding the voice of the part where it starts), so its span
 * must not begin on the opening mark or run on past the closing one into the attribution:
 *
 * - an edge on a quote mark moves inside it ("‘Our nation comes first" starts at "Our");
 * - a finding that starts in a real quotation (4+ words: scare quotes around a term are left alone)
 *   and runs out past its end ends where the quotation ends ("...first,’ said an official" stops
 *   at "first,"); one that starts before it and ends inside starts where it starts, when most of
 *   the finding is quoted words.
 *
 * One shared stage of the Analyzer, after the model has read the rules' findings as features (so
 * training features do not change), applied to every finding alike.
 */
import type { Doc } from '../../text/segment.js';
import type { QuoteSpan } from '../../text/quotes.js';
import type { CollectedFinding } from './contract.js';

/** A quotation of at least this many words is speech, not scare quotes around a term. */
const SPEECH_WORDS = 4;

function wordCount(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Index of the last quote whose start is at or before `at` (quotes are sorted by start), or -1. */
function lastStartingBy(quotes: readonly QuoteSpan[], at: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The span of a finding kept to the quotation it is in (see the module comment); the same span when none applies. */
export function keepToQuote(doc: Doc, start: number, end: number): [number, number] {
  const quotes = doc.quotes;
  if (quotes.length === 0) return [start, end];
  // The quotation the finding starts in or on (an enclosing one past a nested quote that ended
  // before it), else the one it ends in.
  let q: QuoteSpan | null = null;
  const k = lastStartingBy(quotes, start);
  for (let j = k; j >= 0 && j > k - 4 && q === null; j--) if (quotes[j]!.end > start) q = quotes[j]!;
  if (q === null) {
    const m = lastStartingBy(quotes, end - 1);
    if (m >= 0 && quotes[m]!.end >= end && quotes[m]!.start > start) q = quotes[m]!;
  }
  if (q === null) return [start, end];
  let s = start;
  let e = end;
  // Edges on the marks move inside.
  if (s >= q.start && s < q.contentStart) s = q.contentStart;
  if (e > q.contentEnd && e <= q.end && s >= q.contentStart) e = q.contentEnd;
  const speech = wordCount(doc.text, q.contentStart, q.contentEnd) >= SPEECH_WORDS;
  if (speech && s >= q.contentStart && s < q.contentEnd && e > q.end) e = q.contentEnd;
  else if (speech && s < q.start && e > q.contentStart && e <= q.contentEnd && 2 * (e - q.contentStart) >= e - s) s = q.contentStart;
  if (s === start && e === end) return [start, end];
  // Trailing spaces and the comma a quotation's words end with are not part of the finding.
  while (e > s && /[\s,]/.test(doc.text[e - 1]!)) e--;
  if (e <= s) return [start, end];
  return [s, e];
}

/** Applies keepToQuote to every finding, in place. */
export function keepFindingsToQuotes(doc: Doc, findings: CollectedFinding[]): void {
  if (doc.quotes.length === 0) return;
  for (const f of findings) {
    const [s, e] = keepToQuote(doc, f.start, f.end);
    f.start = s;
    f.end = e;
  }
}
