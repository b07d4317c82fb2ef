import type { FastifyInstance } from 'fastify';
import { compareNarratives } from '../../compare/narratives.js';
import { comparePeriods, parseMeasures } from '../../compare/periods.js';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import type { ServerContext } from '../context.js';
import { CompareNarrativesQuery, ComparePeriodsQuery } from '../narrative-schemas.js';
import { parseRequest } from '../validate.js';

/**
 * GET /api/compare/narratives: per group, the share of documents carrying each narrative, with significance.
 * GET /api/compare/periods: measures (technique rates, narratives, intensity, roles, frames) per month, week or day.
 * GET /api/narratives/packs: the narrative packs the server's analyzer loads, with their items.
 * Reads only read, like /api/compare: they count the stored analyses and say how many matching
 * documents have none (`notAnalysed`).
 */
export function narrativeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const notAnalysed = async (where: DocumentFilter) => (await ctx.store.documentsNeedingAnalysis(engineKeyOf(ctx.analyzer.engine), where)).length;

  app.get('/api/compare/narratives', async (request) => {
    const { by, tagPrefix, ...where } = parseRequest(CompareNarrativesQuery, request.query, 'query');
    const result = await compareNarratives(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, where, ...(tagPrefix ? { tagPrefix } : {}) });
    return { ...result, notAnalysed: await notAnalysed(where) };
  });

  app.get('/api/compare/periods', async (request) => {
    const { by, measures, ...where } = parseRequest(ComparePeriodsQuery, request.query, 'query');
    const result = await comparePeriods(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, measures: parseMeasures(measures), where });
    return { ...result, notAnalysed: await notAnalysed(where) };
  });

  app.get('/api/narratives/packs', async () => ({ packs: ctx.analyzer.narrativePacks() }));
}
