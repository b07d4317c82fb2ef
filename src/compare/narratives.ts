import type { Report } from '../core/report.js';
import type { DocumentFilter, DocumentSummary, Store } from '../store/types.js';
import { groupKeysOf } from './groups.js';
import { benjaminiHochberg, lnGamma } from './stats.js';
import type { NarrativeComparison, NarrativeGroup, NarrativeShare } from '../core/narrative-compare.js';
import type { GroupBy } from '../core/compare.js';

export type { NarrativeComparison, NarrativeGroup, NarrativeShare } from '../core/narrative-compare.js';

/**
 * Narratives across a corpus: per group (outlet, tag, author), the share of its documents that
 * carry each narrative, tested against the rest of the corpus with Fisher's exact test and a
 * Benjamini-Hochberg correction over all groups and narratives.
 */

export const NARRATIVE_METHOD =
  "Per group and narrative, the share of the group's documents that carry the narrative against the share in the rest of the corpus: " +
  "Fisher's exact test (two-sided), Benjamini-Hochberg correction over all groups and narratives.";

/** Probability of a 2x2 table with first cell a, given its margins (hypergeometric). */
function hyper(a: number, row1: number, col1: number, n: number): number {
  const lnC = (n_: number, k: number) => lnGamma(n_ + 1) - lnGamma(k + 1) - lnGamma(n_ - k + 1);
  return Math.exp(lnC(col1, a) + lnC(n - col1, row1 - a) - lnC(n, row1));
}

/**
 * Fisher's exact test of a 2x2 table [[a, b], [c, d]], two-sided: the sum of the probabilities of
 * the tables with the same margins that are no more likely than the observed one.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  if (n === 0) return 1;
  const lo = Math.max(0, row1 + col1 - n);
  const hi = Math.min(row1, col1);
  const observed = hyper(a, row1, col1, n);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const px = hyper(x, row1, col1, n);
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

interface Acc {
  documents: number;
  other: number;
  counts: Map<string, number>;
}

/** Accumulates documents one at a time: memory grows with groups and narratives, not documents. */
export class NarrativeAccumulator {
  private readonly groups = new Map<string, Acc>();
  private readonly total: Acc = { documents: 0, other: 0, counts: new Map() };
  private readonly labels = new Map<string, NarrativeComparison['labels'][number]>();
  private without = 0;

  constructor(private readonly options: { by: GroupBy; tagPrefix?: string; where?: DocumentFilter; alpha?: number }) {}

  add(doc: Pick<DocumentSummary, 'outlet' | 'author' | 'tags'>, report: Report): void {
    const n = report.narratives;
    if (!n) {
      this.without++;
      return;
    }
    const targets = [this.total];
    for (const k of new Set(groupKeysOf(doc, this.options.by, this.options.tagPrefix))) {
      let g = this.groups.get(k);
      if (!g) this.groups.set(k, (g = { documents: 0, other: 0, counts: new Map() }));
      targets.push(g);
    }
    const chosen = n.items.filter((it) => it.chosen);
    for (const it of n.items) {
      const key = `${it.pack}/${it.id}`;
      if (!this.labels.has(key)) this.labels.set(key, { key, pack: it.pack, id: it.id, label: it.label, level: it.level });
    }
    for (const acc of targets) {
      acc.documents++;
      if (chosen.length === 0) acc.other++;
      for (const it of chosen) {
        const key = `${it.pack}/${it.id}`;
        acc.counts.set(key, (acc.counts.get(key) ?? 0) + 1);
      }
    }
  }

  result(engineKey: string): NarrativeComparison {
    const alpha = this.options.alpha ?? 0.05;
    const T = this.total;
    // Columns: narratives that any document carries, in the packs' order.
    const labels = [...this.labels.values()].filter((l) => (T.counts.get(l.key) ?? 0) > 0);
    const rows: Array<Omit<NarrativeShare, 'qValue' | 'significant' | 'direction'> & { group: string }> = [];
    for (const [key, g] of this.groups) {
      for (const l of labels) {
        const count = g.counts.get(l.key) ?? 0;
        const restCount = (T.counts.get(l.key) ?? 0) - count;
        const restDocs = T.documents - g.documents;
        rows.push({
          group: key,
          key: l.key,
          pack: l.pack,
          id: l.id,
          label: l.label,
          level: l.level,
          count,
          share: g.documents ? count / g.documents : 0,
          restCount,
          restShare: restDocs ? restCount / restDocs : 0,
          pValue: restDocs > 0 ? fisherExact(count, g.documents - count, restCount, restDocs - restCount) : 1,
        });
      }
    }
    const q = benjaminiHochberg(rows.map((r) => r.pValue));
    const tested = rows.map((r, i) => {
      const significant = q[i]! < alpha;
      return { ...r, qValue: q[i]!, significant, direction: (significant ? (r.share > r.restShare ? 'higher' : 'lower') : 'same') as NarrativeShare['direction'] };
    });
    const groups: NarrativeGroup[] = [...this.groups].map(([key, g]) => ({
      key,
      documents: g.documents,
      other: g.other,
      narratives: tested.filter((t) => t.group === key).map(({ group: _g, ...rest }) => rest),
    }));
    groups.sort((a, b) => b.documents - a.documents || a.key.localeCompare(b.key));
    return {
      by: this.options.by,
      where: this.options.where ?? {},
      engineKey,
      alpha,
      method: NARRATIVE_METHOD,
      withoutNarratives: this.without,
      totals: { documents: T.documents, other: T.other },
      labels,
      groups,
    };
  }
}

/** Streams the analysed corpus and compares its groups' narratives. */
export async function compareNarratives(store: Store, engineKey: string, options: { by: GroupBy; where?: DocumentFilter; tagPrefix?: string; alpha?: number }): Promise<NarrativeComparison> {
  const acc = new NarrativeAccumulator(options);
  for await (const { doc, report } of store.iterateAnalysed(engineKey, options.where)) acc.add(doc, report);
  return acc.result(engineKey);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const fmtP = (p: number) => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

/** A terminal table: narratives (rows) by group (columns), shares of documents, * where significant. */
export function narrativesToTable(c: NarrativeComparison): string {
  const out = ['', `Narratives by ${c.by}: share of documents that carry each (${c.totals.documents} documents, ${c.totals.other} with none of the packs' narratives)`, ''];
  if (c.withoutNarratives) out.push(`(${c.withoutNarratives} documents were analysed without narrative packs and are not counted)`, '');
  if (c.labels.length === 0) {
    out.push('No document carries a narrative of the loaded packs.');
    return out.join('\n') + '\n';
  }
  const groups = c.groups;
  const w = Math.min(60, Math.max(9, ...c.labels.map((l) => l.label.length + (l.level === 'subnarrative' ? 2 : 0))));
  const cols = groups.map((g) => Math.min(18, Math.max(6, g.key.length)));
  const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  out.push(`${'narrative'.padEnd(w)}  ${groups.map((g, i) => clip(g.key, cols[i]!).padStart(cols[i]!)).join('  ')}`);
  out.push(`${'documents'.padEnd(w)}  ${groups.map((g, i) => String(g.documents).padStart(cols[i]!)).join('  ')}`);
  for (const l of c.labels) {
    const name = clip((l.level === 'subnarrative' ? '  ' : '') + l.label, w).padEnd(w);
    const cells = groups.map((g, i) => {
      const s = g.narratives.find((x) => x.key === l.key)!;
      return `${pct(s.share)}${s.significant ? (s.direction === 'higher' ? '↑' : '↓') : ' '}`.padStart(cols[i]!);
    });
    out.push(`${name}  ${cells.join('  ')}`);
  }
  out.push(`${"none (Other)".padEnd(w)}  ${groups.map((g, i) => `${pct(g.documents ? g.other / g.documents : 0)} `.padStart(cols[i]!)).join('  ')}`);
  const sig = groups.flatMap((g) => g.narratives.filter((x) => x.significant).map((x) => `   ${g.key}: ${x.direction === 'higher' ? 'more' : 'less'} "${x.label}" than the rest: ${pct(x.share)} vs ${pct(x.restShare)}, q=${fmtP(x.qValue)}`));
  if (sig.length) out.push('', ...sig);
  out.push('', `↑/↓: significantly more/less often than in the rest of the corpus (Fisher's exact test, Benjamini-Hochberg q < ${c.alpha}).`);
  return out.join('\n') + '\n';
}

/** Long-format CSV: one row per group and narrative. */
export function narrativesToCsv(c: NarrativeComparison, field: (v: string | number | boolean | null) => string): string {
  const head = ['group', 'documents', 'pack', 'narrative_id', 'label', 'level', 'count', 'share', 'rest_count', 'rest_share', 'p_value', 'q_value', 'significant', 'direction'];
  const rows = [head.join(',')];
  const num = (x: number) => Number(x.toPrecision(4));
  for (const g of c.groups) {
    for (const s of g.narratives) rows.push([g.key, g.documents, s.pack, s.id, s.label, s.level, s.count, num(s.share), s.restCount, num(s.restShare), num(s.pValue), num(s.qValue), s.significant, s.direction].map(field).join(','));
  }
  return rows.join('\n') + '\n';
}
