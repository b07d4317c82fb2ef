import type { SpanRef } from './report.js';
import type { SourcingClass } from './sourcing.js';
import type { Voice } from './voice.js';

export const CLAIM_TYPES = ['accusation', 'casualties', 'displacement', 'number', 'event'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export type Hedging = 'certain' | 'hedged' | 'conditional';

/** A party to an accusation: the words that name it, and the actor id when it is a known actor. */
export interface Party extends SpanRef {
  actor: string | null;
}

/** Who accuses whom of what, on what stated evidence (null: none stated). */
export interface Accusation {
  /** The speaker whose words make the accusation; null: the author's own (see the claim's `voice`). */
  accuser: Party | null;
  accused: Party | null;
  /** Charge ids: genocide, ethnic-cleansing, war-crimes, terrorism, aggression, ... */
  charges: string[];
  charge: SpanRef;
  evidence: SpanRef | null;
}

/** A check-worthy claim: a sentence asserting something that could be verified. */
export interface Claim extends SpanRef {
  sentence: number;
  /** The most specific type (accusation > casualties > displacement > number > event). */
  type: ClaimType;
  types: ClaimType[];
  hedging: Hedging;
  hedges: SpanRef[];
  /** The words that made the sentence check-worthy. */
  cues: SpanRef[];
  /** Who it rests on, from the sourcing layer. */
  source: { class: SourcingClass; name: string | null };
  accusation?: Accusation;
  /** Whose claim it is, when not the author's: the source whose words make it, with the author's stance. */
  voice?: Voice;
}
