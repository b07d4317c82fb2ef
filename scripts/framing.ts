/**
 * The framing classifier on the annotated set (src/layers/framing/data):
 *   npx tsx scripts/framing.ts cv        5-fold CV over the train split (calibration fitted out of fold); prints the scores
 *   npx tsx scripts/framing.ts train     CV for the calibration, then fits on the whole train split and writes
 *                                        src/layers/framing/model.json with a model card (CV and held-out figures)
 * Options: --folds N, --json, --set name=value (a TrainSettings field), --out FILE (train), --no-heldout (train:
 * skip the held-out score), --no-basics (leave out the basic cases of src/training/framing-basics.ts). The held-out split is never used for any choice: `train` scores it once, after fitting.
 * `npm run eval:framing` runs `cv`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadFramingData } from '../src/layers/framing/data.js';
import { growingStems } from '../src/layers/framing/features.js';
import { MODEL_FILE } from '../src/layers/framing/model.js';
import { DEFAULT_FRAMING_SETTINGS, fitFraming, prepareFraming, trainingValence, type TrainSettings } from '../src/training/framing.js';
import { basicRecords } from '../src/training/framing-basics.js';
import { artefactOf, crossValidate, fitCalibration, readingsOf, scoreReadings } from '../src/training/framing-cv.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folds: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
    out: { type: 'string' },
    'no-heldout': { type: 'boolean', default: false },
    'no-basics': { type: 'boolean', default: false },
  },
});
const mode = positionals[0] ?? 'cv';
const s: TrainSettings = { ...DEFAULT_FRAMING_SETTINGS };
for (const kv of values.set!) {
  const [k, v] = kv.split('=');
  if (!(k! in s)) throw new Error(`unknown setting ${k}`);
  (s as unknown as Record<string, number>)[k!] = Number(v);
}
const log = (m: string) => process.stderr.write(m + '\n');
const t0 = Date.now();
const records = loadFramingData();
const stems = growingStems();
const { table, valence } = trainingValence();
const docs = prepareFraming(records, stems, valence);
const basics = values['no-basics'] ? [] : prepareFraming(basicRecords(), stems, valence);
const train = docs.filter((d) => d.split === 'train');
const heldout = docs.filter((d) => d.split === 'heldout');
/** The sets of long articles about the real war and real climate politics (reported apart). */
const LONG_SETS = new Set(['urw', 'ccnews']);
log(`prepared ${docs.length} texts (${train.length} train, ${heldout.length} held out), ${docs.reduce((n, d) => n + d.mentions.length, 0)} mentions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const folds = Number(values.folds);
const oof = crossValidate(train, stems.stems, folds, s, log, basics);
const cal = fitCalibration(oof);
const fullFit = fitFraming([...train, ...basics], s);
const cv = scoreReadings(oof, cal, fullFit.trainPrior);
const pct = (x: number) => (x * 100).toFixed(1);
/** Per main role F1 of a given-mention score, for the summary line. */
const roleF1 = (g: ReturnType<typeof scoreReadings>['given']) => ` (F1 protagonist ${pct(g.perRole.protagonist.f1)}, antagonist ${pct(g.perRole.antagonist.f1)}, innocent ${pct(g.perRole.innocent.f1)})`;
const summary = (name: string, r: ReturnType<typeof scoreReadings>) => [
  `${name}: ${r.mentions} mentions`,
  `  report setting (4 roles, unframed below the cut): accuracy ${pct(r.report.accuracy)}, macro-F1 ${pct(r.report.macroF1)} ` +
    `(protagonist ${pct(r.report.perRole.protagonist)}, antagonist ${pct(r.report.perRole.antagonist)}, innocent ${pct(r.report.perRole.innocent)}, unframed ${pct(r.report.perRole.unframed)})`,
  `  given mentions, training prior: accuracy ${pct(r.given.mainRoleAccuracy)}, macro-F1 ${pct(r.given.mainRoleMacroF1)}, EMR ${pct(r.given.emr)}, archetype micro-F1 ${pct(r.given.fineMicroF1)} (constant antagonist ${pct(r.constantAntagonist)})${roleF1(r.given)}`,
  `  given mentions, news prior:     accuracy ${pct(r.givenNews.mainRoleAccuracy)}, macro-F1 ${pct(r.givenNews.mainRoleMacroF1)}, EMR ${pct(r.givenNews.emr)}, archetype micro-F1 ${pct(r.givenNews.fineMicroF1)}${roleF1(r.givenNews)}`,
  `  source's casting inside reported words (src= labels): ${pct(r.source.accuracy)} of ${r.source.mentions}`,
].join('\n');

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const brief = (r: ReturnType<typeof scoreReadings>) => ({
  mentions: r.mentions,
  report: { accuracy: r4(r.report.accuracy), macroF1: r4(r.report.macroF1) },
  given: { accuracy: r4(r.given.mainRoleAccuracy), macroF1: r4(r.given.mainRoleMacroF1), emr: r4(r.given.emr), fineMicroF1: r4(r.given.fineMicroF1) },
  givenNewsPrior: { accuracy: r4(r.givenNews.mainRoleAccuracy), macroF1: r4(r.givenNews.mainRoleMacroF1), emr: r4(r.givenNews.emr), fineMicroF1: r4(r.givenNews.fineMicroF1) },
  source: { mentions: r.source.mentions, accuracy: r4(r.source.accuracy) },
  constantAntagonist: r4(r.constantAntagonist),
});

if (mode === 'cv') {
  if (values.json) process.stdout.write(JSON.stringify({ calibration: cal, cv: brief(cv) }) + '\n');
  else process.stdout.write(`${summary(`${folds}-fold CV over the train split`, cv)}\n  calibration: ${JSON.stringify({ ...cal, archetypeCut: undefined })}\n`);
} else if (mode === 'train') {
  const card: Record<string, unknown> = {
    data: 'src/layers/framing/data (written for this project; see docs/framing-annotation-guide.md)',
    texts: { train: train.length, heldout: heldout.length },
    settings: s,
    cv: { folds, ...brief(cv) },
  };
  if (!values['no-heldout'] && heldout.length > 0) {
    const model = artefactOf(fullFit, stems.stems, cal);
    void model;
    const heldReadings = readingsOf([...train, ...basics], heldout, stems.stems, s);
    const held = scoreReadings(heldReadings, cal, fullFit.trainPrior);
    card.heldout = brief(held);
    process.stdout.write(`${summary('held-out split (scored once)', held)}\n`);
    // The same readings, split into the long real-topic articles (urw, ccnews) and the short texts.
    const isLong = (r: (typeof heldReadings)[number]) => LONG_SETS.has(r.doc.dispute);
    for (const [name, keep] of [['  of which long real-topic articles', isLong], ['  of which the short texts', (r: (typeof heldReadings)[number]) => !isLong(r)]] as const) {
      const part = heldReadings.filter(keep);
      if (part.length > 0) process.stdout.write(`${summary(name, scoreReadings(part, cal, fullFit.trainPrior))}\n`);
    }
  }
  process.stdout.write(`${summary(`${folds}-fold CV over the train split`, cv)}\n`);
  // Only the stems that some kept feature uses are stored.
  const art = artefactOf(fullFit, stems.stems, cal, card, table);
  const file = values.out ?? MODEL_FILE;
  writeFileSync(file, JSON.stringify(art) + '\n');
  log(`wrote ${file} (${art.main.keys.length} main features, ${art.archetypes.keys.length} archetype features)`);
} else {
  throw new Error(`unknown mode ${mode} (cv or train)`);
}
