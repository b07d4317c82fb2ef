import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Analyzer } from '../analysis/analyzer.js';
import { engineKeyOf, type Store } from '../store/types.js';
import { analyseDocs, type AnalyseOutcome } from './analyse-task.js';
import { analysedAmong, fetchDocuments, saveAnalysesIfAbsent } from './fetch.js';
import { connectionOf, DEFAULT_QUEUE, engineQueueName, otherEnginesWork, recordThroughput, type AnalyseJobData, type AnalyseJobResult } from './queue.js';

const YIELD_EVERY = 10;

/**
 * Analyses one job's documents and stores the reports in one transaction.
 *
 * Idempotent by document (content hash) and engine key: documents that already have an analysis
 * for this engine are skipped, and reports are stored only where none exists yet, so a job retried
 * after its worker died, or delivered twice, stores each document once.
 * A document that cannot be analysed (over the size limit) fails the job for good, with the reason,
 * after the others are stored: retrying would not change the outcome. A job for another engine
 * (`asked`) fails at once, with nothing stored.
 */
export async function processBatch(store: Store, analyzer: Analyzer, ids: number[], worker = 'local', asked?: string): Promise<AnalyseJobResult> {
  const engineKey = engineKeyOf(analyzer.engine);
  // Jobs are routed to their engine's queue; a job that still reaches another engine is not done wrong.
  if (asked !== undefined && asked !== engineKey) throw new UnrecoverableError(`the job asks for engine ${asked}, but this worker analyses with ${engineKey}`);
  const done = await analysedAmong(store, ids, engineKey);
  const todo = ids.filter((id) => !done.has(id));
  const docs = await fetchDocuments(store, todo);
  const outcomes: AnalyseOutcome[] = [];
  for (let k = 0; k < docs.length; k += YIELD_EVERY) {
    outcomes.push(...analyseDocs(analyzer, docs.slice(k, k + YIELD_EVERY)));
    // Let the job lock be renewed between slices, so a long batch is not taken for a dead worker.
    await new Promise((r) => setImmediate(r));
  }
  const good = outcomes.flatMap((o) => ('report' in o ? [{ key: { documentId: o.id, engineKey }, report: o.report }] : []));
  const stored = await saveAnalysesIfAbsent(store, good);
  const bad = outcomes.flatMap((o) => ('error' in o ? [`document ${o.id}: ${o.error}`] : []));
  if (bad.length > 0) throw new UnrecoverableError(`${bad.length} of ${ids.length} documents could not be analysed: ${bad.join('; ')}`);
  // Stored by someone else meanwhile (a duplicate delivery) counts as skipped, not analysed.
  return { analysed: stored.length, skipped: done.size + good.length - stored.length, missing: todo.length - docs.length, engineKey, worker };
}

export interface DistributedWorkerOptions {
  redisUrl: string;
  store: Store;
  analyzer: Analyzer;
  queue?: string;
  /** Jobs processed at once by this process (default 1: analysis is CPU-bound; run one process per core). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal before another worker takes the job over (ms). */
  lockDuration?: number;
  /** How often to look for jobs whose worker died (ms). */
  stalledInterval?: number;
  /** Stop once the queue is empty (benchmarks, one-off runs). */
  exitWhenDrained?: boolean;
  name?: string;
  log?: (line: string) => void;
}

export interface RunningWorker {
  name: string;
  engineKey: string;
  /** Jobs on this queue that wait for other engines (this worker leaves them alone). */
  otherEngines(): Promise<Array<{ engineKey: string; jobs: number }>>;
  /** Resolves when the worker has stopped (closed, or drained with exitWhenDrained). */
  stopped: Promise<void>;
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
}

export async function startWorker(options: DistributedWorkerOptions): Promise<RunningWorker> {
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const engineKey = engineKeyOf(options.analyzer.engine);
  const engineQueue = engineQueueName(queueName, engineKey);
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const log = options.log ?? (() => {});
  const stats = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker<AnalyseJobData, AnalyseJobResult>(
    engineQueue,
    async (job: Job<AnalyseJobData, AnalyseJobResult>) => {
      const result = await processBatch(options.store, options.analyzer, job.data.ids, name, job.data.engineKey);
      await recordThroughput(stats, engineQueue, result);
      return result;
    },
    {
      connection: connectionOf(options.redisUrl),
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDuration ?? 30_000,
      stalledInterval: options.stalledInterval ?? 30_000,
      // A job whose worker died goes back to the queue this many times before it is failed.
      maxStalledCount: 3,
      name,
      autorun: false,
    },
  );
  worker.on('active', (job) => log(`job ${job.id} start (${job.data.ids.length} documents)`));
  worker.on('completed', (job, r) => log(`job ${job.id} done analysed=${r.analysed} skipped=${r.skipped} missing=${r.missing}`));
  worker.on('failed', (job, err) => log(`job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`));
  worker.on('error', (err) => log(`worker error: ${err.message}`));

  const otherEngines = () => otherEnginesWork(options.redisUrl, queueName, engineKey);
  // Said out loud: jobs for another engine stay queued for a worker that runs it.
  const warnOthers = async () => {
    for (const o of await otherEngines().catch(() => [])) {
      log(`warning: ${o.jobs} job${o.jobs === 1 ? '' : 's'} on queue ${queueName} ask for engine ${o.engineKey}; this worker runs ${engineKey} and leaves them for a worker with that configuration (same version, config and --model/--no-model)`);
    }
  };
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      await worker.close();
      stats.disconnect();
    })();
    return closing;
  };
  if (options.exitWhenDrained) worker.on('drained', () => void warnOthers().then(close));
  await worker.waitUntilReady();
  const running = worker.run();
  const stopped = running.then(() => close());
  log(`worker ${name} listening on queue ${queueName} (engine ${engineKey})`);
  await warnOthers();
  return { name, engineKey, otherEngines, stopped, close };
}
