import type { Report, SpanRef } from '../core/report.js';
import type { SourcingClass } from '../core/sourcing.js';
import { toOriginalSpan } from '../text/normalise.js';
import { segment } from '../text/segment.js';
import { conceptOf, numberKey, readTerms } from './terms.js';
import { Vocab } from '../text/vocab.js';

/**
 * Units of content of one version of a story: its body sentences, each with what the report knows
 * of it (the claim and its type, the quotation and its speaker, the source it cites, the actors it
 * names) and its terms: content stems, numbers with what they count, actor ids. Names are kept as
 * terms on purpose: here the question is which facts a version carries, not how it frames them.
 */

export interface UnitNumber {
  value: number;
  surface: string;
  counts: string | null;
}

export interface Unit {
  doc: number;
  /** Sentence index in the report (or in the segmentation when the report has no sourcing layer). */
  sentence: number;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  text: string;
  kind: 'claim' | 'quote' | 'statement';
  claimType: string | null;
  /** Speaker of a direct quotation in the sentence. */
  speaker: string | null;
  /** Source the sentence cites (named or vague), from the sourcing layer. */
  source: string | null;
  /** The author's own opinion, as the sourcing layer classes it, with no claim or quotation in it. */
  opinion: boolean;
  numbers: UnitNumber[];
  /** Actor ids mentioned in the sentence. */
  actors: string[];
  /** Term key -> weight: stems, numbers (#value), actor ids (@id), claim type (t:type). */
  terms: Map<string, number>;
}

export const UNIT_WEIGHTS = { word: 1, name: 1.5, number: 2, actor: 1, claimType: 0.5, concept: 1 };

interface SentenceRef extends SpanRef {
  index: number;
  class: SourcingClass | null;
  source: string | null;
}

/** Sentences of the original text: from the sourcing layer when present, else segmented here. */
function sentencesOf(text: string, report: Report): SentenceRef[] {
  if (report.sourcing?.sentences?.length) {
    return report.sourcing.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text, index: s.index, class: s.class, source: s.source }));
  }
  const doc = segment(text, new Vocab());
  return doc.sentences.map((s) => {
    const [start, end] = toOriginalSpan(doc.nt, s.start, s.end);
    return { start, end, text: text.slice(start, end), index: s.index, class: null, source: null };
  });
}

/**
 * The headline's span in the text, when the text begins with one. The analyzer takes a first
 * paragraph of one short sentence for a headline; when the document has a title of its own that
 * this line does not repeat, the line is the lede of the body, not a headline.
 */
/** A mention by name has a capital letter; a pronoun is no name even when it opens a sentence. */
const NAMED = /\p{Lu}/u;
const PRONOUNS = /^(?:he|she|it|they)$/i;

export function headlineSpan(report: Report, title: string | null): SpanRef | null {
  const head = report.headline;
  if (!head) return null;
  if (title === null || title.trim() === '') return head;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(head.text).includes(norm(title)) ? head : null;
}

export function unitsOf(doc: number, text: string, report: Report, title: string | null = null): Unit[] {
  const head = headlineSpan(report, title);
  const claims = new Map((report.claims ?? []).map((c) => [c.sentence, c]));
  const quotes = new Map<number, string | null>();
  for (const q of report.quotations ?? []) {
    if (q.kind !== 'speech') continue;
    if (!quotes.has(q.sentence) || quotes.get(q.sentence) === null) quotes.set(q.sentence, q.speaker?.resolved ?? q.speaker?.name ?? null);
  }
  const mentions: Array<{ start: number; id: string }> = [];
  // Mentions by name only: a description ("the defence ministry") or a pronoun tells no event from
  // another, and its words already count as words. A name has a capital letter.
  for (const a of report.actors ?? []) for (const m of a.mentions) if (NAMED.test(m.text) && !PRONOUNS.test(m.text)) mentions.push({ start: m.start, id: a.id });
  const units: Unit[] = [];
  for (const s of sentencesOf(text, report)) {
    if (head && s.start < head.end && s.end > head.start) continue;
    const claim = claims.get(s.index);
    const quoted = quotes.has(s.index);
    for (const [a, b] of clauses(s.text)) {
      const start = s.start + a;
      const end = s.start + b;
      const clause = s.text.slice(a, b);
      const read = readTerms(clause);
      if (read.words.length === 0 && read.numbers.length === 0) continue;
      const terms = new Map<string, number>();
      const add = (k: string, w: number) => terms.set(k, (terms.get(k) ?? 0) + w);
      for (const w of read.words) {
        add(w.key, w.name ? UNIT_WEIGHTS.name : UNIT_WEIGHTS.word);
        const concept = conceptOf(w.key);
        if (concept) add(`c:${concept}`, UNIT_WEIGHTS.concept);
      }
      for (const n of read.numbers) add(numberKey(n.value), UNIT_WEIGHTS.number);
      const actors = [...new Set(mentions.filter((m) => m.start >= start && m.start < end).map((m) => m.id))];
      for (const x of actors) add(`@${x}`, UNIT_WEIGHTS.actor);
      if (claim) add(`t:${claim.type}`, UNIT_WEIGHTS.claimType);
      units.push({
        doc,
        sentence: s.index,
        start,
        end,
        text: clause,
        kind: quoted ? 'quote' : claim ? 'claim' : 'statement',
        claimType: claim?.type ?? null,
        speaker: quoted ? (quotes.get(s.index) ?? null) : null,
        source: claim?.source.name ?? s.source,
        opinion: s.class === 'opinion' && !claim && !quoted,
        numbers: read.numbers.map((n) => ({ value: n.value, surface: n.surface, counts: n.counts })),
        actors,
        terms,
      });
    }
  }
  return units;
}

/** Content words and numbers in a piece of text. */
function contentSize(text: string): number {
  const r = readTerms(text);
  return r.words.length + r.numbers.length;
}

const CLAUSE_BREAK = /;\s+|,\s+(?:and|but|while|whereas)\s+|\s+[—–]\s+/g;
const MIN_CLAUSE = 4;

/**
 * Clauses of a sentence as [start, end) offsets into it: a sentence that joins two statements
 * ("shelled the valley, and 120,000 fled") is two units, so that each can meet its counterpart in a
 * version that tells them apart. Breaks at semicolons, dashes and ", and/but/while" between parts of
 * at least four content words each, never inside a quotation.
 */
export function clauses(sentence: string): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  let depth = 0;
  const inQuote = new Uint8Array(sentence.length);
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '\u201c') depth++;
    else if (c === '\u201d') depth = Math.max(0, depth - 1);
    else if (c === '"') depth = depth > 0 ? 0 : 1;
    inQuote[i] = depth > 0 ? 1 : 0;
  }
  for (const m of sentence.matchAll(CLAUSE_BREAK)) if (!inQuote[m.index!]) cuts.push([m.index!, m.index! + m[0].length]);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const [a, b] of cuts) {
    if (contentSize(sentence.slice(start, a)) >= MIN_CLAUSE && contentSize(sentence.slice(b)) >= MIN_CLAUSE) {
      out.push([start, a]);
      start = b;
    }
  }
  out.push([start, sentence.length]);
  return out;
}
