import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTable } from './vector.js';

const pairKeyForTest = (a: number, b: number) => `${a},${b}`;

describe('PairTable', () => {
  it('gives the value of every stored pair and -1 for any other, as a Map of the pairs does (property)', () => {
    const unit = fc.integer({ min: 0, max: 3000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(unit, unit), { maxLength: 200 }), fc.array(fc.tuple(unit, unit), { maxLength: 50 }), (stored, probes) => {
        const plain = new Map<string, number>();
        const list: Array<[number, number, number]> = [];
        for (const [a, b] of stored) {
          if (plain.has(pairKeyForTest(a, b))) continue;
          plain.set(pairKeyForTest(a, b), list.length + 7);
          list.push([a, b, list.length + 7]);
        }
        const table = new PairTable(list);
        for (const [a, b] of [...stored, ...probes]) expect(table.get(a, b)).toBe(plain.get(pairKeyForTest(a, b)) ?? -1);
      }),
      { numRuns: 200 },
    );
  });
});
