import type { CollectedFinding } from '../detectors/engine/contract.js';
import type { Finding } from '../core/finding.js';
import { judgeConfidence, postCalibrate, ruleEmits, type Judge } from '../model/judge.js';

/**
 * Applies the judge to an analysis run's findings, in place: every finding gets its calibrated
 * confidence, and findings of rules that have not earned findings are removed (they were features
 * of the model already). Findings of techniques PTC does not annotate keep their rule's confidence,
 * capped. Returns the list (shortened where rules were removed).
 */
export function applyJudge(judge: Judge, findings: CollectedFinding[]): CollectedFinding[] {
  let w = 0;
  for (let r = 0; r < findings.length; r++) {
    const f = findings[r]!;
    if (f.source !== 'model' && !ruleEmits(judge, f.ruleId)) continue;
    const c = judgeConfidence(judge, f);
    f.confidence = c ?? Math.min(f.confidence, judge.uncalibratedCap);
    findings[w++] = f;
  }
  findings.length = w;
  return findings;
}

/**
 * The judge's post-fold maps applied to finalised findings, in place; findings whose mapped
 * confidence falls under `minConfidence` are removed.
 */
export function applyPostCalibration(judge: Judge, findings: Finding[], minConfidence: number): Finding[] {
  if (!judge.post) return findings;
  let w = 0;
  for (const f of findings) {
    f.confidence = Math.round(postCalibrate(judge, f.source, f.confidence) * 1000) / 1000;
    if (f.confidence >= minConfidence) findings[w++] = f;
  }
  findings.length = w;
  return findings;
}
