// Single-core throughput of analyze() on the generated corpus, and of the peers on the same texts
// in the same process: write-good and retext + retext-intensify, one document per article.
//
// Every configuration is warmed up first, then measured over the whole corpus in several rounds
// whose order alternates (forward, then reversed): whichever runs first in a cold process pays for
// JIT compilation and for filling the word caches that the others then find full, and a machine
// shared with other jobs drifts over minutes. Each figure is the median over rounds, and each ratio
// the median of the ratios within one round.
import { createRequire } from 'node:module';
import { Analyzer, defaultConfig } from '../dist/src/index.js';
import { corpusTexts } from './corpus.mjs';

const require = createRequire(import.meta.url);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeIt(texts, fn) {
  const start = performance.now();
  for (const t of texts) fn(t);
  return (performance.now() - start) / 1000;
}

export async function analyzeSection({ megabytes, log, rounds = 3 }) {
  const texts = corpusTexts(megabytes);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const mb = bytes / 1e6;
  log(`analyze: ${texts.length} articles, ${mb.toFixed(1)} MB, ${rounds} rounds in alternating order`);

  const rules = new Analyzer({ config: { ...defaultConfig(), model: false } });
  const withModel = new Analyzer();
  const writeGood = require('write-good');
  const { retext } = await import('retext');
  const { default: retextIntensify } = await import('retext-intensify');
  const processor = retext().use(retextIntensify);
  const configs = [
    ['rules', 'analyze (rules + report layers)', (t) => rules.analyze(t)],
    ['detectors', 'analyze (rule detectors only, no report layers)', (t) => rules.analyze(t, { layers: false })],
    ['model', `analyze (default: rules + model ${withModel.engine.model ?? 'none shipped'})`, (t) => withModel.analyze(t)],
    ['writeGood', 'write-good', (t) => writeGood(t)],
    ['retext', 'retext + retext-intensify', (t) => processor.processSync(t)],
  ];

  // Warm-up: a slice of the corpus through every configuration, so JIT compilation is not billed.
  const warm = texts.slice(0, Math.min(200, texts.length));
  for (const [, , fn] of configs) timeIt(warm, fn);

  const sec = Object.fromEntries(configs.map(([k]) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? configs : [...configs].reverse();
    for (const [key, label, fn] of order) {
      const s = timeIt(texts, fn);
      sec[key].push(s);
      log(`  round ${r + 1}: ${label}: ${(mb / s).toFixed(2)} MB/s`);
    }
  }

  const r2 = (x) => Math.round(x * 100) / 100;
  const mbps = (key) => r2(mb / median(sec[key]));
  // Ratio of a's speed to b's, within each round (b's seconds over a's), then the median.
  const ratio = (a, b) => r2(median(sec[a].map((s, r) => sec[b][r] / s)));
  for (const [key, label] of configs) log(`${label}: ${mbps(key)} MB/s (median of ${rounds})`);
  return {
    analyze: {
      corpusMB: r2(mb),
      articles: texts.length,
      rounds,
      rulesMBps: mbps('rules'),
      detectorsOnlyMBps: mbps('detectors'),
      modelMBps: mbps('model'),
      model: withModel.engine.model,
      engine: `${rules.engine.version}+${rules.engine.rules}`,
      perRoundMBps: Object.fromEntries(configs.map(([k]) => [k, sec[k].map((s) => r2(mb / s))])),
    },
    peers: {
      writeGoodMBps: mbps('writeGood'),
      retextIntensifyMBps: mbps('retext'),
      rulesVsWriteGood: ratio('rules', 'writeGood'),
      rulesVsRetextIntensify: ratio('rules', 'retext'),
      detectorsOnlyVsRetextIntensify: ratio('detectors', 'retext'),
      modelVsRetextIntensify: ratio('model', 'retext'),
      modelVsRules: ratio('model', 'rules'),
    },
  };
}
