import type { Analyzer } from '../analysis/analyzer.js';
import { ruleTag, type RuleTagger } from '../model/rule-tags.js';
import { toCanonicalOffset } from '../text/normalise.js';
import type { Doc } from '../text/segment.js';

/** Rule findings of a rules-only analyzer as tagger tags (training time: findings come as original offsets). */
export function analyzerRuleTagger(analyzer: Analyzer): RuleTagger {
  return (doc: Doc) =>
    analyzer.analyze(doc.nt.original, { layers: false }).findings
      .filter((f) => f.source !== 'model')
      .map((f) => ({ start: toCanonicalOffset(doc.nt, f.start), end: toCanonicalOffset(doc.nt, f.end), tag: ruleTag(f.technique) }));
}
