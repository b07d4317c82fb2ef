import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strongestItems, strongestWords, topSentences } from './top.js';

/** The plain version: every passing sentence sorted by logit descending, then by sentence. */
function plain(z: Float64Array, S: number, L: number, l: number, k: number, ok: (s: number) => boolean): number[] {
  const all: number[] = [];
  for (let s = 0; s < S; s++) if (ok(s)) all.push(s);
  all.sort((a, b) => z[b * L + l]! - z[a * L + l]! || a - b);
  return all.slice(0, k);
}

describe('topSentences', () => {
  it('keeps the first k of a full sort, ties and -Infinity included (property)', () => {
    const logit = fc.oneof(fc.constant(-Infinity), fc.constant(0), fc.constant(1.5), fc.integer({ min: -20, max: 20 }).map((x) => x / 4));
    fc.assert(
      fc.property(fc.array(fc.tuple(logit, logit, fc.boolean()), { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1 }), (rows, k, l) => {
        const L = 2;
        const z = Float64Array.from(rows.flatMap(([a, b]) => [a, b]));
        const ok = (s: number) => rows[s]![2];
        expect(topSentences({ S: rows.length, L, z }, l, k, ok)).toEqual(plain(z, rows.length, L, l, k, ok));
      }),
      { numRuns: 500 },
    );
  });

  it('strongestWords keeps the first max of a stable sort by weight, then token (property)', () => {
    const weight = fc.oneof(fc.constant(0.6), fc.constant(1), fc.integer({ min: -8, max: 8 }).map((x) => x / 4));
    fc.assert(
      fc.property(fc.array(fc.tuple(weight, fc.integer({ min: 0, max: 6 })), { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (rows, max) => {
        const w = Float64Array.from(rows.map((r) => r[0]));
        const a = Int32Array.from(rows.map((r) => r[1]));
        const plain = rows
          .map(([x, t], k) => [t, k, x] as const)
          .filter(([, , x]) => x >= 0.6)
          .sort((x, y) => y[2] - x[2] || x[0] - y[0])
          .slice(0, max)
          .map(([, k]) => k);
        expect(strongestWords(w, a, rows.length, 0.6, max)).toEqual(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('strongestItems keeps the first max of the sort of the labels not skipped, by probability, then label (property)', () => {
    const prob = fc.oneof(fc.constant(0.2), fc.constant(0.5), fc.integer({ min: 0, max: 8 }).map((x) => x / 8));
    fc.assert(
      fc.property(fc.array(fc.tuple(prob, fc.boolean()), { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (rows, max) => {
        const p = Float64Array.from(rows.map((r) => r[0]));
        const skip = Uint8Array.from(rows.map((r) => (r[1] ? 1 : 0)));
        const plain = rows
          .map((_, l) => l)
          .filter((l) => !skip[l] && p[l]! >= 0.2)
          .sort((a, b) => p[b]! - p[a]! || a - b)
          .slice(0, max);
        expect(strongestItems(p, skip, 0.2, max)).toEqual(plain);
      }),
      { numRuns: 500 },
    );
  });
});
