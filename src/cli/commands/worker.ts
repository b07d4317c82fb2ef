import type { Command } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { UserError } from '../../core/errors.js';
import { checkQueueName, checkRedis, DEFAULT_QUEUE, resolveRedisUrl } from '../../batch/queue.js';
import { startWorker } from '../../batch/worker.js';
import { openStore } from '../../store/open.js';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';

interface WorkerFlags {
  db?: string;
  redis?: string;
  queue: string;
  concurrency: string;
  lockDuration: string;
  stalledInterval: string;
  config?: string;
  model: boolean;
  exitWhenDrained?: boolean;
}

function positiveInt(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UserError(`--${flag}: expected an integer from 1 to ${max}, got "${value}"`, { field: flag });
  return n;
}

export function registerWorker(program: Command, io: CliIO, _result: CommandResult): void {
  program
    .command('worker')
    .description('Analyse documents from the Redis job queue and store the reports (run one per core, on any number of machines)')
    .option('--redis <url>', 'Redis URL (default: $FRAMEWISE_REDIS)')
    .option('--db <location>', 'postgres:// URL shared by all workers (or a SQLite file for one machine)')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--concurrency <n>', 'jobs at once in this process', '1')
    .option('--lock-duration <ms>', 'after this long without a heartbeat, a job goes to another worker', '30000')
    .option('--stalled-interval <ms>', 'how often to look for jobs whose worker died', '30000')
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--no-model', 'rules only, without the trained model')
    .option('--exit-when-drained', "stop when this engine's jobs are done (jobs for other engines are left, with a warning)")
    .action(async (flags: WorkerFlags) => {
      const redisUrl = resolveRedisUrl(flags.redis);
      const queue = checkQueueName(flags.queue);
      const concurrency = positiveInt('concurrency', flags.concurrency, 64);
      const lockDuration = positiveInt('lock-duration', flags.lockDuration, 3_600_000);
      const stalledInterval = positiveInt('stalled-interval', flags.stalledInterval, 3_600_000);
      await checkRedis(redisUrl);
      const config = resolveConfig(flags.config);
      if (!flags.model) config.model = false;
      const analyzer = new Analyzer({ config });
      const store = await openStore(flags.db);
      const log = (line: string) => io.err(`${new Date().toISOString()} ${line}\n`);
      try {
        const running = await startWorker({ redisUrl, store, analyzer, queue, concurrency, lockDuration, stalledInterval, exitWhenDrained: flags.exitWhenDrained, log });
        // SIGTERM/SIGINT: finish the jobs in hand, then exit (a SIGKILL loses nothing either: the job is retried).
        const stop = () => {
          log('stopping after the current job');
          void running.close();
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        await running.stopped;
        process.removeListener('SIGTERM', stop);
        process.removeListener('SIGINT', stop);
      } finally {
        await store.close();
      }
    });
}
