import { createHash } from 'node:crypto';
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { UserError } from '../core/errors.js';
import type { DocumentFilter, Store } from '../store/types.js';
import { chunk } from './fetch.js';

/** What one job carries: a batch of document ids to analyse and store, and the engine asked for. */
export interface AnalyseJobData {
  ids: number[];
  /** The engine key whose analyses the job is for (older jobs lack it). */
  engineKey?: string;
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

/** The URL without its password, for messages. */
export function shownRedisUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) => `${scheme}${auth.includes(':') ? `${auth.split(':')[0]}:***` : '***'}@`);
}

/**
 * Checks that Redis answers, within `timeoutMs`: a command line tool then stops with one clear line
 * (exit 2) instead of retrying a refused connection for ever, as BullMQ's connections do.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: timeoutMs, retryStrategy: () => null });
  let last: Error | null = null;
  redis.on('error', (e: Error) => (last = e));
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    const err = (last ?? e) as NodeJS.ErrnoException;
    throw new UserError(`--redis: cannot reach Redis at ${shownRedisUrl(url)}: ${err.code ?? err.message}`, { field: 'redis' });
  } finally {
    redis.disconnect();
  }
}

/**
 * Jobs wait in one BullMQ queue per engine, `<queue>.<engine id>`, and a worker takes jobs only from
 * its own engine's queue: a worker on another engine (an old one still running after an upgrade, or
 * one started without --no-model) never takes, and so never swallows, a job it cannot do. The hash
 * `framewise:<queue>:engines` lists the engines that have jobs (engine key -> queue).
 */
export function engineQueueName(queue: string, engineKey: string): string {
  return `${queue}.${createHash('sha1').update(engineKey).digest('hex').slice(0, 12)}`;
}

function enginesKey(queue: string): string {
  return `framewise:${queue}:engines`;
}

/** The engines that have had jobs on this queue, with their BullMQ queue names. */
export async function queueEngines(redis: Redis, queue: string): Promise<Array<{ engineKey: string; name: string }>> {
  const all = await redis.hgetall(enginesKey(queue));
  return Object.entries(all)
    .map(([engineKey, name]) => ({ engineKey, name }))
    .sort((a, b) => a.engineKey.localeCompare(b.engineKey));
}

/** Throughput counters kept beside an engine's queue: documents per minute, and totals. */
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

export interface EnqueueResult {
  /** Documents that need analysis for the engine. */
  documents: number;
  /** Jobs those documents make. */
  jobs: number;
  /** Jobs added now (new, or completed earlier yet still needed: queued again). */
  added: number;
  /** Documents in the jobs added now. */
  documentsAdded: number;
  /** Jobs already waiting, delayed or running (not added twice). */
  pending: number;
  /** Jobs that failed earlier and are kept failed (`framewise queue retry` puts them back). */
  failed: number;
  engineKey: string;
  /** The engine's BullMQ queue. */
  engineQueue: string;
}

/**
 * Puts every document that needs analysis for the engine key on the engine's queue, in jobs of
 * `batchSize` ids. Job ids name the id range, so enqueueing twice does not add a batch that is still
 * waiting or running twice; a batch whose job completed but whose documents still need analysis
 * (their analyses were deleted, say) is queued again; a failed one stays failed until `queue retry`.
 */
export async function enqueue(options: EnqueueOptions): Promise<EnqueueResult> {
  const batchSize = options.batchSize ?? 100;
  const base = options.queue ?? DEFAULT_QUEUE;
  const engineKey = options.engineKey;
  const name = engineQueueName(base, engineKey);
  const ids = await options.store.documentsNeedingAnalysis(engineKey, options.filter, options.limit);
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  const queue = new Queue<AnalyseJobData, AnalyseJobResult>(name, { connection: connectionOf(options.redisUrl) });
  try {
    const batches = chunk(ids, batchSize);
    if (batches.length > 0) await redis.hset(enginesKey(base), engineKey, name);
    const out = { added: 0, documentsAdded: 0, pending: 0, failed: 0 };
    for (const group of chunk(batches, 500)) {
      const jobs = group.map((b) => ({ name: JOB_NAME, data: { ids: b, engineKey }, opts: { ...JOB_OPTIONS, jobId: `${b[0]}-${b[b.length - 1]}_${b.length}` } }));
      // BullMQ ignores a job whose id exists already: decide per state what to tell and to do.
      const states = await Promise.all(jobs.map((j) => queue.getJobState(j.opts.jobId)));
      const fresh: typeof jobs = [];
      for (let k = 0; k < jobs.length; k++) {
        const state = states[k];
        if (state === 'completed') await queue.remove(jobs[k]!.opts.jobId);
        else if (state === 'failed') {
          out.failed++;
          continue;
        } else if (state !== 'unknown') {
          out.pending++;
          continue;
        }
        fresh.push(jobs[k]!);
        out.added++;
        out.documentsAdded += jobs[k]!.data.ids.length;
      }
      if (fresh.length > 0) await queue.addBulk(fresh);
    }
    return { documents: ids.length, jobs: batches.length, ...out, engineKey, engineQueue: name };
  } finally {
    redis.disconnect();
    await queue.close();
  }
}

type StateCounts = Record<'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'prioritized', number>;
type Totals = { analysed: number; skipped: number; missing: number; jobs: number };

export interface EngineStatus {
  engineKey: string;
  engineQueue: string;
  counts: StateCounts;
  totals: Totals;
}

export interface QueueStatus {
  queue: string;
  /** Summed over the engines. */
  counts: StateCounts;
  totals: Totals;
  /** Work per engine: a worker takes jobs of its own engine only. */
  engines: EngineStatus[];
  /** Documents analysed per second over the last `window` minutes (0 when idle). */
  docsPerSec: number;
  windowMinutes: number;
  failed: Array<{ id: string; engineKey: string; ids: string; attempts: number; error: string }>;
}

const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'] as const;

/** Counts by state and engine, throughput of the last few minutes, and the latest failed jobs with their error. */
export async function queueStatus(redisUrl: string, name = DEFAULT_QUEUE, windowMinutes = 5, now = Date.now()): Promise<QueueStatus> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as StateCounts;
    const totals: Totals = { analysed: 0, skipped: 0, missing: 0, jobs: 0 };
    const engines: EngineStatus[] = [];
    const failed: QueueStatus['failed'] = [];
    const current = Math.floor(now / 60_000);
    let docs = 0;
    let first = current;
    for (const { engineKey, name: engineQueue } of await queueEngines(redis, name)) {
      const queue = new Queue<AnalyseJobData, AnalyseJobResult>(engineQueue, { connection: connectionOf(redisUrl) });
      try {
        const c = await queue.getJobCounts(...STATES);
        const keys = statsKeys(engineQueue);
        const [perMinute, t] = await Promise.all([redis.hgetall(keys.perMinute), redis.hgetall(keys.totals)]);
        const own = Object.fromEntries(STATES.map((s) => [s, c[s] ?? 0])) as StateCounts;
        const ownTotals: Totals = { analysed: Number(t.analysed ?? 0), skipped: Number(t.skipped ?? 0), missing: Number(t.missing ?? 0), jobs: Number(t.jobs ?? 0) };
        for (const s of STATES) counts[s] += own[s];
        for (const k of Object.keys(totals) as Array<keyof Totals>) totals[k] += ownTotals[k];
        engines.push({ engineKey, engineQueue, counts: own, totals: ownTotals });
        // The current minute is partial: count it and the full minutes before it, over elapsed time.
        for (let m = current - windowMinutes + 1; m <= current; m++) docs += Number(perMinute[String(m)] ?? 0);
        for (const m of Object.keys(perMinute).map(Number)) if (m > current - windowMinutes) first = Math.min(first, m);
        for (const j of await queue.getFailed(0, 19)) {
          failed.push({ id: String(j.id), engineKey, ids: j.data.ids.length ? `${j.data.ids[0]}..${j.data.ids[j.data.ids.length - 1]}` : '', attempts: j.attemptsMade, error: j.failedReason ?? '' });
        }
      } finally {
        await queue.close();
      }
    }
    const seconds = Math.max(1, (now - first * 60_000) / 1000);
    return { queue: name, counts, totals, engines, docsPerSec: docs === 0 ? 0 : Math.round((docs / seconds) * 10) / 10, windowMinutes, failed: failed.slice(0, 20) };
  } finally {
    redis.disconnect();
  }
}

/** Puts every failed job of every engine back on its queue (after fixing what made them fail); returns how many. */
export async function retryFailed(redisUrl: string, name = DEFAULT_QUEUE): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let total = 0;
    for (const { name: engineQueue } of await queueEngines(redis, name)) {
      const queue = new Queue<AnalyseJobData, AnalyseJobResult>(engineQueue, { connection: connectionOf(redisUrl) });
      try {
        const n = await queue.getFailedCount();
        if (n > 0) await queue.retryJobs({ state: 'failed', count: 1000 });
        total += n;
      } finally {
        await queue.close();
      }
    }
    return total;
  } finally {
    redis.disconnect();
  }
}

/** Jobs waiting, delayed or running on this queue for engines other than `engineKey` (what a worker on it leaves alone). */
export async function otherEnginesWork(redisUrl: string, name: string, engineKey: string): Promise<Array<{ engineKey: string; jobs: number }>> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const out: Array<{ engineKey: string; jobs: number }> = [];
    for (const e of await queueEngines(redis, name)) {
      if (e.engineKey === engineKey) continue;
      const queue = new Queue(e.name, { connection: connectionOf(redisUrl) });
      try {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const jobs = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
        if (jobs > 0) out.push({ engineKey: e.engineKey, jobs });
      } finally {
        await queue.close();
      }
    }
    return out;
  } finally {
    redis.disconnect();
  }
}
