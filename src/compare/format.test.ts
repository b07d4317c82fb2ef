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
  it('writes one row per group and technique under a fixed header', () => {
    const lines = comparisonToCsv(comparison()).trim().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // Loud: flag-waving and doubt (doubt appears in the rest); Quiet: the same two.
    expect(lines).toHaveLength(5);
    const loudFw = lines.find((l) => l.startsWith('"Loud, Inc.",1,1000,20,20,flag-waving,'))!;
    const cells = loudFw.split(',');
    // group is quoted (2 cells after split), so columns shift by one
    expect(cells[CSV_COLUMNS.indexOf('rate_ratio') + 1]).toBe('20');
    expect(cells[CSV_COLUMNS.indexOf('significant') + 1]).toBe('true');
    expect(cells[CSV_COLUMNS.indexOf('direction') + 1]).toBe('higher');
    const quietDoubt = lines.find((l) => l.startsWith('Quiet,1,1000,2,2,doubt,'))!.split(',');
    expect(quietDoubt[CSV_COLUMNS.indexOf('rate_ratio')]).toBe(''); // none in the rest: no finite ratio
    expect(quietDoubt[CSV_COLUMNS.indexOf('ci95_high')]).toBe('');
  });
});

describe('comparisonToTable', () => {
  it('lists groups with significant techniques, top techniques with examples, and the method', () => {
    const t = comparisonToTable(comparison());
    expect(t).toMatch(/^Compared by outlet: 2 documents, 2000 words, 22 findings \(11 per 1,000 words\)/);
    expect(t).toMatch(/Loud, Inc\.\s+1\s+1000\s+20\s+20\.00\s+↑flag-waving/);
    expect(t).toMatch(/Quiet\s+1\s+1000\s+2\s+2\.00\s+↓flag-waving/);
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
