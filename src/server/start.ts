import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { Analyzer } from '../analysis/analyzer.js';
import { AnalysisPool } from '../batch/pool.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import type { AnalysisLimits } from './analysis.js';
import { buildServer } from './app.js';
import { allowedHostsFor } from './security.js';

/** Heap limit of a server analysis thread: a 1 MiB text of one repeated sentence needs about 240 MB. */
export const SERVER_THREAD_HEAP_MB = 768;

export interface StartOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Store location (SQLite path or postgres:// URL); undefined: FRAMEWISE_DB or ./framewise.db. */
  db?: string;
  analyzer?: Analyzer;
  /**
   * Threads that analyse POST /api/analyze texts, with the analyzer's configuration (default 0: in
   * the event loop). `serve` uses one per core, so a slow analysis never holds up other requests.
   */
  threads?: number;
  token?: string;
  bodyLimit?: number;
  /** Bounds of each analysis a request asks for (text size, time, analyses waiting). */
  limits?: Partial<AnalysisLimits>;
  /** Host names besides the listening address and loopback that the server answers to ('*': any). */
  allowedHosts?: readonly string[];
  logger?: FastifyServerOptions['logger'];
  webRoot?: string | null;
  /** Runs once the store is open and before listening (e.g. loading the demo corpus when it is empty). */
  prepare?: (store: Store, analyzer: Analyzer) => Promise<void>;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  analyzer: Analyzer;
  /** http://host:port/ as a browser should open it. */
  url: string;
  close(): Promise<void>;
}

/** Opens the store, builds the app and listens. `close` stops the server, then closes the store. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = await openStore(options.db);
  let pool: AnalysisPool | undefined;
  try {
    const analyzer = options.analyzer ?? new Analyzer();
    await options.prepare?.(store, analyzer);
    pool = options.threads ? new AnalysisPool({ threads: options.threads, config: analyzer.config, maxHeapMB: SERVER_THREAD_HEAP_MB }) : undefined;
    // Threads compile their analyzers before the server listens, so the first requests are not slow.
    await pool?.warm();
    const app = await buildServer({
      store,
      analyzer,
      ...(pool ? { pool } : {}),
      token: options.token,
      bodyLimit: options.bodyLimit,
      limits: options.limits,
      allowedHosts: allowedHostsFor(options.host, options.allowedHosts),
      logger: options.logger,
      webRoot: options.webRoot,
    });
    await app.listen({ port: options.port, host: options.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : options.port;
    const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
      app,
      store,
      analyzer,
      url: `http://${shownHost}:${port}/`,
      async close() {
        await app.close();
        await pool?.close();
        await store.close();
      },
    };
  } catch (e) {
    await pool?.close();
    await store.close();
    throw e;
  }
}
