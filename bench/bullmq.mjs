// Distributed mode measured for real: PostgreSQL and Redis started as throwaway servers, documents
// queued with `enqueue`, then 1 or 2 `framewise worker` processes (the built CLI) drain the queue.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { openPostgresStore } from '../dist/src/store/postgres.js';
import { enqueue } from '../dist/src/batch/queue.js';
import { Analyzer, defaultConfig } from '../dist/src/index.js';
import { articles } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Peak resident memory of a process so far (VmHWM), in MB; 0 once it has gone. */
function vmHwmMB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export async function bullmqSection({ docs, workerCounts, log }) {
  const services = await tsImport('../src/test-support/services.ts', import.meta.url);
  if (!services.postgresBinDir() || !services.redisServerPath()) {
    log('bullmq: PostgreSQL or Redis not installed; skipped');
    return null;
  }
  const [pg, redis] = await Promise.all([services.startPostgres(), services.startRedis()]);
  const engineKey = (() => {
    const e = new Analyzer({ config: { ...defaultConfig(), model: false } }).engine;
    return `${e.version}+${e.rules}+${e.model ?? 'rules'}`;
  })();
  const out = {};
  try {
    for (const n of workerCounts) {
      const db = await pg.freshUrl();
      const store = await openPostgresStore(db);
      const batch = [];
      for (const a of articles({ count: docs, bytes: 5000, seed: 103 })) {
        batch.push(a);
        if (batch.length === 500) await store.insertDocuments(batch.splice(0));
      }
      if (batch.length) await store.insertDocuments(batch);
      const queue = `bench${n}`;
      await enqueue({ store, redisUrl: redis.url, engineKey, queue, batchSize: 50 });
      await store.close();
      const stamps = [];
      const peaks = new Map();
      const children = Array.from({ length: n }, () => {
        const c = spawn(process.execPath, ['bin/framewise.js', 'worker', '--redis', redis.url, '--db', db, '--queue', queue, '--no-model', '--exit-when-drained'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        let buf = '';
        c.stderr.on('data', (b) => {
          buf += b.toString();
          const lines = buf.split('\n');
          buf = lines.pop();
          for (const l of lines) {
            const m = /^(\S+) job .* (start|done)/.exec(l);
            if (m) stamps.push({ t: Date.parse(m[1]), what: m[2] });
            else if (/error|failed/i.test(l)) log(`worker: ${l}`);
          }
        });
        return c;
      });
      const poll = setInterval(() => {
        for (const c of children) peaks.set(c.pid, Math.max(peaks.get(c.pid) ?? 0, vmHwmMB(c.pid)));
      }, 200);
      await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
      clearInterval(poll);
      // From the first job taken to the last job done: worker start-up (compiling rules) is not counted.
      const first = Math.min(...stamps.filter((s) => s.what === 'start').map((s) => s.t));
      const last = Math.max(...stamps.filter((s) => s.what === 'done').map((s) => s.t));
      const done = stamps.filter((s) => s.what === 'done').length;
      const seconds = (last - first) / 1000;
      out[`${n}`] = { workers: n, docs, jobs: done, seconds: Math.round(seconds * 10) / 10, docsPerSec: Math.round((docs / seconds) * 10) / 10, peakRssMBPerWorker: Math.max(...peaks.values()) };
      log(`bullmq: ${n} worker(s): ${out[`${n}`].docsPerSec} docs/s, peak RSS ${out[`${n}`].peakRssMBPerWorker} MB per worker`);
    }
  } finally {
    await Promise.all([pg.stop(), redis.stop()]);
  }
  return out;
}
