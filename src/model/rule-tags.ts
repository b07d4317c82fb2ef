import type { Analyzer } from '../analysis/analyzer.js';
import { TECHNIQUE_IDS, type TechniqueId } from '../core/taxonomy.js';
import { toCanonicalOffset } from '../text/normalise.js';
import type { Doc } from '../text/segment.js';
import type { RuleTagger } from './corpus.js';

const techniqueTag = new Map<string, number>(TECHNIQUE_IDS.map((id, i) => [id, i + 1]));

export function ruleTag(technique: TechniqueId): number {
  return techniqueTag.get(technique) ?? 0;
}

/** Rule findings of a rules-only analyzer as tagger tags (training time: findings come as original offsets). */
export function analyzerRuleTagger(analyzer: Analyzer): RuleTagger {
  return (doc: Doc) =>
    analyzer.analyze(doc.nt.original, { layers: false }).findings
      .filter((f) => f.source !== 'model')
      .map((f) => ({ start: toCanonicalOffset(doc.nt, f.start), end: toCanonicalOffset(doc.nt, f.end), tag: ruleTag(f.technique) }));
}
