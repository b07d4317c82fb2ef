import { numberKey, readTerms } from './terms.js';
import type { HeadlineCheck } from '../core/stories.js';
import type { Unit } from './units.js';

/**
 * Misleading headline across versions: a headline whose claim no version's body supports. What is
 * checked is the claim that can be checked without reading for meaning: the headline's numbers.
 * "Almaro talks free 80 prisoners" where every body says 38, "rioters wound 20 officers" where every
 * body says seven. Years (1900-2100 written without a separator) are left out: bodies rarely repeat
 * them.
 *
 * Words are not checked: on the tuning part of the story fixtures, asking that most of a headline's
 * words appear in some body flagged 10 to 17 sound headlines ("Kestovia frees Saint Ines crew",
 * "Clear victory for Vesk": headlines paraphrase) for every misleading one it found.
 */
export function checkHeadline(headline: string, bodies: Unit[][]): HeadlineCheck {
  const inBody = new Set<string>();
  for (const units of bodies) for (const u of units) for (const n of u.numbers) inBody.add(numberKey(n.value));
  for (const n of readTerms(headline).numbers) {
    if (Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100 && /^\d{4}$/.test(n.surface)) continue;
    if (!inBody.has(numberKey(n.value))) return { text: headline, supported: false, reason: `"${n.surface}" appears in no version's body` };
  }
  return { text: headline, supported: true, reason: null };
}
