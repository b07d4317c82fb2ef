import type { Command } from 'commander';
import { Option } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { UserError } from '../../core/errors.js';
import { loadDemoCorpus } from '../../ingest/demo.js';
import { resolveDbLocation } from '../../store/open.js';
import { startServer, type RunningServer } from '../../server/start.js';
import type { CliIO } from '../io.js';
import { resolveConfig } from './analyze.js';
import { parseThreads } from '../../batch/pool.js';
import { DEFAULT_ANALYSIS_TIMEOUT_MS, DEFAULT_MAX_TEXT_BYTES } from '../../server/analysis.js';

export interface ServeFlags {
  port: string;
  host: string;
  db?: string;
  demo?: boolean;
  config?: string;
  model: boolean;
  logLevel: string;
  threads?: string;
  allowedHosts?: string;
  maxTextBytes?: string;
  analysisTimeout?: string;
}

function positiveInt(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UserError(`--${flag}: expected a whole number from ${min} to ${max}, got "${value}"`, { field: flag });
  return Number(value);
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UserError(`--port: expected a port number from 0 to 65535, got "${value}"`, { field: 'port' });
  return n;
}

/**
 * Starts the API and web UI; with `demo`, loads the demo corpus into an empty store first.
 * Resolves with the running server (the command keeps it up until a signal).
 */
export async function runServe(flags: ServeFlags, io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const port = parsePort(flags.port);
  const config = resolveConfig(flags.config);
  if (!flags.model) config.model = false;
  const db = resolveDbLocation(flags.db, env);
  const token = env.FRAMEWISE_TOKEN?.trim() || undefined;
  const maxTextBytes = positiveInt('max-text-bytes', flags.maxTextBytes ?? String(DEFAULT_MAX_TEXT_BYTES), 1, config.maxInputBytes);
  const timeoutMs = positiveInt('analysis-timeout', flags.analysisTimeout ?? String(DEFAULT_ANALYSIS_TIMEOUT_MS / 1000), 1, 3600) * 1000;
  const allowedHosts = (flags.allowedHosts ?? env.FRAMEWISE_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const server = await startServer({
    port,
    host: flags.host,
    db,
    token,
    analyzer: new Analyzer({ config }),
    threads: flags.threads === '0' ? 0 : parseThreads(flags.threads),
    limits: { maxTextBytes, timeoutMs },
    allowedHosts,
    // Logs go to stderr: stdout is for what the command prints (the URL).
    logger: flags.logLevel === 'silent' ? false : { level: flags.logLevel, stream: process.stderr },
    prepare: async (store, analyzer) => {
      if (!flags.demo || (await store.countDocuments()) > 0) return;
      io.err('framewise: loading the demo corpus (first run)…\n');
      const s = await loadDemoCorpus(store, analyzer);
      io.err(`framewise: demo corpus: ${s.added} articles added, ${s.analysed} analysed${s.problems.length ? `, ${s.problems.length} problems` : ''}\n`);
    },
  });
  io.out(`framewise ${token ? '(writes need the FRAMEWISE_TOKEN bearer token) ' : ''}serving ${db} at ${server.url}\n`);
  if (!token && !isLoopback(flags.host)) io.err(`framewise: warning: listening on ${flags.host} without FRAMEWISE_TOKEN: anyone who can reach it can add and delete documents\n`);
  return server;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function registerServe(program: Command, io: CliIO): void {
  program
    .command('serve')
    .description('Start the HTTP API and web UI over the corpus store')
    .option('-p, --port <n>', 'port (0 picks a free one)', '3000')
    .option('-H, --host <host>', 'interface to listen on (0.0.0.0 for all)', '127.0.0.1')
    .option('--db <location>', 'SQLite file or postgres:// URL (default: $FRAMEWISE_DB or ./framewise.db)')
    .option('--demo', 'load the demo corpus when the store is empty')
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--no-model', 'rules only, without the trained model')
    .option('--threads <n>', 'threads that analyse texts for requests (default: one per core; 0: in the event loop, without a time limit)')
    .option('--allowed-hosts <names>', 'comma-separated host names the server answers to besides the listening address and localhost (default: $FRAMEWISE_ALLOWED_HOSTS; * for any)')
    .option('--max-text-bytes <n>', `largest text analysed per request, in UTF-8 bytes (larger: framewise ingest) (default: ${DEFAULT_MAX_TEXT_BYTES})`)
    .option('--analysis-timeout <s>', `longest one analysis may run on a thread, in seconds (default: ${DEFAULT_ANALYSIS_TIMEOUT_MS / 1000})`)
    .addOption(new Option('--log-level <level>', 'server log level').choices(['silent', 'error', 'warn', 'info', 'debug']).default('warn'))
    .action(async (flags: ServeFlags) => {
      const server = await runServe(flags, io);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          io.err('framewise: shutting down\n');
          server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
