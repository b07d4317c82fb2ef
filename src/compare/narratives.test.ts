import { describe, expect, it } from 'vitest';
import type { NarrativesReport } from '../core/narratives.js';
import type { Report } from '../core/report.js';
import { fisherExact, NarrativeAccumulator, narrativesToCsv, narrativesToTable } from './narratives.js';
import { csvField } from './format.js';

/** A report whose narratives section chooses the given ids (of a two-narrative pack). */
function report(chosen: string[]): Report {
  const items = ['a', 'b'].map((id) => ({ id, label: id.toUpperCase(), pack: 'p', level: 'narrative' as const, parent: null, score: chosen.includes(id) ? 0.9 : 0.1, chosen: chosen.includes(id), evidence: [] }));
  const narratives: NarrativesReport = { packs: [{ name: 'p', title: 'P', version: '1' }], items, narratives: chosen.length ? chosen : ['Other'], subnarratives: ['Other'], dominant: null };
  return { narratives, findings: [], words: 100 } as unknown as Report;
}

describe("Fisher's exact test", () => {
  it('gives the textbook two-sided p-values', () => {
    // R: fisher.test(matrix(c(1, 11, 9, 3), 2))$p.value = 0.002759
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.002759, 5);
    // Symmetric table: p = 0.4857
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.485714, 5);
    expect(fisherExact(0, 0, 0, 0)).toBe(1);
    expect(fisherExact(5, 5, 5, 5)).toBeCloseTo(1, 9);
  });
});

describe('narratives per group', () => {
  it('gives each group its share of documents per narrative, against the rest', () => {
    const acc = new NarrativeAccumulator({ by: 'outlet' });
    const doc = (outlet: string) => ({ outlet, author: null, tags: [] });
    for (let i = 0; i < 10; i++) acc.add(doc('North Herald'), report(['a']));
    for (let i = 0; i < 10; i++) acc.add(doc('South Voice'), report(i < 1 ? ['a', 'b'] : ['b']));
    acc.add(doc('South Voice'), report([]));
    acc.add(doc('South Voice'), { words: 10, findings: [] } as unknown as Report);
    const c = acc.result('k');
    expect(c.totals).toEqual({ documents: 21, other: 1 });
    expect(c.withoutNarratives).toBe(1);
    expect(c.labels.map((l) => l.key)).toEqual(['p/a', 'p/b']);
    const north = c.groups.find((g) => g.key === 'North Herald')!;
    const a = north.narratives.find((n) => n.id === 'a')!;
    expect(a).toMatchObject({ count: 10, share: 1, restCount: 1 });
    expect(a.restShare).toBeCloseTo(1 / 11, 12);
    expect(a.pValue).toBeCloseTo(fisherExact(10, 0, 1, 10), 12);
    expect(a.significant).toBe(true);
    expect(a.direction).toBe('higher');
    const south = c.groups.find((g) => g.key === 'South Voice')!;
    expect(south.other).toBe(1);
    expect(south.narratives.find((n) => n.id === 'a')!.direction).toBe('lower');
    const table = narrativesToTable(c);
    expect(table).toMatch(/Narratives by outlet: share of documents that carry each \(21 documents, 1 with none/);
    expect(table).toMatch(/\nA\s+9%↓\s+100%↑\n/);
    expect(table).toMatch(/none \(Other\)\s+9% \s+0% \n/);
    const csv = narrativesToCsv(c, csvField).trim().split('\n');
    expect(csv[0]).toBe('group,documents,pack,narrative_id,label,level,count,share,rest_count,rest_share,p_value,q_value,significant,direction');
    expect(csv).toHaveLength(1 + 2 * 2);
  });
});
