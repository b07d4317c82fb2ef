import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/report.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { aggregateIntensity } from './aggregate.js';
import { IntensityScorer } from './score.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const scorer = new IntensityScorer();
function intensity(text: string) {
  const doc = segment(text, vocab);
  return { intensity: scorer.score(doc, (s, e) => { const [a, b] = toOriginalSpan(doc.nt, s, e); return { start: a, end: b, text: text.slice(a, b) }; }) };
}

describe('aggregateIntensity', () => {
  it('summarises scores, bands, deciles and what drives them', () => {
    const group: Array<Pick<Report, 'intensity'>> = [
      intensity('The council met on Monday.'),
      intensity('The council published its budget.'),
      intensity('These vermin must be exterminated!'),
      {},
    ];
    const a = aggregateIntensity(group);
    expect(a.documents).toBe(4);
    expect(a.scored).toBe(3);
    expect(a.bands.neutral).toBe(2);
    expect(a.bands.extreme).toBe(1);
    expect(a.histogram[0]).toBe(2);
    expect(a.histogram.reduce((s, x) => s + x, 0)).toBe(3);
    expect(a.median).toBe(0);
    expect(a.max).toBe(group[2]!.intensity!.score);
    expect(a.mean).toBeCloseTo(a.max / 3, 0);
    expect(a.contributions.eliminationist).toBeGreaterThan(0);
    expect(a.contributions.eliminationist).toBeGreaterThan(a.contributions.exclamation);
  });
  it('is zero for an empty group', () => {
    expect(aggregateIntensity([])).toMatchObject({ documents: 0, scored: 0, mean: 0, median: 0, p90: 0, max: 0 });
  });
});
