import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report.js';
import { toOriginalSpan } from '../text/normalise.js';
import { segment } from '../text/segment.js';
import { Analyzer } from './analyzer.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

/**
 * Real documents as they arrive: converted PDFs with page headers and numbers, footnoted op-eds and
 * think-tank commentary. Texts written for framewise (src/text/fixtures/).
 */
const analyzer = new Analyzer();
const fixture = (name: string) => readFileSync(new URL(`../text/fixtures/${name}`, import.meta.url), 'utf8');

/** Every short span of the report (findings, contributions, cues, mentions, evidence...). */
function spans(report: Report): Array<{ start: number; end: number; text: string; at: string }> {
  const out: Array<{ start: number; end: number; text: string; at: string }> = [];
  const walk = (x: unknown, at: string) => {
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${at}[${i}]`));
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') out.push({ start: o.start, end: o.end, text: o.text, at });
      for (const [k, v] of Object.entries(o)) walk(v, `${at}.${k}`);
    }
  };
  walk(report, 'report');
  // Sentences and paragraphs that run on across a page break hold the furniture between their ends.
  return out.filter((s) => s.end - s.start <= 80);
}

describe('page furniture is ignored by every layer and detector', () => {
  it.each(['converted-brief.txt', 'converted-report.txt'])('%s', (name) => {
    const text = fixture(name);
    const doc = segment(text, vocab);
    expect(doc.furniture.length).toBeGreaterThanOrEqual(5);
    const furniture = doc.furniture.map((f) => toOriginalSpan(doc.nt, f.start, f.end));
    const report = analyzer.analyze(text);
    expect(spans(report).length).toBeGreaterThan(20);
    for (const s of spans(report)) {
      for (const [a, b] of furniture) expect(s.start < b && a < s.end, `${s.at} "${s.text}" overlaps "${text.slice(a, b)}"`).toBe(false);
    }
    // No page number or header number becomes a numeric claim.
    for (const c of report.claims ?? []) for (const cue of c.cues) expect(cue.text).not.toMatch(/^(?:[1-9]|Page)$/);
    // Furniture is no sentence of the sourcing shares.
    expect(report.sourcing!.sentences.some((s) => /^Page \d/.test(s.text) || /Studies \d$/.test(s.text))).toBe(false);
  });
});

describe('footnotes read as citations', () => {
  it('a think-tank commentary with footnotes is mostly cited, not "no source"', () => {
    const r = analyzer.analyze(fixture('think-tank-commentary.txt')).sourcing!;
    // The notes list is no sentence of the text (text/citations.ts noteSentences): the body's ten count.
    expect(r.sentences).toHaveLength(10);
    expect(r.counts.cited).toBeGreaterThanOrEqual(7);
    expect(r.shares['unattributed-claim']).toBeLessThan(0.35);
    // Cited sentences are sourced: not in the weak share.
    const weak = (r.counts['attributed-vague'] + r.counts.hearsay + r.counts['unattributed-claim']) / r.sentences.length;
    expect(r.weakShare).toBeCloseTo(weak, 2);
    const cited = r.sentences.find((s) => s.text.startsWith('When the fighting ended'))!;
    expect(cited.class).toBe('cited');
    expect(cited.cue?.text).toBe('[1]');
  });

  it('a footnoted op-ed: superscripts and brackets cite, sentences split after them', () => {
    const text = fixture('footnoted-op-ed.txt');
    const r = analyzer.analyze(text);
    const s = r.sourcing!.sentences;
    expect(s.find((x) => x.text.startsWith('The checkpoint delayed'))?.class).toBe('cited');
    expect(s.find((x) => x.text.startsWith('The commission has asked'))?.text).toBe('The commission has asked for that duty since 2009.');
    // Six sentences of the body carry markers; the notes they point at are no sentences of the text.
    expect(r.sourcing!.counts.cited).toBeGreaterThanOrEqual(6);
    // Markers are not numbers: no claim rests on "¹" or "[6]".
    for (const c of r.claims ?? []) for (const cue of c.cues) expect(cue.text).not.toMatch(/^[\u00b9\u00b2\u00b3\u2074\u2075]|^\[\d/);
  });

  it('a quote or a named source keeps its class when a marker follows', () => {
    const s = analyzer.analyze('The Regional Water Commission said the flow fell by a third.[5] "We will reopen the gates," the board said.[6]').sourcing!.sentences;
    expect(s.map((x) => x.class)).toEqual(['attributed-named', 'quote']);
  });
});

describe('an institution after "according to" or "published by" is a named source', () => {
  it.each([
    'The flow fell by a third, according to gauge readings published by the Regional Water Commission.',
    'According to figures from the Freedonian statistics office, bread prices doubled.',
    'Figures published by the UN refugee agency show that 4,000 people returned.',
  ])('%s', (text) => {
    expect(analyzer.analyze(text).sourcing!.sentences[0]!.class).toBe('attributed-named');
  });
});

describe('months and dates are never hedges or doubt', () => {
  const texts = [
    'The board said it had informed Freedonian officials by letter on May 28.',
    'May 28 was the day the gates closed.',
    'In May the commission counted 41,200 crossings.',
    'Troops arrived in March on the eastern front.',
    'The river has fallen every month since March, the commission said.',
    'Prices rose by a third between March and May.',
  ];
  it.each(texts)('%s', (text) => {
    const r = analyzer.analyze(text);
    for (const c of r.claims ?? []) expect(c.hedges.map((h) => h.text)).toEqual([]);
    expect(r.findings.filter((f) => f.technique === 'doubt' || /may|march/i.test(f.text) && f.technique !== 'repetition')).toEqual([]);
    expect(r.sourcing!.sentences.map((s) => s.class)).not.toContain('opinion');
    expect(r.intensity!.score).toBe(0);
  });
});
