/**
 * Scores what `analyze()` reports on documents no choice was made on (the lockbox, an out-of-domain
 * set): SI and FLC of the reported findings, TC of the model's classifier on the gold spans,
 * calibration by confidence decade and the share of unannotated sentences that get a finding.
 */
import type { Analyzer } from '../analysis/analyzer.js';
import type { Finding } from '../core/finding.js';
import type { PtcDoc } from '../eval/records.js';
import { scoreFLC, scoreSI, scoreTC, type FlcScore, type SpanScore, type TcScore } from '../eval/scorers.js';
import type { Model } from '../model/model.js';
import { modelTcPredictions } from './evaluate.js';
import { calibrationTable, cleanSentences, toPredictions, type CalibrationBin, type CleanSentences } from './pipeline-cv.js';

export interface HeldOutReport {
  docs: number;
  si: SpanScore;
  flc: FlcScore;
  tc: TcScore | null;
  calibration: CalibrationBin[];
  clean: CleanSentences;
  findings: number;
}

/**
 * Analyses every document with `analyzer` (its default confidence cut unless `minConfidence` is
 * given) and scores the findings. `gold` spans carry PTC labels; `siGold` (default: the same) are
 * the spans SI counts, for sets whose labels PTC lacks (every annotated span is propaganda to SI).
 */
export function evaluateAnalyzer(analyzer: Analyzer, gold: readonly PtcDoc[], model: Model | null, options: { minConfidence?: number; siGold?: readonly PtcDoc[] } = {}): HeldOutReport {
  const reported: Array<{ gold: PtcDoc['spans']; doc: ReturnType<Analyzer['segment']>; findings: Finding[] }> = [];
  const preds: PtcDoc[] = [];
  for (const g of gold) {
    const text = g.text ?? '';
    const report = analyzer.analyze(text, { layers: false, ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}) });
    reported.push({ gold: g.spans, doc: analyzer.segment(text), findings: report.findings });
    preds.push(toPredictions(g.id, report.findings));
  }
  const siGold = options.siGold ?? gold;
  return {
    docs: gold.length,
    si: scoreSI(siGold, preds),
    flc: scoreFLC(gold, preds),
    tc: model ? scoreTC(gold, modelTcPredictions(gold, model)) : null,
    calibration: calibrationTable(reported),
    clean: cleanSentences(reported),
    findings: reported.reduce((n, r) => n + r.findings.length, 0),
  };
}
