import type { ActorType } from './actors.js';
import type { ArchetypeId, FramingRole } from './framing.js';
import type { DocumentFilter } from './documents.js';
import type { FrameId } from './frames.js';
import type { IntensityBand, IntensityKind } from './intensity.js';
import type { Report } from './report.js';
import type { SourcingClass } from './sourcing.js';
import type { CategoryId, TechniqueId } from './taxonomy.js';

/**
 * Result shapes of corpus comparison (src/compare/groups.ts: `compareGroups(store, engineKey, options)`),
 * of the report layers per group (src/compare/layers.ts: `compareLayers`, with each layer's
 * aggregate) and of two documents side by side (src/compare/documents.ts: `compareDocuments(a, b)`).
 * Plain JSON: the HTTP API returns these as they are, and the web UI reads them.
 */

export type GroupBy = 'outlet' | 'tag' | 'author';
export const GROUP_BY: readonly GroupBy[] = ['outlet', 'tag', 'author'];

export interface CompareOptions {
  by: GroupBy;
  /** Only documents matching this filter form the corpus (groups and "rest" alike). */
  where?: DocumentFilter;
  /** With by=tag: only tags starting with this prefix form groups (e.g. "camp:"). */
  tagPrefix?: string;
  /** How many techniques to list as a group's top techniques (default 5). */
  top?: number;
  /** Example spans kept per group and technique (default 3, highest confidence first). */
  examples?: number;
  /** False discovery rate for the Benjamini-Hochberg correction (default 0.05). */
  alpha?: number;
  /** Only findings with at least this confidence count (default: every stored finding). */
  minConfidence?: number;
}

export interface ExampleSpan {
  documentId: number;
  title: string | null;
  text: string;
  start: number;
  end: number;
  confidence: number;
}

/** A count in a group (findings of one technique, one category, or all) tested against the rest of the corpus. */
export interface RateComparison {
  count: number;
  ratePer1000Words: number;
  /** Count and words in the rest of the corpus (documents not in this group). */
  restCount: number;
  restRatePer1000Words: number;
  /** Group rate / rest rate; null when it is undefined (no findings either side, no rest) or infinite (none in the rest). */
  rateRatio: number | null;
  /** Exact (conditional binomial, Clopper-Pearson) 95% interval of the rate ratio; upper may be Infinity (serialised as null). */
  ci95: [number, number | null] | null;
  /** Two-sided exact p-value (twice the smaller tail, capped at 1). */
  pValue: number;
  /** Benjamini-Hochberg adjusted p-value within its family (techniques, categories, or overall rates). */
  qValue: number;
  /** qValue < alpha. */
  significant: boolean;
  /** Which way a significant difference goes ('same' when not significant). */
  direction: 'higher' | 'lower' | 'same';
}

/** One technique in one group, tested against the rest of the corpus. */
export interface TechniqueComparison extends RateComparison {
  technique: TechniqueId;
  category: CategoryId;
  examples: ExampleSpan[];
}

export interface GroupStats {
  key: string;
  documents: number;
  words: number;
  findings: number;
  ratePer1000Words: number;
  /** All findings against the rest of the corpus. */
  overall: RateComparison;
  /** Findings per category, their share (0..1) of the group's findings, and the category's test against the rest. */
  categoryMix: Array<{ category: CategoryId; count: number; share: number; vsRest: RateComparison }>;
  /** Techniques with at least one finding in the group or the rest, most frequent in the group first. */
  techniques: TechniqueComparison[];
  /** The `top` most frequent techniques of the group (a subset of `techniques`). */
  top: TechniqueComparison[];
  /** Techniques whose difference from the rest is significant after correction. */
  significant: TechniqueComparison[];
}

export interface Comparison {
  by: GroupBy;
  where: DocumentFilter;
  engineKey: string;
  alpha: number;
  method: string;
  totals: { documents: number; words: number; findings: number; ratePer1000Words: number };
  /** Largest groups (by documents) first. */
  groups: GroupStats[];
}

/** A document as compareDocuments needs it. */
export interface SideInput {
  id?: number;
  title?: string | null;
  outlet?: string | null;
  text: string;
  report: Report;
}

export interface KeyPhrase {
  phrase: string;
  /** Occurrences in document a and b. */
  a: number;
  b: number;
}

export interface DocumentComparison {
  a: { id: number | null; title: string | null; outlet: string | null; words: number; findings: number; ratePer1000Words: number };
  b: { id: number | null; title: string | null; outlet: string | null; words: number; findings: number; ratePer1000Words: number };
  /** Techniques found in either, with counts per side. */
  techniques: Array<{ technique: TechniqueId; category: CategoryId; a: number; b: number }>;
  categories: Array<{ category: CategoryId; a: number; b: number }>;
  phrases: { shared: KeyPhrase[]; onlyA: KeyPhrase[]; onlyB: KeyPhrase[] };
}

/** Frame mix of a group of documents (an outlet, a period, a side), for `framewise compare`. */
export interface FrameAggregate {
  documents: number;
  /** Documents with any framing evidence. */
  framed: number;
  /** Mean frame share over the framed documents (sums to 1 when any is framed). */
  mix: Record<FrameId, number>;
  /** Documents whose strongest dominant frame is this one. */
  dominant: Record<FrameId, number>;
  /** Documents where this frame is among the dominant ones. */
  present: Record<FrameId, number>;
}

/** Intensity distribution of a group of documents, for `framewise compare`. */
export interface IntensityAggregate {
  documents: number;
  /** Documents that carry an intensity section. */
  scored: number;
  mean: number;
  median: number;
  p90: number;
  max: number;
  /** Documents per band. */
  bands: Record<IntensityBand, number>;
  /** Documents per score decile: [0,10), [10,20), ... [90,100]. */
  histogram: number[];
  /** Mean points per document contributed by each kind (what drives the group's intensity). */
  contributions: Record<IntensityKind, number>;
}

/** Sourcing of a group of documents (an outlet, a period), for `framewise compare`. */
export interface SourcingAggregate {
  documents: number;
  sentences: number;
  /** Sentences per class, pooled over the group. */
  counts: Record<SourcingClass, number>;
  /** Pooled shares (every sentence weighs the same). */
  shares: Record<SourcingClass, number>;
  /** Mean of the per-document shares (every document weighs the same). */
  meanShares: Record<SourcingClass, number>;
  /** Pooled share of sentences with a vague source, hearsay or no source. */
  weakShare: number;
  quotations: number;
  /** Share of direct-speech quotations introduced by a loaded verb ("claimed", "admitted"). */
  loadedVerbShare: number;
  claims: number;
  /** Share of check-worthy claims with no source (unattributed or the author's opinion). */
  unsourcedClaimShare: number;
  accusations: number;
  /** Accusations with no stated evidence. */
  accusationsWithoutEvidence: number;
}

/** How one actor is cast across a group of documents (an outlet, a period). */
export interface ActorAggregate {
  id: string;
  name: string;
  type: ActorType;
  /** Documents that mention the actor. */
  documents: number;
  mentions: number;
  /** Documents per role the author casts it in. */
  roles: Record<FramingRole, number>;
  /** roles / documents. */
  roleShares: Record<FramingRole, number>;
  /** The most frequent role among documents that frame it (unframed when none did, or on a tie). */
  dominantRole: FramingRole;
  /** Archetypes the authors cast it in, most frequent first (at most 5). */
  archetypes: Array<{ id: ArchetypeId; documents: number }>;
  /** Documents in which a quoted or reported source casts it, per role. */
  sourceRoles: Record<FramingRole, number>;
  /** Documents in which it speaks (is the source of reported words). */
  asSource: number;
  /** Loaded terms applied to the actor, most frequent first (at most 10). */
  loadedTerms: Array<{ term: string; count: number }>;
}

/** The report layers of one group of documents: frame mix, intensity distribution, sourcing, actor framing. */
export interface GroupLayers {
  key: string;
  documents: number;
  frames: FrameAggregate;
  intensity: IntensityAggregate;
  sourcing: SourcingAggregate;
  /** The most mentioned actors (at most `actors`). */
  actors: ActorAggregate[];
}

export interface LayerComparison {
  by: GroupBy;
  where: DocumentFilter;
  engineKey: string;
  /** Largest groups (by documents) first, like the technique comparison. */
  groups: GroupLayers[];
}

/**
 * How each group casts each actor (src/compare/actors.ts): among the group's documents that mention
 * the actor, the share that cast it in each role, against the rest of the corpus.
 */
export interface RoleShare {
  documents: number;
  share: number;
  /** Clopper-Pearson interval of the share at level 1 - alpha. */
  ci: [number, number];
  /** Share among the other groups' documents that mention the actor. */
  restShare: number;
  p: number;
  q: number;
  significant: boolean;
}

export interface ActorGroupCasting {
  key: string;
  /** Documents of the group that mention the actor. */
  documents: number;
  roles: Record<FramingRole, RoleShare>;
}

export interface ActorCasting {
  id: string;
  name: string;
  type: ActorType;
  documents: number;
  groups: ActorGroupCasting[];
}

export interface ActorComparison {
  by: GroupBy;
  where: DocumentFilter;
  engineKey: string;
  alpha: number;
  /** Groups, largest first (documents mentioning any listed actor). */
  groups: string[];
  actors: ActorCasting[];
}

