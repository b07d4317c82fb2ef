import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../engine/contract.js';
import { segment } from '../../text/segment.js';
import { misleadingHeadlineDetector } from './detector.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function run(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  misleadingHeadlineDetector.create({ doc: segment(text, vocab), report: (f) => out.push(f) });
  return out;
}

describe('misleading-headline detector', () => {
  it('covers the headline and shows the claim and the nearest body sentences, in original offsets', () => {
    // CRLF and curly quotes: canonical and original offsets differ after the first line.
    const text = 'Thousands flee \u201cmassacre\u201d in Ost\r\n\r\nAbout 300 people left the town of Ost on Monday after a night of shooting, the mayor said.\r\nNo deaths were reported. Roads out of Ost were crowded with cars.';
    const [f, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe('Thousands flee \u201cmassacre\u201d in Ost');
    const ev = f!.evidence!;
    expect(ev[0]).toEqual({ label: 'headline claim', start: 0, end: 32, text: 'Thousands flee \u201cmassacre\u201d in Ost' });
    const near = ev.filter((e) => e.label === 'nearest body sentence');
    expect(near.length).toBeGreaterThan(0);
    for (const e of near) expect(text.slice(e.start!, e.end!)).toBe(e.text);
    expect(near[0]!.text).toContain('About 300 people left the town of Ost');
    expect(ev.map((e) => e.label)).toEqual(expect.arrayContaining(['inflated-scale', 'loaded-terms']));
    expect(f!.message).toMatch(/"Thousands" where the body's largest figure is "300"/);
    expect(f!.ruleId).toBe('misleading-headline/inflated-scale');
    expect(f!.confidence).toBeGreaterThan(0.8);
  });

  it('says nothing without a headline or a body', () => {
    expect(run('Sylvania bombs village. A blast hit a village on Monday, killing two.')).toEqual([]);
    expect(run('Sylvania bombs village')).toEqual([]);
    expect(run('By Anna Novak\n\nThe council approved the budget on Monday.')).toEqual([]);
  });

  it('reads "May" inside a sentence as the month, not a hedge', () => {
    expect(run('Inflation reached 9 percent\n\nInflation reached 9 percent in May, the statistics office said on Friday.')).toEqual([]);
    expect(run('Inflation reached 9 percent\n\nInflation may have reached 9 percent, the statistics office said on Friday.').map((f) => f.ruleId)).toEqual([
      'misleading-headline/stronger-certainty',
    ]);
  });

  it('accepts a headline that attributes its claim ("says", quotes, "may")', () => {
    expect(run('Southland says Northland shelled hospital\n\nSouthland accused Northland of shelling a hospital in Ost on Monday. Northland denied it.')).toEqual([]);
    expect(run('Northland shelled hospital\n\nSouthland accused Northland of shelling a hospital in Ost on Monday. Northland denied it.').length).toBe(1);
  });

  it('is symmetric: swapping the two sides flags the same way', () => {
    const a = run('Freedonia shells Sylvanian port\n\nA shell hit the port of Tira in Sylvania on Monday. It is unclear who fired it. Freedonian and Sylvanian units are both nearby.');
    const b = run('Sylvania shells Freedonian port\n\nA shell hit the port of Tira in Freedonia on Monday. It is unclear who fired it. Sylvanian and Freedonian units are both nearby.');
    expect(a.map((f) => f.ruleId)).toEqual(b.map((f) => f.ruleId));
    expect(a.length).toBe(1);
  });
});
