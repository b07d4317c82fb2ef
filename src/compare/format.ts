import { techniqueInfo } from '../core/taxonomy.js';
import type { Comparison, RateComparison } from '../core/compare.js';

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const num = (x: number | null, digits = 4) => (x === null ? null : Number(x.toPrecision(digits)));

export const CSV_COLUMNS = [
  'group', 'documents', 'words', 'findings', 'group_rate_per_1000', 'level', 'technique', 'category', 'count', 'rate_per_1000',
  'rest_count', 'rest_rate_per_1000', 'rate_ratio', 'ci95_low', 'ci95_high', 'p_value', 'q_value', 'significant', 'direction',
] as const;

/**
 * Long format, for spreadsheets and R/pandas: per group one `overall` row (all findings), one
 * `category` row per category and one `technique` row per technique seen in the corpus.
 */
export function comparisonToCsv(c: Comparison): string {
  const rows = [CSV_COLUMNS.join(',')];
  const test = (t: RateComparison) => [
    t.count, t.ratePer1000Words, t.restCount, t.restRatePer1000Words, num(t.rateRatio), num(t.ci95?.[0] ?? null), num(t.ci95?.[1] ?? null),
    num(t.pValue), num(t.qValue), t.significant, t.direction,
  ];
  for (const g of c.groups) {
    const head = [g.key, g.documents, g.words, g.findings, g.ratePer1000Words];
    const row = (cells: Array<string | number | boolean | null>) => rows.push(cells.map(csvField).join(','));
    row([...head, 'overall', null, null, ...test(g.overall)]);
    for (const m of g.categoryMix) row([...head, 'category', null, m.category, ...test(m.vsRest)]);
    for (const t of g.techniques) row([...head, 'technique', t.technique, t.category, ...test(t)]);
  }
  return rows.join('\n') + '\n';
}

/** `alone`: the group holds the whole corpus, so there is no rest to compare with (not an infinite ratio). */
function fmtRatio(t: RateComparison, alone = false): string {
  if (alone) return 'no rest';
  const r = t.rateRatio === null ? (t.restCount === 0 && t.count > 0 ? '∞' : '–') : t.rateRatio.toFixed(2);
  const ci = t.ci95 ? ` [${t.ci95[0].toFixed(2)}, ${t.ci95[1] === null ? '∞' : t.ci95[1].toFixed(2)}]` : '';
  return `${r}×${ci}`;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const fmtP = (p: number) => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));
const clip = (s: string, n: number) => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
};

/** A terminal report: a table of groups, then per group its mix, top techniques and significant differences. */
export function comparisonToTable(c: Comparison): string {
  const out: string[] = [];
  out.push(`Compared by ${c.by}: ${c.totals.documents} documents, ${c.totals.words} words, ${c.totals.findings} findings (${c.totals.ratePer1000Words} per 1,000 words)`);
  if (c.groups.length === 0) {
    out.push('No analysed documents match. Ingest some with `framewise ingest`.');
    return out.join('\n') + '\n';
  }
  const w = Math.min(32, Math.max(5, ...c.groups.map((g) => g.key.length)));
  const alone = (g: (typeof c.groups)[number]) => g.words >= c.totals.words;
  if (c.groups.length === 1 && alone(c.groups[0]!)) out.push(`Only one ${c.by} matches: there is no rest of the corpus to compare it with (widen --where, or group by another field).`);
  out.push('');
  out.push(`${pad('group', w)}  ${lpad('docs', 5)}  ${lpad('words', 8)}  ${lpad('findings', 8)}  ${lpad('per 1k', 7)}  ${pad('vs rest', 24)}  significant techniques`);
  for (const g of c.groups) {
    const sig = g.significant.map((t) => `${t.direction === 'higher' ? '↑' : '↓'}${t.technique}`).join(' ');
    const vs = `${fmtRatio(g.overall, alone(g))}${g.overall.significant ? ' *' : ''}`;
    out.push(`${pad(clip(g.key, w), w)}  ${lpad(String(g.documents), 5)}  ${lpad(String(g.words), 8)}  ${lpad(String(g.findings), 8)}  ${lpad(g.ratePer1000Words.toFixed(2), 7)}  ${pad(vs, 24)}  ${sig || '-'}`);
  }
  for (const g of c.groups) {
    out.push('');
    out.push(`== ${g.key} (${g.documents} documents, ${g.ratePer1000Words.toFixed(2)} findings per 1,000 words)`);
    const mix = g.categoryMix.filter((m) => m.count > 0).sort((a, b) => b.count - a.count).map((m) => `${m.category} ${Math.round(m.share * 100)}%`);
    out.push(`   categories: ${mix.join(', ') || 'none'}`);
    for (const m of g.categoryMix.filter((x) => x.vsRest.significant)) {
      out.push(`   ${m.vsRest.direction === 'higher' ? 'more' : 'less'} ${m.category} than the rest: ${m.vsRest.ratePer1000Words.toFixed(2)} vs ${m.vsRest.restRatePer1000Words.toFixed(2)} per 1k, ratio ${fmtRatio(m.vsRest)}, q=${fmtP(m.vsRest.qValue)}`);
    }
    for (const t of g.top) {
      const ex = t.examples.map((e) => `"${clip(e.text, 40)}"`).join(', ');
      out.push(`   ${pad(techniqueInfo(t.technique).name, 34)} ${lpad(String(t.count), 4)}  ${lpad(t.ratePer1000Words.toFixed(2), 6)}/1k  vs rest ${fmtRatio(t, alone(g))}${ex ? `  e.g. ${ex}` : ''}`);
    }
    for (const t of g.significant) {
      out.push(`   ${t.direction === 'higher' ? 'more' : 'less'} ${t.technique} than the rest: ${t.ratePer1000Words.toFixed(2)} vs ${t.restRatePer1000Words.toFixed(2)} per 1k, ratio ${fmtRatio(t)}, q=${fmtP(t.qValue)}`);
    }
  }
  out.push('');
  out.push(`vs rest: the group's rate over the rest of the corpus, with a 95% interval; * and "more/less": significant, Benjamini-Hochberg q < ${c.alpha}.`);
  return out.join('\n') + '\n';
}
