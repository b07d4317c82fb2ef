// Story clustering over stored documents (`framewise stories`, step one), single process, one core:
// generated documents (story-corpus.mjs) are stored in a fresh SQLite file (not timed), then
// grouped into stories from scratch (timed: reading every text, terms, TF-IDF, clustering,
// titles, saving), then grouped again with nothing new (timed), then 5% more documents, the
// latest by date, arrive and join (timed: only their neighbourhood in time is read). Pairwise precision and recall against the generated events say that the clustering
// did real work; they are not the quality figures (those come from the written fixtures,
// docs/stories.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../dist/src/store/sqlite.js';
import { updateStories } from '../dist/src/stories/update.js';
import { storyCorpus } from './story-corpus.mjs';

const pairs = (n) => (n * (n - 1)) / 2;

/** Pairwise precision and recall from a contingency of (predicted story, gold event) counts. */
function pairwise(pred, gold) {
  const cells = new Map();
  const byPred = new Map();
  const byGold = new Map();
  for (const [doc, p] of pred) {
    const g = gold.get(doc);
    cells.set(`${p}\u0000${g}`, (cells.get(`${p}\u0000${g}`) ?? 0) + 1);
    byPred.set(p, (byPred.get(p) ?? 0) + 1);
    byGold.set(g, (byGold.get(g) ?? 0) + 1);
  }
  let tp = 0;
  for (const n of cells.values()) tp += pairs(n);
  let predPairs = 0;
  for (const n of byPred.values()) predPairs += pairs(n);
  let goldPairs = 0;
  for (const n of byGold.values()) goldPairs += pairs(n);
  const precision = tp / predPairs;
  const recall = tp / goldPairs;
  return { precision: +precision.toFixed(3), recall: +recall.toFixed(3), f1: +((2 * precision * recall) / (precision + recall)).toFixed(3) };
}

export async function storiesSection({ docs, log }) {
  const extra = Math.round(docs * 0.05);
  // New documents arrive last: the latest 5% by date come in after the first run.
  const corpus = storyCorpus({ count: docs + extra }).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const dir = mkdtempSync(join(tmpdir(), 'framewise-bench-stories-'));
  const store = await openSqliteStore(join(dir, 'stories.db'));
  try {
    const first = corpus.slice(0, docs);
    const ids = [];
    for (let i = 0; i < first.length; i += 1000) ids.push(...(await store.insertDocuments(first.slice(i, i + 1000))).map((r) => r.id));
    const textMB = first.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6;
    log(`stories: ${docs} documents stored (${textMB.toFixed(1)} MB of text); clustering`);

    let t = performance.now();
    const cpu = process.cpuUsage();
    const full = await updateStories(store);
    const fullSeconds = (performance.now() - t) / 1000;
    // CPU time of this process (one thread does the work): what the run costs whatever else the machine runs.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    log(`stories: ${full.assigned} documents into ${full.created.length} stories in ${fullSeconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s of CPU)`);

    t = performance.now();
    const again = await updateStories(store);
    const rerunSeconds = (performance.now() - t) / 1000;

    const more = corpus.slice(docs);
    const moreIds = [];
    for (let i = 0; i < more.length; i += 1000) moreIds.push(...(await store.insertDocuments(more.slice(i, i + 1000))).map((r) => r.id));
    t = performance.now();
    const inc = await updateStories(store);
    const incSeconds = (performance.now() - t) / 1000;
    log(`stories: rerun with nothing new ${rerunSeconds.toFixed(3)} s; ${more.length} new documents placed in ${incSeconds.toFixed(2)} s (${inc.created.length} new stories, ${inc.updated.length} grew)`);

    const gold = new Map([...ids.map((id, i) => [id, first[i].event]), ...moreIds.map((id, i) => [id, more[i].event])]);
    const pred = await store.storyOf();
    const quality = pairwise(pred, gold);
    log(`stories: pairwise against the generated events P ${quality.precision} R ${quality.recall} F1 ${quality.f1}`);
    return {
      docs,
      textMB: +textMB.toFixed(1),
      seconds: +fullSeconds.toFixed(2),
      cpuSeconds: +cpuSeconds.toFixed(2),
      docsPerSec: Math.round(docs / fullSeconds),
      stories: full.created.length,
      rerunSeconds: +rerunSeconds.toFixed(3),
      rerunPlaced: again.assigned,
      incremental: { docs: more.length, seconds: +incSeconds.toFixed(2), created: inc.created.length, grew: inc.updated.length },
      generatedEvents: new Set(gold.values()).size,
      pairwise: quality,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
