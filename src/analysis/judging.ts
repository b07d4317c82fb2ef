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
  dropSilenced(judge, findings);
  for (const f of findings) f.confidence = judgeConfidence(judge, f) ?? Math.min(f.confidence, judge.uncalibratedCap);
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

/**
 * Removes, in place, the findings of rules the judge does not report (they were features of the
 * model already). analyze() does this before the shared mention stages, which then read only
 * findings that can be reported (nearly half of all findings on news are silenced rules'); each of
 * those stages decides every finding on its own, so the findings they keep are the same.
 */
export function dropSilenced(judge: Judge, findings: CollectedFinding[]): CollectedFinding[] {
  let w = 0;
  for (let r = 0; r < findings.length; r++) {
    const f = findings[r]!;
    if (f.source !== 'model' && !ruleEmits(judge, f.ruleId)) continue;
    findings[w++] = f;
  }
  findings.length = w;
  return findings;
}
