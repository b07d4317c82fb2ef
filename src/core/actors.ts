import type { SpanRef } from './report.js';
import type { TechniqueId } from './taxonomy.js';

export const ACTOR_TYPES = ['country', 'people', 'international-body', 'media', 'armed-group', 'organisation', 'person', 'unknown'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export type PortrayalRole = 'aggressor' | 'victim' | 'authority' | 'neutral';
export type ActiveRole = Exclude<PortrayalRole, 'neutral'>;

export interface PortrayalEvidence extends SpanRef {
  role: ActiveRole;
  /** The word that cast the role ("shelled", "attack on", "said"). */
  cue: string;
  weight: number;
}

/** One actor in one document: where it is mentioned, what is said of it, and how it is cast. */
export interface ActorSummary {
  id: string;
  name: string;
  type: ActorType;
  /** From the gazetteer, or found by the capitalised-phrase heuristic. */
  origin: 'gazetteer' | 'heuristic';
  mentions: SpanRef[];
  /** Technique findings whose spans contain a mention of this actor. */
  techniques: Array<{ finding: string; technique: TechniqueId }>;
  /** Loaded terms right next to a mention ("the Sylvanian regime", "Freedonian occupiers"). */
  loadedTerms: SpanRef[];
  portrayal: {
    role: PortrayalRole;
    scores: Record<ActiveRole, number>;
    evidence: PortrayalEvidence[];
  };
}
