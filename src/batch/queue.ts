import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { UserError } from '../core/errors.js';
import type { DocumentFilter, Store } from '../store/types.js';
import { chunk } from './fetch.js';

/** What one job carries: a batch of document ids to analyse and store. */
export interface AnalyseJobData {
  ids: number[];
}

/** What a finished job reports (kept on the completed job). */
export interface AnalyseJobResult {
  analysed: number;
  /** Already analysed for this engine (a retry after a crash, or a duplicate enqueue). */
  skipped: number;
  /** Deleted from the store since they were queued. */
  missing: number;
  engineKey: string;
  worker: string;
}

export const DEFAULT_QUEUE = 'framewise';
export const JOB_NAME = 'analyse';

/** Retries with exponential backoff; finished jobs are kept for status, failed ones with their error. */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: false,
};

/** The Redis URL: --redis, else FRAMEWISE_REDIS, else a clear error. */
export function resolveRedisUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = flag ?? env.FRAMEWISE_REDIS;
  if (!url || url.trim() === '') throw new UserError('--redis: a Redis URL is required (e.g. redis://127.0.0.1:6379), or set FRAMEWISE_REDIS', { field: 'redis' });
  if (!/^rediss?:\/\//i.test(url.trim())) throw new UserError(`--redis: expected a redis:// or rediss:// URL, got "${url}"`, { field: 'redis' });
  return url.trim();
}

export function checkQueueName(name: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new UserError(`--queue: expected letters, digits, - or _ (at most 64), got "${name}"`, { field: 'queue' });
  return name;
}

/** BullMQ connection options; workers block on Redis, so requests must never give up. */
export function connectionOf(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null };
}

/** Throughput counters kept beside the queue: documents per minute, and totals. */
export function statsKeys(queue: string): { perMinute: string; totals: string } {
  return { perMinute: `framewise:${queue}:docs-per-minute`, totals: `framewise:${queue}:totals` };
}

/** Records a finished job in the throughput counters (per-minute buckets expire after a day). */
export async function recordThroughput(redis: Redis, queue: string, result: AnalyseJobResult, now = Date.now()): Promise<void> {
  const keys = statsKeys(queue);
  const minute = Math.floor(now / 60_000);
  await redis
    .multi()
    .hincrby(keys.perMinute, String(minute), result.analysed)
    .expire(keys.perMinute, 24 * 3600)
    .hincrby(keys.totals, 'analysed', result.analysed)
    .hincrby(keys.totals, 'skipped', result.skipped)
    .hincrby(keys.totals, 'missing', result.missing)
    .hincrby(keys.totals, 'jobs', 1)
    .exec();
}

export interface EnqueueOptions {
  store: Store;
  redisUrl: string;
  engineKey: string;
  queue?: string;
  /** Documents per job (default 100). */
  batchSize?: number;
  filter?: DocumentFilter;
  limit?: number;
}

/**
 * Puts every document that needs analysis for the engine key on the queue, in jobs of
 * `batchSize` ids. Job ids name the id range, so enqueueing twice does not add the same batch twice.
 */
export async function enqueue(options: EnqueueOptions): Promise<{ documents: number; jobs: number; added: number }> {
  const batchSize = options.batchSize ?? 100;
  const name = options.queue ?? DEFAULT_QUEUE;
  const ids = await options.store.documentsNeedingAnalysis(options.engineKey, options.filter, options.limit);
  const queue = new Queue<AnalyseJobData, AnalyseJobResult>(name, { connection: connectionOf(options.redisUrl) });
  try {
    const batches = chunk(ids, batchSize);
    const tag = options.engineKey.replace(/[^A-Za-z0-9]+/g, '_');
    let added = 0;
    for (const group of chunk(batches, 500)) {
      const jobs = group.map((b) => ({ name: JOB_NAME, data: { ids: b }, opts: { ...JOB_OPTIONS, jobId: `${tag}_${b[0]}-${b[b.length - 1]}_${b.length}` } }));
      // BullMQ ignores a job whose id exists already; count those to tell the user.
      const states = await Promise.all(jobs.map((j) => queue.getJobState(j.opts.jobId)));
      added += states.filter((s) => s === 'unknown').length;
      await queue.addBulk(jobs);
    }
    return { documents: ids.length, jobs: batches.length, added };
  } finally {
    await queue.close();
  }
}

export interface QueueStatus {
  queue: string;
  counts: Record<'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'prioritized', number>;
  totals: { analysed: number; skipped: number; missing: number; jobs: number };
  /** Documents analysed per second over the last `window` minutes (0 when idle). */
  docsPerSec: number;
  windowMinutes: number;
  failed: Array<{ id: string; ids: string; attempts: number; error: string }>;
}

/** Counts by state, throughput of the last few minutes, and the latest failed jobs with their error. */
export async function queueStatus(redisUrl: string, name = DEFAULT_QUEUE, windowMinutes = 5, now = Date.now()): Promise<QueueStatus> {
  const queue = new Queue<AnalyseJobData, AnalyseJobResult>(name, { connection: connectionOf(redisUrl) });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    const keys = statsKeys(name);
    const [perMinute, totals] = await Promise.all([redis.hgetall(keys.perMinute), redis.hgetall(keys.totals)]);
    const current = Math.floor(now / 60_000);
    let docs = 0;
    // The current minute is partial: count it and the full minutes before it, over elapsed time.
    for (let m = current - windowMinutes + 1; m <= current; m++) docs += Number(perMinute[String(m)] ?? 0);
    const activeMinutes = Object.keys(perMinute).map(Number).filter((m) => m > current - windowMinutes);
    const first = activeMinutes.length ? Math.min(...activeMinutes) : current;
    const seconds = Math.max(1, (now - first * 60_000) / 1000);
    const failedJobs = await queue.getFailed(0, 19);
    return {
      queue: name,
      counts: {
        waiting: c.waiting ?? 0,
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
        prioritized: c.prioritized ?? 0,
      },
      totals: {
        analysed: Number(totals.analysed ?? 0),
        skipped: Number(totals.skipped ?? 0),
        missing: Number(totals.missing ?? 0),
        jobs: Number(totals.jobs ?? 0),
      },
      docsPerSec: docs === 0 ? 0 : Math.round((docs / seconds) * 10) / 10,
      windowMinutes,
      failed: failedJobs.map((j) => ({
        id: String(j.id),
        ids: j.data.ids.length ? `${j.data.ids[0]}..${j.data.ids[j.data.ids.length - 1]}` : '',
        attempts: j.attemptsMade,
        error: j.failedReason ?? '',
      })),
    };
  } finally {
    redis.disconnect();
    await queue.close();
  }
}

/** Puts every failed job back on the queue (after fixing what made them fail); returns how many. */
export async function retryFailed(redisUrl: string, name = DEFAULT_QUEUE): Promise<number> {
  const queue = new Queue<AnalyseJobData, AnalyseJobResult>(name, { connection: connectionOf(redisUrl) });
  try {
    const n = await queue.getFailedCount();
    if (n > 0) await queue.retryJobs({ state: 'failed', count: 1000 });
    return n;
  } finally {
    await queue.close();
  }
}
