import type { Doc } from '../text/segment.js';
import { F_CAP, K_NUMBER, K_WORD } from '../text/tokenise.js';
import { WordSet } from './word-sets.js';

/**
 * Months are not hedges, modals or calls: "on May 28", "in May", "since March". Every place that
 * matches a hedge, modal or call list asks `isDateWord` before it counts "may" or "march".
 */

const MONTHS = new WordSet([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
/** Month names that are also common words ("may", "march"): a date only in a date's company. */
const AMBIGUOUS = new WordSet(['may', 'march', 'jan', 'mar', 'jun', 'sep', 'dec', 'oct', 'nov', 'aug', 'apr', 'feb', 'jul']);
/** Words that put a month after them: "in May", "early March", "last May", "April and May". */
const BEFORE_MONTH = new WordSet([
  'in', 'on', 'since', 'until', 'till', 'by', 'from', 'to', 'through', 'throughout', 'during', 'before', 'after', 'of',
  'early', 'late', 'mid', 'last', 'next', 'this', 'that', 'every', 'each', 'between', 'and', 'or', 'until', 'around',
]);

/** A number token that can be a day of the month or a year ("28", "28th" is a word, "2025"). */
function dayOrYear(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  if (i < 0 || i >= t.count) return false;
  const len = t.end[i]! - t.start[i]!;
  if (t.kind[i] === K_NUMBER) return len <= 2 || len === 4;
  // "28th", "1st"
  return t.kind[i] === K_WORD && len <= 4 && /^\d{1,2}(?:st|nd|rd|th)$/.test(doc.text.slice(t.start[i]!, t.end[i]!));
}

/** Is token i a month name? (A date word in any reading: see `isDateWord` for "may" and "march".) */
export function isMonthName(doc: Doc, i: number): boolean {
  return MONTHS.at(doc.tokens, i);
}

/**
 * Is token i a month used as a date? Unambiguous names always are; "May" and "March" (and
 * abbreviations) only capitalised and with a day or year beside them, after a date word ("in May",
 * "since March", "April and May"), or inside a sentence before anything but a capitalised word
 * ("said May was the wettest month"; in a title-case headline "Talks May Collapse" it is the modal).
 */
export function isDateWord(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  if (!MONTHS.at(t, i)) return false;
  if (!AMBIGUOUS.at(t, i)) return true;
  if ((t.flags[i]! & F_CAP) === 0) return false;
  if (dayOrYear(doc, i + 1) || dayOrYear(doc, i - 1)) return true;
  if (i > 0 && t.kind[i - 1] === K_WORD && (BEFORE_MONTH.at(t, i - 1) || MONTHS.at(t, i - 1))) return true;
  const s = doc.sentences[doc.tokenSentence[i]!];
  const first = s !== undefined && s.tokenStart === i;
  if (first) return false;
  return !(i + 1 < t.count && t.kind[i + 1] === K_WORD && (t.flags[i + 1]! & F_CAP) !== 0);
}

/** Is number token i a day or year of a date ("May 28", "3 June", "June 3, 2025")? */
export function isDateNumber(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  if (t.kind[i] !== K_NUMBER || !dayOrYear(doc, i)) return false;
  if (i > 0 && isDateWord(doc, i - 1)) return true;
  if (i + 1 < t.count && isDateWord(doc, i + 1)) return true;
  // "June 3, 2025": the year after a day.
  return i >= 3 && t.kind[i - 2] === K_NUMBER && isDateWord(doc, i - 3) && doc.text.charCodeAt(t.start[i - 1]!) === 44;
}

/** Words a time phrase can end in: "on Thursday night", "last month", "this spring". */
const TIME_NOUNS = new WordSet([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'night', 'morning', 'evening', 'afternoon',
  'weekend', 'week', 'month', 'year', 'spring', 'summer', 'autumn', 'winter',
]);
/** Words that open a time phrase: "on", "last", "earlier". */
const TIME_OPENERS = new WordSet(['on', 'last', 'this', 'next', 'earlier', 'late', 'early']);
/** A time phrase of one word. */
const TIME_ALONE = new WordSet(['yesterday', 'today', 'tonight', 'earlier']);

/**
 * Where a time phrase that ends at token `end` starts ("Dastrian television on Thursday night
 * described", "Prosecutors in Velda last month charged"), or `end` when none ends there; never before
 * `from`. An opener ("on", "last") is needed, so a name ("Thursday Okafor") is never cut.
 */
export function timePhraseStart(doc: Doc, end: number, from: number): number {
  const t = doc.tokens;
  if (end - 1 >= from && TIME_ALONE.at(t, end - 1)) return end - 1;
  let k = end;
  while (k - 1 > from && TIME_NOUNS.at(t, k - 1)) k--;
  if (k === end || k - 1 < from || !TIME_OPENERS.at(t, k - 1)) return end;
  return k - 1;
}
