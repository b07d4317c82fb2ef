import type { Finding } from './finding.js';
import type { CategoryId, TechniqueId } from './taxonomy.js';
import type { FramesReport } from './frames.js';
import type { IntensityReport } from './intensity.js';
import type { Quotation, SourcingSummary } from './sourcing.js';
import type { Claim } from './claims.js';
import type { ActorSummary } from './actors.js';
import type { NarrativesReport } from './narratives.js';
import type { VoiceSegment } from './voice.js';

export interface EngineInfo {
  name: 'framewise';
  version: string;
  /** Hash of the rule set in use; a change means stored analyses are stale. */
  rules: string;
  /** Model artefact version, or null when rules only. */
  model: string | null;
}

export interface SpanRef {
  start: number;
  end: number;
  text: string;
}

/** The analysis of one document. Offsets are UTF-16 indices into the original input. */
export interface Report {
  engine: EngineInfo;
  /** Length of the original input in UTF-16 units. */
  length: number;
  words: number;
  sentences: number;
  paragraphs: number;
  headline: SpanRef | null;
  findings: Finding[];
  counts: {
    total: number;
    byTechnique: Record<TechniqueId, number>;
    byCategory: Record<CategoryId, number>;
  };
  /** Findings per 1,000 words (0 for an empty text). */
  ratePer1000Words: number;
  /** Direct quotations (span including marks). */
  quotes: Array<SpanRef & { open: boolean }>;
  /** Frame scores, dominant frames and their evidence, per paragraph and document (frames layer). */
  frames?: FramesReport;
  /** Discourse intensity 0..100 per sentence and document, with its contributions (intensity layer). */
  intensity?: IntensityReport;
  /** Sourcing class of every sentence, with counts and shares (sourcing layer). */
  sourcing?: SourcingSummary;
  /** Direct quotations with speaker and attribution verb (sourcing layer). */
  quotations?: Quotation[];
  /** The reported parts of the text, each with its speaker and the author's stance; the rest is the author's (voice layer). */
  voices?: VoiceSegment[];
  /** Check-worthy claims with type, source and hedging; accusations with their parties (claims layer). */
  claims?: Claim[];
  /** Actors with mentions (each with its role), techniques, loaded terms, the words they speak and their framing (actors layer). */
  actors?: ActorSummary[];
  /** Every narrative and sub-narrative of the loaded packs, scored; the chosen ones and the dominant one explained (narratives layer). */
  narratives?: NarrativesReport;
  /** Detectors that failed on this document (the others still ran). */
  errors: Array<{ detector: string; message: string }>;
}

/**
 * Whatever turns a text into a Report: the Analyzer, as the layers' evaluation glue sees it (so that
 * a layer's evaluate.ts needs nothing from analysis).
 */
export interface TextAnalyzer {
  analyze(text: string): Report;
}
