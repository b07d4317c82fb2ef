import { describe, expect, it } from 'vitest';
import { applyJudge } from '../analysis/judging.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import { rng } from '../model/hash.js';
import { judgeConfidence, judgeProblem, postCalibrate } from '../model/judge.js';
import { DEFAULT_JUDGE_FIT, fitJudge, fitLogistic, fitPost, type JudgeItem } from './judge-fit.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Findings whose truth follows a known logistic law of the filter's estimate. */
function synthetic(n: number, seed = 1): JudgeItem[] {
  const r = rng(seed);
  const out: JudgeItem[] = [];
  for (let i = 0; i < n; i++) {
    const keep = 0.05 + 0.9 * r();
    const prob = 0.2 + 0.7 * r();
    const modelFinding = i % 2 === 0;
    const truth = modelFinding ? sigmoid(3 * Math.log(keep / (1 - keep)) - 0.5) : i % 4 === 1 ? 0.6 : 0.05;
    out.push({
      fold: i % 5,
      technique: 'loaded-language',
      source: modelFinding ? 'model' : 'lexicon',
      ruleId: modelFinding ? 'model/loaded-language' : i % 4 === 1 ? 'loaded-language/good' : 'loaded-language/noisy',
      basis: { keep, prob },
      correct: r() < truth,
    });
  }
  return out;
}

describe('fitLogistic', () => {
  it('recovers the weights of a logistic law', () => {
    const r = rng(3);
    const xs: number[][] = [];
    const ys: boolean[] = [];
    for (let i = 0; i < 20000; i++) {
      const x = 4 * r() - 2;
      xs.push([1, x]);
      ys.push(r() < sigmoid(1.5 * x - 0.5));
    }
    const w = fitLogistic(xs, ys, 0);
    expect(w[0]).toBeCloseTo(-0.5, 1);
    expect(w[1]).toBeCloseTo(1.5, 1);
  });
});

describe('fitJudge', () => {
  const items = synthetic(8000);
  const judge = fitJudge(items, { ...DEFAULT_JUDGE_FIT, ruleFloor: 0.2, reportAt: 0.15 });

  it('measures each rule and silences the one under the floor', () => {
    expect(judge.rules['loaded-language/good']!.precision).toBeGreaterThan(0.5);
    expect(judge.rules['loaded-language/good']!.emit).toBe(true);
    expect(judge.rules['loaded-language/noisy']!.precision).toBeLessThan(0.1);
    expect(judge.rules['loaded-language/noisy']!.emit).toBe(false);
    expect(judgeProblem(judge)).toBeNull();
  });

  it('gives model findings a confidence that follows the truth', () => {
    for (const keep of [0.2, 0.5, 0.8]) {
      const c = judgeConfidence(judge, { technique: 'loaded-language', source: 'model', ruleId: 'model/loaded-language', basis: { keep, prob: 0.5 } })!;
      expect(Math.abs(c - sigmoid(3 * Math.log(keep / (1 - keep)) - 0.5))).toBeLessThan(0.06);
    }
  });

  it('gives a rule without a model its measured precision', () => {
    const c = judgeConfidence(judge, { technique: 'loaded-language', source: 'lexicon', ruleId: 'loaded-language/good' })!;
    expect(Math.abs(c - 0.6)).toBeLessThan(0.06);
  });

  it('has no calibration for techniques PTC does not annotate', () => {
    expect(judgeConfidence(judge, { technique: 'hearsay', source: 'lexicon', ruleId: 'hearsay/reportedly' })).toBeNull();
  });

  it('applies: drops silenced rules, caps uncalibrated techniques', () => {
    const f = (ruleId: string, technique: CollectedFinding['technique'], confidence: number): CollectedFinding => ({ technique, start: 0, end: 4, confidence, message: '', ruleId, source: 'lexicon' });
    const out = applyJudge(judge, [f('loaded-language/noisy', 'loaded-language', 0.5), f('loaded-language/good', 'loaded-language', 0.2), f('hearsay/reportedly', 'hearsay', 0.9)]);
    expect(out.map((x) => x.ruleId)).toEqual(['loaded-language/good', 'hearsay/reportedly']);
    expect(out[0]!.confidence).toBeGreaterThan(0.5);
    expect(out[1]!.confidence).toBe(judge.uncalibratedCap);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(fitJudge(synthetic(8000), { ...DEFAULT_JUDGE_FIT, ruleFloor: 0.2, reportAt: 0.15 }))).toBe(JSON.stringify(judge));
  });
});

describe('post-fold maps', () => {
  it('are monotone and follow the observed share', () => {
    const r = rng(9);
    const units = Array.from({ length: 5000 }, () => {
      const confidence = r();
      return { source: 'model', confidence, correct: r() < confidence * 0.8 };
    });
    const post = fitPost(units);
    const judge = { ...fitJudge([], DEFAULT_JUDGE_FIT), post };
    expect(judgeProblem(judge)).toBeNull();
    let last = 0;
    for (let c = 0; c <= 1; c += 0.05) {
      const y = postCalibrate(judge, 'model', c);
      expect(y).toBeGreaterThanOrEqual(last);
      last = y;
    }
    // The observed share (0.4 at 0.5), scaled by 0.9 for text never seen.
    expect(Math.abs(postCalibrate(judge, 'model', 0.5) - 0.36)).toBeLessThan(0.04);
    // No map for rules: identity.
    expect(postCalibrate(judge, 'lexicon', 0.37)).toBe(0.37);
  });

  it('rejects a broken map', () => {
    const judge = { ...fitJudge([], DEFAULT_JUDGE_FIT), post: { model: { x: [0.1, 0.5], y: [0.6, 0.2] } } };
    expect(judgeProblem(judge)).toMatch(/non-decreasing/);
  });
});
