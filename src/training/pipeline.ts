/**
 * `framewise train`: read annotated JSONL, cross-validate (for calibration and honest scores), train
 * the final model on everything, and write the artefact.
 */
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { loadRecords, toPtcDocs } from '../eval/records.js';
import { saveModel } from '../model/artefact.js';
import { Analyzer } from '../analysis/analyzer.js';
import { prepareDoc, type PreparedDoc, type RuleTagger } from './corpus.js';
import { analyzerRuleTagger } from './rule-tags.js';
import { resetFeatureCache } from '../model/features.js';
import type { LexiconTable } from '../model/lexicon-table.js';
import type { Model } from '../model/model.js';
import type { SpanFilter } from '../model/span-filter.js';
import { trainingLexiconTable } from '../model/resources.js';
import {
  buildModel,
  crossFitFilters,
  crossValidate,
  decodeSettings,
  filterExamples,
  DEFAULT_TRAIN_CONFIG,
  fitPlatt,
  heldOutPredictions,
  scorePredictions,
  stageOne,
  trainClassifier,
  trainFilter,
  trainTagger,
  type CvScores,
  type Log,
  type TrainConfig,
} from './train.js';

export const MODEL_FILE_NAME = 'framewise-ptc.fwm';

export interface TrainRun {
  model: Model;
  cv: CvScores | null;
  file?: string;
  bytes?: number;
  seconds: number;
}

/** Loads and prepares every document of the given files (text required). */
export function prepareFiles(files: readonly string[], table: LexiconTable, rules?: RuleTagger): PreparedDoc[] {
  resetFeatureCache();
  const docs: PreparedDoc[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const r of toPtcDocs(loadRecords(file, { requireText: true }), file)) {
      const id = seen.has(r.id) ? `${file}#${r.id}` : r.id;
      seen.add(id);
      docs.push(prepareDoc({ ...r, id, text: r.text! }, table, rules));
    }
  }
  if (docs.length === 0) throw new UserError(`no documents in ${files.join(', ')}`);
  return docs;
}

export interface TrainOptions {
  files: readonly string[];
  /** Folder to write the artefact into (omit to only return the model). */
  out?: string;
  /** Cross-validation folds used for calibration and the reported scores (0 or 1: none). */
  folds?: number;
  config?: Partial<TrainConfig>;
  version?: string;
  table?: LexiconTable;
  /** Use the rules' findings as features (default true). */
  rules?: boolean;
  log?: Log;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function summariseScores(s: CvScores): Record<string, unknown> {
  return {
    si: { p: round(s.si.p), r: round(s.si.r), f1: round(s.si.f1) },
    tc: { microF1: round(s.tc.microF1), perTechnique: Object.fromEntries(Object.entries(s.tc.perTechnique).map(([k, v]) => [k, round(v.f1)])) },
    flc: { p: round(s.flc.p), r: round(s.flc.r), f1: round(s.flc.f1), perTechnique: Object.fromEntries(Object.entries(s.flc.perTechnique).map(([k, v]) => [k, round(v.f1)])) },
  };
}

export function trainFromFiles(opts: TrainOptions): TrainRun {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...opts.config };
  const table = opts.table ?? trainingLexiconTable();
  const ruleFeatures = opts.rules ?? true;
  const docs = prepareFiles(opts.files, table, ruleFeatures ? analyzerRuleTagger(new Analyzer({ model: null })) : undefined);
  log(`prepared ${docs.length} documents (${docs.reduce((n, d) => n + d.gold.length, 0)} gold spans)`);
  const folds = opts.folds ?? 5;
  let cv: CvScores | null = null;
  let calibration = { a: 4, b: -2 };
  // The span filter learns from held-out spans, so it needs cross-validation (without: no filter).
  let filter: SpanFilter | null = null;
  if (folds >= 2) {
    const held = crossValidate(docs, cfg, folds, log);
    const examples = filterExamples(held, decodeSettings(cfg));
    const preds = heldOutPredictions(held, decodeSettings(cfg), cfg.secondLabel, crossFitFilters(held, cfg, examples));
    cv = scorePredictions(docs, preds);
    calibration = fitPlatt(preds.scored);
    filter = trainFilter(examples, cfg);
    log(`cross-validation: SI F1 ${cv.si.f1.toFixed(3)}, TC micro-F1 ${cv.tc.microF1.toFixed(3)}, FLC F1 ${cv.flc.f1.toFixed(3)}`);
  }
  log('training the final model on all documents');
  const sentence = stageOne(docs, cfg);
  const tagger = trainTagger(docs, cfg, log);
  const classifier = trainClassifier(docs, cfg);
  const version = opts.version ?? `ptc-crf-${new Date().toISOString().slice(0, 10)}`;
  const model = buildModel(table, tagger, sentence, classifier, cfg, calibration, version, ruleFeatures, filter);
  const run: TrainRun = { model, cv, seconds: (Date.now() - t0) / 1000 };
  if (opts.out) {
    const file = join(opts.out, MODEL_FILE_NAME);
    const meta = {
      data: opts.files.map((f) => f.split(/[\\/]/).slice(-2).join('/')),
      documents: docs.length,
      goldSpans: docs.reduce((n, d) => n + d.spans.length, 0),
      config: cfg,
      folds,
      ruleFeatures,
      crossValidation: cv ? summariseScores(cv) : null,
    };
    run.bytes = saveModel(file, model, meta);
    run.file = file;
    log(`wrote ${file} (${(run.bytes / 1e6).toFixed(1)} MB)`);
  }
  run.seconds = (Date.now() - t0) / 1000;
  return run;
}
