import type { Comparison, DocumentComparison, RateComparison } from '../../src/core/compare.js';
import type { Report } from '../../src/core/report.js';

/** CSV and JSON exports of what the UI shows. Pure functions (tested in node) plus a download helper. */

type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 quoting; cells a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * get a leading apostrophe, because exported text comes from arbitrary documents.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell): string => {
    if (v === null || v === undefined) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function findingsCsv(report: Report): string {
  return toCsv(
    ['technique', 'category', 'start', 'end', 'line', 'column', 'text', 'confidence', 'ruleId', 'source', 'message'],
    report.findings.map((f) => [f.technique, f.category, f.start, f.end, f.line, f.column, f.text, f.confidence, f.ruleId, f.source, f.message]),
  );
}

/** One row per group and level (all findings, each category, each technique): rates, ratio, interval, p and q values. */
export function comparisonCsv(c: Comparison): string {
  const rows: Cell[][] = [];
  const row = (g: Comparison['groups'][number], level: string, name: string, category: string, r: RateComparison) =>
    rows.push([
      c.by, g.key, g.documents, g.words, level, name, category, r.count, r.ratePer1000Words, r.restCount, r.restRatePer1000Words,
      r.rateRatio, r.ci95?.[0] ?? null, r.ci95?.[1] ?? null, r.pValue, r.qValue, r.significant, r.direction,
    ]);
  for (const g of c.groups) {
    if (g.overall) row(g, 'overall', 'all', '', g.overall);
    for (const m of g.categoryMix) if (m.vsRest) row(g, 'category', m.category, m.category, m.vsRest);
    for (const t of g.techniques) row(g, 'technique', t.technique, t.category, t);
  }
  return toCsv(
    ['by', 'group', 'documents', 'words', 'level', 'name', 'category', 'count', 'ratePer1000Words', 'restCount', 'restRatePer1000Words', 'rateRatio', 'ci95Low', 'ci95High', 'pValue', 'qValue', 'significant', 'direction'],
    rows,
  );
}

export function documentComparisonCsv(c: DocumentComparison): string {
  const rows: Cell[][] = [
    ...c.techniques.map((t) => ['technique', t.technique, t.a, t.b]),
    ...c.categories.map((t) => ['category', t.category, t.a, t.b]),
    ...c.phrases.shared.map((p) => ['shared-phrase', p.phrase, p.a, p.b]),
    ...c.phrases.onlyA.map((p) => ['only-a-phrase', p.phrase, p.a, p.b]),
    ...c.phrases.onlyB.map((p) => ['only-b-phrase', p.phrase, p.a, p.b]),
  ];
  return toCsv(['kind', 'name', `a (${c.a.id ?? 'a'})`, `b (${c.b.id ?? 'b'})`], rows);
}

export function download(filename: string, content: string, type: 'application/json' | 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
