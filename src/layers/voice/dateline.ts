/**
 * A wire dateline at the start of a sentence: "VELSK, March 14 (Meridian Wire) - ". It is the
 * agency's furniture, not part of what a source says, so reported words start after it.
 */
import { punctChar } from '../../lexicon/word-sets.js';
import { K_NUMBER, K_WORD } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';

const DASHES = new Set(['-', '\u2013', '\u2014']);
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** The first token after a dateline that opens [a, b), or `a` when there is none. */
export function afterDateline(doc: Doc, a: number, b: number): number {
  const t = doc.tokens;
  let i = a;
  // The place in capitals: one to four words.
  while (i < b && i - a < 4 && t.kind[i] === K_WORD && isCapitals(doc.text.slice(t.start[i]!, t.end[i]!))) i++;
  if (i === a || i >= b || punctChar(doc, i) !== ',') return a;
  // A date (a month or a number) and perhaps the agency in brackets, then a dash, within a dozen tokens.
  let dated = false;
  for (let j = i + 1; j < Math.min(b, i + 14); j++) {
    if (DASHES.has(punctChar(doc, j))) return dated && j + 1 < b ? j + 1 : a;
    if (t.kind[j] === K_NUMBER || (t.kind[j] === K_WORD && MONTHS.test(doc.text.slice(t.start[j]!, t.end[j]!)))) dated = true;
  }
  return a;
}

function isCapitals(w: string): boolean {
  return w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
}
