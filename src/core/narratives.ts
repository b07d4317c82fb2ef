import type { SpanRef } from './report.js';
import type { Voice } from './voice.js';

/**
 * Narratives: which story a text tells, from packs of narratives written as data
 * (src/layers/narratives). A pack is a taxonomy of narratives and sub-narratives; every one of them
 * gets a score per document, and those the text carries are `chosen` (none chosen: "Other").
 */

/** The label a taxonomy gives a text that carries none of its narratives. */
export const OTHER_LABEL = 'Other';

export type NarrativeLevel = 'narrative' | 'subnarrative';

/** Whose words an evidence sentence is (the voice layer's Voice): the author's own, or a source's. */
export type NarrativeVoice = Voice;

/** A word or phrase that signalled a narrative, in original offsets. */
export interface NarrativeCue extends SpanRef {
  /**
   * `cue`: a cue phrase of the pack; `terms`: a term set (words from each of its groups in one
   * sentence; the span covers them); `claim`: a claim shape; `role`: an entity-role pattern;
   * `model`: a word the trained model leaned on.
   */
  kind: 'cue' | 'terms' | 'claim' | 'role' | 'model';
}

/** A sentence that carries a narrative, with what in it signalled the narrative. */
export interface NarrativeEvidence extends SpanRef {
  /** Sentence index in the document. */
  sentence: number;
  /** This sentence's belief in the narrative, 0..1. */
  score: number;
  voice: NarrativeVoice;
  cues: NarrativeCue[];
}

/** One narrative or sub-narrative of a loaded pack, scored for one document. */
export interface NarrativeScore {
  /** Stable id within its pack: `narrative-id`, or `narrative-id/sub-id` for a sub-narrative. */
  id: string;
  /** The taxonomy's label string (e.g. "URW: Discrediting the West, Diplomacy"). */
  label: string;
  /** The pack's name. */
  pack: string;
  level: NarrativeLevel;
  /** For a sub-narrative, the id of its narrative; null for a narrative. */
  parent: string | null;
  /** How strongly the document carries it, 0..1 (a calibrated probability where the pack has trained weights). */
  score: number;
  /** The document carries it (multi-label). A sub-narrative is chosen only under a chosen narrative. */
  chosen: boolean;
  /** The sentences behind the score, strongest first (empty when the score is negligible). */
  evidence: NarrativeEvidence[];
}

/** An extractive explanation: the document's own words, at most 80 of them, with their offsets. */
export interface NarrativeExplanation {
  /** The parts joined by " … ". */
  text: string;
  parts: SpanRef[];
  words: number;
}

export interface DominantNarrative {
  id: string;
  label: string;
  pack: string;
  score: number;
  explanation: NarrativeExplanation;
}

/** A loaded pack as the API lists it: its narratives and sub-narratives with their descriptions. */
export interface NarrativePackInfo {
  name: string;
  title: string;
  version: string;
  description: string;
  items: Array<{ id: string; label: string; level: NarrativeLevel; parent: string | null; description: string }>;
}

export interface NarrativesReport {
  /** The packs loaded, in order. */
  packs: Array<{ name: string; title: string; version: string }>;
  /** Every narrative and sub-narrative of the loaded packs, in pack order (sub-narratives after their narrative). */
  items: NarrativeScore[];
  /** Labels of the chosen narratives, or ["Other"] when none is chosen. */
  narratives: string[];
  /**
   * Labels of the chosen sub-narratives; a chosen narrative with none of its sub-narratives chosen
   * gives "<narrative label>: Other"; ["Other"] when no narrative is chosen.
   */
  subnarratives: string[];
  /** The strongest chosen narrative, explained; null when none is chosen. */
  dominant: DominantNarrative | null;
}

/** Label strings compare after Unicode normalisation, typographic quotes made straight, spaces collapsed, case folded. */
export function labelKey(label: string): string {
  return label
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*/g, ': ')
    .trim()
    .toLowerCase();
}

export const OTHER_KEY = 'other';

/** A label set as the task writes it: the labels, or {"Other"} when there are none. */
export function withOther(labels: readonly string[]): string[] {
  const clean = labels.filter((l) => labelKey(l) !== OTHER_KEY);
  return clean.length > 0 ? clean : [OTHER_LABEL];
}

