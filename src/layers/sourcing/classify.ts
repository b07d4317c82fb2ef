import { builtinLexicon, builtinLexiconSections } from '../../lexicon/builtin.js';
import type { Doc } from '../../text/segment.js';
import { otherSense } from '../../lexicon/senses.js';
import type { Attribution } from './attribution.js';
import { EVENT_LOADED_TERMS, TIME_SUBORDINATORS, HEARSAY_PHRASES, HEARSAY_WORDS, OPINION_PHRASES, OPINION_WORDS, QUESTION_OR_EXCLAIM, RUMOUR_TALK, VAGUE_PHRASES } from './cues.js';
import type { QuoteInfo } from './quotations.js';
import { PhraseSet, WordLookup, WordSet } from '../../lexicon/word-sets.js';
import { PerVocab } from '../../lexicon/per-vocab.js';
import { isWord, lower, punctChar, tokenText } from '../../lexicon/word-sets.js';

import type { SourcingClass } from '../../core/sourcing.js';

export { SOURCING_CLASSES, type SourcingClass } from '../../core/sourcing.js';

/** Why a sentence got its class: the cue words (canonical tokens) and the attribution, if any. */
export interface SentenceClass {
  sentence: number;
  cls: SourcingClass;
  /** Token range [cueA, cueB) of the deciding cue; both -1 when none (numbers, not a tuple per sentence). */
  cueA: number;
  cueB: number;
  attribution: Attribution | null;
  quote: QuoteInfo | null;
  /** Index in `doc.citations` of the marker that made the sentence `cited`, else -1. */
  citation: number;
}

/**
 * Loaded terms (the shared lexicon) as phrases plus prefixes ("demoni*"), built at load time so that
 * their words are in the vocabulary before any document is tokenised.
 */
interface TermSet { phrases: PhraseSet; prefixes: string[]; prefixed: WordLookup<true> }
function termSet(terms: string[]): TermSet {
  const prefixes = terms.filter((x) => x.endsWith('*') && !x.includes(' ')).map((x) => x.slice(0, -1).toLowerCase());
  return {
    phrases: new PhraseSet(terms.filter((x) => !x.endsWith('*'))),
    prefixes,
    // Whether a word starts with one of the prefixes, remembered per word.
    prefixed: new WordLookup((w) => (prefixes.some((p) => w.startsWith(p)) ? true : undefined)),
  };
}
/** Every loaded term: what the actors layer lists as applied to an actor. */
const ALL_LOADED = termSet(builtinLexicon('loaded-terms'));
/** The evaluative ones: what makes a sentence the author's opinion. */
const EVALUATIVE = termSet(evaluativeLoadedTerms());
export const loadedTerms = (): TermSet => ALL_LOADED;

/**
 * The loaded terms that express the author's judgement: the lexicon's sections of labels, moral
 * condemnation, scorn and glorification. Its sections of violence, disaster and charged verbs also
 * name events ("plague", "devastating", "destroyed") that news reports state as facts, so they do
 * not make a sentence an opinion. Without section headers, all terms count.
 */
function evaluativeLoadedTerms(): string[] {
  const sections = builtinLexiconSections('loaded-terms');
  if (sections.size <= 1) return builtinLexicon('loaded-terms');
  return [...sections].filter(([title]) => /label|condemn|scorn|ridicule|glorif|sanctif/i.test(title)).flatMap(([, terms]) => terms);
}

/** A word token that starts with one of the loaded-term prefixes ("demoni*"). */
function loadedPrefixAt(doc: Doc, i: number, evaluative: boolean): boolean {
  const l = evaluative ? EVALUATIVE : ALL_LOADED;
  return l.prefixes.length > 0 && isWord(doc.tokens, i) && l.prefixed.has(doc.tokens, i);
}

/**
 * Per vocab id: can a sentence cue start here (a hearsay, vague or opinion word or phrase, an
 * evaluative loaded phrase)? Words outside the vocabulary start none of them (prefixes aside).
 */
const CUE_START = new PerVocab((vocab) => WordSet.union(vocab, [
  [HEARSAY_WORDS, 1], [HEARSAY_PHRASES, 1], [VAGUE_PHRASES, 1], [OPINION_WORDS, 1], [OPINION_PHRASES, 1], [EVALUATIVE.phrases, 1],
]));

/** Length of a loaded term at token i, or 0 (`evaluative`: only terms of judgement). */
export function loadedAt(doc: Doc, i: number, end: number, evaluative = false): number {
  const l = evaluative ? EVALUATIVE : ALL_LOADED;
  const n = l.phrases.match(doc.tokens, i, end);
  if (n > 0) return n;
  if (!isWord(doc.tokens, i) || l.prefixes.length === 0) return 0;
  return l.prefixed.has(doc.tokens, i) ? 1 : 0;
}

/**
 * Classifies every sentence. Precedence, from most to least specific: direct speech, hearsay,
 * vague attribution, named attribution, the author's opinion, and otherwise an unattributed claim;
 * then a reference marker makes any of these but a quote or a named source `cited`.
 * Words inside quotations never decide hearsay, vagueness or opinion: they belong to the speaker.
 */
let scratchAt = new Int32Array(0);
let scratchFill = new Int32Array(0);

export function classifySentences(doc: Doc, attributions: readonly Attribution[], quotes: readonly QuoteInfo[], tokenQuote: Int32Array): SentenceClass[] {
  const t = doc.tokens;
  const nSent = doc.sentences.length;
  // Attributions outside quotations, grouped by sentence (stable): sentence k has ats[at[k], at[k + 1]).
  // Scratch offsets shared by calls (typed arrays are costly to allocate per document).
  if (scratchAt.length < nSent + 1) {
    scratchAt = new Int32Array(Math.max(nSent + 1, 2 * scratchAt.length));
    scratchFill = new Int32Array(scratchAt.length);
  }
  const at = scratchAt;
  at.fill(0, 0, nSent + 1);
  for (const x of attributions) if (!x.inQuote) at[x.sentence + 1]!++;
  for (let k = 0; k < nSent; k++) at[k + 1]! += at[k]!;
  const ats: Attribution[] = new Array<Attribution>(at[nSent]!);
  {
    const fill = scratchFill;
    for (let k = 0; k < nSent; k++) fill[k] = at[k]!;
    for (const x of attributions) if (!x.inQuote) ats[fill[x.sentence]!++] = x;
  }
  let speechBySentence: Array<QuoteInfo | null> | null = null;
  for (const q of quotes) {
    if (q.nested || q.kind !== 'speech') continue;
    for (let s = q.firstSentence; s <= q.lastSentence; s++) {
      const sent = doc.sentences[s]!;
      const inside = Math.min(sent.end, q.span.end) - Math.max(sent.start, q.span.start);
      // Direct speech that is most of the sentence, or any attributed quote of four words or more.
      if (inside * 3 >= sent.end - sent.start || q.speaker) {
        speechBySentence ??= new Array<QuoteInfo | null>(nSent).fill(null);
        speechBySentence[s] ??= q;
      }
    }
  }
  const out: SentenceClass[] = [];
  // Without loaded-term prefixes (the built-in list has none) a word outside CUE_START is no cue.
  const prefixed = EVALUATIVE.prefixes.length > 0;
  const cueStart = CUE_START.of(t.vocab);
  for (const sent of doc.sentences) {
    const q = speechBySentence ? speechBySentence[sent.index] : null;
    if (q) {
      out.push({ sentence: sent.index, cls: 'quote', cueA: q.a, cueB: q.b, attribution: q.attribution, quote: q, citation: -1 });
      continue;
    }
    const lo = at[sent.index]!;
    const hi = at[sent.index + 1]!;
    // Cue ranges as start and end tokens (-1: none); an array is made only for the deciding one.
    let hearsayA = -1;
    let hearsayB = -1;
    let vagueA = -1;
    let vagueB = -1;
    let opinionA = -1;
    let opinionB = -1;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      if (tokenQuote[i] !== -1) continue;
      // One read rules out most words: no cue set holds them and no phrase starts with them.
      const id = t.id[i]!;
      if ((id < 0 || id >= cueStart.length || cueStart[id] === 0) && !(prefixed && opinionA === -1 && loadedPrefixAt(doc, i, true))) continue;
      if (hearsayA === -1) {
        // "told to stop spreading rumours", "denied rumours": the text talks about rumours, it does not relay one.
        if (HEARSAY_WORDS.at(t, i)) { if (!(i > sent.tokenStart && RUMOUR_TALK.at(t, i - 1))) { hearsayA = i; hearsayB = i + 1; } }
        else {
          const n = HEARSAY_PHRASES.match(t, i, sent.tokenEnd);
          if (n) { hearsayA = i; hearsayB = i + n; }
        }
      }
      if (vagueA === -1) {
        const n = VAGUE_PHRASES.match(t, i, sent.tokenEnd);
        if (n) { vagueA = i; vagueB = i + n; }
      }
      if (opinionA === -1) {
        if (OPINION_WORDS.at(t, i)) { if (!reportingFirstPerson(doc, i, sent.tokenStart, sent.tokenEnd)) { opinionA = i; opinionB = i + 1; } }
        else {
          const n = OPINION_PHRASES.match(t, i, sent.tokenEnd) || (EVENT_LOADED_TERMS.at(t, i) ? 0 : loadedAt(doc, i, sent.tokenEnd, true));
          // ("three of his animals died": the word in its other sense, see senses.yaml.)
          if (n && !(n === 1 && otherSense(doc, t.start[i]!, t.end[i]!))) { opinionA = i; opinionB = i + n; }
        }
      }
    }
    if (opinionA === -1 && sent.tokenEnd > sent.tokenStart) {
      // A question or exclamation in the author's voice.
      let k = sent.tokenEnd - 1;
      while (k > sent.tokenStart && (punctChar(doc, k) === '"' || punctChar(doc, k) === "'" || punctChar(doc, k) === ')')) k--;
      if (tokenQuote[k] === -1 && QUESTION_OR_EXCLAIM.has(punctChar(doc, k))) { opinionA = k; opinionB = k + 1; }
    }
    let hearsayAt: Attribution | null = null;
    let vagueAt: Attribution | null = null;
    let namedAt: Attribution | null = null;
    if (lo < hi) {
      // "X said neighbours had told him that...": a report of a report is second-hand.
      if (hearsayA === -1) {
        const firstEnd = ats[lo]!.verbEnd;
        for (let k = lo + 1; k < hi; k++) {
          const a = ats[k]!;
          // "X aired footage of what it said were rifles": "it" (he, she) is X again, not a second source.
          // "X accused Y of P and said Q": the second verb shares the first one's subject.
          const same = a.source.pronoun === 'it' || a.source.pronoun === 'he' || a.source.pronoun === 'she' || a.source === ats[lo]!.source;
          // "X said P, hours after the commission confirmed Q": a clause of time, not a report inside X's.
          const ofTime = a.a - 1 > sent.tokenStart && TIME_SUBORDINATORS.at(t, a.a - 1);
          // (Its source stands after the first verb: "The alliance, whose candidate won 41.7 percent according to the count, said" is one report.)
          if (a.side === 'before' && a.a >= firstEnd && !same && !ofTime && !a.source.vague && a.info.lemma !== 'accuse' && a.info.lemma !== 'according to') {
            hearsayA = a.a;
            hearsayB = a.b;
            break;
          }
        }
      }
      for (let k = lo; k < hi; k++) {
        const a = ats[k]!;
        if (hearsayAt === null && a.source.hearsay) hearsayAt = a;
        if (vagueAt === null && a.source.vague) vagueAt = a;
        if (namedAt === null && !a.source.vague && !a.source.hearsay) namedAt = a;
      }
    }
    let cls: SourcingClass;
    let cueA = -1;
    let cueB = -1;
    let attribution: Attribution | null = null;
    if (hearsayA !== -1 || hearsayAt) {
      cls = 'hearsay';
      if (hearsayA !== -1) { cueA = hearsayA; cueB = hearsayB; } else { cueA = hearsayAt!.a; cueB = hearsayAt!.b; }
      attribution = hearsayAt ?? namedAt ?? vagueAt ?? null;
    } else if (vagueA !== -1 || vagueAt) {
      cls = 'attributed-vague';
      if (vagueAt) { cueA = vagueAt.a; cueB = vagueAt.b; } else { cueA = vagueA; cueB = vagueB; }
      attribution = vagueAt ?? null;
    } else if (namedAt) {
      cls = 'attributed-named';
      cueA = namedAt.a;
      cueB = namedAt.b;
      attribution = namedAt;
    } else if (opinionA !== -1) {
      cls = 'opinion';
      cueA = opinionA;
      cueB = opinionB;
    } else {
      cls = 'unattributed-claim';
    }
    out.push({ sentence: sent.index, cls, cueA, cueB, attribution, quote: null, citation: -1 });
  }
  // A footnote or reference marker sources its sentence, unless the sentence is a quote or names its
  // source in words (both say more). It outranks hearsay, vague and no source: the reader can check it.
  for (let k = 0; k < doc.citations.length; k++) {
    const c = out[doc.citations[k]!.sentence];
    if (!c || c.cls === 'quote' || c.cls === 'attributed-named' || c.cls === 'cited') continue;
    c.cls = 'cited';
    c.citation = k;
    c.cueA = -1;
    c.cueB = -1;
    c.attribution = null;
  }
  return out;
}

export const cueText = (doc: Doc, cue: [number, number] | null): string | null => (cue ? tokenText(doc, cue[0], cue[1]) : null);

/** What a reporter did, in the first person: "which I obtained", "I spoke to", "told me". */
const REPORTER_VERBS = new Set(['obtained', 'spoke', 'saw', 'visited', 'asked', 'reviewed', 'read', 'counted', 'interviewed', 'met', 'requested', 'received', 'photographed', 'watched', 'heard', 'found', 'checked', 'contacted', 'reached', 'called']);
const TOLD = new Set(['told', 'showed', 'wrote', 'sent', 'gave', 'handed', 'emailed']);

/**
 * A first-person word that reports what the reporter did or was told ("which I obtained from the
 * registry", "two doctors I spoke to", "Terlan told me"): reportage, not the author's opinion.
 */
function reportingFirstPerson(doc: Doc, i: number, start: number, end: number): boolean {
  const t = doc.tokens;
  const w = lower(t, i);
  if (w === 'i' || w === 'we') return i + 1 < end && REPORTER_VERBS.has(lower(t, i + 1));
  if (w === 'me' || w === 'us') return i > start && TOLD.has(lower(t, i - 1));
  return false;
}
