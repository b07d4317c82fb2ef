// Prints the intensity of every article of the demo corpus (demo/corpus.jsonl) and the band
// distribution per camp: the band chart of the web UI shows these. Reported in docs/evaluation.md.
// Run: npx tsx scripts/demo-intensity.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../src/analysis/analyzer.js';
import { INTENSITY_BANDS } from '../src/core/intensity.js';

const file = fileURLToPath(new URL('../demo/corpus.jsonl', import.meta.url));
const analyzer = new Analyzer();
const bands = new Map<string, Record<string, number>>();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const a = JSON.parse(line) as { outlet: string; tags: string[]; text: string };
  const r = analyzer.analyze(a.text).intensity!;
  const camp = a.tags.find((t) => t.startsWith('camp:'))!.slice(5);
  const type = a.tags.find((t) => t.startsWith('type:'))!.slice(5);
  console.log(`${a.outlet.padEnd(24)} ${camp.padEnd(9)} ${type.padEnd(9)} score ${String(r.score).padStart(5)} peak ${String(r.peak).padStart(5)} ${r.band}`);
  const row = bands.get(camp) ?? Object.fromEntries(INTENSITY_BANDS.map((b) => [b, 0]));
  row[r.band]!++;
  bands.set(camp, row);
}
for (const [camp, row] of bands) console.log(camp.padEnd(9), INTENSITY_BANDS.map((b) => `${b} ${row[b]}`).join(', '));
