import { describe, expect, it } from 'vitest';
import { FNV_SEED, fmix, fnvUpdate, hashString } from './hash.js';

describe('incremental hashing', () => {
  it('hashes a phrase built piece by piece like the whole string', () => {
    for (const [a, b] of [['ethnic', 'cleansing'], ['', 'x'], ['naïve', '🙂 ok']] as const) {
      expect(fmix(fnvUpdate(fnvUpdate(fnvUpdate(FNV_SEED, a), ' '), b))).toBe(hashString(`${a} ${b}`));
    }
  });
});
