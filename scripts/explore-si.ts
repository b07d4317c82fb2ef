/**
 * How the default cuts of analyze() beside the model were chosen, on the development CV only (never
 * the lockbox): the production judges (post-fold maps fitted under the same cuts) over a grid of the
 * word-level cut, the other techniques' cut and the context cut, with the shared loaded-terms rule
 * quiet; then the highest SI with at most 11.5% (or 12%) of clean sentences flagged and every
 * calibration decade within 0.10, chosen on four folds and scored on the fifth, and on all five.
 * `reported()` is the same policy written out with explicit per-technique cuts and dropped rules,
 * for ablations (earlier rounds of this script ablated every rule and searched per-technique cuts).
 *
 * Usage: npx tsx scripts/explore-si.ts [--set name=value]   (about 10 minutes on 2 shared cores)
 */
import { parseArgs } from 'node:util';
import { loadRecords, toPtcDocs, type PtcDoc } from '../src/eval/records.js';
import { scoreSI } from '../src/eval/scorers.js';
import { Analyzer } from '../src/analysis/analyzer.js';
import { prepareDoc } from '../src/training/corpus.js';
import { analyzerRuleTagger } from '../src/training/rule-tags.js';
import { dataFile } from '../src/model/resources.js';
import { trainingTable } from '../src/training/clusters.js';
import { splitLockbox } from '../src/training/lockbox.js';
import { judgeFitOptions } from '../src/training/pipeline.js';
import { cleanSentences, crossFitJudges, crossFitRuns, toPredictions, calibrationTable, worstCalibrationGap, type CrossFitRun } from '../src/training/pipeline-cv.js';
import { reportedFindings } from '../src/training/pipeline-cv.js';
import { crossFitFilters, crossValidate, DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../src/training/train.js';
import type { Judge } from '../src/model/judge.js';
import { applyJudge, applyPostCalibration } from '../src/analysis/judging.js';
import { finaliseFindings } from '../src/analysis/finalise.js';
import { foldSameWord } from '../src/analysis/same-word.js';
import { PTC_LABELS, toPtcLabel } from '../src/core/taxonomy.js';
import type { Finding } from '../src/core/finding.js';
import type { CollectedFinding } from '../src/detectors/engine/contract.js';
import { toOriginalSpan } from '../src/text/normalise.js';

const { values } = parseArgs({ options: { set: { type: 'string', multiple: true, default: [] }, runset: { type: 'string', multiple: true, default: [] } } });
const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG };
for (const kv of values.set!) {
  const [k, v] = kv.split('=');
  (cfg as unknown as Record<string, number>)[k!] = Number(v);
}
const log = (m: string) => process.stderr.write(m + '\n');
const pct = (x: number) => (x * 100).toFixed(1);
const file = dataFile('ptc/train.jsonl');
const records = toPtcDocs(loadRecords(file, { requireText: true }), file) as Array<PtcDoc & { text: string }>;
const split = splitLockbox(records);
const table = trainingTable(cfg);
const rules = analyzerRuleTagger(new Analyzer({ model: null, judge: null }));
const docs = split.dev.map((r) => prepareDoc(r, table, rules));
const held = crossValidate(docs, cfg, 5, log);
const filters = crossFitFilters(held, cfg);
const runs = crossFitRuns(held, cfg, table, true, filters);
const judges = crossFitJudges(runs, judgeFitOptions(cfg));
log('runs ready');

interface Opts {
  drop?: Set<string>;
  cut?: Map<string, number>;
  base?: number;
  /** Findings at or above this but under their cut are kept in sentences that carry a finding over its cut. */
  ctx?: number;
}
const cutOf = (o: Opts, technique: string) => o.cut?.get(toPtcLabel(technique) ?? technique) ?? o.base ?? cfg.reportAt;

const sentCache = new Map<CrossFitRun, Array<[number, number]>>();
function sentencesOf(r: CrossFitRun): Array<[number, number]> {
  let s = sentCache.get(r);
  if (!s) sentCache.set(r, (s = r.run.doc.sentences.map((x) => toOriginalSpan(r.run.doc.nt, x.start, x.end))));
  return s;
}

/** reportFindings with per-technique cuts and dropped rules. */
function reported(r: CrossFitRun, judge: Judge, o: Opts): Finding[] {
  const copy: CollectedFinding[] = r.run.findings.filter((f) => f.source === 'model' || !o.drop?.has(f.ruleId)).map((f) => ({ ...f }));
  applyJudge(judge, copy);
  let min = o.base ?? cfg.reportAt;
  for (const v of o.cut?.values() ?? []) min = Math.min(min, v);
  if (o.ctx !== undefined) min = Math.min(min, o.ctx);
  const floorOf = (t: string) => (o.ctx !== undefined ? Math.min(o.ctx, cutOf(o, t)) : cutOf(o, t));
  const kept = copy.filter((f) => f.confidence >= floorOf(f.technique));
  const findings = finaliseFindings(r.run.doc, kept, min, new Map());
  applyPostCalibration(judge, findings, 0);
  let out = findings.filter((f) => f.confidence >= floorOf(f.technique));
  if (o.ctx !== undefined) {
    const sents = sentencesOf(r);
    const strong = new Uint8Array(sents.length);
    const sentOf = (f: Finding) => sents.findIndex(([s, e]) => f.start < e && s < f.end);
    for (const f of out) if (f.confidence >= cutOf(o, f.technique)) { const k = sentOf(f); if (k >= 0) strong[k] = 1; }
    out = out.filter((f) => f.confidence >= cutOf(o, f.technique) || (toPtcLabel(f.technique) !== null && strong[sentOf(f)] === 1));
  }
  return foldSameWord(out);
}

interface Score {
  si: number;
  p: number;
  r: number;
  clean: number;
  n: number;
  gap: number;
}
function score(subset: readonly CrossFitRun[], o: Opts, calib = false): Score {
  const rep = subset.map((r) => ({ r, findings: reported(r, judges.get(r.fold)!, o) }));
  const si = scoreSI(subset.map((r) => ({ id: r.id, spans: r.gold })), rep.map(({ r, findings }) => toPredictions(r.id, findings)));
  const c = cleanSentences(rep.map(({ r, findings }) => ({ gold: r.gold, doc: r.run.doc, findings })));
  const gap = calib ? worstCalibrationGap(calibrationTable(rep.map(({ r, findings }) => ({ gold: r.gold, findings })))) : 0;
  return { si: si.f1, p: si.p, r: si.r, clean: c.flagged / Math.max(1, c.clean), n: rep.reduce((n, x) => n + x.findings.length, 0), gap };
}
const show = (s: Score) => `SI ${pct(s.si)} (P ${pct(s.p)} R ${pct(s.r)}) clean ${pct(s.clean)}% n ${s.n}${s.gap ? ` gap ${s.gap.toFixed(3)}` : ''}`;

const t0 = Date.now();
const base = score(runs, {}, true);
console.log(`baseline (uniform ${cfg.reportAt}): ${show(base)}  [${Date.now() - t0} ms per evaluation]`);
if (0) for (const c of [0]) console.log(`  uniform cut ${c}: ${show(score(runs, { base: c }))}`);

// 6. The production judge (post-fold maps fitted under the same default cuts) over a grid of cuts.
interface Combo { a: number; b: number; c: number }
const combos: Combo[] = [];
for (const a of [0.15, 0.16, 0.17, 0.18]) for (const b of [0.08, 0.1, 0.12]) for (const c of [0, 0.06, 0.08, 0.1]) combos.push({ a, b, c });
const name = (k: Combo) => `a ${k.a} b ${k.b} ctx ${k.c}`;
const judgesOf = new Map<Combo, Map<number, Judge>>();
function prodScore(subset: readonly CrossFitRun[], k: Combo): Score {
  let js = judgesOf.get(k);
  if (!js) judgesOf.set(k, (js = crossFitJudges(runs, judgeFitOptions({ ...cfg, reportAtWord: k.a, reportAtOther: k.b, reportContext: k.c, quietRules: 1 }))));
  const rep = subset.map((r) => ({ r, findings: reportedFindings(r, js!.get(r.fold)!, null) }));
  const si = scoreSI(subset.map((r) => ({ id: r.id, spans: r.gold })), rep.map(({ r, findings }) => toPredictions(r.id, findings)));
  const c = cleanSentences(rep.map(({ r, findings }) => ({ gold: r.gold, doc: r.run.doc, findings })));
  const gap = worstCalibrationGap(calibrationTable(rep.map(({ r, findings }) => ({ gold: r.gold, findings }))));
  return { si: si.f1, p: si.p, r: si.r, clean: c.flagged / Math.max(1, c.clean), n: rep.reduce((n, x) => n + x.findings.length, 0), gap };
}
for (const k of combos) console.log(`  ${name(k).padEnd(26)} ${show(prodScore(runs, k))}`);
const folds = [...new Set(runs.map((r) => r.fold))];
for (const target of [0.115, 0.12]) {
  const pick = new Map<number, Combo>();
  for (const f of folds) {
    const sub = runs.filter((r) => r.fold !== f);
    let best: Combo | null = null;
    let bestSi = -1;
    for (const k of combos) {
      const s = prodScore(sub, k);
      if (s.clean <= target && s.gap <= 0.1 && s.si > bestSi) { bestSi = s.si; best = k; }
    }
    if (best) pick.set(f, best);
  }
  if (pick.size < folds.length) {
    console.log(`nested, clean <= ${target}: some fold has no setting within the limits`);
    continue;
  }
  const parts = runs.map((r) => ({ r, js: judgesOf.get(pick.get(r.fold)!)! }));
  const rep = parts.map(({ r, js }) => ({ r, findings: reportedFindings(r, js.get(r.fold)!, null) }));
  const si = scoreSI(runs.map((r) => ({ id: r.id, spans: r.gold })), rep.map(({ r, findings }) => toPredictions(r.id, findings)));
  const c = cleanSentences(rep.map(({ r, findings }) => ({ gold: r.gold, doc: r.run.doc, findings })));
  const gap = worstCalibrationGap(calibrationTable(rep.map(({ r, findings }) => ({ gold: r.gold, findings }))));
  console.log(`nested, clean <= ${target}: SI ${pct(si.f1)} (P ${pct(si.p)} R ${pct(si.r)}) clean ${pct(c.flagged / c.clean)}% gap ${gap.toFixed(3)}; picks ${[...pick.values()].map(name).join(' | ')}`);
  let best: Combo | null = null;
  let bestS: Score | null = null;
  for (const k of combos) {
    const s = prodScore(runs, k);
    if (s.clean <= target && s.gap <= 0.1 && (!bestS || s.si > bestS.si)) { bestS = s; best = k; }
  }
  console.log(`  on all folds: ${name(best!)} ${show(bestS!)} (clean ${(bestS!.clean * 100).toFixed(2)}%)`);
}
