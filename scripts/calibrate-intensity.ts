// Calibrates the intensity scale (src/layers/intensity/scale.yaml) on the rated sentences of
// src/layers/intensity/rated.yaml: coordinate search over the points per kind, their caps, the
// weights of the word lists and the weight of name-calling findings, maximising agreement with the
// rated bands. rated-holdout.yaml is only scored at the end, never used to choose.
// Run: npx tsx scripts/calibrate-intensity.ts [--write] [--misses] [--holdout] (the last only to report, once per change)
import { writeFileSync } from 'node:fs';
import { Analyzer } from '../src/analysis/analyzer.js';
import { INTENSITY_BANDS, INTENSITY_KINDS, bandOf, type IntensityKind } from '../src/core/intensity.js';
import type { Finding } from '../src/core/finding.js';
import { GUIDE_BANDS, loadRated, rateAgreement, RATED_HOLDOUT_FILE, type RatedSentence } from '../src/layers/intensity/rating.js';
import { loadScale, SCALE_FILE, type IntensityScale } from '../src/layers/intensity/scale.js';
import { IntensityScorer } from '../src/layers/intensity/score.js';
import { reportedWords, type ReportedAt } from '../src/layers/intensity/voice.js';
import { createLayerContext } from '../src/layers/contract.js';
import { VOICE } from '../src/layers/voice/product.js';
import type { Report } from '../src/core/report.js';
import { toOriginalSpan } from '../src/text/normalise.js';
import { segment, type Doc } from '../src/text/segment.js';
import { preparedVocab } from '../src/lexicon/per-vocab.js';

/** Texts are tokenised with one vocabulary, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const analyzer = new Analyzer();
interface Prepared { item: RatedSentence; doc: Doc; findings: Finding[]; reported: ReportedAt }
const prepare = (items: RatedSentence[]): Prepared[] =>
  items.map((item) => {
    const doc = segment(item.text, vocab);
    const span = (s: number, e: number) => ({ start: s, end: e, text: item.text.slice(s, e) });
    // The voice analysis as the intensity layer reads it (its product, computed for this document).
    const ctx = createLayerContext({ doc, report: {} as Report, span });
    return { item, doc, findings: analyzer.analyze(item.text, { layers: false }).findings, reported: reportedWords(doc, ctx.need(VOICE)) };
  });
const tuning = prepare(loadRated());

function scoreAll(scale: IntensityScale, set: Prepared[]): number[] {
  const scorer = new IntensityScorer([], scale);
  return set.map(({ item, doc, findings, reported }) =>
    scorer.score(doc, (s, e) => {
      const [a, b] = toOriginalSpan(doc.nt, s, e);
      return { start: a, end: b, text: item.text.slice(a, b) };
    }, findings, reported).score,
  );
}

/** Band centres on the score scale (report bands: neutral < 10 < mild < 30 < moderate < 50 < strong < 70 < extreme). */
const CENTRE = [3, 20, 40, 60, 85];
function objective(scale: IntensityScale): number {
  const scores = scoreAll(scale, tuning);
  let exact = 0;
  let near = 0;
  let err = 0;
  scores.forEach((s, i) => {
    const want = GUIDE_BANDS.indexOf(tuning[i]!.item.band);
    const got = INTENSITY_BANDS.indexOf(bandOf(s));
    if (got === want) exact++;
    if (Math.abs(got - want) <= 1) near++;
    err += Math.abs(s - CENTRE[want]!);
  });
  // Exact agreement first, then within one band, then closeness to the band's centre.
  return exact + 0.5 * near - err / (100 * scores.length);
}

const clone = <T>(s: T): T => JSON.parse(JSON.stringify(s));
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The scale is derived from few numbers, so that 162 sentences can fix them: the points that one
 * hit of each band of the rating guide is worth alone (analysis, opinion, polemic, hate), how much
 * further hits of a kind add (`decay`), and weights for quoted
 * words, name-calling findings and boosters (absolutes, intensifiers). Every kind and word list is
 * assigned the band it signals alone, from the guide (README.md).
 */
interface Params { band: [number, number, number, number]; decay: number; quoted: number; reported: number; finding: number; booster: number; typo: number }
/** Band (1 analysis .. 4 hate) of each kind's points, and of each word list within its kind. */
const KIND_BAND: Record<IntensityKind, number> = {
  'loaded-term': 2, 'name-calling': 3, absolute: 1, intensifier: 1, atrocity: 3, dehumanising: 4, eliminationist: 4,
  'call-to-action': 3, threat: 4, exclamation: 2, capitals: 2,
};
const LIST_BAND: Record<string, number> = {
  'mild-terms': 1, 'shared/verbs': 1, 'shared/fear': 1, demands: 1,
  'opinion-terms': 2, 'shared/moral': 2, 'shared/scorn': 2, 'shared/glory': 2, 'shared/more': 2, 'loaded-terms': 2,
  'shared/labels': 3, 'shared/violence': 3, 'name-calling-labels': 3, 'name-calling-ideology': 3, 'calls-to-action': 3, atrocity: 3,
  threats: 4, dehumanising: 4, eliminationist: 4, 'shared/intensifiers': 1, intensifiers: 1, absolutes: 1,
};
const BOOSTERS = new Set<IntensityKind>(['absolute', 'intensifier']);
/** Exclamation marks and shouting capitals: a multiple of a judgement's points. */
const TYPOGRAPHY = new Set<IntensityKind>(['exclamation', 'capitals']);
const LIST_KIND: Record<string, IntensityKind> = {
  'mild-terms': 'loaded-term', 'shared/verbs': 'loaded-term', 'shared/fear': 'loaded-term', 'opinion-terms': 'loaded-term', 'shared/moral': 'loaded-term',
  'shared/scorn': 'loaded-term', 'shared/glory': 'loaded-term', 'shared/more': 'loaded-term', 'loaded-terms': 'loaded-term', 'shared/labels': 'loaded-term',
  'shared/violence': 'loaded-term', demands: 'call-to-action', 'calls-to-action': 'call-to-action', 'name-calling-labels': 'name-calling',
  'name-calling-ideology': 'name-calling', atrocity: 'atrocity', threats: 'threat', dehumanising: 'dehumanising', eliminationist: 'eliminationist',
  'shared/intensifiers': 'intensifier', intensifiers: 'intensifier', absolutes: 'absolute',
};

function scaleOf(p: Params, base: IntensityScale): IntensityScale {
  const s = clone(base);
  const pts = (band: number) => p.band[band - 1]!;
  for (const k of INTENSITY_KINDS) {
    const each = round(pts(KIND_BAND[k]) * (BOOSTERS.has(k) ? p.booster : TYPOGRAPHY.has(k) ? p.typo : 1));
    // At most three hits' worth a kind, each further hit adding `decay` times the one before.
    s.kinds[k] = { each, cap: round(each * 3) };
  }
  for (const [list, band] of Object.entries(LIST_BAND)) s.lists[list] = round(pts(band) / pts(KIND_BAND[LIST_KIND[list]!]));
  s.quoted = p.quoted;
  s.reported = p.reported;
  s.decay = p.decay;
  // A finding's confidence times this is its weight on a polemic label's points.
  s.findingWeight = p.finding;
  return s;
}

/** Start: one hit lands in the middle of its band (score 20, 40, 60, 85 at scale 6). */
const base = loadScale();
const centrePoints = (c: number) => round(-base.scale * Math.log(1 - c / 100));
let bestP: Params = { band: [centrePoints(20), centrePoints(40), centrePoints(60), centrePoints(85)], decay: 0.5, quoted: 0.6, reported: 0.6, finding: 1, booster: 0.5, typo: 0.5 };
let bestScore = objective(scaleOf(bestP, base));
console.log(`start: objective ${bestScore.toFixed(3)}`, bestP);
type Knob = { name: string; get: (p: Params) => number; set: (p: Params, v: number) => void; lo: number; hi: number };
const knobs: Knob[] = [
  ...[0, 1, 2, 3].map((b): Knob => ({ name: `band${b + 1}`, get: (p) => p.band[b]!, set: (p, v) => { p.band[b] = v; }, lo: 0.3, hi: 20 })),
  { name: 'decay', get: (p) => p.decay, set: (p, v) => { p.decay = v; }, lo: 0.1, hi: 1 },
  { name: 'quoted', get: (p) => p.quoted, set: (p, v) => { p.quoted = v; }, lo: 0.3, hi: 0.9 },
  { name: 'reported', get: (p) => p.reported, set: (p, v) => { p.reported = v; }, lo: 0.3, hi: 1 },
  { name: 'typo', get: (p) => p.typo, set: (p, v) => { p.typo = v; }, lo: 0.1, hi: 1 },
  { name: 'finding', get: (p) => p.finding, set: (p, v) => { p.finding = v; }, lo: 0, hi: 2 },
  { name: 'booster', get: (p) => p.booster, set: (p, v) => { p.booster = v; }, lo: 0.1, hi: 1 },
];
const FACTORS = [0.6, 0.8, 0.9, 1.1, 1.25, 1.6];
for (let pass = 0; pass < 6; pass++) {
  let improved = false;
  for (const knob of knobs) {
    const v0 = knob.get(bestP);
    for (const f of FACTORS) {
      const v = round(Math.min(knob.hi, Math.max(knob.lo, v0 * f)));
      if (v === v0) continue;
      const cand = clone(bestP);
      knob.set(cand, v);
      // Bands keep their order: a hate word is worth more than a label, a label more than a judgement.
      if (!cand.band.every((x, i) => i === 0 || x > cand.band[i - 1]!)) continue;
      const o = objective(scaleOf(cand, base));
      if (o > bestScore + 1e-9) {
        bestP = cand;
        bestScore = o;
        improved = true;
      }
    }
  }
  console.log(`pass ${pass + 1}: objective ${bestScore.toFixed(3)}`);
  if (!improved) break;
}
console.log('chosen', bestP);
const best = scaleOf(bestP, base);

const show = (name: string, set: Prepared[], scale: IntensityScale) => {
  const scores = scoreAll(scale, set);
  const r = rateAgreement(set.map((p) => p.item), (t) => scores[set.findIndex((p) => p.item.text === t)]!);
  console.log(name, { exact: r.exact, withinOne: r.withinOne, spearman: r.spearman, meanScore: r.meanScore });
  console.log(r.confusion);
  if (process.argv.includes('--misses') && name.includes('tuning') && name.includes('calibrated')) for (const m of r.misses) console.log(`  ${m.band.padEnd(8)} ${String(m.score).padStart(5)}  ${m.text}`);
};
show('tuning (rated.yaml), scale.yaml as it is', tuning, base);
show('tuning (rated.yaml), calibrated now', tuning, best);
if (process.argv.includes('--holdout')) {
  const holdout = prepare(loadRated(RATED_HOLDOUT_FILE));
  show('held out (rated-holdout.yaml), scale.yaml as it is', holdout, base);
  show('held out (rated-holdout.yaml), calibrated now', holdout, best);
}

if (process.argv.includes('--write')) {
  const kinds = INTENSITY_KINDS.map((k) => `  ${k}: {each: ${best.kinds[k].each}, cap: ${best.kinds[k].cap}}`).join('\n');
  const lists = Object.entries(best.lists).map(([k, v]) => `  ${k}: ${v}`).join('\n');
  writeFileSync(
    SCALE_FILE,
    `# Intensity scale: points per kind of contribution, list weights and the points-to-score curve.\n` +
      `# Written by scripts/calibrate-intensity.ts from rated.yaml; see README.md ("Calibration").\n` +
      `scale: ${best.scale}\nquoted: ${best.quoted}\nreported: ${best.reported}\ndecay: ${best.decay}\ndocPower: ${best.docPower}\nfindingWeight: ${best.findingWeight}\nkinds:\n${kinds}\nlists:\n${lists}\n`,
  );
  console.log(`wrote ${SCALE_FILE}`);
}
