/**
 * Cross-validation over the DEVELOPMENT documents of the PTC training split (80%: the lockbox of
 * src/training/lockbox.ts is left out and never looked at here unless asked). Prints the model's
 * SI / TC / FLC, and what analyze() reports by default: every held-out document analysed by the
 * Analyzer with its fold's model, findings judged by a judge fitted on the other folds, the default
 * cut applied. Also calibration by confidence decade and the share of unannotated sentences flagged.
 *
 * Usage: npm run eval:cv [-- --folds 5] [--only N] [--set name=value] [--no-rules] [--json]
 *   --sweep-judge      rule floor x confidence cut of analyze() (choose them here)
 *   --sweep-filter     decoding threshold x the span filter's keep level (model alone)
 *   --rules-doc        rewrite the generated per-rule table in docs/rules.md
 *   --lockbox          ALSO score the lockbox once: a model trained on all development documents
 *                      (as `framewise train` trains) analyses the lockbox documents
 *   --memes            ALSO score that model on ../shared/data/memes21/train.jsonl (out of domain)
 *   --all-docs         cross-validate over all documents, lockbox included (old figures; no choice
 *                      may be made on it)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PTC_LABELS, type PtcLabel } from '../src/core/taxonomy.js';
import { loadRecords, ptcLabelOf, toPtcDocs, type PtcDoc } from '../src/eval/records.js';
import { scoreFLC, scoreSI } from '../src/eval/scorers.js';
import { Analyzer } from '../src/analysis/analyzer.js';
import { prepareDoc } from '../src/training/corpus.js';
import { analyzerRuleTagger } from '../src/training/rule-tags.js';
import { dataFile, repoRoot } from '../src/model/resources.js';
import { trainingTable } from '../src/training/clusters.js';
import { modelDetector } from '../src/model/detector.js';
import { splitLockbox } from '../src/training/lockbox.js';
import { judgeFitOptions, trainOnDocs } from '../src/training/pipeline.js';
import { calibrationTable, cleanSentences, crossFitJudges, crossFitRuns, reportedFindings, ruleStats, toPredictions, worstCalibrationGap, type CrossFitRun } from '../src/training/pipeline-cv.js';
import { evaluateAnalyzer, type HeldOutReport } from '../src/training/held-out-eval.js';
import { rulesTableMarkdown } from '../src/training/rules-doc.js';
import { crossFitFilters, crossValidate, decodeSettings, DEFAULT_TRAIN_CONFIG, heldOutPredictions, scorePredictions, type TrainConfig } from '../src/training/train.js';
import type { Judge } from '../src/model/judge.js';
import { fitJudge } from '../src/training/judge-fit.js';
import { applyJudge } from '../src/analysis/judging.js';
import { toPtcLabel as ptcOf } from '../src/core/taxonomy.js';
import { join } from 'node:path';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    only: { type: 'string' },
    'sweep-judge': { type: 'boolean', default: false },
    'sweep-filter': { type: 'boolean', default: false },
    'rules-doc': { type: 'boolean', default: false },
    lockbox: { type: 'boolean', default: false },
    memes: { type: 'boolean', default: false },
    'all-docs': { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
    'no-rules': { type: 'boolean', default: false },
  },
});
const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG };
for (const kv of values.set!) {
  const [k, v] = kv.split('=');
  if (!(k! in cfg)) throw new Error(`unknown setting ${k}`);
  (cfg as unknown as Record<string, number>)[k!] = Number(v);
}
const t0 = Date.now();
const log = (m: string) => process.stderr.write(m + '\n');
const pct = (x: number) => (x * 100).toFixed(1);
const file = dataFile('ptc/train.jsonl');
const records = toPtcDocs(loadRecords(file, { requireText: true }), file) as Array<PtcDoc & { text: string }>;
const split = splitLockbox(records);
const devRecords = values['all-docs'] ? records : split.dev;
const table = trainingTable(cfg);
const ruleFeatures = !values['no-rules'];
const rules = ruleFeatures ? analyzerRuleTagger(new Analyzer({ model: null, judge: null })) : undefined;
const docs = devRecords.map((r) => prepareDoc(r, table, rules));
log(`prepared ${docs.length} ${values['all-docs'] ? 'documents (lockbox included)' : 'development documents'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// The model alone.
const folds = Number(values.folds);
const held = crossValidate(docs, cfg, folds, log, values.only ? Number(values.only) : undefined);
const heldDocs = held.map((h) => h.doc);
const filters = crossFitFilters(held, cfg);
const preds = heldOutPredictions(held, decodeSettings(cfg), cfg.secondLabel, filters);
const model = scorePredictions(heldDocs, preds);
if (values['sweep-filter']) {
  for (const threshold of [0.15, 0.2, 0.25]) {
    const c = { ...cfg, threshold };
    const parts = [`threshold ${threshold}:`];
    for (const filterKeep of [0.15, 0.2, 0.25, 0.3]) {
      const s = scorePredictions(heldDocs, heldOutPredictions(held, decodeSettings(c), cfg.secondLabel, crossFitFilters(held, { ...c, filterKeep })));
      parts.push(`keep ${filterKeep}: SI ${pct(s.si.f1)} (P ${pct(s.si.p)} R ${pct(s.si.r)})`);
    }
    log(parts.join(' | '));
  }
}

// What analyze() reports: the Analyzer with each fold's model, judged by the other folds' judges.
const runs = crossFitRuns(held, cfg, table, ruleFeatures, filters);
const gold = runs.map((r) => ({ id: r.id, spans: r.gold }));

interface PipelineScore {
  si: ReturnType<typeof scoreSI>;
  flc: ReturnType<typeof scoreFLC>;
  calibration: ReturnType<typeof calibrationTable>;
  clean: ReturnType<typeof cleanSentences>;
  findings: number;
}
function pipelineScore(judges: Map<number, Judge> | null, cut: (fold: number) => number | null): PipelineScore {
  const reported = runs.map((r) => ({ r, findings: reportedFindings(r, judges?.get(r.fold) ?? null, cut(r.fold)) }));
  const p = reported.map(({ r, findings }) => toPredictions(r.id, findings));
  return {
    si: scoreSI(gold, p),
    flc: scoreFLC(gold, p),
    calibration: calibrationTable(reported.map(({ r, findings }) => ({ gold: r.gold, findings }))),
    clean: cleanSentences(reported.map(({ r, findings }) => ({ gold: r.gold, doc: r.run.doc, findings }))),
    findings: reported.reduce((n, x) => n + x.findings.length, 0),
  };
}
const rulesOnly = (r: CrossFitRun): CrossFitRun => ({ ...r, run: { ...r.run, findings: r.run.findings.filter((f) => f.source !== 'model') } });
const cleanRate = (c: PipelineScore['clean']) => `${pct(c.flagged / Math.max(1, c.clean))}% (any technique ${pct(c.flaggedAny / Math.max(1, c.clean))}%)`;

if (values['sweep-judge']) {
  for (const ruleFloor of [0.1, 0.15, 0.2]) {
    const judges = crossFitJudges(runs, judgeFitOptions({ ...cfg, ruleFloor }));
    const parts = [`floor ${ruleFloor}:`];
    for (const cut of [0, 0.08, 0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.2, 0.25]) {
      const s = pipelineScore(judges, () => cut);
      parts.push(`cut ${cut}: SI ${pct(s.si.f1)} FLC ${pct(s.flc.f1)} clean ${pct(s.clean.flagged / s.clean.clean)}`);
    }
    log(parts.join(' | '));
  }
}

const judges = crossFitJudges(runs, judgeFitOptions(cfg));
const shipped = pipelineScore(judges, () => null);
const unjudged = pipelineScore(null, () => 0);
const rulesAlone = (() => {
  const rr = runs.map(rulesOnly);
  const p = rr.map((r) => toPredictions(r.id, reportedFindings(r, null, 0)));
  return { si: scoreSI(gold, p), flc: scoreFLC(gold, p) };
})();
const every = pipelineScore(judges, () => 0);
// Before finalising (contained spans of a technique fold into the covering one, keeping the highest confidence).
const unfolded = (() => {
  const bins = Array.from({ length: 10 }, (_, k) => ({ lo: k / 10, n: 0, sum: 0, hits: 0 }));
  for (const r of runs) {
    const copy = r.run.findings.map((f) => ({ ...f }));
    const items = new Map(r.run.findings.map((f, k) => [f, r.items[k]!]));
    const judge = judges.get(r.fold)!;
    r.run.findings.forEach((f, k) => {
      const c = copy[k]!;
      if (!ptcOf(f.technique)) return;
      if (applyJudge(judge, [c]).length === 0) return;
      const b = bins[Math.min(9, Math.floor(c.confidence * 10))]!;
      b.n++;
      b.sum += c.confidence;
      if (items.get(f)!.correct) b.hits++;
    });
  }
  return bins.map((b) => ({ lo: b.lo, n: b.n, meanConfidence: b.n ? b.sum / b.n : 0, observed: b.n ? b.hits / b.n : 0 }));
})();

function printCalibration(title: string, bins: PipelineScore['calibration']): void {
  console.log(`${title} (worst gap in decades of 30+: ${worstCalibrationGap(bins).toFixed(3)})`);
  for (const b of bins) if (b.n > 0) console.log(`  ${b.lo.toFixed(1)}-${(b.lo + 0.1).toFixed(1)}  n ${String(b.n).padStart(5)}  stated ${b.meanConfidence.toFixed(3)}  observed ${b.observed.toFixed(3)}`);
}

if (values.json) {
  console.log(JSON.stringify({ docs: heldDocs.length, model: { si: model.si, tc: model.tc.microF1, flc: model.flc }, analyze: { si: shipped.si, flc: shipped.flc, calibration: shipped.calibration, clean: shipped.clean }, rules: rulesAlone }));
} else {
  console.log(`${values.only ? `${values.only} of ` : ''}${folds}-fold CV over ${heldDocs.length} ${values['all-docs'] ? 'documents (all)' : 'development documents'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`model alone   SI P ${pct(model.si.p)} R ${pct(model.si.r)} F1 ${pct(model.si.f1)} | TC micro-F1 ${pct(model.tc.microF1)} | FLC P ${pct(model.flc.p)} R ${pct(model.flc.r)} F1 ${pct(model.flc.f1)}`);
  console.log(`rules alone   SI P ${pct(rulesAlone.si.p)} R ${pct(rulesAlone.si.r)} F1 ${pct(rulesAlone.si.f1)} | FLC F1 ${pct(rulesAlone.flc.f1)} (every rule, own confidences)`);
  console.log(`unjudged      SI P ${pct(unjudged.si.p)} R ${pct(unjudged.si.r)} F1 ${pct(unjudged.si.f1)} | FLC F1 ${pct(unjudged.flc.f1)} | clean sentences flagged ${cleanRate(unjudged.clean)} (rules + every model span)`);
  console.log(`analyze()     SI P ${pct(shipped.si.p)} R ${pct(shipped.si.r)} F1 ${pct(shipped.si.f1)} | FLC P ${pct(shipped.flc.p)} R ${pct(shipped.flc.r)} F1 ${pct(shipped.flc.f1)} | clean sentences flagged ${cleanRate(shipped.clean)} | ${shipped.findings} findings (rule floor ${cfg.ruleFloor}, cut ${cfg.reportAt}, word-level ${cfg.reportAtWord}, other techniques ${cfg.reportAtOther}, context ${cfg.reportContext}, quiet rules ${cfg.quietRules})`);
  printCalibration('calibration of reported findings', shipped.calibration);
  printCalibration('calibration of every judged finding (cut 0)', every.calibration);
  printCalibration('calibration of judged findings before folding (cut 0)', unfolded);
  console.log('per technique: TC F1 / FLC F1 of the model (gold count)');
  for (const l of PTC_LABELS) console.log(`  ${l.padEnd(36)} ${pct(model.tc.perTechnique[l].f1).padStart(5)} ${pct(model.flc.perTechnique[l].f1).padStart(5)}  (${model.tc.perTechnique[l].gold})`);
}

if (values['rules-doc']) {
  const path = join(repoRoot(), 'docs', 'rules.md');
  const doc = readFileSync(path, 'utf8');
  const begin = '<!-- rule-precision:start -->';
  const end = '<!-- rule-precision:end -->';
  const judge = fitJudge(runs.flatMap((r) => r.items), judgeFitOptions(cfg));
  const section = `${begin}\n${rulesTableMarkdown(ruleStats(runs), judge, { docs: heldDocs.length, folds, floor: cfg.ruleFloor })}\n${end}`;
  const next = doc.includes(begin) ? doc.slice(0, doc.indexOf(begin)) + section + doc.slice(doc.indexOf(end) + end.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
  log(`rewrote the per-rule table in ${path}`);
}

function printHeldOut(title: string, r: HeldOutReport): void {
  console.log(`${title}: ${r.docs} documents, ${r.findings} findings`);
  console.log(`  SI P ${pct(r.si.p)} R ${pct(r.si.r)} F1 ${pct(r.si.f1)} | FLC P ${pct(r.flc.p)} R ${pct(r.flc.r)} F1 ${pct(r.flc.f1)}${r.tc ? ` | TC micro-F1 ${pct(r.tc.microF1)}` : ''}`);
  console.log(`  clean sentences flagged ${pct(r.clean.flagged / Math.max(1, r.clean.clean))}% of ${r.clean.clean} (any technique ${pct(r.clean.flaggedAny / Math.max(1, r.clean.clean))}%)`);
  printCalibration('  calibration', r.calibration);
}

if ((values.lockbox || values.memes) && !values['all-docs']) {
  log('training on every development document for the held-out checks');
  const trained = trainOnDocs(docs, cfg, folds, table, ruleFeatures, 'lockbox-check', log, values.only ? undefined : held);
  const analyzer = new Analyzer({ model: modelDetector(trained.model) });
  if (values.lockbox) printHeldOut(`LOCKBOX (trained on ${docs.length} development documents)`, evaluateAnalyzer(analyzer, split.lockbox, trained.model));
  if (values.memes) {
    const mfile = dataFile('memes21/train.jsonl');
    const raw = loadRecords(mfile, { requireText: true });
    const memes = toPtcDocs(raw, mfile);
    // SI counts every annotated span, also of techniques PTC lacks (smears, glittering generalities).
    const siGold: PtcDoc[] = raw.map((r) => ({ id: r.id, spans: r.spans.map((s) => ({ start: s.start, end: s.end, technique: (ptcLabelOf(s.technique) ?? 'Loaded_Language') as PtcLabel })) }));
    printHeldOut('MEMES (SemEval-2021 task 6, out of domain; SI over every span)', evaluateAnalyzer(analyzer, memes, trained.model, { siGold }));
  }
}
