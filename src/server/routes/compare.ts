import type { FastifyInstance } from 'fastify';
import { compareDocuments } from '../../compare/documents.js';
import { compareGroups } from '../../compare/groups.js';
import { UserError } from '../../core/errors.js';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { compareLayers } from '../group-layers.js';
import { missingAnalysisHint, storedReport } from '../reports.js';
import { CompareActorsQuery, CompareLayersQuery, CompareQuery } from '../schemas.js';
import { compareActors } from '../../compare/actors.js';
import { parseRequest } from '../validate.js';

/**
 * GET /api/compare: groups (by outlet|tag|author, filtered by outlet/tag/author/q/from/to) or two documents (a, b).
 * GET /api/compare/layers: the same groups' frame mix, intensity distribution, sourcing and actor framing.
 * GET /api/compare/actors: per actor and group, the share of documents casting it in each role, with significance.
 * Reads only read: they compare the stored analyses, and say how many matching documents have
 * none (`notAnalysed`); two documents without one are a 409 that says how to make it.
 */
export function compareRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const notAnalysed = async (where: DocumentFilter) => (await ctx.store.documentsNeedingAnalysis(engineKeyOf(ctx.analyzer.engine), where)).length;

  app.get('/api/compare', async (request) => {
    const { by, tagPrefix, a, b, minConfidence, ...where } = parseRequest(CompareQuery, request.query, 'query');
    const engineKey = engineKeyOf(ctx.analyzer.engine);
    if (a !== undefined && b !== undefined) {
      const side = async (id: number) => {
        const doc = await ctx.store.getDocument(id);
        if (!doc) throw notFound(`document ${id}`);
        const report = await storedReport(ctx.store, ctx.analyzer, id);
        if (!report) throw new UserError(`document ${id} has ${missingAnalysisHint(engineKey)}`, { status: 409 });
        return { id, title: doc.title, outlet: doc.outlet, text: doc.text, report };
      };
      return compareDocuments(await side(a), await side(b));
    }
    const result = await compareGroups(ctx.store, engineKey, { by, where, ...(tagPrefix ? { tagPrefix } : {}), ...(minConfidence ? { minConfidence } : {}) });
    return { ...result, notAnalysed: await notAnalysed(where) };
  });

  app.get('/api/compare/layers', async (request) => {
    const { by, tagPrefix, ...where } = parseRequest(CompareLayersQuery, request.query, 'query');
    const result = await compareLayers(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, where, ...(tagPrefix ? { tagPrefix } : {}) });
    return { ...result, notAnalysed: await notAnalysed(where) };
  });

  app.get('/api/compare/actors', async (request) => {
    const { by, tagPrefix, actors, minDocuments, ...where } = parseRequest(CompareActorsQuery, request.query, 'query');
    const result = await compareActors(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, where, actors, minDocuments, ...(tagPrefix ? { tagPrefix } : {}) });
    return { ...result, notAnalysed: await notAnalysed(where) };
  });
}
