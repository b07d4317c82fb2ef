// Prints the frames and intensity evaluation numbers reported in docs/evaluation.md
// ("Frames and intensity"). Run: npx tsx scripts/eval-frames-intensity.ts
import { fileURLToPath } from 'node:url';
import { crossValidateFrames, evaluateHoldout } from '../src/layers/frames/evaluate.js';
import { loadCalibration, runCalibration } from '../src/layers/intensity/calibration.js';
import { IntensityScorer } from '../src/layers/intensity/score.js';
import { loadRated, rateAgreement, RATED_FILE, RATED_HOLDOUT_FILE } from '../src/layers/intensity/rating.js';
import { Analyzer } from '../src/analysis/analyzer.js';
import { WIRE_REPORT } from '../src/layers/intensity/test-support/texts.js';
import { toOriginalSpan } from '../src/text/normalise.js';
import { segment } from '../src/text/segment.js';
import { preparedVocab } from '../src/lexicon/per-vocab.js';

/** Texts are tokenised with one vocabulary, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

console.log('frames, 5-fold CV over the written examples:', crossValidateFrames(5));
console.log('frames, held-out sentences:', evaluateHoldout());
const cal = runCalibration();
console.log('intensity calibration (tuned sets):', { sets: cal.sets, sentences: cal.sentences, meanSpearman: cal.meanSpearman, pooledSpearman: cal.pooledSpearman, strictlyOrdered: cal.strictlyOrdered });
const hold = runCalibration(undefined, loadCalibration(fileURLToPath(new URL('../src/layers/intensity/calibration-holdout.yaml', import.meta.url))));
console.log('intensity calibration (held-out sets):', { sets: hold.sets, sentences: hold.sentences, meanSpearman: hold.meanSpearman, pooledSpearman: hold.pooledSpearman, strictlyOrdered: hold.strictlyOrdered });
const mean = (k: number) => Math.round((cal.details.reduce((s, d) => s + d.scores[k]!, 0) / cal.details.length) * 10) / 10;
console.log('mean score by position in set (tuned):', [0, 1, 2, 3, 4].map(mean));
const doc = segment(WIRE_REPORT, vocab);
const wire = new IntensityScorer().score(doc, (s, e) => {
  const [a, b] = toOriginalSpan(doc.nt, s, e);
  return { start: a, end: b, text: WIRE_REPORT.slice(a, b) };
});
console.log('neutral wire report:', { score: wire.score, band: wire.band, peak: wire.peak });
// Agreement with the sentences rated by the guide (README.md): the held-out part was never tuned on.
const analyzer = new Analyzer();
const score = (t: string) => analyzer.analyze(t).intensity!.score;
for (const [name, file] of [['tuning (rated.yaml)', RATED_FILE], ['held out (rated-holdout.yaml)', RATED_HOLDOUT_FILE]] as const) {
  const r = rateAgreement(loadRated(file), score);
  console.log(`rated sentences, ${name}:`, { sentences: r.sentences, exact: r.exact, withinOne: r.withinOne, spearman: r.spearman, meanScore: r.meanScore });
  console.log('  confusion (rows: rated wire..hate; columns: scored neutral..extreme):', JSON.stringify(r.confusion));
}
