import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { TECHNIQUE_IDS } from '../core/taxonomy.js';
import type { DocumentFilter, DocumentSummary, Store } from '../store/types.js';
import { PERIOD_BY, type PeriodBy, type PeriodRow, type PeriodSeries, type SeriesValues } from '../core/narrative-compare.js';

export { PERIOD_BY, type PeriodBy, type PeriodRow, type PeriodSeries, type SeriesValues } from '../core/narrative-compare.js';

/**
 * Any measure of the corpus per period (month, ISO week or day of `publishedAt`). A measure is one
 * entry of MEASURES: how to accumulate a period's reports and what values to give; adding one
 * (say, the framing layer's roles) is adding an entry. Documents without a date are counted apart
 * (`undated`) and said so.
 */

export interface Measure<A = unknown> {
  id: string;
  name: string;
  /** What the numbers are, for people. */
  unit: string;
  init(): A;
  add(acc: A, report: Report, words: number): void;
  values(acc: A, documents: number): SeriesValues;
}

const defineMeasure = <A>(m: Measure<A>): Measure<unknown> => m as Measure<unknown>;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** The measures, by id. */
export const MEASURES: readonly Measure[] = [
  defineMeasure<{ words: number; total: number; by: Map<string, number> }>({
    id: 'techniques',
    name: 'Technique rates',
    unit: 'findings per 1,000 words (all, and per technique)',
    init: () => ({ words: 0, total: 0, by: new Map() }),
    add(acc, report, words) {
      acc.words += words;
      acc.total += report.findings.length;
      for (const f of report.findings) acc.by.set(f.technique, (acc.by.get(f.technique) ?? 0) + 1);
    },
    values(acc) {
      const per = (n: number) => (acc.words ? r4((n * 1000) / acc.words) : 0);
      const out: SeriesValues = { all: per(acc.total) };
      for (const t of TECHNIQUE_IDS) if (acc.by.get(t)) out[t] = per(acc.by.get(t)!);
      return out;
    },
  }),
  defineMeasure<{ counts: Map<string, number>; other: number; labels: Map<string, string>; withNarratives: number }>({
    id: 'narratives',
    name: 'Narratives',
    unit: 'share of documents that carry each narrative (label: share; "Other": carry none)',
    init: () => ({ counts: new Map(), other: 0, labels: new Map(), withNarratives: 0 }),
    add(acc, report) {
      const n = report.narratives;
      if (!n) return;
      acc.withNarratives++;
      let any = false;
      for (const it of n.items) {
        if (!it.chosen) continue;
        any = true;
        acc.counts.set(it.label, (acc.counts.get(it.label) ?? 0) + 1);
      }
      if (!any) acc.other++;
    },
    values(acc) {
      const d = acc.withNarratives;
      const out: SeriesValues = {};
      for (const [label, c] of acc.counts) out[label] = d ? r4(c / d) : 0;
      out.Other = d ? r4(acc.other / d) : 0;
      return out;
    },
  }),
  defineMeasure<{ n: number; sum: number; peak: number; bands: Map<string, number> }>({
    id: 'intensity',
    name: 'Intensity',
    unit: 'mean document intensity (0-100), mean peak, and share of documents per band',
    init: () => ({ n: 0, sum: 0, peak: 0, bands: new Map() }),
    add(acc, report) {
      const i = report.intensity;
      if (!i) return;
      acc.n++;
      acc.sum += i.score;
      acc.peak += i.peak;
      acc.bands.set(i.band, (acc.bands.get(i.band) ?? 0) + 1);
    },
    values(acc) {
      const out: SeriesValues = { mean: acc.n ? r4(acc.sum / acc.n) : 0, peak: acc.n ? r4(acc.peak / acc.n) : 0 };
      for (const [band, c] of acc.bands) out[`band:${band}`] = r4(c / acc.n);
      return out;
    },
  }),
  defineMeasure<{ actors: number; roles: Map<string, number> }>({
    id: 'roles',
    name: 'Actor roles',
    unit: 'share of the period\'s actors cast in each role by the author (entity framing; unframed counts)',
    init: () => ({ actors: 0, roles: new Map() }),
    add(acc, report) {
      for (const a of report.actors ?? []) {
        // Analyses stored by an engine before entity framing carry no framing: they do not count.
        const role = (a as { framing?: { role?: string } }).framing?.role;
        if (!role) continue;
        acc.actors++;
        acc.roles.set(role, (acc.roles.get(role) ?? 0) + 1);
      }
    },
    values(acc) {
      const out: SeriesValues = {};
      for (const [role, c] of acc.roles) out[role] = r4(c / acc.actors);
      return out;
    },
  }),
  defineMeasure<{ n: number; dominant: Map<string, number> }>({
    id: 'frames',
    name: 'Dominant frames',
    unit: 'share of documents in which each frame dominates',
    init: () => ({ n: 0, dominant: new Map() }),
    add(acc, report) {
      const f = report.frames;
      if (!f) return;
      acc.n++;
      for (const d of f.dominant) acc.dominant.set(d, (acc.dominant.get(d) ?? 0) + 1);
    },
    values(acc) {
      const out: SeriesValues = {};
      for (const [frame, c] of acc.dominant) out[frame] = r4(c / acc.n);
      return out;
    },
  }),
];

export const MEASURE_IDS = MEASURES.map((m) => m.id);

/** The measures named (comma-separated or a list); all when none is named. */
export function parseMeasures(value: string | readonly string[] | undefined): Measure[] {
  const ids = (typeof value === 'string' ? value.split(',') : (value ?? [])).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) return [...MEASURES];
  return ids.map((id) => MEASURES.find((m) => m.id === id) ?? fail(`measures: unknown measure "${id}" (use ${MEASURE_IDS.join(', ')})`));
}

function fail(message: string): never {
  throw new UserError(message, { field: 'measures' });
}

/** The period of a date ("2024-03-05" or a date-time) or null when it has none that parses. */
export function periodOf(date: string | null | undefined, by: PeriodBy): string | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (by === 'month') return `${m[1]}-${m[2]}`;
  if (by === 'day') return `${m[1]}-${m[2]}-${m[3]}`;
  // ISO week: the week (Monday first) that holds the date's Thursday, numbered in that Thursday's year.
  const t = new Date(Date.UTC(y, mo - 1, d));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

interface PeriodAcc {
  documents: number;
  words: number;
  accs: unknown[];
}

export class PeriodAccumulator {
  private readonly periods = new Map<string, PeriodAcc>();
  private undated: PeriodAcc | null = null;

  constructor(
    private readonly by: PeriodBy,
    private readonly measures: readonly Measure[],
    private readonly where: DocumentFilter = {},
  ) {
    if (!PERIOD_BY.includes(by)) throw new UserError(`by: expected month, week or day, got "${String(by)}"`, { field: 'by' });
  }

  add(doc: Pick<DocumentSummary, 'publishedAt' | 'words'>, report: Report): void {
    const key = periodOf(doc.publishedAt, this.by);
    let acc: PeriodAcc;
    if (key === null) acc = this.undated ??= this.fresh();
    else {
      let a = this.periods.get(key);
      if (!a) this.periods.set(key, (a = this.fresh()));
      acc = a;
    }
    acc.documents++;
    acc.words += report.words;
    this.measures.forEach((m, k) => m.add(acc.accs[k], report, report.words));
  }

  private fresh(): PeriodAcc {
    return { documents: 0, words: 0, accs: this.measures.map((m) => m.init()) };
  }

  private row(period: string, a: PeriodAcc): PeriodRow {
    return { period, documents: a.documents, words: a.words, measures: Object.fromEntries(this.measures.map((m, k) => [m.id, m.values(a.accs[k], a.documents)])) };
  }

  result(engineKey: string): PeriodSeries {
    return {
      by: this.by,
      where: this.where,
      engineKey,
      measures: this.measures.map((m) => ({ id: m.id, name: m.name, unit: m.unit })),
      periods: [...this.periods].sort((a, b) => a[0].localeCompare(b[0])).map(([k, a]) => this.row(k, a)),
      undated: this.undated ? this.row('(undated)', this.undated) : null,
    };
  }
}

/** Streams the analysed corpus once and gives each measure per period. */
export async function comparePeriods(store: Store, engineKey: string, options: { by: PeriodBy; measures?: readonly Measure[]; where?: DocumentFilter }): Promise<PeriodSeries> {
  const acc = new PeriodAccumulator(options.by, options.measures ?? MEASURES, options.where);
  for await (const { doc, report } of store.iterateAnalysed(engineKey, options.where)) acc.add(doc, report);
  return acc.result(engineKey);
}

/** The values of every period as a terminal table per measure (series names as rows, periods as columns). */
export function periodsToTable(s: PeriodSeries): string {
  const out: string[] = [];
  const rows = [...s.periods, ...(s.undated ? [s.undated] : [])];
  const dated = s.periods.reduce((a, p) => a + p.documents, 0);
  out.push(`Per ${s.by}: ${s.periods.length} periods, ${dated} dated documents` + (s.undated ? `; ${s.undated.documents} documents without a date are counted apart, in the "(undated)" column` : ''));
  if (rows.length === 0) return out.join('\n') + '\nNo analysed documents match.\n';
  const colW = rows.map((r) => Math.max(8, r.period.length));
  for (const m of s.measures) {
    const names = [...new Set(rows.flatMap((r) => Object.keys(r.measures[m.id] ?? {})))];
    out.push('', `== ${m.name} (${m.unit})`);
    const w = Math.min(56, Math.max(10, ...names.map((n) => n.length)));
    out.push(`${''.padEnd(w)}  ${rows.map((r, i) => r.period.padStart(colW[i]!)).join('  ')}`);
    out.push(`${'documents'.padEnd(w)}  ${rows.map((r, i) => String(r.documents).padStart(colW[i]!)).join('  ')}`);
    for (const n of names) {
      const label = n.length > w ? n.slice(0, w - 1) + '…' : n;
      out.push(`${label.padEnd(w)}  ${rows.map((r, i) => String(r.measures[m.id]?.[n] ?? 0).padStart(colW[i]!)).join('  ')}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Long-format CSV: period, measure, series, value (documents and words per period too). */
export function periodsToCsv(s: PeriodSeries, field: (v: string | number | boolean | null) => string): string {
  const lines = ['period,documents,words,measure,series,value'];
  for (const r of [...s.periods, ...(s.undated ? [s.undated] : [])]) {
    for (const m of s.measures) for (const [k, v] of Object.entries(r.measures[m.id] ?? {})) lines.push([r.period, r.documents, r.words, m.id, k, v].map(field).join(','));
  }
  return lines.join('\n') + '\n';
}
