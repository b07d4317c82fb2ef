import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, binomialCdf, binomialSf, clopperPearson, incompleteBeta, lnGamma, poissonRateRatio } from './stats.js';

describe('special functions', () => {
  it('lnGamma matches factorials', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('incomplete beta has the closed forms of small cases', () => {
    // I_x(1, 1) = x; I_x(2, 1) = x^2; I_x(1, 3) = 1 - (1 - x)^3.
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(incompleteBeta(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 12);
  });

  it('binomial tails match direct sums', () => {
    expect(binomialCdf(0, 10, 0.5)).toBeCloseTo(0.5 ** 10, 14);
    // sum_{k=5}^{10} C(10,k) 0.25^k 0.75^(10-k)
    expect(binomialSf(5, 10, 0.25)).toBeCloseTo(0.07812690734863281, 12);
    expect(binomialCdf(4, 10, 0.25) + binomialSf(5, 10, 0.25)).toBeCloseTo(1, 12);
    expect(binomialSf(0, 10, 0.3)).toBe(1);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
  });

  it('Clopper-Pearson bounds: x = 0 has upper 1 - (alpha/2)^(1/n); x = n mirrors it', () => {
    const [lo, hi] = clopperPearson(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1 - 0.025 ** 0.1, 9);
    const [lo2, hi2] = clopperPearson(10, 10);
    expect(lo2).toBeCloseTo(0.025 ** 0.1, 9);
    expect(hi2).toBe(1);
    // Symmetric around 0.5 for x = n / 2.
    const [a, b] = clopperPearson(5, 10);
    expect(a + b).toBeCloseTo(1, 9);
  });
});

describe('poissonRateRatio', () => {
  it('equal counts over equal exposure: ratio 1, p = 1, interval around 1', () => {
    const r = poissonRateRatio(10, 1000, 10, 1000);
    expect(r.ratio).toBe(1);
    expect(r.p).toBe(1);
    expect(r.ci![0]).toBeLessThan(1);
    expect(r.ci![1]).toBeGreaterThan(1);
  });

  it('none in the group against 10 in the rest: p = 2 * 0.5^10, upper bound from Clopper-Pearson', () => {
    const r = poissonRateRatio(0, 1000, 10, 1000);
    expect(r.ratio).toBe(0);
    expect(r.p).toBeCloseTo(0.001953125, 12);
    expect(r.ci![0]).toBe(0);
    // q = 1 - 0.025^(1/10) = 0.308497...; ratio bound q / (1 - q) = 0.446126...
    expect(r.ci![1]).toBeCloseTo(0.4461255495919248, 8);
  });

  it('5 in 1,000 words against 5 in 3,000: ratio 3, p = 2 * P(Bin(10, 1/4) >= 5)', () => {
    const r = poissonRateRatio(5, 1000, 5, 3000);
    expect(r.ratio).toBeCloseTo(3, 12);
    expect(r.p).toBeCloseTo(2 * 0.07812690734863281, 10);
    // The interval is the proportion interval scaled by w2 / w1 = 3.
    const [plo, phi] = clopperPearson(5, 10);
    expect(r.ci![0]).toBeCloseTo((plo / (1 - plo)) * 3, 9);
    expect(r.ci![1]).toBeCloseTo((phi / (1 - phi)) * 3, 9);
  });

  it('3 against 1 over equal exposure: p = 2 * 5/16', () => {
    expect(poissonRateRatio(3, 500, 1, 500).p).toBeCloseTo(0.625, 12);
  });

  it('no findings on either side gives no ratio and p = 1; none in the rest gives an open upper bound', () => {
    expect(poissonRateRatio(0, 100, 0, 100)).toEqual({ ratio: null, ci: null, p: 1 });
    const r = poissonRateRatio(4, 100, 0, 100);
    expect(r.ratio).toBe(Infinity);
    expect(r.ci![1]).toBe(Infinity);
    expect(r.ci![0]).toBeGreaterThan(0);
  });

  it('refuses non-positive exposure', () => {
    expect(() => poissonRateRatio(1, 0, 1, 10)).toThrow(/positive/);
  });
});

describe('benjaminiHochberg', () => {
  it('adjusts by m / rank with a running minimum from the top', () => {
    // sorted: 0.005 (1), 0.01 (2), 0.03 (3), 0.04 (4); m = 4 -> 0.02, 0.02, 0.04, 0.04
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q[0]).toBeCloseTo(0.02, 12);
    expect(q[1]).toBeCloseTo(0.04, 12);
    expect(q[2]).toBeCloseTo(0.04, 12);
    expect(q[3]).toBeCloseTo(0.02, 12);
  });

  it('caps at 1 and handles an empty list', () => {
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(benjaminiHochberg([1, 1, 1])).toEqual([1, 1, 1]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
