import { Queue } from 'bullmq';
import postgres from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.mjs';
import { Analyzer } from '../analysis/analyzer.js';
import { defaultConfig } from '../core/config.js';
import { runCli } from '../cli/test-support/io.js';
import { openPostgresStore, type PostgresStore } from '../store/postgres.js';
import { engineKeyOf } from '../store/types.js';
import { missing, startPostgres, startRedis, type PostgresService, type RedisService } from '../test-support/services.js';
import { checkRedis, connectionOf, engineQueueName, enqueue, queueStatus, resolveRedisUrl } from './queue.js';
import { processBatch, startWorker } from './worker.js';

const skip = missing('postgres') || missing('redis');

describe.skipIf(skip)('distributed analysis on real Redis (BullMQ) and PostgreSQL', () => {
  let pg: PostgresService;
  let redis: RedisService;
  let store: PostgresStore;
  let dbUrl: string;
  const config = { ...defaultConfig(), maxInputBytes: 3000 };
  const analyzer = new Analyzer({ config });
  const engineKey = engineKeyOf(analyzer.engine);

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    dbUrl = await pg.freshUrl();
    store = await openPostgresStore(dbUrl);
  });
  afterAll(async () => {
    await store?.close();
    await Promise.all([pg?.stop(), redis?.stop()]);
  });

  it('processBatch stores each document once and skips what is already analysed', async () => {
    const ids = (await store.insertDocuments([...articles({ count: 5, bytes: 600, seed: 21 })])).map((r) => r.id);
    const first = await processBatch(store, analyzer, ids.slice(0, 3));
    expect(first).toMatchObject({ analysed: 3, skipped: 0, missing: 0, engineKey });
    // A retry of a bigger batch after a crash: the three stored ones are not analysed again.
    const retry = await processBatch(store, analyzer, [...ids, 987_654]);
    expect(retry).toMatchObject({ analysed: 2, skipped: 3, missing: 1 });
    expect(await store.documentsNeedingAnalysis(engineKey, { ids })).toEqual([]);
  });

  it('the same batch delivered to two workers at once is stored once', async () => {
    const ids = (await store.insertDocuments([...articles({ count: 12, bytes: 500, seed: 25 })])).map((r) => r.id);
    const [x, y] = await Promise.all([processBatch(store, analyzer, ids, 'x'), processBatch(store, analyzer, ids, 'y')]);
    expect(x.analysed + y.analysed).toBe(12);
    expect(x.analysed + x.skipped).toBe(12);
    expect(y.analysed + y.skipped).toBe(12);
  });

  it('enqueue + worker: every document analysed, status shows counts and throughput, failures kept with their error', async () => {
    const queue = 'q1';
    const docs = [...articles({ count: 40, bytes: 500, seed: 22 })];
    await store.insertDocuments(docs);
    const big = (await store.insertDocument({ text: [...articles({ count: 1, bytes: 5000, seed: 23 })][0]!.text })).id;
    const need = await store.documentsNeedingAnalysis(engineKey);
    expect(need).toHaveLength(41);

    const r = await enqueue({ store, redisUrl: redis.url, engineKey, queue, batchSize: 8 });
    expect(r).toMatchObject({ documents: 41, jobs: 6, added: 6, documentsAdded: 41, pending: 0, failed: 0, engineKey });

    const lines: string[] = [];
    const w = await startWorker({ redisUrl: redis.url, store, analyzer, queue, exitWhenDrained: true, log: (l) => lines.push(l) });
    await w.stopped;

    expect(await store.documentsNeedingAnalysis(engineKey)).toEqual([big]);
    const s = await queueStatus(redis.url, queue);
    expect(s.counts).toMatchObject({ waiting: 0, active: 0, completed: 5, failed: 1 });
    expect(s.totals).toMatchObject({ analysed: 40, jobs: 5 });
    expect(s.docsPerSec).toBeGreaterThan(0);
    // The oversized document fails its job at once (no pointless retries), with the reason kept.
    expect(s.failed).toHaveLength(1);
    expect(s.failed[0]!.attempts).toBe(1);
    expect(s.failed[0]!.error).toMatch(new RegExp(`document ${big}: input is \\d+ bytes, over the limit of 3000`));
    expect(lines.some((l) => /job .* done analysed=8 skipped=0/.test(l))).toBe(true);

    // Enqueueing again adds nothing new: the failed batch has the same job id and stays failed.
    const again = await enqueue({ store, redisUrl: redis.url, engineKey, queue, batchSize: 8 });
    expect(again).toMatchObject({ documents: 1, jobs: 1, added: 0, documentsAdded: 0, failed: 1 });
    const q = new Queue(engineQueueName(queue, engineKey), { connection: connectionOf(redis.url) });
    expect(await q.getJobCounts('waiting', 'failed')).toEqual({ waiting: 0, failed: 1 });
    // `queue retry` puts it back; still too big, it fails again, with a second attempt recorded.
    expect((await runCli(['queue', 'retry', '--redis', redis.url, '--queue', queue])).stdout).toBe(`1 failed job put back on queue "${queue}"\n`);
    expect(await q.getJobCounts('waiting', 'failed')).toEqual({ waiting: 1, failed: 0 });
    const w2 = await startWorker({ redisUrl: redis.url, store, analyzer, queue, exitWhenDrained: true });
    await w2.stopped;
    const failedAgain = await q.getFailed();
    expect(failedAgain).toHaveLength(1);
    expect(failedAgain[0]!.failedReason).toMatch(/over the limit of 3000/);
    await q.close();
  }, 60_000);

  it('the CLI enqueues, works and reports status; bad flags are user errors', async () => {
    const db = await pg.freshUrl();
    const s = await openPostgresStore(db);
    await s.insertDocuments([...articles({ count: 12, bytes: 400, seed: 24 })]);
    await s.close();
    const enq = await runCli(['enqueue', '--db', db, '--redis', redis.url, '--queue', 'cli', '--batch', '5', '--no-model']);
    expect(enq.stderr).toBe('');
    expect(enq.stdout).toMatch(/^queued 12 documents in 3 jobs on "cli" for engine \S+\+rules\n$/);
    const work = await runCli(['worker', '--db', db, '--redis', redis.url, '--queue', 'cli', '--no-model', '--exit-when-drained']);
    expect(work.code).toBe(0);
    expect(work.stderr).toMatch(/job .* done analysed=5/);
    const status = await runCli(['queue', 'status', '--redis', redis.url, '--queue', 'cli']);
    expect(status.stdout).toMatch(/0 waiting, 0 active, 0 delayed \(retry backoff\), 3 completed, 0 failed/);
    expect(status.stdout).toMatch(/\n  engine \S+\+rules: 0 waiting, 0 active, 0 delayed \(retry backoff\), 3 completed, 0 failed; 12 documents analysed\n/);
    expect(status.stdout).toMatch(/documents: 12 analysed, 0 skipped/);
    const json = JSON.parse((await runCli(['queue', 'status', '--redis', redis.url, '--queue', 'cli', '--json'])).stdout);
    expect(json.totals.analysed).toBe(12);

    const noRedis = await runCli(['worker', '--db', db]);
    expect(noRedis.code).toBe(2);
    expect(noRedis.stderr).toMatch(/--redis: a Redis URL is required/);
    expect((await runCli(['enqueue', '--redis', 'http://x', '--db', db])).stderr).toMatch(/expected a redis:\/\/ or rediss:\/\/ URL/);
    expect((await runCli(['enqueue', '--redis', redis.url, '--db', db, '--batch', '0'])).stderr).toMatch(/--batch: expected an integer/);
    expect((await runCli(['queue', 'status', '--redis', redis.url, '--queue', 'a:b'])).stderr).toMatch(/--queue: expected letters/);
    expect(resolveRedisUrl(undefined, { FRAMEWISE_REDIS: 'redis://h:1' })).toBe('redis://h:1');
  }, 60_000);

  it('a worker on another engine leaves the jobs for one that can do them; status shows work per engine; re-enqueueing after completion works', async () => {
    const db = await pg.freshUrl();
    const s = await openPostgresStore(db);
    await s.insertDocuments([...articles({ count: 20, bytes: 400, seed: 26 })]);
    const rulesKey = engineKeyOf(new Analyzer({ config: { ...defaultConfig(), model: false } }).engine);
    const enq = await runCli(['enqueue', '--db', db, '--redis', redis.url, '--queue', 'q2', '--batch', '5', '--no-model']);
    expect(enq.stdout).toBe(`queued 20 documents in 4 jobs on "q2" for engine ${rulesKey}\n`);

    // A default worker (with the model) takes none of them and says why; nothing is stored.
    const other = await runCli(['worker', '--db', db, '--redis', redis.url, '--queue', 'q2', '--exit-when-drained']);
    expect(other.code).toBe(0);
    expect(other.stderr).not.toMatch(/job .* done/);
    expect(other.stderr).toMatch(new RegExp(`warning: 4 jobs on queue q2 ask for engine ${rulesKey.replace(/[+.]/g, '\\$&')}; this worker runs \\S+ and leaves them`));
    expect(await s.documentsNeedingAnalysis(rulesKey)).toHaveLength(20);
    const waiting = JSON.parse((await runCli(['queue', 'status', '--redis', redis.url, '--queue', 'q2', '--json'])).stdout);
    expect(waiting.engines).toEqual([expect.objectContaining({ engineKey: rulesKey, counts: expect.objectContaining({ waiting: 4, completed: 0, failed: 0 }) })]);

    // Enqueueing again adds nothing while the jobs wait, and says so.
    const twice = await runCli(['enqueue', '--db', db, '--redis', redis.url, '--queue', 'q2', '--batch', '5', '--no-model']);
    expect(twice.stdout).toBe(`queued nothing new on "q2" for engine ${rulesKey}; 4 jobs already waiting or running (not added again)\n`);

    // The right worker does them.
    const right = await runCli(['worker', '--db', db, '--redis', redis.url, '--queue', 'q2', '--no-model', '--exit-when-drained']);
    expect(right.stderr).toMatch(/job .* done analysed=5/);
    expect(right.stderr).not.toMatch(/warning/);
    expect(await s.documentsNeedingAnalysis(rulesKey)).toEqual([]);
    expect((await runCli(['enqueue', '--db', db, '--redis', redis.url, '--queue', 'q2', '--no-model'])).stdout).toBe(`nothing to queue: every matching document has an analysis for engine ${rulesKey}\n`);

    // Analyses lost after the jobs completed (deleted here): enqueue puts the completed batch back.
    const client = new postgres.Client({ connectionString: db });
    await client.connect();
    const first = (await s.listDocuments({}, { limit: 100 })).items.map((d) => d.id).sort((a, b) => a - b).slice(0, 5);
    await client.query('DELETE FROM analyses WHERE document_id = ANY($1)', [first]);
    await client.end();
    const back = await runCli(['enqueue', '--db', db, '--redis', redis.url, '--queue', 'q2', '--batch', '5', '--no-model']);
    expect(back.stdout).toBe(`queued 5 documents in 1 job on "q2" for engine ${rulesKey}\n`);
    await runCli(['worker', '--db', db, '--redis', redis.url, '--queue', 'q2', '--no-model', '--exit-when-drained']);
    expect(await s.documentsNeedingAnalysis(rulesKey)).toEqual([]);
    await s.close();
  }, 120_000);

  it('a job that reaches a worker of another engine fails at once, storing nothing', async () => {
    const ids = (await store.insertDocuments([...articles({ count: 2, bytes: 300, seed: 27 })])).map((r) => r.id);
    await expect(processBatch(store, analyzer, ids, 'x', 'some-other-engine')).rejects.toThrow(/asks for engine some-other-engine, but this worker analyses with/);
    expect(await store.documentsNeedingAnalysis(engineKey, { ids })).toEqual(ids);
  });

  it('Redis down: enqueue, worker and queue status stop at once with one line, exit 2', async () => {
    const down = 'redis://127.0.0.1:1';
    await expect(checkRedis(down, 2000)).rejects.toThrow(/^--redis: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: ECONNREFUSED$/);
    for (const args of [['enqueue', '--db', dbUrl], ['worker', '--db', dbUrl], ['queue', 'status'], ['queue', 'retry']]) {
      const r = await runCli([...args, '--redis', down]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1: ECONNREFUSED/);
    }
  }, 60_000);
});
