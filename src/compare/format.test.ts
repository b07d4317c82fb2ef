import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report.js';
import { CSV_COLUMNS, comparisonToCsv, comparisonToTable, csvField } from './format.js';
import { GroupAccumulator } from './groups.js';

function report(words: number, techniques: Array<'flag-waving' | 'doubt'>): Report {
  return {
    engine: { name: 'framewise', version: 't', rules: 'r', model: null },
    length: 0,
    words,
    sentences: 1,
    paragraphs: 1,
    headline: null,
    findings: techniques.map((technique, i) => ({
      id: `${technique}@${i}`,
      technique,
      category: technique === 'doubt' ? 'attack-on-reputation' : 'justification',
      start: i,
      end: i + 1,
      line: 1,
      column: i + 1,
      text: technique === 'doubt' ? 'can we "really" trust, them' : 'our sacred soil',
      confidence: 0.6,
      ruleId: `${technique}/x`,
      source: 'pattern',
      message: 'm',
    })),
    counts: { total: 0, byTechnique: {} as Report['counts']['byTechnique'], byCategory: {} as Report['counts']['byCategory'] },
    ratePer1000Words: 0,
    quotes: [],
    errors: [],
  };
}

const comparison = () => {
  const acc = new GroupAccumulator({ by: 'outlet' });
  acc.add({ id: 1, title: 'a', outlet: 'Loud, Inc.', author: null, tags: [] }, report(1000, Array(20).fill('flag-waving')));
  acc.add({ id: 2, title: 'b', outlet: 'Quiet', author: null, tags: [] }, report(1000, ['flag-waving', 'doubt']));
  return acc.result('k');
};

describe('csvField', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.5)).toBe('3.5');
    expect(csvField(true)).toBe('true');
  });
});

describe('comparisonToCsv', () => {
  it('writes overall, category and technique rows per group under a fixed header', () => {
    const csv = comparisonToCsv(comparison());
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parse(csv, { columns: true }) as Array<Record<(typeof CSV_COLUMNS)[number], string>>;
    // Per group: 1 overall + 7 categories + 2 techniques seen in the corpus.
    expect(rows).toHaveLength(20);
    const loud = rows.filter((r) => r.group === 'Loud, Inc.');
    expect(loud.map((r) => r.level)).toEqual(['overall', ...Array(7).fill('category'), 'technique', 'technique']);
    expect(loud[0]).toMatchObject({ documents: '1', words: '1000', findings: '20', count: '20', rest_count: '2', rate_ratio: '10', significant: 'true', direction: 'higher' });
    const fw = loud.find((r) => r.technique === 'flag-waving')!;
    expect(fw).toMatchObject({ category: 'justification', count: '20', rate_ratio: '20', significant: 'true', direction: 'higher' });
    const quietDoubt = rows.find((r) => r.group === 'Quiet' && r.technique === 'doubt')!;
    expect(quietDoubt.rate_ratio).toBe(''); // none in the rest: no finite ratio
    expect(quietDoubt.ci95_high).toBe('');
    expect(quietDoubt.rest_count).toBe('0');
  });
});

describe('comparisonToTable', () => {
  it('lists groups with significant techniques, top techniques with examples, and the method', () => {
    const t = comparisonToTable(comparison());
    expect(t).toMatch(/^Compared by outlet: 2 documents, 2000 words, 22 findings \(11 per 1,000 words\)/);
    expect(t).toMatch(/Loud, Inc\.\s+1\s+1000\s+20\s+20\.00\s+10\.00× \[[\d.]+, [\d.]+\] \*\s+↑flag-waving/);
    expect(t).toMatch(/Quiet\s+1\s+1000\s+2\s+2\.00\s+0\.10× \[[\d.]+, [\d.]+\] \*\s+↓flag-waving/);
    expect(t).toContain('more justification than the rest');
    expect(t).toContain('more flag-waving than the rest: 20.00 vs 1.00 per 1k, ratio 20.00×');
    expect(t).toContain('e.g. "our sacred soil"');
    expect(t).toContain('Casting doubt');
    expect(t).toContain('vs rest ∞×');
    expect(t).toContain('Benjamini-Hochberg q < 0.05');
  });

  it('says when nothing matches', () => {
    expect(comparisonToTable(new GroupAccumulator({ by: 'tag' }).result('k'))).toContain('No analysed documents match');
  });
});
