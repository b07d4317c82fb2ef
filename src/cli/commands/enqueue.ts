import type { Command } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { UserError } from '../../core/errors.js';
import { checkQueueName, DEFAULT_QUEUE, enqueue, resolveRedisUrl } from '../../batch/queue.js';
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
      const store = await openStore(flags.db);
      try {
        const r = await enqueue({ store, redisUrl, engineKey, queue, batchSize, filter, limit });
        io.out(`queued ${r.documents} documents in ${r.jobs} jobs on "${queue}" (${r.jobs - r.added} already queued); engine ${engineKey}\n`);
      } finally {
        await store.close();
      }
    });
}
