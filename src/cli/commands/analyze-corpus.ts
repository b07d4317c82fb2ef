import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { EXIT_USER_ERROR, UserError } from '../../core/errors.js';
import { analyseCorpus } from '../../batch/corpus.js';
import { AnalysisPool, parseThreads } from '../../batch/pool.js';
import { openStore } from '../../store/open.js';
import type { DocumentFilter } from '../../store/types.js';
import type { CliIO } from '../io.js';
import { jsonOut } from '../safe-output.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';

interface AnalyzeCorpusFlags {
  db?: string;
  threads?: string;
  config?: string;
  model: boolean;
  limit?: string;
  outlet?: string;
  tag?: string;
  json?: boolean;
}

export function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--limit: expected a positive integer, got "${value}"`, { field: 'limit' });
  return n;
}

export function registerAnalyzeCorpus(program: Command, io: CliIO, result: CommandResult): void {
  program
    .command('analyze-corpus')
    .description('Analyse every stored document that has no analysis for the current engine, on all cores')
    .option('--db <location>', 'SQLite file or postgres:// URL (default: $FRAMEWISE_DB or ./framewise.db)')
    .option('--threads <n>', 'worker threads (default: one per core)')
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--no-model', 'rules only, without the trained model')
    .option('--limit <n>', 'analyse at most this many documents')
    .option('--outlet <name>', 'only documents from this outlet')
    .option('--tag <tag>', 'only documents with this tag')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: AnalyzeCorpusFlags) => {
      const config = resolveConfig(flags.config);
      if (!flags.model) config.model = false;
      const threads = parseThreads(flags.threads);
      const limit = parseLimit(flags.limit);
      const filter: DocumentFilter = {};
      if (flags.outlet) filter.outlet = flags.outlet;
      if (flags.tag) filter.tag = flags.tag;
      const store = await openStore(flags.db);
      const pool = new AnalysisPool({ threads, config });
      const bar = io.isTTY && !flags.json ? new cliProgress.SingleBar({ stream: process.stderr, format: 'analysing {bar} {value}/{total} docs  {eta_formatted} left' }, cliProgress.Presets.shades_classic) : null;
      try {
        let started = false;
        const summary = await analyseCorpus({
          store,
          pool,
          filter,
          limit,
          onProgress: (p) => {
            if (!bar) return;
            if (!started) bar.start(p.total, 0);
            started = true;
            bar.update(p.done);
          },
        });
        bar?.stop();
        for (const f of summary.failed) io.err(`framewise: document ${f.id}: ${f.error}\n`);
        const rate = summary.seconds > 0 ? summary.analysed / summary.seconds : 0;
        if (flags.json) io.out(jsonOut({ ...summary, threads, docsPerSec: Math.round(rate * 10) / 10 }) + '\n');
        else
          io.out(
            `analysed ${summary.analysed} of ${summary.total} documents in ${summary.seconds.toFixed(1)} s ` +
              `(${rate.toFixed(1)} docs/s, ${threads} threads), ${summary.failed.length} failed; engine ${summary.engineKey}\n`,
          );
        if (summary.failed.length > 0) result.exitCode = EXIT_USER_ERROR;
      } finally {
        bar?.stop();
        await pool.close();
        await store.close();
      }
    });
}
