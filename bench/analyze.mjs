// Single-core throughput of analyze() on the generated corpus, and of the peers on the same texts
// in the same process: write-good and retext + retext-intensify, one document per article.
import { createRequire } from 'node:module';
import { Analyzer, defaultConfig } from '../dist/src/index.js';
import { corpusTexts } from './corpus.mjs';

const require = createRequire(import.meta.url);

function timeIt(texts, fn) {
  // Warm up on a slice so that JIT compilation is not billed to the measurement.
  for (const t of texts.slice(0, Math.min(50, texts.length))) fn(t);
  const start = performance.now();
  for (const t of texts) fn(t);
  return (performance.now() - start) / 1000;
}

export async function analyzeSection({ megabytes, log }) {
  const texts = corpusTexts(megabytes);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const mb = bytes / 1e6;
  log(`analyze: ${texts.length} articles, ${mb.toFixed(1)} MB`);

  const rules = new Analyzer({ config: { ...defaultConfig(), model: false } });
  const rulesSec = timeIt(texts, (t) => rules.analyze(t));
  log(`analyze (rules + report layers): ${(mb / rulesSec).toFixed(2)} MB/s`);
  const detSec = timeIt(texts, (t) => rules.analyze(t, { layers: false }));
  log(`analyze (rule detectors only, no report layers): ${(mb / detSec).toFixed(2)} MB/s`);

  const withModel = new Analyzer();
  const modelSec = timeIt(texts, (t) => withModel.analyze(t));
  log(`analyze (default: rules + model ${withModel.engine.model ?? 'none shipped'}): ${(mb / modelSec).toFixed(2)} MB/s`);

  const writeGood = require('write-good');
  const wgSec = timeIt(texts, (t) => writeGood(t));
  log(`write-good: ${(mb / wgSec).toFixed(2)} MB/s`);
  const { retext } = await import('retext');
  const { default: retextIntensify } = await import('retext-intensify');
  const processor = retext().use(retextIntensify);
  const riSec = timeIt(texts, (t) => processor.processSync(t));
  log(`retext + retext-intensify: ${(mb / riSec).toFixed(2)} MB/s`);

  const r2 = (x) => Math.round(x * 100) / 100;
  return {
    analyze: {
      corpusMB: r2(mb),
      articles: texts.length,
      rulesMBps: r2(mb / rulesSec),
      detectorsOnlyMBps: r2(mb / detSec),
      modelMBps: r2(mb / modelSec),
      model: withModel.engine.model,
      engine: `${rules.engine.version}+${rules.engine.rules}`,
    },
    peers: {
      writeGoodMBps: r2(mb / wgSec),
      retextIntensifyMBps: r2(mb / riSec),
      rulesVsWriteGood: r2(wgSec / rulesSec),
      rulesVsRetextIntensify: r2(riSec / rulesSec),
      detectorsOnlyVsRetextIntensify: r2(riSec / detSec),
      modelVsRetextIntensify: r2(riSec / modelSec),
      modelVsRules: r2(rulesSec / modelSec),
    },
  };
}
