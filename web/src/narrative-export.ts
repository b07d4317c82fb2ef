import type { NarrativeComparison } from '../../src/core/narrative-compare.js';
import type { PeriodSeries } from '../../src/core/narrative-compare.js';
import type { NarrativesReport } from '../../src/core/narratives.js';
import { toCsv } from './export.js';

/** CSV exports of the narrative tables: one document's narratives, narratives by group, measures per period. */

export function documentNarrativesCsv(n: NarrativesReport): string {
  return toCsv(
    ['pack', 'id', 'label', 'level', 'score', 'chosen', 'evidenceSentences', 'firstEvidence'],
    n.items.map((it) => [it.pack, it.id, it.label, it.level, it.score, it.chosen, it.evidence.length, it.evidence[0]?.text ?? '']),
  );
}

export function narrativeSharesCsv(c: NarrativeComparison): string {
  return toCsv(
    ['by', 'group', 'documents', 'pack', 'id', 'label', 'level', 'count', 'share', 'restCount', 'restShare', 'pValue', 'qValue', 'significant', 'direction'],
    c.groups.flatMap((g) => g.narratives.map((s) => [c.by, g.key, g.documents, s.pack, s.id, s.label, s.level, s.count, s.share, s.restCount, s.restShare, s.pValue, s.qValue, s.significant, s.direction])),
  );
}

export function periodsCsv(s: PeriodSeries): string {
  const rows = [...s.periods, ...(s.undated ? [s.undated] : [])];
  return toCsv(
    ['by', 'period', 'documents', 'words', 'measure', 'series', 'value'],
    rows.flatMap((r) => s.measures.flatMap((m) => Object.entries(r.measures[m.id] ?? {}).map(([k, v]) => [s.by, r.period, r.documents, r.words, m.id, k, v]))),
  );
}
