// framewise benchmarks: `npm run bench` (full, writes bench/results.json) or
// `npm run bench -- --quick` (smoke run on small sizes, writes bench/results.quick.json).
// Optional: `--only analyze,batch,bullmq,api,growth,stories` to run some sections, `--growth 1000,10000` sizes.
// Benchmarks are not tests: they measure, print and record; they assert nothing about speed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyzeSection } from './analyze.mjs';
import { apiSection } from './api.mjs';
import { bullmqSection } from './bullmq.mjs';
import { storiesSection } from './stories.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',')) : null;
const want = (s) => !only || only.has(s);
// `--growth 1000,10000` overrides the corpus sizes of the growth section.
const growthArg = args.indexOf('--growth');
const log = (line) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const sizes = quick
  ? { analyzeMB: 1, batchDocs: 200, bullmqDocs: 500, apiSeconds: 3, growth: [100, 1000], storyDocs: 1000 }
  : { analyzeMB: 20, batchDocs: 4000, bullmqDocs: 2000, apiSeconds: 10, growth: [1000, 10000, 100000], storyDocs: 10000 };
if (growthArg >= 0) sizes.growth = args[growthArg + 1].split(',').map(Number);

function child(opts) {
  const out = execFileSync(process.execPath, [fileURLToPath(new URL('./batch-child.mjs', import.meta.url)), JSON.stringify(opts)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

const results = {
  date: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 1e9), node: process.version, platform: `${process.platform}-${process.arch}` },
};

const file = fileURLToPath(new URL(quick ? './results.quick.json' : './results.json', import.meta.url));
// With --only, the sections run now replace theirs in the existing file; the others are kept.
const previous = only && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
// Saved after every section, so that a long run that is stopped keeps what it measured.
const save = () => writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');

if (want('analyze')) Object.assign(results, await analyzeSection({ megabytes: sizes.analyzeMB, log }));
save();

if (want('batch')) {
  results.batch = { docs: sizes.batchDocs, docBytes: 5000, docsPerSec: {}, peakRssMB: {} };
  for (const [threads, model] of [[1, false], [2, false], [2, true]]) {
    const r = child({ mode: 'threads', docs: sizes.batchDocs, threads, model });
    const key = `threads${threads}${model ? 'Model' : ''}`;
    results.batch.docsPerSec[key] = r.docsPerSec;
    results.batch.peakRssMB[key] = r.peakRssMB;
    log(`batch: ${threads} thread(s)${model ? ' with the model' : ', rules only'}: ${r.docsPerSec} docs/s, peak RSS ${r.peakRssMB} MB`);
  }
}

save();

if (want('bullmq')) {
  const r = await bullmqSection({ docs: sizes.bullmqDocs, workerCounts: [1, 2], log });
  if (r) {
    results.batch ??= { docsPerSec: {}, peakRssMB: {} };
    for (const [n, v] of Object.entries(r)) {
      results.batch.docsPerSec[`bullmq${n}`] = v.docsPerSec;
      results.batch.peakRssMB[`bullmq${n}PerWorker`] = v.peakRssMBPerWorker;
    }
    results.batch.bullmq = r;
  }
}

save();

if (want('api')) {
  const api = await apiSection({ seconds: sizes.apiSeconds, log });
  results.api = api;
}

save();

// `--growth-model`: the growth runs analyse with the model too (the default of `framewise ingest`),
// recorded as `growthModel` next to the rules-only `growth`.
const growthModel = args.includes('--growth-model');
if (want('growth')) {
  const key = growthModel ? 'growthModel' : 'growth';
  results[key] = [];
  for (const docs of sizes.growth) {
    const r = child({ mode: 'growth', docs, threads: availableParallelism(), model: growthModel });
    results[key].push({ docs, docBytes: 5000, threads: r.threads, seconds: r.seconds, ingestSeconds: r.ingestSeconds, analyseSeconds: r.analyseSeconds, docsPerSec: r.docsPerSec, peakRssMB: r.peakRssMB, dbMB: r.dbMB });
    save();
    log(`${key}: ${docs} docs: ${r.seconds} s (ingest ${r.ingestSeconds} s, analyse ${r.analyseSeconds} s), peak RSS ${r.peakRssMB} MB`);
  }
}

save();

// Story clustering of stored documents on one core (bench/stories.mjs).
if (want('stories')) {
  results.stories = await storiesSection({ docs: sizes.storyDocs, log });
  save();
}

log(`wrote ${file}`);
