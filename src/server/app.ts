import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Analyzer } from '../analysis/analyzer.js';
import type { AnalysisPool } from '../batch/pool.js';
import type { Store } from '../store/types.js';
import type { ServerContext } from './context.js';
import { registerErrorHandling } from './errors.js';
import { analyzeRoutes } from './routes/analyze.js';
import { compareRoutes } from './routes/compare.js';
import { documentRoutes } from './routes/documents.js';
import { metaRoutes } from './routes/meta.js';
import { storyRoutes } from './routes/stories.js';
import { defaultWebRoot, registerSecurityHeaders, registerWeb } from './web.js';

export interface ServerOptions {
  store: Store;
  analyzer: Analyzer;
  /** When set, writes (POST/DELETE on documents) need `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest accepted request body in bytes (default 6 MiB: the analyzer's 5 MiB text limit plus JSON overhead). */
  bodyLimit?: number;
  /** pino options or false (default: false, so tests stay quiet; `serve` turns it on). */
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web UI; null serves the API only. */
  webRoot?: string | null;
  /** Analysis threads for POST /api/analyze, configured like `analyzer` (the caller closes it). */
  pool?: AnalysisPool;
}

export const DEFAULT_BODY_LIMIT = 6 * 1024 * 1024;

/**
 * The HTTP API and web UI as a Fastify instance, not yet listening: tests call `app.inject`,
 * `startServer` calls `listen`. The caller owns the store (closing the app does not close it).
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  const ctx: ServerContext = { store: options.store, analyzer: options.analyzer, token: options.token || undefined, ...(options.pool ? { pool: options.pool } : {}) };
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  analyzeRoutes(app, ctx);
  documentRoutes(app, ctx);
  compareRoutes(app, ctx);
  storyRoutes(app, ctx);
  metaRoutes(app, ctx);
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) await registerWeb(app, webRoot);
  return app;
}
