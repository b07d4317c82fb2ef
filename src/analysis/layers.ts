import type { Report } from '../core/report.js';
import type { Doc } from '../text/segment.js';
import type { ResolvedConfig } from '../core/config.js';
import { framesLayer } from '../frames/layer.js';
import { intensityLayer } from '../intensity/layer.js';
import { sourcingLayer } from '../sourcing/layer.js';
import { actorsLayer } from '../actors/layer.js';
import { claimsLayer } from '../claims/layer.js';

/** What a report layer (sourcing, claims, actors, frames, intensity...) gets to work with. */
export interface LayerContext {
  doc: Doc;
  report: Report;
  /** Maps a canonical span of `doc.text` to the original input: offsets and text. */
  span(start: number, end: number): { start: number; end: number; text: string };
  /** The analyzer's configuration (layers read user lexicon directories from it). */
  config?: ResolvedConfig;
}

/**
 * A report layer adds one section to the report from the segmented document and the technique
 * findings. Layers run after detectors, in the order listed, and must be deterministic.
 */
export interface ReportLayer {
  name: string;
  apply(ctx: LayerContext): void;
}

/** Every report layer, in one explicit list. */
export const reportLayers: ReportLayer[] = [framesLayer, intensityLayer, sourcingLayer, actorsLayer, claimsLayer];
