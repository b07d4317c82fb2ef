// A/B throughput of analyze() (default: rules + model + layers) between two builds in ONE process
// (use an even number of rounds: odd rounds use analyzers built base first, even rounds current first):
// `node bench/ab.mjs [--base DIR] [--mb 4] [--rounds 6]`, where DIR holds the other build's
// dist/src (default: $FRAMEWISE_BASELINE or ../baseline). Chunks of 16 articles alternate between the
// two so that machine drift and JIT warm-up hit both alike; prints the ratio current/base of
// throughput per round and its median. A benchmark, not a test: it asserts nothing.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusTexts } from './corpus.mjs';

const { values } = parseArgs({ options: { base: { type: 'string' }, mb: { type: 'string', default: '4' }, rounds: { type: 'string', default: '6' }, 'no-model': { type: 'boolean', default: false } } });
const baseDir = resolve(values.base ?? process.env.FRAMEWISE_BASELINE ?? '../baseline');
const baseIndex = resolve(baseDir, 'dist/src/index.js');
if (!existsSync(baseIndex)) {
  process.stderr.write(`bench/ab: no build at ${baseIndex} (build the other commit there first)\n`);
  process.exit(2);
}
const cur = await import(pathToFileURL(resolve('dist/src/index.js')).href);
const base = await import(pathToFileURL(baseIndex).href);
const model = !values['no-model'];
const make = (m) => new m.Analyzer(model ? {} : { model: null });
// Two pairs of analyzers, built in opposite orders: whichever is built second runs a few percent
// slower (two identical builds read 0.94-0.98 with one pair), so rounds alternate between the pairs.
const pair1 = [make(base), make(cur)];
const builtFirst = make(cur);
const pairs = [pair1, [make(base), builtFirst]];
const texts = corpusTexts(Number(values.mb));
const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
for (const [x, y] of pairs) for (const t of texts.slice(0, 100)) { x.analyze(t); y.analyze(t); }
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ratios = [];
for (let r = 0; r < Number(values.rounds); r++) {
  const [a, b] = pairs[r % 2];
  let ta = 0, tb = 0;
  for (let i = 0; i < texts.length; i += 16) {
    const chunk = texts.slice(i, i + 16);
    const first = (i / 16 + r) % 2 === 0;
    for (const [an, add] of first ? [[a, 'a'], [b, 'b']] : [[b, 'b'], [a, 'a']]) {
      const t0 = performance.now();
      for (const t of chunk) an.analyze(t);
      const dt = performance.now() - t0;
      if (add === 'a') ta += dt; else tb += dt;
    }
  }
  ratios.push(ta / tb);
  console.log(`round ${r + 1}: base ${(mb / (ta / 1000)).toFixed(2)} MB/s, current ${(mb / (tb / 1000)).toFixed(2)} MB/s, ratio ${(ta / tb).toFixed(3)}`);
}
console.log(`median ratio current/base (${model ? 'with the model' : 'rules only'}): ${median(ratios).toFixed(3)} over ${ratios.length} rounds of ${mb.toFixed(1)} MB`);
