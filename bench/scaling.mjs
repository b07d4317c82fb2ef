// Time per MB of each analysis stage on normal, repetitive and random text of growing size:
// `node bench/scaling.mjs [--sizes 0.25,1,4] [--rounds 2] [--shapes normal,repetitive,random] [--no-model]`
// after `npm run build`. A stage is near-linear when its ms/MB stays flat as the size grows; the
// shapes should stay within a small factor of normal text. Stages are timed one by one
// (src/analysis/stages.ts: segment, rules, each code detector, model, finalise, each layer); a
// stage's best time over the rounds is shown. A benchmark, not a test: it asserts nothing
// (src/analysis/scaling.test.ts asserts the ratios).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { shapedText, SHAPES } from './shapes.mjs';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '0.25,1' }, rounds: { type: 'string', default: '2' }, 'no-model': { type: 'boolean', default: false }, shapes: { type: 'string' }, all: { type: 'boolean', default: false } } });
const { StageTimer } = await import(pathToFileURL(resolve('dist/src/analysis/stages.js')).href);
const timer = new StageTimer({ model: !values['no-model'] });
timer.time(shapedText('normal', 20_000, 3));
const shapes = values.shapes ? values.shapes.split(',') : SHAPES;
for (const mb of values.sizes.split(',').map(Number)) {
  for (const shape of shapes) {
    const text = shapedText(shape, mb * 1e6, 5);
    const size = Buffer.byteLength(text) / 1e6;
    const best = new Map();
    for (let r = 0; r < Number(values.rounds); r++) for (const [k, v] of timer.time(text).stages) best.set(k, Math.min(best.get(k) ?? Infinity, v));
    const total = [...best.values()].reduce((a, b) => a + b, 0);
    // Stages under 1% of the total are left out of the line unless --all.
    const shown = [...best].filter(([, v]) => values.all || v >= total / 100).map(([k, v]) => `${k.replace(/^(code|layer):/, '')} ${(v / size).toFixed(0)}`);
    console.log(`${shape.padEnd(10)} ${size.toFixed(2)} MB: ${(total / size).toFixed(0)} ms/MB (${shown.join(', ')})`);
  }
}
