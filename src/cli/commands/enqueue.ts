import type { Command } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { UserError } from '../../core/errors.js';
import { checkQueueName, checkRedis, DEFAULT_QUEUE, enqueue, resolveRedisUrl, type EnqueueResult } from '../../batch/queue.js';
import { openStore } from '../../store/open.js';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';
import { parseLimit } from './analyze-corpus.js';

interface EnqueueFlags {
  db?: string;
  redis?: string;
  queue: string;
  batch: string;
  config?: string;
  model: boolean;
  limit?: string;
  outlet?: string;
  tag?: string;
}

export function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UserError(`--batch: expected an integer from 1 to 10000, got "${value}"`, { field: 'batch' });
  return n;
}

/** What enqueue did, in words: documents and jobs added, and what was already there (never a count of what it did not add). */
export function enqueueSummary(r: EnqueueResult, queue: string): string {
  if (r.documents === 0) return `nothing to queue: every matching document has an analysis for engine ${r.engineKey}\n`;
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  const parts = [r.added === 0 ? `queued nothing new on "${queue}" for engine ${r.engineKey}` : `queued ${n(r.documentsAdded, 'document')} in ${n(r.added, 'job')} on "${queue}" for engine ${r.engineKey}`];
  if (r.pending > 0) parts.push(`${n(r.pending, 'job')} already waiting or running (not added again)`);
  if (r.failed > 0) parts.push(`${n(r.failed, 'failed job')} left failed (\`framewise queue retry\` puts them back)`);
  return `${parts.join('; ')}\n`;
}

export function registerEnqueue(program: Command, io: CliIO, _result: CommandResult): void {
  program
    .command('enqueue')
    .description('Put stored documents that need analysis on the Redis job queue, in batches, for `framewise worker`')
    .option('--db <location>', 'SQLite file or postgres:// URL (default: $FRAMEWISE_DB or ./framewise.db)')
    .option('--redis <url>', 'Redis URL (default: $FRAMEWISE_REDIS)')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--batch <n>', 'documents per job', '100')
    .option('-c, --config <file>', 'config file: its engine decides which documents need analysis')
    .option('--no-model', 'rules only, without the trained model')
    .option('--limit <n>', 'enqueue at most this many documents')
    .option('--outlet <name>', 'only documents from this outlet')
    .option('--tag <tag>', 'only documents with this tag')
    .action(async (flags: EnqueueFlags) => {
      const redisUrl = resolveRedisUrl(flags.redis);
      const queue = checkQueueName(flags.queue);
      const batchSize = parseBatchSize(flags.batch);
      const limit = parseLimit(flags.limit);
      const config = resolveConfig(flags.config);
      if (!flags.model) config.model = false;
      const engineKey = engineKeyOf(new Analyzer({ config }).engine);
      const filter: DocumentFilter = {};
      if (flags.outlet) filter.outlet = flags.outlet;
      if (flags.tag) filter.tag = flags.tag;
      await checkRedis(redisUrl);
      const store = await openStore(flags.db);
      try {
        io.out(enqueueSummary(await enqueue({ store, redisUrl, engineKey, queue, batchSize, filter, limit }), queue));
      } finally {
        await store.close();
      }
    });
}
