import { describe, expect, it } from 'vitest';
import { tokenise } from '../../text/tokenise.js';
import { Vocab } from '../../text/vocab.js';
import { aimedAtWeapon } from './defence.js';

const vocab = new Vocab();
/** aimedAtWeapon for the words after `cue` in `text`. */
function after(text: string, cue: string): boolean {
  const t = tokenise(text, vocab);
  let i = 0;
  while (i < t.count && text.slice(t.start[i]!, t.end[i]!) !== cue) i++;
  expect(i).toBeLessThan(t.count);
  return aimedAtWeapon(t, i + 1, t.count);
}

describe('harm done to weapons is defence', () => {
  it('reads weapons as the object, past numbers, particles and determiners', () => {
    expect(after('Air defence crews shot down four rockets over the city.', 'shot')).toBe(true);
    expect(after('The units destroyed 51 drones overnight.', 'destroyed')).toBe(true);
    expect(after('Gunners downed eight of the ten incoming missiles.', 'downed')).toBe(true);
  });

  it('does not read people, places or instruments as weapons', () => {
    expect(after('Troops destroyed the village and its school.', 'destroyed')).toBe(false);
    expect(after('The army struck a bus station with drones.', 'struck')).toBe(false);
    expect(after('Soldiers shot two civilians near the missile depot.', 'shot')).toBe(false);
    expect(after('They destroyed the homes of drone operators.', 'destroyed')).toBe(false);
  });
});
