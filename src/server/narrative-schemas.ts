import { z } from 'zod';
import { MEASURE_IDS } from '../compare/periods.js';
import { DocumentFilterQuery } from './schemas.js';

/** Request shapes of the narrative and period routes (src/server/routes/narratives.ts). */

export const CompareNarrativesQuery = DocumentFilterQuery.extend({
  by: z.enum(['outlet', 'tag', 'author']).default('outlet'),
  tagPrefix: z.string().min(1).optional().meta({ description: 'With by=tag: only tags with this prefix form groups (e.g. camp:)' }),
}).strict();

const measureList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(MEASURE_IDS as [string, ...string[]])))
  .meta({ description: `Measures, comma-separated (${MEASURE_IDS.join(', ')}); default all` });

export const ComparePeriodsQuery = DocumentFilterQuery.extend({
  by: z.enum(['month', 'week', 'day']).default('month'),
  measures: measureList.optional(),
}).strict();

// ---- Responses (documentation only) ----

const Share = z.object({
  key: z.string(), pack: z.string(), id: z.string(), label: z.string(), level: z.enum(['narrative', 'subnarrative']),
  count: z.int(), share: z.number(), restCount: z.int(), restShare: z.number(), pValue: z.number(), qValue: z.number(),
  significant: z.boolean(), direction: z.enum(['higher', 'lower', 'same']),
});

export const NarrativeComparisonSchema = z
  .object({
    by: z.enum(['outlet', 'tag', 'author']),
    engineKey: z.string(),
    alpha: z.number(),
    method: z.string(),
    withoutNarratives: z.int(),
    totals: z.object({ documents: z.int(), other: z.int() }),
    labels: z.array(z.object({ key: z.string(), pack: z.string(), id: z.string(), label: z.string(), level: z.enum(['narrative', 'subnarrative']) })),
    groups: z.array(z.object({ key: z.string(), documents: z.int(), other: z.int(), narratives: z.array(Share) })),
    notAnalysed: z.int().meta({ description: 'Matching documents without an analysis for the server engine (not counted; POST /api/analyses makes them)' }),
  })
  .meta({ id: 'NarrativeComparison' });

const PeriodRow = z.object({ period: z.string(), documents: z.int(), words: z.int(), measures: z.record(z.string(), z.record(z.string(), z.number())) });

export const PeriodSeriesSchema = z
  .object({
    by: z.enum(['month', 'week', 'day']),
    engineKey: z.string(),
    measures: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string() })),
    periods: z.array(PeriodRow),
    undated: PeriodRow.nullable().meta({ description: 'Documents without a usable publishedAt, counted apart' }),
    notAnalysed: z.int().meta({ description: 'Matching documents without an analysis for the server engine (not counted; POST /api/analyses makes them)' }),
  })
  .meta({ id: 'PeriodSeries' });

export const NarrativePacksSchema = z
  .object({
    packs: z.array(
      z.object({
        name: z.string(), title: z.string(), version: z.string(), description: z.string(),
        items: z.array(z.object({ id: z.string(), label: z.string(), level: z.enum(['narrative', 'subnarrative']), parent: z.string().nullable(), description: z.string() })),
      }),
    ),
  })
  .meta({ id: 'NarrativePacks' });
