import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report.js';
import { Analyzer } from './analyzer.js';

/**
 * Properties that must hold for ANY input: no throw, every span in range and equal to the input
 * slice, sorted and unique findings, identical output on rerun.
 */
const analyzer = new Analyzer();

function checkInvariants(input: string, report: Report) {
  expect(report.length).toBe(input.length);
  let prev: Report['findings'][number] | null = null;
  const ids = new Set<string>();
  for (const f of report.findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(input.length);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.text).toBe(input.slice(f.start, f.end));
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    if (prev) expect(prev.start < f.start || (prev.start === f.start && prev.end <= f.end)).toBe(true);
    expect(ids.has(f.id + f.ruleId)).toBe(false);
    ids.add(f.id + f.ruleId);
    prev = f;
  }
  for (const ref of [report.headline, ...report.quotes]) {
    if (!ref) continue;
    expect(ref.start).toBeGreaterThanOrEqual(0);
    expect(ref.end).toBeLessThanOrEqual(input.length);
    expect(ref.text).toBe(input.slice(ref.start, ref.end));
  }
  expect(report.errors).toEqual([]);
}

function analyzeTwice(input: string) {
  const a = analyzer.analyze(input);
  checkInvariants(input, a);
  const b = analyzer.analyze(input);
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  return a;
}

/** Words and marks that make detectors fire, so random texts exercise the rules, not just the tokeniser. */
const loadedVocabulary = [
  'brutal', 'regime', 'traitors', 'so-called', 'reportedly', 'some say', 'critics argue', 'either', 'or',
  'what about', 'never again', 'our nation', 'patriots', 'thugs', 'genocide', 'Freedonia', 'Sylvania',
  'the Christian enclave', 'Muslim nation', 'experts', 'always', 'everyone knows', 'time is running out',
  '"', '\u201c', '\u201d', "'", '!', '?', '.', ',', '\n', '\r\n', '\n\n', '&amp;', '&quot;', '\u00a0', '\ufeff',
  '\u200b', '\ud83d\udd25', '\ud800', '\udc00', 'é', 'Москва', '東京', 'مرحبا', '#NoWar', 'U.S.', '3.5', '2,000',
];

const textFromPieces = fc
  .array(fc.oneof(fc.constantFrom(...loadedVocabulary), fc.string({ maxLength: 8 }), fc.constant(' ')), { maxLength: 120 })
  .map((parts) => parts.join(' '));

describe('analyze() on any input', () => {
  it('holds its invariants on random unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void analyzeTwice(s)), { numRuns: 300 });
  });

  it('holds its invariants on random texts built from trigger words and odd characters', () => {
    fc.assert(fc.property(textFromPieces, (s) => void analyzeTwice(s)), { numRuns: 300 });
  });

  it('handles adversarial shapes', () => {
    const cases = [
      '',
      ' ',
      '\n'.repeat(1000),
      ' \t\r\n '.repeat(500),
      '.'.repeat(5000),
      '!?'.repeat(3000),
      '"'.repeat(2001),
      "'".repeat(2001),
      '(((((((((('.repeat(200),
      '\ud800'.repeat(100),
      '\udc00\ud800'.repeat(100),
      '&amp;'.repeat(1000),
      '&#0;&#xD800;&#99999999;&;',
      '\ufeff'.repeat(50) + 'brutal',
      'a'.repeat(100_000),
      'brutal regime '.repeat(5_000),
      'Either '.repeat(3000) + 'or',
      'what about '.repeat(2000),
      'Москва и Київ — 東京 مرحبا 🔥 brutal',
    ];
    for (const s of cases) analyzeTwice(s);
  }, 180_000);

  it('analyses a large document', () => {
    const para = 'The so-called council reportedly met again. Critics argue the brutal regime lies. Either we act now or we lose everything!\n\n';
    const big = para.repeat(2500); // ~300 KB
    const r = analyzeTwice(big);
    expect(r.counts.total).toBeGreaterThan(2500);
  }, 180_000);
});
