export { analyze, Analyzer, getDefaultAnalyzer, type AnalyzeOptions, type AnalyzerOptions } from './analysis/analyzer.js';
export type { Report, EngineInfo, SpanRef } from './core/report.js';
export type { Finding, Evidence, FindingSource } from './core/finding.js';
export {
  TECHNIQUES,
  TECHNIQUE_IDS,
  CATEGORIES,
  PTC_LABELS,
  PTC_PRIMARY,
  techniqueInfo,
  categoryOf,
  toPtcLabel,
  type TechniqueId,
  type CategoryId,
  type PtcLabel,
  type TechniqueInfo,
} from './core/taxonomy.js';
export { loadConfigFile, parseConfig, defaultConfig, type FramewiseConfig, type ResolvedConfig } from './core/config.js';
export { UserError } from './core/errors.js';
export { segment, type Doc } from './text/segment.js';
export { normalise } from './text/normalise.js';
export type { Detector, DetectorContext, DetectorMeta, RawFinding } from './detectors/engine/contract.js';
export { VERSION } from './version.js';
