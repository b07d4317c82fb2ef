import { isNumber, isWord, wordSet } from '../../lexicon/word-sets.js';
import type { Tokens } from '../../text/tokenise.js';
import { cueClassIndex } from './cues.js';

/**
 * Harm done to weapons is defence: "air defence crews shot down four rockets", "units destroyed 51
 * drones". The harm list reads "shoot" and "destroy" as harm done by the doer, which casts the
 * defenders of a city as its attackers. A harm cue whose object is a weapon (within a few words:
 * numbers, determiners and "of the" between) counts as help given instead. A weapon after a
 * preposition is an instrument or a place, not the object ("struck the station with drones").
 */
const WEAPONS = wordSet(
  'drone drones missile missiles rocket rockets shell shells projectile projectiles bomb bombs warhead warheads munition munitions uav uavs shahed shaheds',
);
const INSTRUMENT = wordSet('with using by from at on in into onto against over across near');
const BETWEEN = wordSet(
  'down out off the a an of all most some several many dozens hundreds scores incoming enemy hostile attack attacking its their his her our these those every each one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty dozen',
);
const HARM = 1 << cueClassIndex('harm');
const HELP = 1 << cueClassIndex('help');

/** Words from token `from` (the first after the cue) that may stand before the weapon. */
const REACH = 6;

/** Is the object of the cue that ends before token `from` a weapon (from <= i < end)? */
export function aimedAtWeapon(t: Tokens, from: number, end: number): boolean {
  for (let i = from, words = 0; i < end && words < REACH; i++) {
    if (!isWord(t, i)) {
      if (isNumber(t, i)) { words++; continue; }
      return false;
    }
    if (WEAPONS.at(t, i)) return true;
    if (INSTRUMENT.at(t, i) || !BETWEEN.at(t, i)) return false;
    words++;
  }
  return false;
}

/** A cue mask with harm done to weapons read as help given (unchanged otherwise). */
export function defenceMask(mask: number, t: Tokens, cueEnd: number, end: number): number {
  return mask & HARM && aimedAtWeapon(t, cueEnd, end) ? (mask & ~HARM) | HELP : mask;
}
