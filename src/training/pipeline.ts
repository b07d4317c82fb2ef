/**
 * `framewise train`: read annotated JSONL, cross-validate (for calibration and honest scores), train
 * the final model on everything, and write the artefact.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Judge } from '../model/judge.js';
import { DEFAULT_JUDGE_FIT, type JudgeFitOptions } from './judge-fit.js';
import { splitLockbox } from './lockbox.js';
import { QUIET_BESIDE_MODEL, WORD_LEVEL_LABELS } from './report-policy.js';
import { PTC_LABELS } from '../core/taxonomy.js';
import { trainingTable } from './clusters.js';
import { crossFitRuns, fitShippedJudge, type CrossFitRun } from './pipeline-cv.js';
import { UserError } from '../core/errors.js';
import { loadRecords, toPtcDocs } from '../eval/records.js';
import { saveModel } from '../model/artefact.js';
import { Analyzer } from '../analysis/analyzer.js';
import { prepareDoc, type PreparedDoc, type RuleTagger } from './corpus.js';
import { analyzerRuleTagger } from './rule-tags.js';
import { resetFeatureCache } from '../model/features.js';
import { applyLoadedLexicon } from './loaded-lexicon.js';
import type { LexiconTable } from '../model/lexicon-table.js';
import type { Model } from '../model/model.js';
import type { SpanFilter } from '../model/span-filter.js';
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
  type HeldOut,
  type Log,
  type TrainConfig,
} from './train.js';

export const MODEL_FILE_NAME = 'framewise-ptc.fwm';
export const RULES_JUDGE_FILE_NAME = 'rules-judge.json';

/** The calibrators a rules-only analysis uses. */
function rulesOnlyGroups(judge: Judge): Judge['groups'] {
  return Object.fromEntries(Object.entries(judge.groups).filter(([k]) => k.startsWith('rule-only|')));
}

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
  /** Train on the development documents only, leaving the lockbox out (src/training/lockbox.ts). */
  excludeLockbox?: boolean;
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

/** What training on a set of prepared documents gives: the model and its cross-validation. */
export interface TrainedOnDocs {
  model: Model;
  /** Scores of the model alone over held-out documents (null without cross-validation). */
  cv: CvScores | null;
  /** The cross-fitted analysis runs the judge was fitted on (empty without cross-validation). */
  runs: CrossFitRun[];
  /** The folds' held-out outputs (empty without cross-validation). */
  held: HeldOut[];
}

/** The judge's fitting settings from a training config. */
export function judgeFitOptions(cfg: TrainConfig): JudgeFitOptions {
  const opts: JudgeFitOptions = { ...DEFAULT_JUDGE_FIT, ruleFloor: cfg.ruleFloor, reportAt: cfg.reportAt };
  if (cfg.quietRules > 0) opts.quiet = QUIET_BESIDE_MODEL;
  if (cfg.reportAtWord !== cfg.reportAt || cfg.reportAtOther !== cfg.reportAt) {
    opts.reportAtBy = Object.fromEntries(PTC_LABELS.map((l) => [l, WORD_LEVEL_LABELS.includes(l) ? cfg.reportAtWord : cfg.reportAtOther]));
  }
  if (cfg.reportContext > 0) opts.context = cfg.reportContext;
  return opts;
}

/**
 * Trains a model on prepared documents: k-fold cross-validation (for the span filter, the judge and
 * honest scores), then the tagger and classifier on every document. The judge is fitted on the
 * cross-fitted analysis runs of the Analyzer (rules and fold models), so it calibrates what
 * analyze() reports.
 */
export function trainOnDocs(docs: PreparedDoc[], cfg: TrainConfig, folds: number, table: LexiconTable, ruleFeatures: boolean, version: string, log: Log = () => {}, reuse?: HeldOut[]): TrainedOnDocs {
  let cv: CvScores | null = null;
  let calibration = { a: 4, b: -2 };
  // The span filter learns from held-out spans, so it needs cross-validation (without: no filter).
  let filter: SpanFilter | null = null;
  let judge: Judge | null = null;
  let runs: CrossFitRun[] = [];
  let held: HeldOut[] = [];
  if (folds >= 2) {
    // `reuse`: held-out outputs of the same documents, config and folds computed already.
    held = reuse ?? crossValidate(docs, cfg, folds, log);
    const examples = filterExamples(held, decodeSettings(cfg));
    const filters = crossFitFilters(held, cfg, examples);
    const preds = heldOutPredictions(held, decodeSettings(cfg), cfg.secondLabel, filters);
    cv = scorePredictions(docs, preds);
    calibration = fitPlatt(preds.scored);
    filter = trainFilter(examples, cfg);
    log(`cross-validation: SI F1 ${cv.si.f1.toFixed(3)}, TC micro-F1 ${cv.tc.microF1.toFixed(3)}, FLC F1 ${cv.flc.f1.toFixed(3)}`);
    if (cfg.sentenceBits <= 0) {
      runs = crossFitRuns(held, cfg, table, ruleFeatures, filters);
      judge = fitShippedJudge(runs, judgeFitOptions(cfg));
      log(`judge fitted on ${runs.reduce((n, r) => n + r.items.length, 0)} cross-fitted findings`);
    }
  }
  log(`training the final model on ${docs.length} documents`);
  const loaded = applyLoadedLexicon(docs, [], cfg);
  if (loaded) log(`loaded-word lexicon: ${loaded.table.hashes.length} words off the neutral level`);
  const sentence = stageOne(docs, cfg);
  const tagger = trainTagger(docs, cfg, log);
  const classifier = trainClassifier(docs, cfg);
  const model = buildModel(loaded ? { ...table, loaded: loaded.table } : table, tagger, sentence, classifier, cfg, calibration, version, ruleFeatures, filter, judge);
  return { model, cv, runs, held };
}

export function trainFromFiles(opts: TrainOptions): TrainRun {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...opts.config };
  const table = opts.table ?? trainingTable(cfg);
  const ruleFeatures = opts.rules ?? true;
  let docs = prepareFiles(opts.files, table, ruleFeatures ? analyzerRuleTagger(new Analyzer({ model: null, judge: null })) : undefined);
  if (opts.excludeLockbox) docs = splitLockbox(docs).dev;
  log(`prepared ${docs.length} documents (${docs.reduce((n, d) => n + d.gold.length, 0)} gold spans)`);
  const folds = opts.folds ?? 5;
  const version = opts.version ?? `ptc-crf-${new Date().toISOString().slice(0, 10)}`;
  const { model, cv } = trainOnDocs(docs, cfg, folds, table, ruleFeatures, version, log);
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
      lockboxExcluded: opts.excludeLockbox ?? false,
      crossValidation: cv ? summariseScores(cv) : null,
    };
    run.bytes = saveModel(file, model, meta);
    run.file = file;
    // Without a model, rules are judged by the same table (their measured precision).
    if (model.judge) {
      const judgeFile = join(opts.out, RULES_JUDGE_FILE_NAME);
      // Its own cut, only the rules-only calibrators, no post-fold maps, quiet rules or per-technique
      // cuts (those were chosen beside a model).
      const { post: _post, quiet: _quiet, reportAtBy: _by, context: _context, ...rest } = model.judge;
      writeFileSync(judgeFile, JSON.stringify({ ...rest, reportAt: cfg.reportAtRules, groups: rulesOnlyGroups(model.judge) }, null, 1) + '\n');
      log(`wrote ${judgeFile}`);
    }
    log(`wrote ${file} (${(run.bytes / 1e6).toFixed(1)} MB)`);
  }
  run.seconds = (Date.now() - t0) / 1000;
  return run;
}
