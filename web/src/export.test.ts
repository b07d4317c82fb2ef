import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareGroups } from '../../src/compare/groups.js';
import { analyseMissing } from '../../src/ingest/analyse.js';
import { openStore } from '../../src/store/open.js';
import { engineKeyOf } from '../../src/store/types.js';
import { comparisonCsv, findingsCsv, toCsv } from './export.js';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines, and defuses spreadsheet formulas', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "no"'], ['line\nbreak', '=HYPERLINK("x")'], [null, -3], ['-1 dead', '@cmd']])).toBe(
      'a,b\r\n"x,y","say ""no"""\r\n"line\nbreak","\'=HYPERLINK(""x"")"\r\n,-3\r\n\'-1 dead,\'@cmd\r\n',
    );
  });
});

describe('findingsCsv', () => {
  it('writes one row per finding with the span text', () => {
    const text = 'The brutal Sylvanian regime and its thugs, said the Freedonian minister.';
    const report = new Analyzer({ model: null }).analyze(text);
    const lines = findingsCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('technique,category,start,end,line,column,text,confidence,ruleId,source,message');
    expect(lines).toHaveLength(report.findings.length + 1);
    report.findings.forEach((f, i) => expect(lines[i + 1]!.startsWith(`${f.technique},${f.category},${f.start},${f.end},`)).toBe(true));
  });
});

describe('comparisonCsv', () => {
  it('writes the overall, category and technique rows of every group', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framewise-csv-'));
    const store = await openStore(join(dir, 'c.db'));
    try {
      const analyzer = new Analyzer({ model: null });
      await store.insertDocument({ text: 'The brutal regime and its thugs lied again, a shameful act.', outlet: 'Northland Herald' });
      await store.insertDocument({ text: 'Officials from both countries met on Monday and agreed to talk again.', outlet: 'Meridian Wire' });
      await analyseMissing(store, analyzer);
      const c = await compareGroups(store, engineKeyOf(analyzer.engine), { by: 'outlet' });
      const lines = comparisonCsv(c).trimEnd().split('\r\n');
      const expected = c.groups.reduce((n, g) => n + 1 + g.categoryMix.length + g.techniques.length, 0);
      expect(lines).toHaveLength(expected + 1);
      expect(lines[0]!.split(',').slice(0, 7)).toEqual(['by', 'group', 'documents', 'words', 'level', 'name', 'category']);
      expect(lines.filter((l) => l.split(',')[4] === 'overall')).toHaveLength(c.groups.length);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
