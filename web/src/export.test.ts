import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { findingsCsv, toCsv } from './export.js';

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
