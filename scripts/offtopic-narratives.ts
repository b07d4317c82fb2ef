/**
 * How often each narrative pack chooses a narrative on ordinary news: the PTC training articles
 * (../shared/data/ptc/train.jsonl, US and world news of 2017-2018, read at run time), none of them
 * about the Ukraine war or climate politics and few about a territorial or ethnic dispute. Not a
 * labelled set: a proxy for false positives, reported beside the held-out scores. Prints per pack
 * the share of articles given at least one narrative and the labels chosen most often.
 *   npx tsx scripts/offtopic-narratives.ts [pack ...]
 */
import { readFileSync } from 'node:fs';
import { Analyzer } from '../src/analysis/analyzer.js';
import { dataFile } from '../src/model/resources.js';

const packs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const docs = readFileSync(dataFile('ptc/train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
for (const pack of packs.length ? packs : ['disputes', 'ukraine-russia-war', 'climate-change']) {
  const a = new Analyzer({ model: null, narratives: pack });
  const counts = new Map<string, number>();
  let given = 0;
  for (const d of docs) {
    const labels = a.analyze(d.text).narratives!.narratives.filter((l) => l !== 'Other');
    if (labels.length) given++;
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const top = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 6);
  console.log(`${pack}: ${given} of ${docs.length} articles (${((100 * given) / docs.length).toFixed(1)}%) given a narrative; most often: ${top.map(([l, n]) => `${l} ${n}`).join('; ') || 'none'}`);
}
