// Times the sourcing, quotation, claims and actors layers on real news text (the PTC training
// articles, read from ../shared/data or $FRAMEWISE_DATA; never copied into the repo), and prints the
// sourcing mix they find. Run: npx tsx bench/sourcing-layers.ts
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../src/analysis/analyzer.js';
import { buildActors } from '../src/layers/framing/report.js';
import { buildClaims } from '../src/layers/claims/layer.js';
import { aggregateSourcing } from '../src/layers/sourcing/aggregate.js';
import { buildSourcing } from '../src/layers/sourcing/layer.js';
import { createLayerContext } from '../src/layers/contract.js';
import { segment } from '../src/text/segment.js';
import type { Report } from '../src/core/report.js';
import { preparedVocab } from '../src/lexicon/per-vocab.js';

/** Texts are tokenised with one vocabulary, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const data = process.env.FRAMEWISE_DATA ?? join(root, '..', 'shared', 'data');
const texts = readFileSync(join(data, 'ptc', 'train.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const analyzer = new Analyzer({ model: null });
for (const t of texts.slice(0, 20)) analyzer.analyze(t); // warm up

function time(label: string, fn: () => void, rounds = 3): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(0).padStart(6)} ms  ${((bytes / 1e6) / (best / 1000)).toFixed(2)} MB/s`);
  return best;
}

console.log(`${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB`);
const docs = texts.map((t) => segment(t, vocab));
time('segment only', () => { for (const t of texts) segment(t, vocab); });
time('sourcing + quotations + actors + claims', () => {
  for (let k = 0; k < texts.length; k++) {
    const doc = segment(texts[k]!, vocab);
    const report = { findings: [] } as unknown as Report;
    const span = (s: number, e: number) => ({ start: s, end: e, text: texts[k]!.slice(s, e) });
    const ctx = createLayerContext({ doc, report, span });
    buildSourcing(ctx);
    buildActors(ctx);
    buildClaims(ctx);
  }
});
time('analyze, all layers', () => { for (const t of texts) analyzer.analyze(t); });
time('analyze, no layers', () => { for (const t of texts) analyzer.analyze(t, { layers: false }); });
void docs;

const reports = texts.map((t) => analyzer.analyze(t));
const agg = aggregateSourcing(reports);
console.log('sourcing mix on these articles:', JSON.stringify(agg.shares), 'weak', agg.weakShare, 'quotes', agg.quotations, 'loaded verbs', agg.loadedVerbShare, 'claims', agg.claims, 'accusations', agg.accusations);
