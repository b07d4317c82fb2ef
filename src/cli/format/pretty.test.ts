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

describe('pretty output: narratives', () => {
  // Written for this test: a short op-ed on an invented border dispute.
  const text =
    'The islands are ours by law\n\nThe islands belong to Ostrelia under the treaty of 1951, and every map recognises them as Ostrelian. ' +
    'International law is clear, and the court in The Hague has said so twice. Tarvia must respect the ruling and withdraw its patrol boats.';
  const report = new Analyzer({ model: null }).analyze(text);
  const out = formatPretty(text, report, { colors: false });
  const section = out.slice(out.indexOf('Narratives'));

  it('names the chosen narratives with their scores and the sentences behind them, in their voice', () => {
    const chosen = report.narratives!.items.filter((it) => it.chosen && it.level === 'narrative');
    expect(chosen.length).toBeGreaterThan(0);
    expect(section).toMatch(/^Narratives {2}\d+ chosen {2}pack: disputes/);
    for (const it of chosen) expect(section).toContain(`${it.label}  ${it.score.toFixed(2)}`);
    const e = chosen[0]!.evidence[0]!;
    expect(section).toContain(`"${e.text.replace(/\s+/g, ' ').slice(0, 60)}`);
    expect(section).toContain('[author]');
  });

  it('says "Other" when no narrative is chosen, and prints nothing without packs', () => {
    const plain = new Analyzer({ model: null }).analyze('The bridge reopened on Monday after repairs.');
    expect(formatPretty('The bridge reopened on Monday after repairs.', plain, { colors: false })).toMatch(/Narratives {2}none of the pack's narratives \(Other\)/);
    const none = new Analyzer({ model: null, narratives: 'none' }).analyze(text);
    expect(formatPretty(text, none, { colors: false })).not.toContain('Narratives');
  });
});

describe('pretty output: whose words a finding is in', () => {
  // Written for this test: the author quotes the other side's charge in order to reject it.
  const text = 'Tarvian diaspora groups say that Ostrelia is committing genocide against the Tarvians. Such claims are baseless and they are false.';
  const report = new Analyzer({ model: null }).analyze(text);
  const out = formatPretty(text, report, { colors: false });

  it('names the source and the author\'s stance on the line of a finding in reported words, and nothing for the author\'s own', () => {
    const reported = report.findings.map((f, k) => [f, k] as const).filter(([f]) => f.voice && f.voice.kind === 'source');
    expect(reported.length).toBeGreaterThan(0);
    const lines = out.split('\n');
    for (const [f, k] of reported) {
      const line = lines.find((l) => l.startsWith(`[${k + 1}`))!;
      expect(line).toContain(`in the words of ${f.voice!.speaker}`);
      if (f.voice!.stance === 'rejects') expect(line).toContain('rejected by the author');
    }
    report.findings.forEach((f, k) => {
      if (!f.voice) expect(lines.find((l) => l.startsWith(`[${k + 1}`))).not.toContain('in the words of');
    });
  });
});
