/**
 * Features of tokens (for the span tagger) and of spans (for the technique classifier), as hashed
 * bucket indices. Everything derives from the segmented Doc (canonical text, tokens, sentences,
 * quotes) and the frozen lexicon table, so training and inference compute the same thing.
 */
export { FeatureBuffer } from './feature-buffer.js';
export { buildView, type DocView } from './doc-view.js';
export { resetFeatureCache, type WordCache, type WordSums } from './word-cache.js';
export { sentenceSharedFeatures, suffixHash, tokenFeatures, tokenOwnFeatures, wordTemplateSums } from './token-features.js';
export { sentenceFeatures, spanFeatures } from './span-features.js';
export { countOccurrences, countOccurrencesIn, OCCURRENCE_CHECKS, releaseOccurrenceIndex } from './occurrences.js';
