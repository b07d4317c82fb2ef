import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Analyzer } from '../analysis/analyzer.js';
import type { AnalysisPool } from '../batch/pool.js';
import type { Store } from '../store/types.js';
import { DEFAULT_MAX_TEXT_BYTES, ServerAnalysis, type AnalysisLimits } from './analysis.js';
import { registerBodyParsers } from './body.js';
import type { ServerContext } from './context.js';
import { earlyErrorOptions, registerErrorHandling } from './errors.js';
import { analysesRoutes } from './routes/analyses.js';
import { analyzeRoutes } from './routes/analyze.js';
import { compareRoutes } from './routes/compare.js';
import { documentRoutes } from './routes/documents.js';
import { metaRoutes } from './routes/meta.js';
import { allowedHostsFor, registerHostCheck, registerSecurityHeaders, type AllowedHosts } from './security.js';
import { defaultWebRoot, registerWeb } from './web.js';
import { storyRoutes } from './routes/stories.js';

export interface ServerOptions {
  store: Store;
  analyzer: Analyzer;
  /** When set, writes (POST, PATCH, DELETE) need `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest accepted request body in bytes (default: 4x the text limit plus 64 KiB, room for JSON escapes). */
  bodyLimit?: number;
  /** Bounds of each analysis a request asks for (text size, time on a thread, analyses waiting). */
  limits?: Partial<AnalysisLimits>;
  /** Host names the server answers to (default: the loopback names; `startServer` adds the listening address); '*' for any. */
  allowedHosts?: AllowedHosts;
  /** pino options or false (default: false, so tests stay quiet; `serve` turns it on). */
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web UI; null serves the API only. */
  webRoot?: string | null;
  /** Analysis threads for requests, configured like `analyzer` (the caller closes it). */
  pool?: AnalysisPool;
  /** How long a client may take to send a whole request, in ms (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

/** How long a client may take to send a whole request (slow senders cannot hold connections open). */
export const REQUEST_TIMEOUT_MS = 30_000;

export function bodyLimitFor(maxTextBytes: number): number {
  return 4 * maxTextBytes + 64 * 1024;
}

/**
 * The HTTP API and web UI as a Fastify instance, not yet listening: tests call `app.inject`,
 * `startServer` calls `listen`. The caller owns the store (closing the app does not close it).
 * docs/deployment.md ("What the server promises") lists the bounds and checks set up here.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const analysis = new ServerAnalysis(options.analyzer, options.pool, options.limits);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? bodyLimitFor(options.limits?.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES),
    requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    // Node checks for timed-out requests every 30 s by default; check often enough to keep the bound.
    http: { connectionsCheckingInterval: Math.min(1000, Math.ceil((options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) / 2)) },
    ...earlyErrorOptions,
  });
  const ctx: ServerContext = { store: options.store, analyzer: options.analyzer, token: options.token || undefined, analysis, ...(options.pool ? { pool: options.pool } : {}) };
  registerSecurityHeaders(app);
  registerErrorHandling(app);
  registerHostCheck(app, options.allowedHosts ?? allowedHostsFor('127.0.0.1'));
  registerBodyParsers(app, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
  analyzeRoutes(app, ctx);
  documentRoutes(app, ctx);
  analysesRoutes(app, ctx);
  compareRoutes(app, ctx);
  storyRoutes(app, ctx);
  metaRoutes(app, ctx);
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) await registerWeb(app, webRoot);
  return app;
}
