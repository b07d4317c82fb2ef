import type { Finding } from '../core/finding.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';

/**
 * Findings whose message costs work to write (the model's explanations, src/model/detector.ts) carry
 * it as a pending `explanation`. analyze() settles it only for the findings it reports (about a
 * third of the model's spans on news text): finaliseFindings passes the pending ones on with a
 * placeholder message, and reportFindings settles those that survive folding and calibration.
 * collect() settles every one, so its callers always see the full message and evidence.
 */
export function settleExplanation(f: CollectedFinding): void {
  const make = f.explanation;
  if (!make) return;
  f.explanation = undefined;
  const { message, evidence } = make();
  f.message = message;
  if (evidence) f.evidence = evidence;
}

export function settleExplanations(findings: readonly CollectedFinding[]): void {
  for (const f of findings) if (f.explanation) settleExplanation(f);
}

/** Finalised findings whose message and evidence are still to be written, with the finding they come from. */
export type PendingExplanations = Map<Finding, CollectedFinding>;

/**
 * Writes the message and evidence of each of `findings` that is pending. A finalised finding gets
 * its evidence where it would have had it (its last key), as nothing is added to it in between.
 */
export function settleReported(findings: readonly Finding[], pending: PendingExplanations): void {
  for (const f of findings) {
    const c = pending.get(f);
    if (!c) continue;
    settleExplanation(c);
    f.message = c.message;
    if (c.evidence) f.evidence = c.evidence;
  }
  pending.clear();
}
