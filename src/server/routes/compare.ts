import type { FastifyInstance } from 'fastify';
import { compareDocuments } from '../../compare/documents.js';
import { compareGroups } from '../../compare/groups.js';
import { analyseMissing } from '../../ingest/analyse.js';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { reportFor } from '../reports.js';
import { compareLayers } from '../group-layers.js';
import { CompareActorsQuery, CompareLayersQuery, CompareQuery } from '../schemas.js';
import { compareActors } from '../../compare/actors.js';
import { parseRequest } from '../validate.js';

/**
 * GET /api/compare: groups (by outlet|tag|author, filtered by outlet/tag/author/q/from/to) or two documents (a, b).
 * GET /api/compare/layers: the same groups' frame mix, intensity distribution, sourcing and actor framing.
 * GET /api/compare/actors: per actor and group, the share of documents casting it in each role, with significance.
 */
export function compareRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/compare', async (request) => {
    const { by, tagPrefix, a, b, minConfidence, ...where } = parseRequest(CompareQuery, request.query, 'query');
    if (a !== undefined && b !== undefined) {
      const side = async (id: number) => {
        const doc = await ctx.store.getDocument(id);
        if (!doc) throw notFound(`document ${id}`);
        return { id, title: doc.title, outlet: doc.outlet, text: doc.text, report: await reportFor(ctx.store, ctx.analyzer, doc) };
      };
      return compareDocuments(await side(a), await side(b));
    }
    // Documents ingested without analysis are analysed now, so every matching document counts.
    await analyseMissing(ctx.store, ctx.analyzer, where satisfies DocumentFilter);
    return compareGroups(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, where, ...(tagPrefix ? { tagPrefix } : {}), ...(minConfidence ? { minConfidence } : {}) });
  });

  app.get('/api/compare/layers', async (request) => {
    const { by, tagPrefix, ...where } = parseRequest(CompareLayersQuery, request.query, 'query');
    await analyseMissing(ctx.store, ctx.analyzer, where satisfies DocumentFilter);
    return compareLayers(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, where, ...(tagPrefix ? { tagPrefix } : {}) });
  });

  app.get('/api/compare/actors', async (request) => {
    const { by, tagPrefix, actors, minDocuments, ...where } = parseRequest(CompareActorsQuery, request.query, 'query');
    await analyseMissing(ctx.store, ctx.analyzer, where satisfies DocumentFilter);
    return compareActors(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, where, actors, minDocuments, ...(tagPrefix ? { tagPrefix } : {}) });
  });
}
