import type { Command } from 'commander';
import { checkQueueName, checkRedis, DEFAULT_QUEUE, queueStatus, resolveRedisUrl, retryFailed } from '../../batch/queue.js';
import type { CliIO } from '../io.js';
import { jsonOut } from '../safe-output.js';
import type { CommandResult } from '../main.js';

interface QueueFlags {
  redis?: string;
  queue: string;
  json?: boolean;
}

export function registerQueue(program: Command, io: CliIO, _result: CommandResult): void {
  const queue = program.command('queue').description('Inspect the distributed analysis queue');
  queue
    .command('status')
    .description('Jobs by state, documents analysed, throughput of the last 5 minutes, and failed jobs with their error')
    .option('--redis <url>', 'Redis URL (default: $FRAMEWISE_REDIS)')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--json', 'print the status as JSON')
    .action(async (flags: QueueFlags) => {
      const url = resolveRedisUrl(flags.redis);
      const name = checkQueueName(flags.queue);
      await checkRedis(url);
      const s = await queueStatus(url, name);
      if (flags.json) {
        io.out(jsonOut(s, 2) + '\n');
        return;
      }
      const c = s.counts;
      const line = (c: typeof s.counts) => `${c.waiting + c.prioritized} waiting, ${c.active} active, ${c.delayed} delayed (retry backoff), ${c.completed} completed, ${c.failed} failed`;
      io.out(`queue "${s.queue}": ${line(c)}\n`);
      // A worker takes only its own engine's jobs: show where the work is.
      for (const e of s.engines) io.out(`  engine ${e.engineKey}: ${line(e.counts)}; ${e.totals.analysed} documents analysed\n`);
      io.out(`documents: ${s.totals.analysed} analysed, ${s.totals.skipped} skipped (already analysed), ${s.totals.missing} missing; ${s.docsPerSec} docs/s over the last ${s.windowMinutes} min\n`);
      for (const f of s.failed) io.out(`failed job ${f.id} (engine ${f.engineKey}, documents ${f.ids}, ${f.attempts} attempts): ${f.error}\n`);
    });
  queue
    .command('retry')
    .description('Put the failed jobs back on the queue (once what made them fail is fixed)')
    .option('--redis <url>', 'Redis URL (default: $FRAMEWISE_REDIS)')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .action(async (flags: QueueFlags) => {
      const url = resolveRedisUrl(flags.redis);
      const name = checkQueueName(flags.queue);
      await checkRedis(url);
      const n = await retryFailed(url, name);
      io.out(`${n} failed job${n === 1 ? '' : 's'} put back on queue "${flags.queue}"\n`);
    });
}
