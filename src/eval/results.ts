/** The three PTC tasks scored together (SI, TC, FLC), as the CLI and the CV scripts report them. */
import type { PtcDoc } from './records.js';
import { scoreFLC, scoreSI, scoreTC, type FlcScore, type SpanScore, type TcScore } from './scorers.js';

export type EvalTask = 'si' | 'tc' | 'flc' | 'all';

export interface EvalResult {
  si?: SpanScore;
  tc?: TcScore;
  flc?: FlcScore;
}

export function scoreAll(gold: readonly PtcDoc[], pred: readonly PtcDoc[], tcPred: readonly PtcDoc[], task: EvalTask): EvalResult {
  const out: EvalResult = {};
  if (task === 'si' || task === 'all') out.si = scoreSI(gold, pred);
  if (task === 'tc' || task === 'all') out.tc = scoreTC(gold, tcPred);
  if (task === 'flc' || task === 'all') out.flc = scoreFLC(gold, pred);
  return out;
}
