import type { ArchetypeId, FramingRole, MainRole } from './framing.js';
import type { SpanRef } from './report.js';
import type { TechniqueId } from './taxonomy.js';
import type { Stance, Voice } from './voice.js';

/**
 * Actor types. `country` is a state with its government, forces and capital; `people` a people or a
 * group of people ("Tarvians", "Dastrian shepherds"); `place` a region or place ("South Caucasus",
 * "the Lowen valley"); `event` a war, process, agreement or election ("Second Karabakh War").
 * Places and events are listed but never framed.
 */
export const ACTOR_TYPES = ['country', 'people', 'international-body', 'media', 'armed-group', 'organisation', 'person', 'place', 'event', 'unknown'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
/**
 * Id prefix of an actor a text names only by description ("the election commission", "our
 * government"): one document's referent, so corpus comparisons leave it out (the same words name
 * different parties in different texts).
 */
export const DESCRIBED_PREFIX = 'desc:';
export const isDescribed = (id: string): boolean => id.startsWith(DESCRIBED_PREFIX);

/** Types that a text can cast in a role (places and events are settings, not parties). */
export const FRAMEABLE_TYPES: ReadonlySet<ActorType> = new Set(['country', 'people', 'international-body', 'media', 'armed-group', 'organisation', 'person', 'unknown']);

/** A cue that cast a role: the words, what kind of cue, the role it points to, its weight and whose words it is in. */
export interface FramingEvidence extends SpanRef {
  /** Kind of cue: harm-agent, harm-patient, suffers, helps, defends, label, loaded, technique, accused, speaker-rejected, ... */
  cue: string;
  role: MainRole;
  /** The cue's contribution to that role's score (log-odds units of the classifier). */
  weight: number;
  /** Absent: the author's words. */
  voice?: Voice;
}

export interface ArchetypeScore {
  id: ArchetypeId;
  score: number;
}

/** How one voice casts an actor: the author, or one reported source. */
export interface VoiceCasting {
  kind: 'author' | 'source';
  speaker: string | null;
  actor: string | null;
  role: FramingRole;
  scores: Record<MainRole, number>;
  archetypes: ArchetypeScore[];
  /** Mentions of the actor in that voice's words. */
  mentions: number;
}

export interface ActorFraming {
  /** The author's overall casting (`unframed` when no role clears the calibrated cut). */
  role: FramingRole;
  /** Calibrated scores 0..1 of the three main roles (they sum to 1). */
  scores: Record<MainRole, number>;
  /** Archetypes of the chosen role, strongest first (empty when unframed). */
  archetypes: ArchetypeScore[];
  /** The author's casting first, then each reported source's. */
  byVoice: VoiceCasting[];
  /** The strongest evidence first. */
  evidence: FramingEvidence[];
}

/** One mention with its own role. */
export interface ActorMention extends SpanRef {
  role: FramingRole;
  scores: Record<MainRole, number>;
  archetypes: ArchetypeScore[];
  /** Whose words the mention is in, when not the author's. */
  voice?: Voice;
  /** How the quoted or reported source casts it, when it is in a source's words and that differs from the author's role. */
  sourceRole?: FramingRole;
}

/** A reported part of the text whose speaker the actor is. Being a source is not a framing. */
export interface SourceOf {
  /** Index in `report.voices`. */
  segment: number;
  quoted: boolean;
  stance: Stance | null;
}

/** One actor in one document: where it is mentioned, what is said of it, and how it is cast. */
export interface ActorSummary {
  id: string;
  name: string;
  type: ActorType;
  /** From the gazetteer (built-in or the user's), or found in the text. */
  origin: 'gazetteer' | 'heuristic';
  mentions: ActorMention[];
  /** Technique findings whose spans contain a mention of this actor. */
  techniques: Array<{ finding: string; technique: TechniqueId }>;
  /**
   * Loaded terms right next to a mention ("the Sylvanian regime", "Freedonian occupiers"); `voice`
   * when the term is in a source's words, not the author's ('diaspora groups say X is committing "genocide"').
   */
  loadedTerms: Array<SpanRef & { voice?: Voice }>;
  /** The reported parts this actor is the speaker of. */
  sourceOf: SourceOf[];
  framing: ActorFraming;
}
