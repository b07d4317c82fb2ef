/**
 * Where the framing classifier errs, on out-of-fold predictions (5-fold CV over the train split; the
 * held-out split is never read): confusion of the main roles in the given-mention setting, split by
 * the voice the mention stands in (author's words or a source's), by style and by dispute.
 *   npx tsx scripts/framing-errors.ts [--folds N] [--set name=value] [--list]   (--list prints each error in context)
 */
import { parseArgs } from 'node:util';
import { MAIN_ROLES, type MainRole } from '../src/core/framing.js';
import { loadFramingData } from '../src/layers/framing/data.js';
import { growingStems } from '../src/layers/framing/features.js';
import { DEFAULT_FRAMING_SETTINGS, prepareFraming, trainingValence, type TrainSettings } from '../src/training/framing.js';
import { basicRecords } from '../src/training/framing-basics.js';
import { calibrated, crossValidate, fitCalibration, type Reading } from '../src/training/framing-cv.js';

const { values } = parseArgs({ options: { folds: { type: 'string', default: '5' }, set: { type: 'string', multiple: true, default: [] }, list: { type: 'boolean', default: false } } });
const s: TrainSettings = { ...DEFAULT_FRAMING_SETTINGS };
for (const kv of values.set!) { const [k, v] = kv.split('='); (s as unknown as Record<string, number>)[k!] = Number(v); }
const stems = growingStems();
const { valence } = trainingValence();
const train = prepareFraming(loadFramingData(), stems, valence).filter((d) => d.split === 'train');
const basics = prepareFraming(basicRecords(), stems, valence);
const oof = crossValidate(train, stems.stems, Number(values.folds), s, () => {}, basics);
const cal = fitCalibration(oof);
const probs = calibrated(oof, cal.temperature, cal.actorWeight);
const pred = (p: Float64Array): MainRole => MAIN_ROLES[[0, 1, 2].reduce((b, c) => (p[c]! > p[b]! ? c : b), 0)]!;

type Row = { r: Reading; y: MainRole };
const rows: Row[] = oof.flatMap((r, k) => (r.m.gold.main === 'unframed' ? [] : [{ r, y: pred(probs[k]!) }]));
const voiceOf = (r: Reading) => (r.m.neutral ? 'source' : 'author');
function table(name: string, part: Row[]) {
  const acc = part.filter((x) => x.y === x.r.m.gold.main).length / Math.max(1, part.length);
  const lines = [`${name}: ${part.length} mentions, accuracy ${(acc * 100).toFixed(1)}`, `  gold\\pred   ${MAIN_ROLES.map((r) => r.padStart(12)).join('')}`];
  for (const g of MAIN_ROLES) lines.push(`  ${g.padEnd(12)}${MAIN_ROLES.map((p) => String(part.filter((x) => x.r.m.gold.main === g && x.y === p).length).padStart(12)).join('')}`);
  console.log(lines.join('\n'));
}
table('all', rows);
for (const v of ['author', 'source']) table(`voice ${v}`, rows.filter((x) => voiceOf(x.r) === v));
for (const st of [...new Set(rows.map((x) => x.r.doc.style))]) table(`style ${st}`, rows.filter((x) => x.r.doc.style === st));
for (const d of [...new Set(rows.map((x) => x.r.doc.dispute))]) {
  const part = rows.filter((x) => x.r.doc.dispute === d);
  console.log(`dispute ${d}: ${part.length}, accuracy ${((part.filter((x) => x.y === x.r.m.gold.main).length / part.length) * 100).toFixed(1)}`);
}
if (values.list) {
  for (const { r, y } of rows) {
    if (y === r.m.gold.main) continue;
    const sp = r.doc.ctx.spans[r.m.span]!;
    const t = r.doc.ctx.doc.tokens;
    const text = r.doc.ctx.doc.text;
    const a = Math.max(0, sp.a - 12);
    const b = Math.min(t.count, sp.b + 12);
    const start = t.start[a]!;
    const end = t.end[b - 1]!;
    const ms = t.start[sp.a]!, me = t.end[sp.b - 1]!;
    console.log(`${r.m.gold.main} -> ${y} [${voiceOf(r)}] ${r.doc.id}: ${text.slice(start, ms)}[[${text.slice(ms, me)}]]${text.slice(me, end)}`.replace(/\s+/g, ' '));
  }
}
