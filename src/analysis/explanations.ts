import type { CollectedFinding } from '../detectors/engine/contract.js';

/**
 * Findings whose message costs work to write (the model's explanations, src/model/detector.ts) carry
 * it as a pending `explanation`. analyze() settles it only for the findings it reports (about a
 * third of the model's spans on news text); collect() settles every one, so its callers always see
 * the full message and evidence.
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
