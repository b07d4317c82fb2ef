import type { Analyzer } from '../analysis/analyzer.js';
import { ruleTag, type RuleTagger } from '../model/rule-tags.js';
import type { Doc } from '../text/segment.js';

/**
 * Rule findings of a rules-only analyzer as tagger tags: every finding the rules and code detectors
 * make (before mentions are dropped or rules are judged), as the model reads them at inference.
 */
export function analyzerRuleTagger(analyzer: Analyzer): RuleTagger {
  return (doc: Doc) =>
    analyzer.collect(doc.nt.original, { keepMentions: true }).findings
      .filter((f) => f.source !== 'model')
      .map((f) => ({ start: f.start, end: f.end, tag: ruleTag(f.technique) }));
}
