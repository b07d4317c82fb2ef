import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { Analyzer } from '../analysis/analyzer.js';
import { AnalysisPool } from '../batch/pool.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { buildServer } from './app.js';

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
    pool = options.threads ? new AnalysisPool({ threads: options.threads, config: analyzer.config }) : undefined;
    // Threads compile their analyzers before the server listens, so the first requests are not slow.
    await pool?.warm();
    const app = await buildServer({
      store,
      analyzer,
      ...(pool ? { pool } : {}),
      token: options.token,
      bodyLimit: options.bodyLimit,
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
