import type { GroupBy } from '../../src/core/compare.js';
import type { NarrativeComparison } from '../../src/core/narrative-compare.js';
import type { PeriodBy, PeriodSeries } from '../../src/core/narrative-compare.js';
import type { DocumentFilterParams } from './api.js';

/** Typed calls to the narrative and period routes of the HTTP API. */

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error((data as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
  return data as T;
}

function query(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const narrativeApi = {
  compareNarratives: (by: GroupBy, filter: DocumentFilterParams, tagPrefix = '') => get<NarrativeComparison>(`/api/compare/narratives${query({ by, tagPrefix, ...filter })}`),
  comparePeriods: (by: PeriodBy, filter: DocumentFilterParams, measures: string[]) => get<PeriodSeries>(`/api/compare/periods${query({ by, measures: measures.join(','), ...filter })}`),
};
