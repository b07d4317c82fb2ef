import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { buildView } from './features.js';
import { FILTER_FEATURES, filterFeatures, keepProbability, probabilityBound, trainSpanFilter, type FilterExample, type SpanEvidence } from './span-filter.js';
import { syntheticTable } from './test-support/synthetic.js';
import { rng } from './hash.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const probs = (top: number) => {
  const p = new Float64Array(14).fill((1 - top) / 13);
  p[3] = top;
  return p;
};

describe('span filter features', () => {
  const doc = segment('Officials met on Monday.\n"The vile traitors lie!" he shouted at the crowd.', vocab);
  const view = buildView(doc, syntheticTable());
  const s = doc.sentences[1]!;
  const span = (a: number, b: number): SpanEvidence => ({ a, b, score: 0.6, max: 0.8, min: 0.4, first: 0.5, sentMean: 0.3 });

  it('describes a span with finite numbers, the bias first', () => {
    const x = filterFeatures(view, span(s.tokenStart + 1, s.tokenStart + 5), 0.2, probs(0.7));
    expect(x.length).toBe(FILTER_FEATURES);
    expect(x.every(Number.isFinite)).toBe(true);
    expect([...x.subarray(0, 5)]).toEqual([1, 0.6, 0.8, 0.4, 0.5]);
    expect(x[17]).toBeCloseTo(0.7, 12); // the classifier's top probability
    expect(x[18]).toBeCloseTo(0.3 / 13, 12); // and the runner-up
  });

  it('tells one-word spans, quoted spans and sentence marks apart', () => {
    const one = filterFeatures(view, span(s.tokenStart + 2, s.tokenStart + 3), 0.2, probs(0.5));
    const four = filterFeatures(view, span(s.tokenStart + 1, s.tokenStart + 5), 0.2, probs(0.5));
    expect(one[6]).toBe(1); // length 1
    expect(four[6]).toBe(0);
    expect(four[8]).toBe(1); // at most 5 tokens
    expect(four[22]).toBe(1); // every token inside the quotation
    expect(four[24]).toBe(1); // the sentence has '!'
    const first = filterFeatures(view, span(0, 1), 0.2, probs(0.5));
    expect(first[16]).toBe(1); // first sentence
    expect(first[22]).toBe(0);
  });
});

describe('span filter training', () => {
  // Spans with a high tagger score are mostly right, others mostly wrong; a constant feature stays put.
  const examples: FilterExample[] = [];
  const r = rng(5);
  for (let i = 0; i < 400; i++) {
    const x = new Float64Array(FILTER_FEATURES);
    x[0] = 1;
    x[1] = r();
    x[5] = 7; // constant: standardising must not divide by zero
    x[11] = r() * 3;
    examples.push({ x, y: x[1]! > 0.5 ? 0.9 : 0.1 });
  }
  const weights = trainSpanFilter(examples, { epochs: 200, l2: 1e-3 });

  it('learns which spans are right, with weights that apply to raw features', () => {
    expect(weights.every(Number.isFinite)).toBe(true);
    const at = (score: number) => {
      const x = new Float64Array(FILTER_FEATURES);
      x[0] = 1;
      x[1] = score;
      x[5] = 7;
      x[11] = 1.5;
      return keepProbability({ weights, keep: 0.5 }, x);
    };
    expect(at(0.9)).toBeGreaterThan(0.75);
    expect(at(0.1)).toBeLessThan(0.25);
    expect(at(0.7)).toBeGreaterThan(at(0.6));
    expect(Math.abs(weights[11]!)).toBeLessThan(Math.abs(weights[1]!) / 5); // noise gets little weight
  });

  it('is deterministic and copes with no examples', () => {
    expect(trainSpanFilter(examples, { epochs: 200, l2: 1e-3 })).toEqual(weights);
    expect(trainSpanFilter([], { epochs: 10, l2: 0 })).toEqual(new Array(FILTER_FEATURES).fill(0));
  });
});

describe('probabilityBound', () => {
  it('is never exceeded by what the probability features add, whatever the weights and distribution', () => {
    const doc = segment('The vile traitors lie, he shouted at the crowd.', vocab);
    const view = buildView(doc, syntheticTable());
    const sp: SpanEvidence = { a: 1, b: 4, score: 0.5, max: 0.7, min: 0.3, first: 0.4, sentMean: 0.3 };
    const r = rng(7);
    for (let trial = 0; trial < 60; trial++) {
      const weights = Array.from({ length: FILTER_FEATURES }, () => (r() - 0.5) * 6);
      const filter = { weights, keep: 0.2 };
      const K = 2 + Math.floor(r() * 14);
      const bound = probabilityBound(filter, K);
      const base = filterFeatures(view, sp, 0.2, new Float64Array(K));
      const logit = (x: Float64Array) => x.reduce((s, v, j) => s + weights[j]! * v, 0);
      for (let k = 0; k < 200; k++) {
        // Peaked, flat and in-between distributions.
        const sharp = r() * 8;
        const p = Float64Array.from({ length: K }, () => Math.exp(sharp * r()));
        if (k % 7 === 0) p.fill(1);
        if (k % 11 === 0) p.fill(0).fill(1, 0, 1);
        const z = p.reduce((s, v) => s + v, 0);
        for (let c = 0; c < K; c++) p[c]! /= z;
        expect(logit(filterFeatures(view, sp, 0.2, p)) - logit(base)).toBeLessThanOrEqual(bound);
      }
    }
  });
});
