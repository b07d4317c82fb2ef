// Trains the weights of the shipped narrative packs from their examples and their training
// documents (src/layers/narratives/fixtures/*.train.yaml) and writes them beside the packs:
// `npx tsx scripts/train-narratives.ts [pack...]`. Deterministic: the same files give the same weights.
import { join } from 'node:path';
import { FIXTURES_DIR } from '../src/layers/narratives/fixtures.js';
import { trainNarrativePacks } from '../src/training/narratives.js';

const TRAIN_DOCS: Record<string, string[]> = {
  disputes: ['disputes-docs.train.yaml'],
  'ukraine-russia-war': ['urw-docs.train.yaml', 'urw-news.train.yaml', 'urw-long.train.yaml'],
  'climate-change': ['cc-docs.train.yaml', 'cc-news.train.yaml', 'cc-long.train.yaml'],
};
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TRAIN_DOCS);
for (const name of names) {
  const t0 = Date.now();
  const [run] = trainNarrativePacks([name], (TRAIN_DOCS[name] ?? []).map((f) => join(FIXTURES_DIR, f)), { log: (m) => console.error(m) });
  console.log(`${run!.pack}: ${run!.documents} documents, weights in ${run!.file} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
