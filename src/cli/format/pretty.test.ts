import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { strengthOf } from '../../core/finding.js';
import { formatPretty } from './pretty.js';

describe('pretty output shows how strong each finding is', () => {
  const text = 'The corrupt regime thugs lied again. Sylvanian officials reportedly left.';
  const report = new Analyzer({ model: null, judge: null }).analyze(text, { layers: false });

  it('words strong and possible findings differently, also without colours', () => {
    expect(report.findings.length).toBeGreaterThan(1);
    report.findings.forEach((f, k) => (f.confidence = k === 0 ? 0.8 : 0.2));
    const out = formatPretty(text, report, { colors: false });
    expect(out).toContain('[1] ');
    expect(out).toMatch(/\[1\] 1:\d+ +\S+ +strong 0\.80 /);
    expect(out).toMatch(/\[2\?\] 1:\d+ +\S+ +possible 0\.20 /);
    expect(out).toContain('possible: underlined, [n?]');
  });

  it('draws strong findings in colour and underlines possible ones', () => {
    report.findings.forEach((f, k) => (f.confidence = k === 0 ? 0.8 : 0.2));
    const out = formatPretty(text, report, { colors: true });
    const first = report.findings[0]!;
    const weak = report.findings.find((f) => f.start >= first.end)!;
    // Underline is ESC[4m; a strong highlight uses a background colour (ESC[4Xm with X a digit).
    expect(out).toContain(`\u001b[4m${weak.text}`);
    expect(out).not.toContain(`\u001b[4m${first.text}`);
  });

  it('has one threshold', () => {
    expect(strengthOf(0.5)).toBe('strong');
    expect(strengthOf(0.499)).toBe('possible');
  });
});
