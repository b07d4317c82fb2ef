import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { analyseCorpus } from '../../batch/corpus.js';
import { AnalysisPool, parseThreads } from '../../batch/pool.js';
import { EXIT_USER_ERROR, UserError } from '../../core/errors.js';
import { ingestPaths } from '../../ingest/ingest.js';
import type { IngestProgress, IngestSummary } from '../../ingest/types.js';
import { openStore, resolveDbLocation } from '../../store/open.js';
import type { CliIO } from '../io.js';
import { jsonOut } from '../safe-output.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';

interface IngestFlags {
  db?: string;
  outlet?: string;
  tag: string[];
  config?: string;
  model: boolean;
  analyze: boolean;
  batchSize?: string;
  progress: boolean;
  json?: boolean;
  threads?: string;
  updateMetadata?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function summaryLine(s: IngestSummary): string {
  const handled = s.engineKey ? s.analysed + s.duplicates : s.read;
  const rate = s.seconds > 0 ? Math.round(handled / s.seconds) : handled;
  const meta = s.updated > 0 ? ` (metadata of ${s.updated} updated)` : s.metadataKept > 0 ? ` (${s.metadataKept} with other metadata, left as stored: --update-metadata applies the input's)` : '';
  return (
    `${s.filesDone} of ${s.filesTotal} files: ${s.read} documents read, ${s.added} new, ${s.duplicates} already stored${meta}, ` +
    `${s.analysed} analysed, ${s.failed} failed, in ${s.seconds.toFixed(1)} s (${rate} documents/s)`
  );
}

/**
 * A progress bar on a terminal (stderr), nothing otherwise, so that logs and pipes stay clean. The
 * bar follows bytes read (a single large corpus file still moves it); the rate counts documents
 * fully handled (stored and, when analysing, analysed).
 */
function progressBar(enabled: boolean, analysing: boolean): { update(p: IngestProgress): void; stop(): void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {percentage}% | {filesDone}/{filesTotal} files | {read} read, {added} new, {duplicates} stored, {analysed} analysed, {failed} failed | {rate} docs/s',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  return {
    update(p) {
      const secs = (performance.now() - started) / 1000;
      const handled = analysing ? p.analysed + p.duplicates : p.added + p.duplicates;
      const payload = { ...p, rate: secs > 0 ? Math.round(handled / secs) : 0 };
      const total = Math.max(1, p.bytesTotal);
      if (!begun) {
        bar.start(total, p.bytesDone, payload);
        begun = true;
      } else {
        bar.setTotal(total);
        bar.update(p.bytesDone, payload);
      }
    },
    stop() {
      if (begun) bar.stop();
      begun = false;
    },
  };
}

export function registerIngest(program: Command, io: CliIO, result: CommandResult): void {
  program
    .command('ingest')
    .description('Read files into the corpus store and analyse them (.txt, .md, .html, .jsonl, .csv; directories are searched)')
    .argument('<paths...>', 'files or directories')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: $FRAMEWISE_DB, else ./framewise.db)')
    .option('--outlet <name>', 'outlet for documents whose input names none')
    .option('--tag <tag>', 'add a tag to every document, e.g. camp:north (repeatable)', collect, [])
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--no-model', 'rules only, without the trained model')
    .option('--no-analyze', 'store the documents without analysing them')
    .option('--batch-size <n>', 'documents per transaction', '100')
    .option('--threads <n>', 'store first, then analyse every stored document lacking an analysis in N worker threads (default: analyse in this process while reading)')
    .option('--update-metadata', 'documents already stored take the metadata of this input and of --outlet/--tag (fields given replace the stored ones; tags are added)')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], flags: IngestFlags) => {
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size: expected a positive integer, got "${flags.batchSize}"`, { field: 'batch-size' });
      const threads = flags.threads === undefined ? null : parseThreads(flags.threads);
      const config = resolveConfig(flags.config);
      if (!flags.model) config.model = false;
      // With --threads, reading stores only and the pool analyses afterwards.
      const analyzer = flags.analyze && threads === null ? new Analyzer({ config }) : null;
      const location = resolveDbLocation(flags.db);
      const store = await openStore(location);
      const bar = progressBar(flags.progress && Boolean(process.stderr.isTTY) && !flags.json, analyzer !== null);
      let summary: IngestSummary;
      try {
        summary = await ingestPaths(store, paths, { analyzer, outlet: flags.outlet, tags: flags.tag, batchSize, updateMetadata: flags.updateMetadata === true, onProgress: (p) => bar.update(p) });
        bar.stop();
        if (flags.analyze && threads !== null) {
          const pool = new AnalysisPool({ threads, config });
          try {
            const tty = flags.progress && Boolean(process.stderr.isTTY) && !flags.json;
            const r = await analyseCorpus({ store, pool, onProgress: (p) => void (tty && io.err(`\r analysed ${p.done}/${p.total} in ${threads} threads`)) });
            if (tty && r.total > 0) io.err('\n');
            summary.engineKey = r.engineKey;
            summary.analysed = r.analysed;
            summary.seconds += r.seconds;
            for (const f of r.failed) summary.problems.push({ location: `document ${f.id}`, message: `analysis failed: ${f.error}` });
            summary.failed += r.failed.length;
          } finally {
            await pool.close();
          }
        }
      } finally {
        bar.stop();
        await store.close();
      }
      for (const p of summary.problems) io.err(`framewise: ${p.location}: ${p.message}\n`);
      for (const w of summary.warnings) io.err(`framewise: warning: ${w.location}: ${w.message}\n`);
      if (flags.json) io.out(jsonOut({ db: location.startsWith('postgres') ? 'postgres' : location, ...summary }, 2) + '\n');
      else io.out(`${summaryLine(summary)}\nstore: ${location.startsWith('postgres') ? 'PostgreSQL' : location}\n`);
      if (summary.failed > 0) result.exitCode = EXIT_USER_ERROR;
    });
}
