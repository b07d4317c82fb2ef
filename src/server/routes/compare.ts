import type { FastifyInstance } from 'fastify';
import { compareGroups } from '../../compare/groups.js';
import { UserError } from '../../core/errors.js';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import type { ServerContext } from '../context.js';
import { analyseMissing } from '../reports.js';
import { CompareQuery } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** GET /api/compare: groups (by outlet|tag|author, filtered by outlet/tag/author/q/from/to) or two documents (a, b). */
export function compareRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/compare', async (request) => {
    const { by, tagPrefix, a, b, ...where } = parseRequest(CompareQuery, request.query, 'query');
    if (a !== undefined && b !== undefined) {
      throw new UserError('query.a: two-document comparison is not available yet', { field: 'query.a', status: 501 });
    }
    // Documents ingested without analysis are analysed now, so every matching document counts.
    await analyseMissing(ctx.store, ctx.analyzer, where satisfies DocumentFilter);
    return compareGroups(ctx.store, engineKeyOf(ctx.analyzer.engine), { by, where, ...(tagPrefix ? { tagPrefix } : {}) });
  });
}
