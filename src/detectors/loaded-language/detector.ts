import { RuleFile } from '../engine/rule-schema.js';
import { RuleSet } from '../engine/ruleset.js';
import type { Detector } from '../engine/contract.js';
import { builtinLexicon } from '../../lexicon/builtin.js';

/** Base confidence of a term that is only in the shared list (rules.yaml raises calibrated ones). */
const SHARED_TERM_CONFIDENCE = 0.25;

let compiled: RuleSet | null = null;

/**
 * The shared list src/lexicon/lists/loaded-terms.txt (also read by the intensity layer) compiled into a
 * lexicon rule, minus loaded-language-weak.txt: words that in news are mostly descriptive. Kept in
 * code so that the list lives in one file; its calibrated, higher-confidence subsets are rules.yaml.
 */
function sharedTerms(): RuleSet {
  if (!compiled) {
    const weak = new Set(builtinLexicon('loaded-language-weak').map((w) => w.toLowerCase()));
    const terms = builtinLexicon('loaded-terms').filter((w) => !weak.has(w.toLowerCase()));
    const data = RuleFile.parse({
      technique: 'loaded-language',
      rules: [
        {
          id: 'shared-loaded-term',
          kind: 'lexicon',
          confidence: SHARED_TERM_CONFIDENCE,
          message: '"{match}" is a loaded term: it carries an emotional charge beyond the facts it names.',
          terms,
        },
      ],
    });
    compiled = new RuleSet([{ file: 'src/lexicon/lists/loaded-terms.txt', data }]);
  }
  return compiled;
}

export const loadedTermsDetector: Detector = {
  meta: {
    id: 'loaded-language/shared-loaded-term',
    technique: 'loaded-language',
    description: 'Terms of the shared loaded-terms list (all camps), at a base confidence.',
    source: 'lexicon',
  },
  create(ctx) {
    for (const f of sharedTerms().run(ctx.doc)) ctx.report(f);
  },
};
