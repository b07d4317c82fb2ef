import type { GroupBy } from './compare.js';
import type { DocumentFilter } from './documents.js';

/**
 * Result shapes of the narrative comparison of groups (src/compare/narratives.ts) and of measures
 * per period (src/compare/periods.ts). Plain JSON: the HTTP API returns these as they are, and the
 * web UI reads them from here.
 */

export interface NarrativeShare {
  /** pack/id of the narrative or sub-narrative. */
  key: string;
  pack: string;
  id: string;
  label: string;
  level: 'narrative' | 'subnarrative';
  count: number;
  share: number;
  restCount: number;
  restShare: number;
  pValue: number;
  qValue: number;
  significant: boolean;
  direction: 'higher' | 'lower' | 'same';
}

export interface NarrativeGroup {
  key: string;
  documents: number;
  /** Documents that carry none of the packs' narratives. */
  other: number;
  narratives: NarrativeShare[];
}

export interface NarrativeComparison {
  by: GroupBy;
  where: DocumentFilter;
  engineKey: string;
  alpha: number;
  method: string;
  /** Documents analysed without narratives (an engine run with no packs): not counted. */
  withoutNarratives: number;
  totals: { documents: number; other: number };
  /** Every narrative seen in the corpus, in pack order (the columns of a narrative x group table). */
  labels: Array<{ key: string; pack: string; id: string; label: string; level: 'narrative' | 'subnarrative' }>;
  groups: NarrativeGroup[];
}

export type PeriodBy = 'month' | 'week' | 'day';
export const PERIOD_BY: readonly PeriodBy[] = ['month', 'week', 'day'];

/** One series value: a name and a number (a rate, a share, a mean). */
export type SeriesValues = Record<string, number>;

export interface PeriodRow {
  period: string;
  documents: number;
  words: number;
  /** Per measure id, its values for the period. */
  measures: Record<string, SeriesValues>;
}

export interface PeriodSeries {
  by: PeriodBy;
  where: DocumentFilter;
  engineKey: string;
  measures: Array<{ id: string; name: string; unit: string }>;
  /** Periods in time order. */
  periods: PeriodRow[];
  /** Documents with no usable publishedAt: counted apart, with the same measures. */
  undated: PeriodRow | null;
}

