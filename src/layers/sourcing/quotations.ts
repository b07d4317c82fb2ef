import type { QuoteSpan } from '../../text/quotes.js';
import type { Doc } from '../../text/segment.js';
import { arenaInt32 } from '../../text/tokenise.js';
import type { Attribution } from './attribution.js';
import type { SourcePhrase } from './noun-phrase.js';
import { openingPerson, parsePhrase } from './noun-phrase.js';
import { isCap, isWord, isNumber, lower, punctChar } from '../../lexicon/word-sets.js';

import type { SpeakerVia } from '../../core/sourcing.js';

/** A quotation with its speaker, in canonical offsets and tokens. */
export interface QuoteInfo {
  span: QuoteSpan;
  /** Tokens [a, b) including the quote marks. */
  a: number;
  b: number;
  words: number;
  /** Direct speech, or a short quoted phrase (scare quotes, titles) with no speaker. */
  kind: 'speech' | 'phrase';
  /** Inside another quotation. */
  nested: boolean;
  attribution: Attribution | null;
  speaker: SourcePhrase | null;
  /** The named speaker a pronoun or continuation resolves to. */
  resolved: SourcePhrase | null;
  via: SpeakerVia | null;
  firstSentence: number;
  lastSentence: number;
  inHeadline: boolean;
}

/** First token whose start is >= offset (binary search). */
export function tokenAtOrAfter(doc: Doc, offset: number): number {
  const s = doc.tokens.start;
  let lo = 0;
  let hi = doc.tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the outermost quotation containing each token (marks included), or -1. */
export function tokenQuoteMap(doc: Doc): Int32Array {
  // A per-token array of the document: carved from the token arena (an ArrayBuffer per document costs more than filling it).
  const map = arenaInt32(doc.tokens.count).fill(-1);
  doc.quotes.forEach((q, k) => {
    const a = tokenAtOrAfter(doc, q.start);
    const b = tokenAtOrAfter(doc, q.end);
    for (let i = a; i < b; i++) if (map[i] === -1) map[i] = k;
  });
  return map;
}

const isNamed = (p: SourcePhrase | null): p is SourcePhrase => !!p && !p.pronoun && !p.vague && !p.hearsay && (p.name !== null || p.role !== null);

/**
 * Attaches speakers to quotations: an attribution right after the quote ("...," said X / X said),
 * one right before it (X said: "..."), a headline colon (Minister: "..."), or, failing those, the
 * speaker of the previous quotation in the same or previous paragraph (a continued quote). Pronoun
 * speakers resolve to the last named source before them.
 */
/** Does the quotation opening at token `a` stand in a sentence that no earlier quotation shares? */
function inOtherClause(doc: Doc, out: readonly QuoteInfo[], a: number): boolean {
  const prev = out.length >= 2 ? out[out.length - 2]! : null;
  return !prev || doc.tokenSentence[a] !== prev.firstSentence;
}

export function extractQuotations(doc: Doc, attributions: readonly Attribution[], tokenQuote: Int32Array): QuoteInfo[] {
  const t = doc.tokens;
  const byStart = new Map<number, Attribution>();
  const byEnd = new Map<number, Attribution>();
  for (const at of attributions) {
    if (at.inQuote) continue;
    if (!byStart.has(at.a)) byStart.set(at.a, at);
    byEnd.set(at.b - 1, at);
  }
  const named = attributions.filter((at) => !at.inQuote && isNamed(at.source));
  const out: QuoteInfo[] = [];
  let persons: SourcePhrase[] | null = null;
  // Nesting: doc.quotes is sorted by start (then longest first), so a quotation lies inside an
  // earlier one exactly when the furthest end among those starting before it reaches its end (no
  // scan of all earlier quotations per quotation). `before` covers starts < `groupStart`.
  let before = -1;
  let groupStart = -1;
  let groupEnd = -1;
  for (const q of doc.quotes) {
    if (q.start !== groupStart) {
      before = Math.max(before, groupEnd);
      groupStart = q.start;
      groupEnd = -1;
    }
    groupEnd = Math.max(groupEnd, q.end);
    const a = tokenAtOrAfter(doc, q.start);
    const b = tokenAtOrAfter(doc, q.end);
    let words = 0;
    for (let i = a; i < b; i++) if (isWord(t, i) || isNumber(t, i)) words++;
    const nested = q.end <= before;
    const info: QuoteInfo = {
      span: q, a, b, words, kind: 'phrase', nested, attribution: null, speaker: null, resolved: null, via: null,
      firstSentence: doc.tokenSentence[a] ?? 0, lastSentence: doc.tokenSentence[Math.max(a, b - 1)] ?? 0,
      inHeadline: doc.headline !== null && q.start < doc.headline.end,
    };
    out.push(info);
    if (nested) continue;
    const lastInner = q.open ? q.contentEnd - 1 : q.contentEnd - 1;
    const endsWithPeriod = doc.text[lastInner] === '.';
    // After: skip commas and dashes.
    let j = b;
    while (j < t.count && (punctChar(doc, j) === ',' || punctChar(doc, j) === '-' || punctChar(doc, j) === '\u2014')) j++;
    const after = !endsWithPeriod && !q.open ? byStart.get(j) : undefined;
    let chosen: Attribution | undefined = after && after.sentence === (doc.tokenSentence[Math.max(a, b - 1)] ?? -1) ? after : undefined;
    if (!chosen) {
      // Before: the nearest attribution ending within six tokens before the opening mark.
      for (let k = a - 1; k >= Math.max(0, a - 7); k--) {
        const c = punctChar(doc, k);
        if (c === '.' || c === '!' || c === '?' || c === '"') break;
        const at = byEnd.get(k);
        if (at) { chosen = at; break; }
      }
    }
    if (chosen) {
      info.attribution = chosen;
      info.speaker = chosen.source;
      info.via = chosen.source.pronoun ? 'pronoun' : 'direct';
    } else if (a > 0 && punctChar(doc, a - 1) === ':') {
      // Headline style: "Minister: \"...\"".
      const sent = doc.sentences[doc.tokenSentence[a - 1]!]!;
      const p = a - 1 - sent.tokenStart <= 8 && !listLabel(doc, sent.tokenStart, a - 1) ? parsePhrase(doc, sent.tokenStart, a - 1) : null;
      if (p) { info.speaker = p; info.via = 'colon'; }
    }
    // Up to three words inside a clause ('a "provocation"') are a quoted phrase, not speech.
    const midClause = a > 0 && doc.tokenSentence[a - 1] === doc.tokenSentence[a] && isWord(t, a - 1);
    // A quotation the sentence goes on from, as its subject or object ('"The science is settled" is not
    // an answer'), is words the text talks about, not speech: no one is said to speak them here.
    const innerEnd = doc.text[lastInner];
    const talkedAbout = !info.speaker && !q.open && innerEnd !== ',' && innerEnd !== '.' && innerEnd !== '?' && innerEnd !== '!' &&
      b < t.count && isWord(t, b) && doc.tokenSentence[b] === doc.tokenSentence[Math.max(a, b - 1)];
    info.kind = (words <= 3 && midClause) || talkedAbout ? 'phrase' : info.speaker || words >= 4 ? 'speech' : 'phrase';
    // A quotation inside another sentence's clause ('X went further and wrote that Dorvia "wants ..."')
    // belongs to that clause's subject, found or not: it continues no earlier speaker.
    const opensSentence = a === doc.sentences[info.firstSentence]!.tokenStart || (a > 0 && punctChar(doc, a - 1) === ':');
    if (!info.speaker && info.kind === 'speech' && (opensSentence || !inOtherClause(doc, out, a))) {
      // A continued quotation: the previous speech quote in this paragraph, or the paragraph before.
      for (let k = out.length - 2; k >= 0; k--) {
        const prev = out[k]!;
        if (prev.nested || prev.kind !== 'speech') continue;
        const samePara = prev.span.paragraph === q.paragraph;
        const paraBefore = prev.span.paragraph === q.paragraph - 1 && doc.paragraphs[q.paragraph]!.start === q.start;
        if ((samePara || paraBefore) && prev.speaker) {
          info.speaker = prev.speaker;
          info.resolved = prev.resolved;
          info.attribution = prev.attribution;
          info.via = 'continuation';
        }
        break;
      }
    }
    if (!info.speaker && info.kind === 'speech' && a === doc.sentences[info.firstSentence]!.tokenStart && info.firstSentence > 0) {
      // A quote that opens its sentence, after a sentence introducing a person ("X described the scene.").
      const prevSentence = doc.sentences[info.firstSentence - 1]!;
      if (prevSentence.paragraph === doc.sentences[info.firstSentence]!.paragraph) {
        const p = (persons ??= personSubjects(doc, tokenQuote)).find((x) => x.a >= prevSentence.tokenStart && x.b <= prevSentence.tokenEnd);
        if (p) { info.speaker = p; info.resolved = p; info.via = 'continuation'; }
      }
    }
    if (info.speaker?.pronoun && !info.resolved) info.resolved = openingPerson(doc, info.speaker, [...named.map((x) => x.source), ...out.map((q) => q.resolved)]) ?? resolvePronoun(info.speaker, named, out, (persons ??= personSubjects(doc, tokenQuote)));
    else if (info.speaker && !info.speaker.pronoun && !info.resolved) info.resolved = info.speaker;
  }
  return out;
}

/** The last named source before a pronoun: a person for he/she, any named source otherwise. */
function resolvePronoun(p: SourcePhrase, named: readonly Attribution[], quotes: readonly QuoteInfo[], persons: readonly SourcePhrase[]): SourcePhrase | null {
  const wantPerson = p.pronoun === 'he' || p.pronoun === 'she';
  let best: SourcePhrase | null = null;
  const consider = (c: SourcePhrase | null) => {
    if (!isNamed(c) || c.a >= p.a) return;
    if (wantPerson && c.kind !== 'person' && c.kind !== 'unknown') return;
    if (!best || c.a > best.a) best = c;
  };
  for (const at of named) consider(at.source);
  for (const q of quotes) consider(q.resolved);
  for (const x of persons) consider(x);
  return best;
}

/**
 * The first person named in each sentence outside quotations ("Marta Kovac arrived..."): a title
 * with a name, or two or more capitalised words that read as a person's name.
 */
export function personSubjects(doc: Doc, tokenQuote: Int32Array): SourcePhrase[] {
  const t = doc.tokens;
  const out: SourcePhrase[] = [];
  // Surnames of the persons found so far: "In Dolsk, Terlan has stopped waiting" names Josip Terlan again.
  const surnames = new Set<string>();
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!isCap(t, i) || tokenQuote[i] !== -1) continue;
      let e = i;
      while (e < s.tokenEnd && isCap(t, e) && tokenQuote[e] === -1) e++;
      if (e - i >= 2) {
        const p = parsePhrase(doc, i, e);
        if (p && p.kind === 'person' && p.name) {
          out.push(p);
          surnames.add(lower(t, e - 1));
          break;
        }
      } else if (i > s.tokenStart && surnames.has(lower(t, i))) {
        const p = parsePhrase(doc, i, e);
        if (p && p.name) {
          out.push({ ...p, kind: 'person' });
          break;
        }
      }
      i = e;
    }
  }
  return out;
}

/** Lowercased attribution verb at a quote, if any. */
export const quoteVerb = (doc: Doc, q: QuoteInfo): string | null => (q.attribution ? lower(doc.tokens, q.attribution.verb) : null);

/** Nouns that label a list item rather than name a speaker: "Claim one:", "Myth 2:", "Question:". */
const LABEL_NOUNS = new Set(['claim', 'claims', 'myth', 'myths', 'point', 'question', 'answer', 'lesson', 'fact', 'rule', 'step', 'note', 'update', 'headline', 'verdict', 'reality', 'truth', 'part', 'chapter', 'section', 'item', 'exhibit', 'case', 'example', 'argument', 'objection', 'reply', 'response', 'translation', 'caption', 'subject', 're']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third', 'fourth', 'fifth', 'ii', 'iii', 'iv']);

/** Is tokens [a, b) a list label before a colon ("Claim one", "Myth 2", "Question") rather than a speaker? */
function listLabel(doc: Doc, a: number, b: number): boolean {
  const t = doc.tokens;
  if (b <= a) return false;
  if (LABEL_NOUNS.has(lower(t, a))) return true;
  const last = lower(t, b - 1);
  return NUMBER_WORDS.has(last) || /^\d+$/.test(last);
}
