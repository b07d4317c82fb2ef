/**
 * Cross-validation of what `analyze()` reports, not of the model alone: every held-out document is
 * analysed by the real Analyzer (rules, code detectors, the fold's model with its span filter), the
 * judge that calibrates and gates the findings is fitted on the other folds' runs only, and the
 * findings that survive the default cut are scored. Also: calibration by confidence decade, the
 * share of sentences without annotation that get a finding, and per-rule precision.
 */
import { Analyzer, type CollectedRun } from '../analysis/analyzer.js';
import { reportFindings } from '../analysis/report-findings.js';
import type { Finding } from '../core/finding.js';
import { toPtcLabel, type PtcLabel } from '../core/taxonomy.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import type { PtcDoc, PtcSpan } from '../eval/records.js';
import { mergeOverlapping } from '../eval/scorers.js';
import type { Judge } from '../model/judge.js';
import { modelDetector } from '../model/detector.js';
import type { LexiconTable } from '../model/lexicon-table.js';
import type { SpanFilter } from '../model/span-filter.js';
import { toOriginalSpan } from '../text/normalise.js';
import { fitJudge, fitPost, type JudgeFitOptions, type JudgeItem, type PostUnit } from './judge-fit.js';
import { buildModel, type HeldOut, type TrainConfig } from './train.js';

/** One held-out document's analysis run before judging, with what the judge learns from it. */
export interface CrossFitRun {
  id: string;
  fold: number;
  /** Gold spans (original offsets). */
  gold: PtcDoc['spans'];
  run: CollectedRun;
  /** Aligned with run.findings. */
  items: Array<JudgeItem & { siShare: number }>;
}

/** Does an annotation of the finding's technique overlap [start, end)? */
export function sameTechniqueOverlap(gold: PtcDoc['spans'], label: PtcLabel | null, start: number, end: number): boolean {
  return label !== null && gold.some((g) => g.technique === label && g.start < end && start < g.end);
}

/** Share of [start, end) inside the union of the gold spans (a finding's SI precision). */
function insideShare(merged: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): number {
  let inside = 0;
  for (const g of merged) inside += Math.max(0, Math.min(end, g.end) - Math.max(start, g.start));
  return inside / Math.max(1, end - start);
}

/** Runs one document through an analyzer and labels its findings. */
export function crossFitRun(analyzer: Analyzer, id: string, text: string, gold: PtcDoc['spans'], fold: number): CrossFitRun {
  const run = analyzer.collect(text);
  const merged = mergeOverlapping(gold);
  const items = run.findings.map((f) => {
    const [start, end] = toOriginalSpan(run.doc.nt, f.start, f.end);
    const item: JudgeItem & { siShare: number } = {
      fold,
      technique: f.technique,
      source: f.source,
      ruleId: f.ruleId,
      correct: sameTechniqueOverlap(gold, toPtcLabel(f.technique), start, end),
      siShare: insideShare(merged, start, end),
    };
    if (f.basis) item.basis = f.basis;
    return item;
  });
  return { id, fold, gold, run, items };
}

/**
 * Every held-out document analysed by the Analyzer with its fold's model (tagger and classifier of
 * the other folds, span filter from the other folds' held-out spans). `held` must come from
 * crossValidate without a stage-one sentence model.
 */
export function crossFitRuns(held: readonly HeldOut[], cfg: TrainConfig, table: LexiconTable, ruleFeatures: boolean, filters: Map<number, SpanFilter> | null, analyzerOptions: ConstructorParameters<typeof Analyzer>[0] = {}): CrossFitRun[] {
  if (cfg.sentenceBits > 0) throw new Error('crossFitRuns: a stage-one sentence model is not supported here');
  const analyzers = new Map<number, Analyzer>();
  return held.map((h) => {
    let analyzer = analyzers.get(h.fold);
    if (!analyzer) {
      // The fold's loaded-word table rides on a table object of its own (word caches are per table).
      const foldTable = h.loaded ? { ...table, loaded: h.loaded } : table;
      const model = buildModel(foldTable, h.tagger, null, h.classifier, cfg, { a: 4, b: -2 }, `cv-fold-${h.fold}`, ruleFeatures, filters?.get(h.fold) ?? null);
      analyzers.set(h.fold, (analyzer = new Analyzer({ ...analyzerOptions, model: modelDetector(model), judge: null })));
    }
    return crossFitRun(analyzer, h.doc.id, h.doc.text, h.doc.spans, h.fold);
  });
}

/**
 * The judge of each fold, fitted on the other folds' runs only: first the calibrators, then the
 * post-fold maps on what the other folds' judges reported (their units: finalised findings at the
 * default cut).
 */
export function crossFitJudges(runs: readonly CrossFitRun[], opts: JudgeFitOptions): Map<number, Judge> {
  const folds = [...new Set(runs.map((r) => r.fold))].sort((a, b) => a - b);
  const first = new Map(folds.map((f) => [f, fitJudge(runs.filter((r) => r.fold !== f).flatMap((r) => r.items), opts)]));
  const units = postUnits(runs, first, null);
  return new Map(folds.map((f) => [f, { ...first.get(f)!, post: fitPost(units.filter((u) => u.fold !== f)) }]));
}

/** The shipped judge: calibrators on every run, post-fold maps on the cross-fitted judges' units. */
export function fitShippedJudge(runs: readonly CrossFitRun[], opts: JudgeFitOptions): Judge {
  const folds = [...new Set(runs.map((r) => r.fold))].sort((a, b) => a - b);
  const first = new Map(folds.map((f) => [f, fitJudge(runs.filter((r) => r.fold !== f).flatMap((r) => r.items), opts)]));
  return { ...fitJudge(runs.flatMap((r) => r.items), opts), post: fitPost(postUnits(runs, first, null)) };
}

/** Findings reported under each fold's judge at `cut` (null: the judge's default cuts, as analyze() reports them). */
function postUnits(runs: readonly CrossFitRun[], judges: Map<number, Judge>, cut: number | null): Array<PostUnit & { fold: number }> {
  const out: Array<PostUnit & { fold: number }> = [];
  for (const r of runs) {
    for (const f of reportedFindings(r, judges.get(r.fold)!, cut)) {
      const label = toPtcLabel(f.technique);
      if (label) out.push({ fold: r.fold, source: f.source, confidence: f.confidence, correct: sameTechniqueOverlap(r.gold, label, f.start, f.end) });
    }
  }
  return out;
}

/** What analyze() would report for a run under a judge and a confidence cut (null: the judge's default cuts, as analyze() without one). */
export function reportedFindings(run: CrossFitRun, judge: Judge | null, minConfidence: number | null): Finding[] {
  const copy: CollectedFinding[] = run.run.findings.map((f) => ({ ...f }));
  return reportFindings(run.run.doc, copy, judge, minConfidence);
}

/** Findings as PTC predictions (techniques PTC lacks are dropped). */
export function toPredictions(id: string, findings: readonly Finding[]): PtcDoc {
  const spans: PtcSpan[] = [];
  for (const f of findings) {
    const technique = toPtcLabel(f.technique);
    if (technique) spans.push({ start: f.start, end: f.end, technique });
  }
  return { id, spans };
}

export interface CalibrationBin {
  /** Decade [lo, lo + 0.1). */
  lo: number;
  n: number;
  meanConfidence: number;
  observed: number;
}

/** Reported findings of PTC techniques by confidence decade: mean stated confidence against the share an annotation of the same technique overlaps. */
export function calibrationTable(docs: ReadonlyArray<{ gold: PtcDoc['spans']; findings: readonly Finding[] }>): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, (_, k) => ({ lo: k / 10, n: 0, sum: 0, hits: 0 }));
  for (const d of docs) {
    for (const f of d.findings) {
      const label = toPtcLabel(f.technique);
      if (!label) continue;
      const b = bins[Math.min(9, Math.floor(f.confidence * 10))]!;
      b.n++;
      b.sum += f.confidence;
      if (sameTechniqueOverlap(d.gold, label, f.start, f.end)) b.hits++;
    }
  }
  return bins.map((b) => ({ lo: b.lo, n: b.n, meanConfidence: b.n ? b.sum / b.n : 0, observed: b.n ? b.hits / b.n : 0 }));
}

/** Largest gap between stated and observed in decades with at least `min` findings (0 when none). */
export function worstCalibrationGap(bins: readonly CalibrationBin[], min = 30): number {
  return Math.max(0, ...bins.filter((b) => b.n >= min).map((b) => Math.abs(b.observed - b.meanConfidence)));
}

export interface CleanSentences {
  /** Sentences that overlap no annotation. */
  clean: number;
  /** Of those, how many overlap a reported finding of a PTC technique, and a finding of any technique. */
  flagged: number;
  flaggedAny: number;
}

/** Sentences annotators left clean that get a finding anyway. */
export function cleanSentences(docs: ReadonlyArray<{ gold: PtcDoc['spans']; doc: CollectedRun['doc']; findings: readonly Finding[] }>): CleanSentences {
  const out = { clean: 0, flagged: 0, flaggedAny: 0 };
  for (const d of docs) {
    for (const s of d.doc.sentences) {
      if (s.tokenEnd <= s.tokenStart) continue;
      const [start, end] = toOriginalSpan(d.doc.nt, s.start, s.end);
      if (d.gold.some((g) => g.start < end && start < g.end)) continue;
      out.clean++;
      const hit = d.findings.filter((f) => f.start < end && start < f.end);
      if (hit.length > 0) out.flaggedAny++;
      if (hit.some((f) => toPtcLabel(f.technique) !== null)) out.flagged++;
    }
  }
  return out;
}

export interface RuleStat {
  ruleId: string;
  technique: string;
  ptc: boolean;
  n: number;
  /** Share of findings overlapped by an annotation of the same technique. */
  precision: number;
  /** Mean share of a finding's characters inside any annotation (SI precision). */
  siPrecision: number;
}

/** Per-rule counts over cross-fitted runs (rules and code detectors; the model per technique). */
export function ruleStats(runs: readonly CrossFitRun[]): RuleStat[] {
  const by = new Map<string, RuleStat & { hits: number; si: number }>();
  for (const r of runs) {
    for (const x of r.items) {
      let s = by.get(x.ruleId);
      if (!s) by.set(x.ruleId, (s = { ruleId: x.ruleId, technique: x.technique, ptc: toPtcLabel(x.technique) !== null, n: 0, precision: 0, siPrecision: 0, hits: 0, si: 0 }));
      s.n++;
      if (x.correct) s.hits++;
      s.si += x.siShare;
    }
  }
  return [...by.values()]
    .map(({ hits, si, ...s }) => ({ ...s, precision: s.n ? hits / s.n : 0, siPrecision: s.n ? si / s.n : 0 }))
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
}
