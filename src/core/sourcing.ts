import type { SpanRef } from './report.js';

/**
 * How a sentence is sourced, from a quote to the author's own opinion. `cited`: a footnote or
 * reference marker ("[12]", "¹²") points at a source for it.
 */
export const SOURCING_CLASSES = ['quote', 'attributed-named', 'cited', 'attributed-vague', 'hearsay', 'unattributed-claim', 'opinion'] as const;
export type SourcingClass = (typeof SOURCING_CLASSES)[number];

export type VerbTone = 'neutral' | 'loaded';
export type SpeakerKind = 'person' | 'organisation' | 'document' | 'group' | 'unknown';
export type SpeakerVia = 'direct' | 'pronoun' | 'continuation' | 'colon';

/** A source as written, and the parts of it a reader asks about. Offsets into the original input. */
export interface SourceRef extends SpanRef {
  name: string | null;
  role: string | null;
  affiliation: string | null;
  /** The pronoun, when the source is one ("he"); `resolved` then names who it is. */
  pronoun: string | null;
  kind: SpeakerKind;
}

export interface SourcingSentence extends SpanRef {
  index: number;
  class: SourcingClass;
  /** The words that decided the class ("reportedly", "sources say", "the ministry said"). */
  cue: SpanRef | null;
  /** Display name of the source (named, vague or resolved), when the sentence has one. */
  source: string | null;
}

/** Per-document sourcing: how every sentence is sourced, counted. Shares sum to 1 (0 when empty). */
export interface SourcingSummary {
  sentences: SourcingSentence[];
  counts: Record<SourcingClass, number>;
  shares: Record<SourcingClass, number>;
  /** Share of sentences that rest on vague sources, hearsay or no source at all. */
  weakShare: number;
}

export interface AttributionVerb extends SpanRef {
  lemma: string;
  tone: VerbTone;
  /** Why a loaded verb is loaded. */
  note?: string;
}

/** A direct quotation with its speaker. `text` includes the quote marks; `content` does not. */
export interface Quotation extends SpanRef {
  content: SpanRef;
  /** Direct speech, or a short quoted phrase with no speaker (scare quotes, titles). */
  kind: 'speech' | 'phrase';
  /** Inside another quotation. */
  nested: boolean;
  inHeadline: boolean;
  /** Runs over more than one sentence. */
  spansSentences: boolean;
  /** The closing mark is missing (runs to the paragraph's end). */
  open: boolean;
  speaker: (SourceRef & { via: SpeakerVia; resolved: string | null }) | null;
  verb: AttributionVerb | null;
  sentence: number;
}
