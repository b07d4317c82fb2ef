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

  it('counts the speakers of quotations as the voice layer reads them, and says how many have none', () => {
    const a = new Analyzer({ model: null });
    const named = sourcingSection(a.analyze('The interior minister calls the protesters "hooligans paid from abroad by foreigners". He named nobody.'), false)!;
    expect(named).toContain('Quotes  1 from 1 speaker(s)');
    const none = sourcingSection(a.analyze('The square was quiet. "We will come back tomorrow and every day after that." The police left.'), false)!;
    expect(none).toContain('Quotes  1 from 0 speaker(s), 1 with none named');
  });
});
