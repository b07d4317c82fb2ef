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
export { Vocab } from './text/vocab.js';
export { prepareVocab, preparedVocab } from './lexicon/per-vocab.js';
export { normalise } from './text/normalise.js';
export type { Detector, DetectorContext, DetectorMeta, RawFinding } from './detectors/engine/contract.js';
export { VERSION } from './version.js';
export { openStore, resolveDbLocation } from './store/open.js';
export { engineKeyOf, type Store, type StoredDocument, type DocumentSummary, type DocumentFilter, type NewDocument } from './store/types.js';
export { ingestPaths } from './ingest/ingest.js';
export { analyseMissing } from './ingest/analyse.js';
export type { IngestOptions, IngestSummary, IngestProgress, IngestProblem } from './ingest/types.js';
export { compareGroups } from './compare/groups.js';
export { compareDocuments } from './compare/documents.js';
export type { Comparison, CompareOptions, GroupStats, TechniqueComparison, DocumentComparison, FrameAggregate, IntensityAggregate, SourcingAggregate, ActorAggregate } from './core/compare.js';
export { FRAME_IDS, FRAMES, frameInfo, type FrameId, type FrameInfo } from './core/frames.js';
export type { FramesReport, FrameMix, FrameEvidence, FrameCue, FrameSentence, ParagraphFrames } from './layers/frames/analyse.js';
export { aggregateFrames } from './layers/frames/aggregate.js';
export { INTENSITY_BANDS, bandOf, type IntensityReport, type IntensityBand, type SentenceIntensity, type IntensityContribution } from './layers/intensity/score.js';
export { INTENSITY_KINDS, type IntensityKind } from './core/intensity.js';
export { aggregateIntensity } from './layers/intensity/aggregate.js';
export type { SourcingSummary, SourcingSentence, SourcingClass, Quotation, SourceRef, AttributionVerb } from './core/sourcing.js';
export { aggregateSourcing } from './layers/sourcing/aggregate.js';
export type { Claim, Accusation, Party, ClaimType, Hedging } from './core/claims.js';
export { ACTOR_TYPES, type ActorSummary, type ActorType, type ActorFraming, type ActorMention, type FramingEvidence, type VoiceCasting, type SourceOf, type ArchetypeScore } from './core/actors.js';
export { MAIN_ROLES, FRAMING_ROLES, ARCHETYPES, ARCHETYPE_IDS, type MainRole, type FramingRole, type ArchetypeId, type ArchetypeInfo } from './core/framing.js';
export { VOICE_MODES, STANCES, type Voice, type VoiceSegment, type VoiceMode, type Stance } from './core/voice.js';
export { aggregateActors } from './layers/actors/aggregate.js';
export { compareActors, type ActorComparison, type ActorCasting, type RoleShare } from './compare/actors.js';
export { loadGazetteer, type Gazetteer } from './layers/actors/gazetteer.js';
export { builtinLayers, defineProduct, orderLayers, type ReportLayer, type LayerContext, type Product } from './layers/index.js';
export { OTHER_LABEL } from './core/narratives.js';
export type { NarrativesReport, NarrativeScore, NarrativeEvidence, NarrativeCue, NarrativeExplanation, DominantNarrative, NarrativePackInfo, NarrativeVoice } from './core/narratives.js';
export { builtinPackNames } from './layers/narratives/pack.js';
export { compareNarratives, fisherExact } from './compare/narratives.js';
export { comparePeriods, MEASURES, type Measure } from './compare/periods.js';
export type { NarrativeComparison, NarrativeShare, PeriodSeries, PeriodRow, PeriodBy } from './core/narrative-compare.js';
export { updateStories, STORY_DEFAULTS, type UpdateStoriesOptions, type UpdateStoriesResult } from './stories/update.js';
export { storyView, storyViews, allStoryViews, blindSpotsAcross } from './stories/read.js';
export { analyseStory, type StoryOptions, type VersionInput } from './stories/story.js';
export type * from './core/stories.js';
