import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snippets } from '../../bench/corpus.mjs';
import { Analyzer } from '../analysis/analyzer.js';
import { defaultConfig } from '../core/config.js';
import { openPostgresStore } from '../store/postgres.js';
import { engineKeyOf } from '../store/types.js';
import { missing, startPostgres, startRedis, type PostgresService, type RedisService } from '../test-support/services.js';
import { connectionOf, engineQueueName, enqueue, type AnalyseJobData, type AnalyseJobResult } from './queue.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = 10_000;
const BATCH = 100;
const skip = missing('postgres') || missing('redis');

/** A `framewise worker` child process running the current source (through tsx). */
function spawnWorker(label: string, args: string[], lines: string[]): ChildProcess {
  const entry = "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(['node', 'framewise', ...process.argv.slice(1)]);";
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry, 'worker', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let buf = '';
  child.stderr!.on('data', (b: Buffer) => {
    buf += b.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    for (const l of parts) lines.push(`${label} ${l}`);
  });
  return child;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, lines: string[]): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; worker log tail:\n${lines.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skip)('fault tolerance: a worker killed with SIGKILL mid-run', () => {
  let pgs: PostgresService;
  let redis: RedisService;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    [pgs, redis] = await Promise.all([startPostgres(), startRedis()]);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all([pgs?.stop(), redis?.stop()]);
  });

  it(`2 workers, ${DOCS} documents, one killed and restarted: every document analysed and stored exactly once`, async () => {
    const db = await pgs.freshUrl();
    const store = await openPostgresStore(db);
    const docs = [...snippets({ count: DOCS, seed: 31 })];
    for (let k = 0; k < DOCS; k += 1000) await store.insertDocuments(docs.slice(k, k + 1000));
    const engineKey = engineKeyOf(new Analyzer({ config: { ...defaultConfig(), model: false } }).engine);
    const queued = await enqueue({ store, redisUrl: redis.url, engineKey, queue: 'fault', batchSize: BATCH });
    expect(queued).toMatchObject({ documents: DOCS, jobs: DOCS / BATCH, added: DOCS / BATCH, documentsAdded: DOCS });
    await store.close();

    const client = new pg.Client({ connectionString: db });
    await client.connect();
    // Every write to analyses (insert or overwrite) is logged, so a document stored twice shows up.
    await client.query(`
      CREATE TABLE analysis_writes (document_id BIGINT NOT NULL, op TEXT NOT NULL);
      CREATE FUNCTION log_analysis_write() RETURNS trigger AS $$
        BEGIN INSERT INTO analysis_writes VALUES (NEW.document_id, TG_OP); RETURN NEW; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER analyses_logged AFTER INSERT OR UPDATE ON analyses FOR EACH ROW EXECUTE FUNCTION log_analysis_write();`);
    const analysedRows = async () => Number((await client.query('SELECT count(*) AS n FROM analyses')).rows[0].n);
    const queue = new Queue<AnalyseJobData, AnalyseJobResult>(engineQueueName('fault', engineKey), { connection: connectionOf(redis.url) });
    try {
      // Short locks so that the dead worker's job is taken over within seconds, not the default 30 s.
      const args = ['--redis', redis.url, '--db', db, '--queue', 'fault', '--no-model', '--lock-duration', '3000', '--stalled-interval', '1000'];
      const lines: string[] = [];
      const a = spawnWorker('A', args, lines);
      const b = spawnWorker('B', args, lines);
      children.push(a, b);

      // Generous timeouts are guards for a loaded machine; alone on 2 cores the run takes about 20 s.
      // Kill A while both are busy, once a good part of the corpus is done.
      await waitFor('both workers to finish jobs and 25% stored', async () => {
        const done = (w: string) => lines.filter((l) => l.startsWith(`${w} `) && / done analysed=/.test(l)).length;
        return done('A') >= 2 && done('B') >= 2 && (await analysedRows()) >= DOCS / 4;
      }, 90_000, lines);
      a.kill('SIGKILL');
      await new Promise((r) => a.once('exit', r));
      const atKill = await analysedRows();
      expect(atKill).toBeLessThan(DOCS);

      const a2 = spawnWorker('A2', args, lines);
      children.push(a2);
      await waitFor('every job to complete', async () => (await queue.getJobCounts('completed')).completed === DOCS / BATCH, 120_000, lines);
      for (const c of [a2, b]) c.kill('SIGTERM');
      await Promise.all([a2, b].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));

      // Stored exactly once: one row per document, none missing, none extra.
      const rows = await client.query('SELECT count(*) AS n, count(DISTINCT document_id) AS docs, min(engine_key) AS k1, max(engine_key) AS k2 FROM analyses');
      expect(rows.rows[0]).toEqual({ n: String(DOCS), docs: String(DOCS), k1: engineKey, k2: engineKey });
      const orphans = await client.query('SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id)');
      expect(orphans.rows[0].n).toBe('0');

      // Written exactly once: no document's analysis was stored twice (no overwrite, no second insert).
      const writes = await client.query("SELECT count(*) AS n, count(DISTINCT document_id) AS docs, count(*) FILTER (WHERE op = 'UPDATE') AS updates FROM analysis_writes");
      expect(writes.rows[0]).toEqual({ n: String(DOCS), docs: String(DOCS), updates: '0' });

      // The completed runs account for every document: stored by them, or stored just before A
      // died (then skipped by the retry, not stored again).
      const completed = await queue.getCompleted(0, -1);
      expect(completed).toHaveLength(DOCS / BATCH);
      const sum = (f: (r: AnalyseJobResult) => number) => completed.reduce((n, j) => n + f(j.returnvalue), 0);
      expect(sum((r) => r.analysed + r.skipped)).toBe(DOCS);
      expect(sum((r) => r.missing)).toBe(0);
      expect(await queue.getJobCounts('failed', 'active', 'waiting', 'delayed')).toEqual({ failed: 0, active: 0, waiting: 0, delayed: 0 });
      // The job A held when it died was found stalled and finished by another worker.
      const takenOver = completed.filter((j) => j.stalledCounter > 0);
      expect(takenOver.length).toBeGreaterThanOrEqual(1);
      expect(takenOver.every((j) => j.returnvalue.worker !== undefined)).toBe(true);
      // The restarted worker did real work after the kill.
      expect(lines.some((l) => l.startsWith('A2 ') && / done analysed=/.test(l))).toBe(true);
    } finally {
      await queue.close();
      await client.end();
    }
  }, 240_000);
});
