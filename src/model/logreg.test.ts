import { describe, expect, it } from 'vitest';
import { rng } from './hash.js';
import { predictProba, type LogRegWeights } from './logreg.js';

describe('predictProba', () => {
  it('gives the same probabilities from 16-bit weights as from the same weights as floats, for 14 classes and others', () => {
    const r = rng(5);
    for (const classes of [2, 3, 14]) {
      const buckets = 256;
      const w = Int16Array.from({ length: classes * buckets }, () => Math.round((r() - 0.5) * 65000));
      const ints: LogRegWeights = { classes, buckets, w, scale: 0.0003 };
      const floats: LogRegWeights = { classes, buckets, w: Float32Array.from(w), scale: 0.0003 };
      for (let trial = 0; trial < 50; trial++) {
        const feats = Uint32Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * buckets));
        const a = predictProba(ints, feats);
        expect(a).toEqual(predictProba(floats, feats));
        expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      }
    }
  });
});
