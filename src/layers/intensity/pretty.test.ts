import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/report.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { heatStrip, intensitySection } from './pretty.js';
import { IntensityScorer, KIND_POINTS } from './score.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function reportOf(text: string): Report {
  const doc = segment(text, vocab);
  const intensity = new IntensityScorer().score(doc, (s, e) => {
    const [a, b] = toOriginalSpan(doc.nt, s, e);
    return { start: a, end: b, text: text.slice(a, b) };
  });
  return { intensity } as Report;
}

describe('intensity pretty section', () => {
  it('draws one cell per sentence, height by score, and buckets long texts by their hottest sentence', () => {
    expect(heatStrip([0, 50, 100])).toBe('▁▅█');
    const long = heatStrip([...new Array(160).fill(0), 100], 80);
    expect(long).toHaveLength(80);
    expect(long.endsWith('█')).toBe(true);
  });

  it('shows the gauge, band, heat strip, contributions and the hottest sentence', () => {
    const out = intensitySection(reportOf('The council met on Monday. These vermin must be exterminated!'), false)!;
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Intensity {2}\[█+░*\] \d+ (strong|extreme) {2}peak \d+$/);
    expect(lines[1]).toBe('  sentences ▁█');
    expect(lines[2]).toContain(`eliminationist ${Math.round(KIND_POINTS.eliminationist.each * 10) / 10} (1)`);
    expect(lines[3]).toContain('hottest sentence 2');
    expect(lines[3]).toContain('"vermin"');
  });

  it('is absent without the layer', () => {
    expect(intensitySection({} as Report, false)).toBeNull();
  });
});
