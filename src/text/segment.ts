import { normalise, type NormalisedText } from './normalise.js';
import { arenaInt32, F_CAP, F_NEWLINE_BEFORE, F_PARA_BEFORE, K_NUMBER, K_PUNCT, K_WORD, tokenise, tokenLower, type Tokens } from './tokenise.js';
import type { Vocab } from './vocab.js';
import { findQuotes, type QuoteSpan } from './quotes.js';
import { blank, findFurniture, furnitureJoins, HANGING_WORDS, type TextRange } from './furniture.js';
import { findTitleLines } from './headings.js';
import { assignCitationSentences, findCitationMarkers, noteSentences, type Citation } from './citations.js';

export type { Citation } from './citations.js';
export type { TextRange } from './furniture.js';

/** Spans are canonical offsets; token ranges are [tokenStart, tokenEnd). */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
}

export interface Headline {
  start: number;
  end: number;
  sentence: number;
}

/** A normalised, segmented document: what every detector reads. */
export interface Doc {
  nt: NormalisedText;
  /** Canonical text (offsets below index into it). */
  text: string;
  tokens: Tokens;
  /** Sentence index of every token. */
  tokenSentence: Int32Array;
  sentences: Sentence[];
  paragraphs: Paragraph[];
  quotes: QuoteSpan[];
  headline: Headline | null;
  /** Number of word and number tokens. */
  words: number;
  /**
   * Page furniture of converted PDFs (running headers and footers, page numbers), as canonical line
   * ranges. Blanked in `text` (and `nt.text`): no token, sentence or finding comes from it.
   */
  furniture: TextRange[];
  /** The first line (kept as the title) is the running title that the pages repeat as furniture. */
  runningTitle?: boolean;
  /** Footnote and reference markers ("[12]", "¹²", "^12", "(12)"), blanked in `text` like furniture. */
  citations: Citation[];
  /**
   * Sentences that are title lines (section headings and numbers, bylines, date lines, the notes of
   * a notes list; not the headline), ascending: they state nothing, so sourcing and claims skip them
   * (see headings.ts, citations.ts).
   */
  titleLines: number[];
  /** The title lines that are notes of a notes list, ascending (their capitals name sources, as in prose). */
  noteLines?: number[];
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'st', 'jr', 'sr', 'no', 'vs', 'lt', 'col', 'capt',
  'gov', 'sgt', 'maj', 'adm', 'cmdr', 'pres', 'rev', 'hon', 'messrs', 'inc', 'ltd', 'co', 'corp', 'dept',
  'univ', 'approx', 'est', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'mt', 'ft', 'ave', 'blvd', 'etc', 'al', 'cf', 'e.g', 'i.e', 'p', 'pp', 'vol', 'op',
]);

function isCloser(text: string, t: Tokens, i: number): boolean {
  if (t.kind[i] !== K_PUNCT) return false;
  const c = text.charCodeAt(t.start[i]!);
  return c === 34 || c === 39 || c === 41 || c === 93; // " ' ) ]
}

/**
 * Splits tokens into sentences: terminal punctuation before a plausible sentence start, or a line
 * break. Returns the token index where each sentence begins, then the token count.
 */

/** A full line of running text that stops without punctuation: in a hard-wrapped page, the sentence goes on. */
const WRAP_MIN = 55;
function wrappedLine(text: string, lineEnd: number): boolean {
  const s = text.lastIndexOf('\n', lineEnd - 1) + 1;
  if (s === 0 || lineEnd - s < WRAP_MIN) return false; // the document's first line is its title
  const line = text.slice(s, lineEnd);
  return line.trim().length >= WRAP_MIN && !/\S[ \t]{3,}\S/.test(line) && /\p{Ll}/u.test(line);
}

function splitSentences(text: string, t: Tokens, hardWrapped: boolean): number[] {
  const out: number[] = [0];
  const count = t.count;
  const kind = t.kind;
  const flags = t.flags;
  const start = t.start;
  const end = t.end;
  let begin = 0;
  for (let i = 0; i < count; i++) {
    // A line break ends a sentence unless the next line continues in lowercase (hard-wrapped text).
    if (i > begin && flags[i]! & F_NEWLINE_BEFORE) {
      const c = text.charCodeAt(start[i]!);
      const lowerContinuation = c >= 97 && c <= 122 && !(flags[i]! & F_PARA_BEFORE);
      // "... between 2021 and\n2024, depending on ...": a line that ends on a word no sentence ends on runs on.
      const hanging = !(flags[i]! & F_PARA_BEFORE) && kind[i - 1] === K_WORD && HANGING_WORDS.has(tokenLower(t, i - 1));
      // Converted pages wrap wherever the line is full: "Its director, Dr. Ruth\nAmsel, told ...".
      const wrapped = hardWrapped && !lowerContinuation && !hanging && !(flags[i]! & F_PARA_BEFORE) && kind[i - 1] === K_WORD && wrappedLine(text, end[i - 1]!);
      if (!lowerContinuation && !hanging && !wrapped) {
        out.push(i);
        begin = i;
      }
    }
    if (kind[i] !== K_PUNCT) continue;
    const term = text.charCodeAt(start[i]!);
    if (term !== 46 && term !== 33 && term !== 63 && term !== 0x2026) continue; // . ! ? …
    let j = i + 1;
    while (j < count && isCloser(text, t, j) && !(flags[j]! & F_NEWLINE_BEFORE) && start[j] === end[j - 1]) j++;
    // A footnote marker glued to the full stop belongs to the sentence it ends: "... in May.[2] Next".
    if (j + 2 < count && text.charCodeAt(start[j]!) === 91 && start[j] === end[j - 1] && kind[j + 1] === K_NUMBER && text.charCodeAt(start[j + 2]!) === 93 && start[j + 2] === end[j + 1]) j += 3;
    if (j >= count) continue;
    if (flags[j]! & F_NEWLINE_BEFORE) continue; // the line break rule handles it
    if (start[j] === end[j - 1]) continue; // glued: "3.5", "example.com"
    const nextC = text.charCodeAt(start[j]!);
    const nextStarts = (flags[j]! & F_CAP) !== 0 || kind[j] === K_NUMBER || nextC === 34 || nextC === 39 || nextC === 40 || nextC === 8220;
    if (!nextStarts) continue;
    if (term === 46 && end[i]! - start[i]! === 1 && i > 0 && kind[i - 1] === K_WORD) {
      const prev = tokenLower(t, i - 1);
      if (ABBREVIATIONS.has(prev)) continue;
      // An initial: "J. Smith".
      if (prev.length === 1 && (flags[i - 1]! & F_CAP) !== 0) continue;
    }
    out.push(j);
    begin = j;
    i = j - 1;
  }
  if (begin < count) out.push(count);
  else out.pop();
  return out;
}

/**
 * The first line is a headline when it is set off as a title: followed by a line break, short,
 * at least two words, and not ending like a sentence of running text.
 */
function detectHeadline(text: string, sentences: Sentence[]): Headline | null {
  if (sentences.length < 2) return null;
  const first = sentences[0]!;
  const nl = text.indexOf('\n', first.start);
  if (nl === -1 || nl < first.end) return null;
  const rest = text.slice(first.end, nl);
  if (rest.trim() !== '') return null;
  const line = text.slice(first.start, first.end);
  if (line.length > 200 || line.split(/\s+/).length < 2) return null;
  const blankAfter = /^\n[ \t]*\n/.test(text.slice(nl));
  if (line.trimEnd().endsWith('.') && !blankAfter) return null;
  return { start: first.start, end: first.end, sentence: 0 };
}

/** Normalises, tokenises (ids of `vocab`, see tokenise) and segments a text. Never throws on any string. */
export function segment(input: string, vocab: Vocab): Doc {
  let nt = normalise(input);
  // Furniture and reference markers become spaces: one length-preserving rewrite that every reader
  // of the text and the tokens (detectors, layers, the model) then skips without knowing of it.
  const found = { runningTitle: false, pages: false };
  const furniture = findFurniture(nt.text, found);
  const citations = findCitationMarkers(nt.text, furniture);
  if (furniture.length > 0 || citations.length > 0) {
    nt = { ...nt, text: blank(nt.text, [...furniture, ...citations].sort((a, b) => a.start - b.start), furnitureJoins(nt.text, furniture)) };
  }
  const text = nt.text;
  const tokens = tokenise(text, vocab);
  // Lines run on where they are full only in a text that shows its pages (a converted PDF).
  const bounds = splitSentences(text, tokens, found.pages);
  const tokenSentence = arenaInt32(tokens.count);
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  const kind = tokens.kind;
  let words = 0;
  let para: Paragraph | null = null;
  for (let index = 0; index + 1 < bounds.length; index++) {
    const a = bounds[index]!;
    const b = bounds[index + 1]!;
    for (let k = a; k < b; k++) {
      tokenSentence[k] = index;
      if (kind[k] === K_WORD || kind[k] === K_NUMBER) words++;
    }
    const end = tokens.end[b - 1]!;
    if (para === null || (tokens.flags[a]! & F_PARA_BEFORE) !== 0) {
      if (para !== null) para.sentenceEnd = index;
      para = { index: paragraphs.length, start: tokens.start[a]!, end, sentenceStart: index, sentenceEnd: index + 1 };
      paragraphs.push(para);
    }
    para.end = end;
    para.sentenceEnd = index + 1;
    sentences.push({ index, start: tokens.start[a]!, end, tokenStart: a, tokenEnd: b, paragraph: para.index });
  }
  const headline = detectHeadline(text, sentences);
  let quotes = findQuotes(text, paragraphs);
  if (citations.length > 0) assignCitationSentences(text, citations, sentences);
  let titleLines = findTitleLines(text, sentences, headline ? headline.sentence : -1);
  // A notes list states nothing either, and a quoted title in a note is no speech.
  const notes = citations.length > 0 ? noteSentences(text, citations, sentences) : [];
  if (notes.length > 0) {
    titleLines = [...new Set([...titleLines, ...notes])].sort((a, b) => a - b);
    const inNote = (at: number) => notes.some((k) => sentences[k]!.start <= at && at < sentences[k]!.end);
    quotes = quotes.filter((q) => !inNote(q.start));
  }
  return { nt, text, tokens, tokenSentence, sentences, paragraphs, quotes, headline, words, furniture, runningTitle: found.runningTitle, citations, titleLines, noteLines: notes };
}

/** The sentence that contains a canonical offset (binary search). */
export function sentenceAt(doc: Doc, offset: number): Sentence | undefined {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.end <= offset) lo = mid + 1;
    else if (s[mid]!.start > offset) hi = mid - 1;
    else return s[mid];
  }
  return undefined;
}
