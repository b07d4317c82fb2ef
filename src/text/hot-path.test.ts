import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseSlot, localId, localIndex, Scratch } from './hot-path.js';
import { segment } from './segment.js';
import { tokenLower } from './tokenise.js';
import { Vocab } from './vocab.js';

const vocab = new Vocab();

/** The plain implementation: a token names a vocabulary word or a local word, as a tagged pair. */
const plainName = (id: number) => (id >= 0 ? `vocab:${id}` : `local:${-id - 2}`);

describe('token ids', () => {
  it('local ids and indexes are inverse, and never -1 or a vocabulary id', () => {
    fc.assert(
      fc.property(fc.nat(1 << 24), (j) => {
        expect(localIndex(localId(j))).toBe(j);
        expect(localId(j)).toBeLessThanOrEqual(-2);
      }),
    );
  });

  it('denseSlot gives distinct ids distinct slots, as the tagged pairs do', () => {
    const id = fc.oneof(fc.nat(5000), fc.nat(5000).map(localId));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        const bySlot = new Map<number, string>();
        for (const x of ids) {
          const s = denseSlot(x);
          expect(s).toBeGreaterThanOrEqual(0);
          const seen = bySlot.get(s);
          if (seen !== undefined) expect(seen).toBe(plainName(x));
          bySlot.set(s, plainName(x));
        }
        expect(new Set(ids.map(denseSlot)).size).toBe(new Set(ids.map(plainName)).size);
      }),
    );
  });

  it("name each token's lowercased word in segmented text, made-up words included", () => {
    let locals = 0;
    const word = fc.constantFrom('the', 'Sylvania', 'zqxv', 'Quorbly', 'ministry', "Freedonia's", 'blorptastic', 'U.S.', '42', 'naïve', 'ÉCOLE');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 25 }), (ws) => {
        const text = ws.join(' ');
        const t = segment(text, vocab).tokens;
        for (let i = 0; i < t.count; i++) {
          const id = t.id[i]!;
          const plain = text.slice(t.start[i]!, t.end[i]!).toLowerCase();
          if (id < 0) {
            locals++;
            expect(t.localWords[localIndex(id)]).toBe(tokenLower(t, i));
          }
          expect(tokenLower(t, i)).toBe(plain);
        }
      }),
    );
    // Made-up words are no vocabulary words: the local branch was taken.
    expect(locals).toBeGreaterThan(0);
  });
});

describe('Scratch', () => {
  type Op = { kind: 'take' | 'zeroed' | 'release'; n: number };
  const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('take', 'zeroed', 'release'), n: fc.nat(300) });

  it('behaves as a fresh array per call wherever the caller may rely on it, and keeps at most `keep` after release', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer({ min: 1, max: 200 }), fc.nat(64), (ops, keep, min) => {
        const s = new Scratch((n) => new Int32Array(n), keep, min);
        let previous: Int32Array | null = null;
        for (const { kind, n } of ops) {
          if (kind === 'release') {
            s.release();
            expect(s.capacity <= keep || s.capacity === 0).toBe(true);
            previous = null;
            continue;
          }
          const before = s.capacity;
          const a = kind === 'zeroed' ? s.zeroed(n) : s.take(n);
          expect(a.length).toBeGreaterThanOrEqual(n);
          // Reused while large enough; when grown, by at least doubling (or to n, or to min).
          if (before >= n && previous) expect(a).toBe(previous);
          if (before < n) expect(a.length).toBe(Math.max(n, 2 * before, min));
          // The plain implementation: a new zeroed array of n.
          if (kind === 'zeroed') expect([...a.subarray(0, n)]).toEqual([...new Int32Array(n)]);
          // What the caller writes it reads back.
          for (let k = 0; k < n; k++) a[k] = k * 7 + 1;
          for (let k = 0; k < n; k++) expect(a[k]).toBe(k * 7 + 1);
          previous = a;
        }
      }),
    );
  });
});
