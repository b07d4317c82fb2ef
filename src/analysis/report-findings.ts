import type { Finding } from '../core/finding.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import { dropMentioned } from '../detectors/engine/mentions.js';
import { dropPlainHeadlineExaggeration } from '../detectors/engine/plain-headline.js';
import { dropOtherSenses } from '../detectors/engine/senses.js';
import { keepFindingsToQuotes } from '../detectors/engine/quote-spans.js';
import type { Judge } from '../model/judge.js';
import type { Doc } from '../text/segment.js';
import { finaliseFindings } from './finalise.js';
import { applyJudge, applyPostCalibration } from './judging.js';
import { hasDefaultCuts, keepByDefaultCuts, keepOverFloor, lowestFloor } from './default-cuts.js';
import { foldSameWord } from './same-word.js';
import { settleReported, type PendingExplanations } from './explanations.js';

/**
 * The shared stages after every detector (and the model, which has read the rules' findings) ran, in
 * place: mention is not use, a charged word in its other sense ("lies in", "a ceasefire regime":
 * src/detectors/engine/senses.ts) is no finding, findings keep to their quotation, a plain
 * headline's absence is no exaggeration.
 */
export function settleFindings(doc: Doc, collected: CollectedFinding[]): void {
  dropMentioned(doc, collected);
  dropOtherSenses(doc, collected);
  // A finding in a quotation keeps to it, so that it carries the quoted speaker's voice.
  keepFindingsToQuotes(doc, collected);
  dropPlainHeadlineExaggeration(doc, collected);
}

/**
 * What analyze() reports of settled findings: judged (calibrated, rules that have not earned findings
 * removed), finalised (original offsets, folded, sorted), post-calibrated, and one finding per word.
 * `minConfidence` null: the judge's default cuts (src/analysis/default-cuts.ts). Judges `collected` in place. `lap` (stage timing) is told when finalising ends and when the model's explanations are written.
 */
export function reportFindings(doc: Doc, collected: CollectedFinding[], judge: Judge | null, minConfidence: number | null, lap?: (stage: string) => void): Finding[] {
  if (judge) applyJudge(judge, collected);
  // No cut asked for: the judge's default cuts (per technique, weaker findings beside strong ones).
  const cuts = minConfidence === null && judge !== null && hasDefaultCuts(judge) ? judge : null;
  let min = minConfidence ?? judge?.reportAt ?? 0;
  if (cuts) {
    min = lowestFloor(cuts);
    keepOverFloor(cuts, collected);
  }
  const pending: PendingExplanations = new Map();
  const findings = finaliseFindings(doc, collected, min, pending);
  if (judge) applyPostCalibration(judge, findings, min);
  if (cuts) keepByDefaultCuts(doc, cuts, findings);
  lap?.('finalise');
  // Before foldSameWord, which adds to the evidence of the findings it keeps. Timed as the model's
  // work (its explanations, written late), where it was timed when written for every span.
  if (pending.size > 0) settleReported(findings, pending);
  lap?.('model');
  return foldSameWord(findings);
}
