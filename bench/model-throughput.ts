/**
 * analyze() throughput with and without the shipped model, on the PTC training texts (read from the
 * data folder at run time). Usage: npx tsx bench/model-throughput.ts [--docs 100] [--model FILE]
 */
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/analysis/analyzer.js';
import { loadDefaultModel } from '../src/analysis/model-hook.js';
import { loadRecords } from '../src/eval/records.js';
import { loadModelFile } from '../src/model/artefact.js';
import { modelDetector } from '../src/model/detector.js';
import { dataFile } from '../src/model/resources.js';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '120' }, model: { type: 'string' }, rounds: { type: 'string', default: '2' } } });
const texts = loadRecords(dataFile('ptc/train.jsonl')).slice(0, Number(values.docs)).map((r) => r.text ?? '');
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const t0 = performance.now();
const model = values.model ? modelDetector(loadModelFile(values.model).model) : loadDefaultModel();
const loadMs = performance.now() - t0;
if (!model) throw new Error('no model artefact found');

function run(analyzer: Analyzer): number {
  for (const t of texts.slice(0, 10)) analyzer.analyze(t); // warm up
  let best = Infinity;
  for (let r = 0; r < Number(values.rounds); r++) {
    const s = performance.now();
    for (const t of texts) analyzer.analyze(t);
    best = Math.min(best, performance.now() - s);
  }
  return bytes / 1e6 / (best / 1000);
}

const rules = run(new Analyzer({ model: null }));
const withModel = run(new Analyzer({ model }));
console.log(`model load ${loadMs.toFixed(0)} ms; ${texts.length} docs, ${(bytes / 1e6).toFixed(2)} MB`);
console.log(`rules only: ${rules.toFixed(2)} MB/s; rules + model: ${withModel.toFixed(2)} MB/s (${((withModel / rules) * 100).toFixed(0)}% of rules-only)`);
