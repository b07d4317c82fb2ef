import type { ReportLayer } from '../contract.js';
import { VOICE } from '../voice/product.js';
import { IntensityScorer } from './score.js';
import { reportedWords } from './voice.js';

const scorers = new Map<string, IntensityScorer>();

/** One scorer per set of user lexicon directories (intensity-<kind>.txt files), built once. */
function scorerFor(dirs: readonly string[]): IntensityScorer {
  const key = dirs.join('\0');
  let s = scorers.get(key);
  if (!s) scorers.set(key, (s = new IntensityScorer(dirs)));
  return s;
}

/**
 * Adds `report.intensity`: a 0..100 score per sentence and for the document, its band, and the
 * contributions behind it. Runs after the detectors so that name-calling findings count; reads the
 * voice analysis for the words a source is reported to have said.
 */
export const intensityLayer: ReportLayer = {
  name: 'intensity',
  apply(ctx) {
    const reported = reportedWords(ctx.doc, ctx.need(VOICE));
    ctx.report.intensity = scorerFor(ctx.config?.lexicons ?? []).score(ctx.doc, ctx.span, ctx.report.findings, reported);
  },
};
