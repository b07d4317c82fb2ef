/**
 * k-fold cross-validation over documents of the PTC training split: prints SI F1, TC micro-F1,
 * FLC F1 and per-technique F1, with the shipped model's settings (rules' findings as features).
 * Usage: npm run eval:cv [-- --folds 5] [--only N: first N folds] [--sweep: decoding variants]
 *        [--sweep-decode: threshold x seed x gap x extend for the model alone]
 *        [--sweep-filter: decoding threshold x the span filter's keep level]
 *        [--set name=value: override a TrainConfig setting] [--no-rules] [--json]
 */
import { parseArgs } from 'node:util';
import { PTC_LABELS } from '../src/core/taxonomy.js';
import { analyzerPredictions } from '../src/training/evaluate.js';
import { loadRecords, toPtcDocs } from '../src/eval/records.js';
import { Analyzer } from '../src/analysis/analyzer.js';
import { prepareDoc } from '../src/training/corpus.js';
import { analyzerRuleTagger } from '../src/training/rule-tags.js';
import { dataFile, trainingLexiconTable } from '../src/model/resources.js';
import { calibrate } from '../src/model/model.js';
import { MODEL_MIN_CONFIDENCE } from '../src/model/detector.js';
import { crossFitFilters, crossValidate, decodeSettings, DEFAULT_TRAIN_CONFIG, fitPlatt, heldOutPredictions, scorePredictions, type TrainConfig } from '../src/training/train.js';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    only: { type: 'string' },
    sweep: { type: 'boolean', default: false },
    'sweep-decode': { type: 'boolean', default: false },
    'sweep-filter': { type: 'boolean', default: false },
    extra: { type: 'string', multiple: true, default: [] },
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
const file = dataFile('ptc/train.jsonl');
const records = toPtcDocs(loadRecords(file, { requireText: true }), file);
const table = trainingLexiconTable();
const rules = !values['no-rules'] ? analyzerRuleTagger(new Analyzer({ model: null })) : undefined;
const docs = records.map((r) => prepareDoc(r as typeof r & { text: string }, table, rules));
const log = (m: string) => process.stderr.write(m + '\n');
log(`prepared ${docs.length} documents in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
// --extra FILE: more annotated documents, always on the training side of every fold (never scored).
const extra = values.extra!.flatMap((f) => toPtcDocs(loadRecords(f, { requireText: true }), f).map((r) => prepareDoc(r as typeof r & { text: string }, table, rules)));
if (extra.length) log(`extra training documents: ${extra.length}`);
const held = crossValidate(docs, cfg, Number(values.folds), log, values.only ? Number(values.only) : undefined, extra);
const heldDocs = held.map((h) => h.doc);
const pct = (x: number) => (x * 100).toFixed(1);
if (values.sweep) {
  const gold0 = heldDocs.map((d) => ({ id: d.id, text: d.text, spans: d.spans }));
  const rulePreds = analyzerPredictions(gold0, new Analyzer({ model: null }));
  const base = decodeSettings(cfg);
  for (const th of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45]) {
    for (const sl of [0.35, 1]) {
      const p = heldOutPredictions(held, { ...base, threshold: th }, sl, crossFitFilters(held, { ...cfg, threshold: th }));
      const s = scorePredictions(heldDocs, p);
      const u = scorePredictions(heldDocs, { ...p, flc: p.flc.map((x, i) => ({ id: x.id, spans: [...x.spans, ...rulePreds[i]!.spans] })) });
      log(`threshold ${th} second ${sl}: model SI ${pct(s.si.f1)} FLC ${pct(s.flc.f1)} | rules+model SI P ${pct(u.si.p)} R ${pct(u.si.r)} F1 ${pct(u.si.f1)} FLC ${pct(u.flc.f1)}`);
    }
  }
}
if (values['sweep-decode']) {
  const rows: Array<[number, string]> = [];
  for (const threshold of [0.2, 0.25, 0.3])
    for (const seed of [0, 0.35, 0.45, 0.55])
      for (const gap of [0, 1, 2])
        for (const extend of [1, 0.8, 0.6]) {
          const settings = { threshold, seed, gap, extend };
          const s = scorePredictions(heldDocs, heldOutPredictions(held, settings, cfg.secondLabel, crossFitFilters(held, { ...cfg, ...settings, seedThreshold: seed })));
          rows.push([s.si.f1, `threshold ${threshold} seed ${seed} gap ${gap} extend ${extend}: SI P ${pct(s.si.p)} R ${pct(s.si.r)} F1 ${pct(s.si.f1)} FLC ${pct(s.flc.f1)}`]);
        }
  rows.sort((a, b) => b[0] - a[0]);
  for (const [, line] of rows.slice(0, 15)) log(line);
}
// Each fold's spans go through a span filter trained on the other folds' held-out spans.
if (values['sweep-filter']) {
  for (const threshold of [0.15, 0.2, 0.25, 0.3]) {
    const c = { ...cfg, threshold };
    const none = scorePredictions(heldDocs, heldOutPredictions(held, decodeSettings(c), cfg.secondLabel));
    const parts = [`threshold ${threshold}: no filter SI ${pct(none.si.f1)}`];
    for (const filterKeep of [0.15, 0.2, 0.25, 0.3]) {
      const s = scorePredictions(heldDocs, heldOutPredictions(held, decodeSettings(c), cfg.secondLabel, crossFitFilters(held, { ...c, filterKeep })));
      parts.push(`keep ${filterKeep}: SI ${pct(s.si.f1)} (P ${pct(s.si.p)} R ${pct(s.si.r)})`);
    }
    log(parts.join(' | '));
  }
}
const preds = heldOutPredictions(held, decodeSettings(cfg), cfg.secondLabel, crossFitFilters(held, cfg));
const s = scorePredictions(heldDocs, preds);
// What analyze() reports: the model's spans together with the rules' own findings.
const gold = heldDocs.map((d) => ({ id: d.id, text: d.text, spans: d.spans }));
const ruleOnly = analyzerPredictions(gold, new Analyzer({ model: null }));
// analyze() drops model findings under MODEL_MIN_CONFIDENCE, calibrated as training calibrates them.
const platt = fitPlatt(preds.scored);
const confident = (minConfidence: number) => {
  let k = 0;
  return preds.flc.map((p) => ({ id: p.id, spans: p.spans.filter(() => calibrate(platt, preds.scored[k++]!.x) >= minConfidence) }));
};
if (values['sweep-filter']) {
  for (const c of [0, 0.1, 0.15, 0.2, 0.25]) {
    const kept = confident(c);
    const u = scorePredictions(heldDocs, { ...preds, flc: kept.map((p, i) => ({ id: p.id, spans: [...p.spans, ...ruleOnly[i]!.spans] })) });
    log(`model findings with confidence >= ${c}: ${kept.reduce((n, d) => n + d.spans.length, 0)}; rules + model SI ${pct(u.si.f1)} (P ${pct(u.si.p)} R ${pct(u.si.r)}) FLC ${pct(u.flc.f1)}`);
  }
}
const union = confident(MODEL_MIN_CONFIDENCE).map((p, i) => ({ id: p.id, spans: [...p.spans, ...ruleOnly[i]!.spans] }));
const rulesScore = scorePredictions(heldDocs, { ...preds, flc: ruleOnly });
const unionScore = scorePredictions(heldDocs, { ...preds, flc: union });
if (values.json) {
  console.log(JSON.stringify({ docs: heldDocs.length, si: s.si, tc: { microF1: s.tc.microF1, perTechnique: s.tc.perTechnique }, flc: s.flc, rules: { si: rulesScore.si, flc: rulesScore.flc }, rulesAndModel: { si: unionScore.si, flc: unionScore.flc } }));
} else {
  console.log(`${values.only ? `${values.only} of ` : ''}${values.folds}-fold CV over ${heldDocs.length} documents (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`SI   P ${pct(s.si.p)}  R ${pct(s.si.r)}  F1 ${pct(s.si.f1)}`);
  console.log(`TC   micro-F1 ${pct(s.tc.microF1)}`);
  console.log(`FLC  P ${pct(s.flc.p)}  R ${pct(s.flc.r)}  F1 ${pct(s.flc.f1)}`);
  console.log(`rules alone:       SI F1 ${pct(rulesScore.si.f1)} (P ${pct(rulesScore.si.p)} R ${pct(rulesScore.si.r)}), FLC F1 ${pct(rulesScore.flc.f1)}`);
  console.log(`rules + model:     SI F1 ${pct(unionScore.si.f1)} (P ${pct(unionScore.si.p)} R ${pct(unionScore.si.r)}), FLC F1 ${pct(unionScore.flc.f1)}`);
  console.log('per technique: TC F1 / FLC F1 (gold count)');
  for (const l of PTC_LABELS) {
    console.log(`  ${l.padEnd(36)} ${pct(s.tc.perTechnique[l].f1).padStart(5)} ${pct(s.flc.perTechnique[l].f1).padStart(5)}  (${s.tc.perTechnique[l].gold})`);
  }
}
