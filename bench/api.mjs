// POST /api/analyze with 5 KB articles under autocannon on loopback: latency at a fixed 100 requests
// per second (the target), and the most requests per second the server sustains.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { rng, article } from './corpus.mjs';
import { pacedLoad, percentile } from './paced-load.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function run(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

export async function apiSection({ seconds, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'framewise-api-'));
  const child = spawn(process.execPath, ['bench/api-child.mjs', join(dir, 'api.db')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.once('data', (b) => resolve(b.toString().trim()));
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    // A few different 5 KB articles, sent round-robin.
    const r = rng(404);
    const bodies = Array.from({ length: 8 }, () => JSON.stringify({ text: article(r, 5000) }));
    const requests = bodies.map((body) => ({ method: 'POST', path: '/api/analyze', headers: { 'content-type': 'application/json' }, body }));
    const base = { url: `${url}api/analyze`, requests, duration: seconds };
    // Warm-up at full speed, long enough for the threads' JIT to settle (a server runs for days).
    await run({ ...base, duration: Math.min(5, seconds), connections: 4 });
    // The target's reading of "100 requests per second": arrivals evenly paced, open loop.
    const paced = await pacedLoad({ url: base.url, bodies, rate: 100, seconds: seconds * 2 });
    // autocannon's rate limit sends each connection's share in a burst at the top of each second.
    const fixed = await run({ ...base, connections: 10, overallRate: 100 });
    const max = await run({ ...base, connections: 10 });
    const bad = paced.failed + fixed.non2xx + fixed.errors + max.non2xx + max.errors;
    if (bad > 0) throw new Error(`API benchmark saw ${bad} failed requests`);
    const ms = (p) => Math.round(percentile(paced.latenciesMs, p) * 10) / 10;
    const res = {
      threads: Number(process.env.FRAMEWISE_BENCH_API_THREADS ?? availableParallelism()),
      articleBytes: Math.round(bodies.reduce((n, b) => n + JSON.parse(b).text.length, 0) / bodies.length),
      atRate: 100,
      load: 'open loop, evenly paced arrivals, latency from the scheduled send time',
      requests: paced.ok,
      p50Ms: ms(50),
      p90Ms: ms(90),
      p99Ms: ms(99),
      maxMs: ms(100),
      achievedRps: Math.round(paced.achievedRps),
      autocannonBurst: { connections: 10, overallRate: 100, p50Ms: fixed.latency.p50, p99Ms: fixed.latency.p99, achievedRps: Math.round(fixed.requests.average) },
      rps: Math.round(max.requests.average),
      maxLoadP50Ms: max.latency.p50,
      maxLoadP99Ms: max.latency.p99,
    };
    log(`api: paced 100 rps p50 ${res.p50Ms} ms, p99 ${res.p99Ms} ms; autocannon burst of 100/s p50 ${fixed.latency.p50} ms, p99 ${fixed.latency.p99} ms; max ${res.rps} rps (p99 ${res.maxLoadP99Ms} ms)`);
    return res;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}
