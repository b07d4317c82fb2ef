import type { KeyPhrase } from '../core/compare.js';
import { backgroundShare, CLOSED_CLASS } from '../lexicon/familiarity.js';

/**
 * The key phrases of two texts side by side: the phrases both use, and those only one uses, ranked
 * by how much they say rather than how often they occur. Each phrase gets the log-odds of its use in
 * one text against the other with an informative Dirichlet prior (Monroe, Colaresi and Quinn,
 * "Fightin' Words", 2008): the prior's share of a phrase is its rarest word's share of general
 * English (src/lexicon/familiarity.ts), so a familiar word ("take", "every") needs much more use to
 * stand out than a rare one ("regime", a name). Phrases of closed-class words only are no key phrases.
 */

/** Strength of the prior, in words: how much general English weighs against two short texts. */
export const PRIOR_WORDS = 1000;

const closed = new Set(CLOSED_CLASS);

export interface WeightedPhrase extends KeyPhrase {
  /** Shared: log((fewer uses + prior) / prior); one side only: that side's log-odds over the other's. */
  weight: number;
}

/** The prior count of a phrase: PRIOR_WORDS times its rarest word's background share. */
export function priorOf(phrase: string): number {
  let share = Infinity;
  for (const w of phrase.split(' ')) share = Math.min(share, backgroundShare(w));
  return PRIOR_WORDS * share;
}

/** Log-odds of a phrase's use in A over B with the prior: positive when A uses it more. */
export function logOdds(ya: number, na: number, yb: number, nb: number, prior: number): number {
  return Math.log((ya + prior) / (na + PRIOR_WORDS - ya - prior)) - Math.log((yb + prior) / (nb + PRIOR_WORDS - yb - prior));
}

export function weighPhrases(phrases: readonly KeyPhrase[]): WeightedPhrase[] {
  let na = 0;
  let nb = 0;
  for (const p of phrases) {
    na += p.a;
    nb += p.b;
  }
  const out: WeightedPhrase[] = [];
  for (const p of phrases) {
    if (p.phrase.split(' ').every((w) => closed.has(w))) continue;
    const prior = priorOf(p.phrase);
    const weight = p.a > 0 && p.b > 0 ? Math.log((Math.min(p.a, p.b) + prior) / prior) : Math.abs(logOdds(p.a, na, p.b, nb, prior));
    out.push({ ...p, weight });
  }
  return out;
}

const words = (p: string) => p.split(' ').length;

/** Heaviest first; then more uses, longer phrases, alphabetical. */
export function byWeight(x: WeightedPhrase, y: WeightedPhrase): number {
  return y.weight - x.weight || y.a + y.b - (x.a + x.b) || words(y.phrase) - words(x.phrase) || x.phrase.localeCompare(y.phrase);
}
