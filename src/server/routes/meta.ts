import type { FastifyInstance } from 'fastify';
import { engineKeyOf } from '../../store/types.js';
import { VERSION } from '../../version.js';
import type { ServerContext } from '../context.js';
import { buildOpenApi } from '../openapi.js';

/** GET /api/health and GET /api/openapi.json. */
export function metaRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', async () => ({
    status: 'ok' as const,
    version: VERSION,
    store: ctx.store.kind,
    documents: await ctx.store.countDocuments(),
    engine: engineKeyOf(ctx.analyzer.engine),
  }));

  let doc: Record<string, unknown> | null = null;
  app.get('/api/openapi.json', async () => (doc ??= buildOpenApi()));
}
