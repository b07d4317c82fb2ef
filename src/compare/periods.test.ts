import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report.js';
import { csvField } from './format.js';
import { MEASURES, parseMeasures, PeriodAccumulator, periodOf, periodsToCsv, periodsToTable } from './periods.js';

function report(findings: string[], chosen: string[], intensity: number): Report {
  return {
    words: 200,
    findings: findings.map((technique) => ({ technique })),
    intensity: { score: intensity, band: intensity > 50 ? 'high' : 'low', peak: intensity + 10 },
    narratives: { items: chosen.map((label) => ({ label, chosen: true })) },
    actors: [{ framing: { role: 'innocent' } }, { framing: { role: 'antagonist' } }],
    frames: { dominant: ['security-and-defense'] },
  } as unknown as Report;
}

describe('periods', () => {
  it('names months, ISO weeks and days', () => {
    expect(periodOf('2024-03-05', 'month')).toBe('2024-03');
    expect(periodOf('2024-03-05T23:10:00Z', 'day')).toBe('2024-03-05');
    // ISO weeks: 2021-01-03 (a Sunday) is in week 53 of 2020; 2024-12-30 (a Monday) in week 1 of 2025.
    expect(periodOf('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodOf('2021-01-04', 'week')).toBe('2021-W01');
    expect(periodOf('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodOf('2024-06-15', 'week')).toBe('2024-W24');
    expect(periodOf(null, 'month')).toBeNull();
    expect(periodOf('last spring', 'month')).toBeNull();
    expect(periodOf('2024-13-01', 'month')).toBeNull();
  });

  it('gives every measure per period, and counts undated documents apart', () => {
    const acc = new PeriodAccumulator('month', MEASURES);
    acc.add({ publishedAt: '2024-03-02', words: 200 }, report(['loaded-language', 'doubt'], ['N1'], 20));
    acc.add({ publishedAt: '2024-03-20', words: 200 }, report([], [], 60));
    acc.add({ publishedAt: '2024-01-10', words: 200 }, report(['doubt'], ['N1', 'N2'], 30));
    acc.add({ publishedAt: null, words: 200 }, report(['doubt'], [], 0));
    const s = acc.result('k');
    expect(s.periods.map((p) => [p.period, p.documents])).toEqual([['2024-01', 1], ['2024-03', 2]]);
    const march = s.periods[1]!;
    expect(march.measures.techniques).toMatchObject({ all: 5, 'loaded-language': 2.5, doubt: 2.5 });
    expect(march.measures.narratives).toEqual({ N1: 0.5, Other: 0.5 });
    expect(march.measures.intensity).toMatchObject({ mean: 40, peak: 50, 'band:low': 0.5, 'band:high': 0.5 });
    expect(march.measures.roles).toEqual({ innocent: 0.5, antagonist: 0.5 });
    expect(march.measures.frames).toEqual({ 'security-and-defense': 1 });
    expect(s.undated).toMatchObject({ period: '(undated)', documents: 1 });
    expect(periodsToTable(s)).toMatch(/1 documents without a date are counted apart/);
    const csv = periodsToCsv(s, csvField);
    expect(csv.split('\n')[0]).toBe('period,documents,words,measure,series,value');
    expect(csv).toMatch(/^2024-03,2,400,narratives,N1,0\.5$/m);
    expect(csv).toMatch(/^\(undated\),1,200,techniques,doubt,5$/m);
  });

  it('refuses unknown measures and periods', () => {
    expect(parseMeasures('narratives, intensity').map((m) => m.id)).toEqual(['narratives', 'intensity']);
    expect(() => parseMeasures('mood')).toThrow(/unknown measure "mood" \(use techniques, narratives, intensity, roles, frames\)/);
    expect(() => new PeriodAccumulator('year' as 'month', MEASURES)).toThrow(/expected month, week or day/);
  });
});
