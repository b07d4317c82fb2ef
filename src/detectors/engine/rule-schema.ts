import { z } from 'zod';
import { TECHNIQUE_IDS } from '../../core/taxonomy.js';

/**
 * Rules as data, of a small closed set of kinds (like Vale's): a domain expert adds a rule by
 * editing YAML, without code.
 *
 * - `lexicon`: a list of words or phrases (a trailing `*` on a single word matches any ending).
 * - `pattern`: token patterns, e.g. `either _{1,12} or`, `some|many critics say|argue`, `@fear-verbs`.
 * - `regex`: a JavaScript regular expression over each sentence, pre-filtered by `requires` words.
 */
const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'rule ids are lowercase kebab-case'),
  description: z.string().optional(),
  message: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** Report the match itself (default), its clause, or its whole sentence. */
  expand: z.enum(['match', 'clause', 'sentence']).default('match'),
  /** Where the match may occur relative to direct quotations. */
  quotes: z.enum(['any', 'outside', 'inside']).default('any'),
  /** Words that, anywhere in the same sentence, cancel the match (e.g. negations). */
  unless: z.array(z.string()).default([]),
  /** Only in the headline, or never in it. */
  headline: z.enum(['any', 'only', 'never']).default('any'),
};

export const LexiconRule = z.object({ ...common, kind: z.literal('lexicon'), terms: z.array(z.string().min(1)).min(1) }).strict();
export const PatternRule = z.object({ ...common, kind: z.literal('pattern'), patterns: z.array(z.string().min(1)).min(1) }).strict();
export const RegexRule = z
  .object({
    ...common,
    kind: z.literal('regex'),
    regex: z.string().min(1),
    /** At least one of these words must occur in the sentence for the regex to run. */
    requires: z.array(z.string()).min(1),
  })
  .strict();

export const Rule = z.discriminatedUnion('kind', [LexiconRule, PatternRule, RegexRule]);
export type Rule = z.infer<typeof Rule>;

export const RuleFile = z
  .object({
    technique: z.enum(TECHNIQUE_IDS as [string, ...string[]]),
    /** Named word lists that patterns refer to as `@name`. */
    lexicons: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().min(1))).default({}),
    rules: z.array(Rule).min(1),
  })
  .strict();
export type RuleFile = z.infer<typeof RuleFile>;
