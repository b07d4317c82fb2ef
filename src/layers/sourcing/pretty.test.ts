import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { sourcingSection } from './pretty.js';

describe('sourcing in the pretty output', () => {
  it('shows cited sentences in the bar and the legend, outside the weak share', () => {
    const report = new Analyzer({ model: null }).analyze('Some 60,000 people fled to Dastria.[1] Fewer than a quarter have come back. The valley deserves better.');
    const out = sourcingSection(report, false)!;
    expect(out).toContain('cited 33%');
    expect(out).toContain('no source 33%');
    expect(out).toContain('(vague, hearsay or no source: 33% of 3 sentences)');
    // One letter per 2.5% of sentences: C for cited.
    expect(out).toMatch(/C{13}/);
  });
});
