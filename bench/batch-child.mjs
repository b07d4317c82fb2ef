// One batch measurement in its own process, so that peak RSS belongs to that configuration alone.
// Usage: node bench/batch-child.mjs <json options>; prints one JSON line.
//   { mode: 'threads', docs, threads }            store docs in SQLite, then analyse-corpus in N threads
//   { mode: 'growth', docs, threads }             ingest a JSONL file of docs into SQLite, analyse in N threads
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../dist/src/store/sqlite.js';
import { AnalysisPool } from '../dist/src/batch/pool.js';
import { analyseCorpus } from '../dist/src/batch/corpus.js';
import { ingestPaths } from '../dist/src/ingest/ingest.js';
import { articles } from './corpus.mjs';

const opts = JSON.parse(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), 'framewise-bench-'));
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
try {
  const store = await openSqliteStore(join(dir, 'bench.db'));
  let ingestSec = 0;
  if (opts.mode === 'growth') {
    // Write the corpus as JSONL (streamed: never all in memory), then ingest it for real.
    const file = join(dir, 'corpus.jsonl');
    const out = createWriteStream(file);
    for (const a of articles({ count: opts.docs, bytes: 5000, seed: 101 })) if (!out.write(JSON.stringify(a) + '\n')) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const t1 = performance.now();
    const summary = await ingestPaths(store, [file], { analyzer: null, batchSize: 500 });
    if (summary.added !== opts.docs) throw new Error(`ingest added ${summary.added} of ${opts.docs}`);
    ingestSec = (performance.now() - t1) / 1000;
  } else {
    const batch = [];
    for (const a of articles({ count: opts.docs, bytes: 5000, seed: 102 })) {
      batch.push(a);
      if (batch.length === 500) await store.insertDocuments(batch.splice(0));
    }
    if (batch.length) await store.insertDocuments(batch);
  }
  const ingestPeakRss = Math.max(peakRss, process.memoryUsage.rss());
  // Rules only unless `model` is set: the model's share is measured separately (analyze.modelMBps, batch.threads2Model).
  const pool = new AnalysisPool({ threads: opts.threads, config: { ...(await import('../dist/src/core/config.js')).defaultConfig(), ...(opts.model ? {} : { model: false }) } });
  await pool.warm(); // every thread started and its rules compiled before the clock starts
  const t2 = performance.now();
  const r = await analyseCorpus({ store, pool });
  const analyseSec = (performance.now() - t2) / 1000;
  await pool.close();
  await store.close();
  const dbMB = Math.round(['bench.db', 'bench.db-wal'].reduce((n, f) => n + (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0), 0) / 1e6);
  if (r.analysed !== opts.docs) throw new Error(`analysed ${r.analysed} of ${opts.docs}: ${JSON.stringify(r.failed.slice(0, 3))}`);
  clearInterval(sample);
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  process.stdout.write(
    JSON.stringify({
      docs: opts.docs,
      threads: opts.threads,
      ingestSeconds: Math.round(ingestSec * 10) / 10,
      analyseSeconds: Math.round(analyseSec * 10) / 10,
      // Ingest plus analysis; generating the input file and starting the threads are not counted.
      seconds: Math.round((ingestSec + analyseSec) * 10) / 10,
      docsPerSec: Math.round((opts.docs / analyseSec) * 10) / 10,
      peakRssMB: Math.round(maxRss / 1e6),
      ingestPeakRssMB: Math.round(ingestPeakRss / 1e6),
      dbMB,
    }) + '\n',
  );
} finally {
  clearInterval(sample);
  rmSync(dir, { recursive: true, force: true });
}
