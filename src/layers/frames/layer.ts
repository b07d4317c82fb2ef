import type { ReportLayer } from '../contract.js';
import { FrameAnalyser } from './analyse.js';

const analysers = new Map<string, FrameAnalyser>();

/** One analyser per set of user cue directories (the config's lexicon directories), built once. */
function analyserFor(dirs: readonly string[]): FrameAnalyser {
  const key = dirs.join('\0');
  let a = analysers.get(key);
  if (!a) analysers.set(key, (a = new FrameAnalyser({ cueDirs: dirs })));
  return a;
}

/** Adds `report.frames`: frame scores, dominant frames and evidence per paragraph and document. */
export const framesLayer: ReportLayer = {
  name: 'frames',
  apply(ctx) {
    ctx.report.frames = analyserFor(ctx.config?.lexicons ?? []).analyse(ctx.doc, ctx.span);
  },
};
