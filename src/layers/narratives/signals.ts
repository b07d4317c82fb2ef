import type { FrameId } from '../../core/frames.js';
import type { FramesReport } from '../../core/frames.js';
import { toOriginalSpan } from '../../text/normalise.js';
import type { Doc } from '../../text/segment.js';
import { analyseActors, type ActorAnalysis } from '../actors/layer.js';
import { analyseSourcing, type SourcingAnalysis } from '../sourcing/analyse.js';
import { FrameAnalyser } from '../frames/analyse.js';
import { scanParties } from './features.js';
import type { DocSignals } from './model.js';
import type { NarrativePack } from './pack.js';
import { rolesBySentence } from './roles.js';

/** Dominant frames per paragraph, from a frames report (absent: none). */
export function framesByParagraph(doc: Doc, frames: FramesReport | undefined): Array<readonly FrameId[] | undefined> {
  const out: Array<readonly FrameId[] | undefined> = new Array(doc.paragraphs.length);
  if (!frames) return out;
  for (const p of frames.paragraphs) if (p.index < out.length && p.dominant.length > 0) out[p.index] = p.dominant;
  return out;
}

/** A document's signals from what the layers produced (the narratives layer's path). */
export function signalsOf(doc: Doc, pack: NarrativePack, frames: FramesReport | undefined, actors: ActorAnalysis, sourcing: SourcingAnalysis): DocSignals {
  const parties = scanParties(doc, pack);
  return { parties, frames: framesByParagraph(doc, frames), roles: rolesBySentence(doc, actors, sourcing, parties) };
}

let analyser: FrameAnalyser | null = null;

/** A document's signals computed directly, with the built-in frame cues and gazetteer (the training path). */
export function standaloneSignals(doc: Doc, pack: NarrativePack): DocSignals {
  analyser ??= new FrameAnalyser();
  const span = (start: number, end: number) => {
    const [s, e] = toOriginalSpan(doc.nt, start, end);
    return { start: s, end: e, text: '' };
  };
  return signalsOf(doc, pack, analyser.analyse(doc, span), analyseActors(doc), analyseSourcing(doc));
}
