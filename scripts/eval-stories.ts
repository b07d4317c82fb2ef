/**
 * Scores story clustering, omissions and misleading headlines on the story fixture corpus
 * (src/stories/fixtures): `npx tsx scripts/eval-stories.ts [--part tuning|heldout|all] [--json]
 * [--threshold X --decay X --align X --coverage X] [--show]`.
 * Thresholds are chosen on the tuning part only; the held-out part is scored, never tuned on.
 */
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/analysis/analyzer.js';
import { evaluateStories, type StoryEvaluation } from '../src/stories/test-support/evaluate.js';
import type { Part } from '../src/stories/test-support/corpus.js';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'tuning' },
    json: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    threshold: { type: 'string' },
    decay: { type: 'string' },
    align: { type: 'string' },
    coverage: { type: 'string' },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const parts: Part[] = values.part === 'all' ? ['tuning', 'heldout'] : [values.part as Part];
// Rules only: the facts come from the sourcing, claims and actors layers, which the model does not change.
const analyzer = new Analyzer({ model: null });
const results: StoryEvaluation[] = [];
for (const part of parts) {
  results.push(
    await evaluateStories(
      part,
      analyzer,
      { threshold: num(values.threshold), decay: num(values.decay) },
      { alignThreshold: num(values.align), coverage: num(values.coverage) },
    ),
  );
}
const f = (x: number) => x.toFixed(3);
if (values.json) {
  process.stdout.write(JSON.stringify(results.map(({ wrong: _w, missed: _m, ...r }) => r), null, 2) + '\n');
} else {
  for (const r of results) {
    console.log(`${r.part}: ${r.events} events, ${r.documents} documents, ${r.clustering.predictedStories} stories found`);
    console.log(`  clustering  pairwise P ${f(r.clustering.precision)} R ${f(r.clustering.recall)} F1 ${f(r.clustering.f1)}`);
    console.log(`  omissions   P ${f(r.omissions.precision)} (${r.omissions.correct}/${r.omissions.reported}) R ${f(r.omissions.recall)} (${r.omissions.recalled}/${r.omissions.gold}) F1 ${f(r.omissions.f1)}`);
    console.log(`  headlines   P ${f(r.headlines.precision)} (${r.headlines.correct}/${r.headlines.flagged}) R ${f(r.headlines.recall)} (${r.headlines.correct}/${r.headlines.gold})`);
    if (values.show) {
      for (const w of r.wrong) console.log(`    wrong  ${w.document}: [${w.label ?? '-'}] ${w.fact}`);
      for (const m of r.missed) console.log(`    missed ${m.document}: ${m.fact}`);
    }
  }
}
