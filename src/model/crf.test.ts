import { describe, expect, it } from 'vitest';
import { crfMarginals, crfMarginalsAnyLabels, crfMarginalsLog, newCrf, type CrfWeights, type Sequence } from './crf.js';
import { rng } from './hash.js';

function randomCase(seed: number, spread: number) {
  const r = rng(seed);
  const w = newCrf(3, 64);
  for (let i = 0; i < w.emission.length; i++) w.emission[i] = (r() - 0.5) * spread;
  for (let i = 0; i < w.transition.length; i++) w.transition[i] = (r() - 0.5) * spread;
  const T = 1 + Math.floor(r() * 40);
  const offs = new Int32Array(T + 1);
  const feats: number[] = [];
  for (let t = 0; t < T; t++) {
    const n = Math.floor(r() * 6);
    for (let k = 0; k < n; k++) feats.push(Math.floor(r() * 64));
    offs[t + 1] = feats.length;
  }
  return { w, seq: { offs, feats: Uint32Array.from(feats) } satisfies Sequence };
}

describe('CRF marginals', () => {
  it('the scaled probability-space recursion gives the log-space marginals, even for extreme weights', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { w, seq } = randomCase(seed, seed % 4 === 0 ? 200 : 6);
      const fast = crfMarginals(w, seq);
      const slow = crfMarginalsLog(w, seq);
      expect(fast.length).toBe(slow.length);
      for (let i = 0; i < fast.length; i++) expect(Math.abs(fast[i]! - slow[i]!)).toBeLessThan(1e-9);
      for (let t = 0; t < fast.length / 3; t++) expect(fast[t * 3]! + fast[t * 3 + 1]! + fast[t * 3 + 2]!).toBeCloseTo(1, 12);
    }
  });

  it('the unrolled three-label path gives the general recursion\'s marginals to the bit (float and 16-bit weights, shared features)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { w, seq } = randomCase(seed, seed % 4 === 0 ? 200 : 6);
      const r = rng(seed + 1000);
      const shared = Uint32Array.from({ length: Math.floor(r() * 5) }, () => Math.floor(r() * 64));
      const q: CrfWeights = { ...w, emission: Int16Array.from(w.emission, (x) => Math.round(x * 100)), emissionScale: 0.01 };
      for (const weights of [w, q]) {
        for (const s of [seq, { ...seq, shared }]) {
          const fast = crfMarginals(weights, s);
          const general = crfMarginalsAnyLabels(weights, s);
          expect(fast).toEqual(general);
          expect(Buffer.from(fast.buffer).equals(Buffer.from(general.buffer))).toBe(true);
        }
      }
    }
  });

  it('gives an empty result for an empty sequence', () => {
    const { w } = randomCase(1, 1);
    expect(crfMarginals(w, { offs: new Int32Array(1), feats: new Uint32Array(0) }).length).toBe(0);
  });
});
