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
import { analyseVoice, type VoiceAnalysis } from '../voice/analyse.js';

/** Dominant frames per paragraph, from a frames report (absent: none). */
export function framesByParagraph(doc: Doc, frames: FramesReport | undefined): Array<readonly FrameId[] | undefined> {
  const out: Array<readonly FrameId[] | undefined> = new Array(doc.paragraphs.length);
  if (!frames) return out;
  for (const p of frames.paragraphs) if (p.index < out.length && p.dominant.length > 0) out[p.index] = p.dominant;
  return out;
}

/** A document's signals from what the layers produced (the narratives layer's path). */
export function signalsOf(doc: Doc, pack: NarrativePack, frames: FramesReport | undefined, actors: ActorAnalysis, sourcing: SourcingAnalysis, voice: VoiceAnalysis): DocSignals {
  const parties = scanParties(doc, pack);
  return { parties, frames: framesByParagraph(doc, frames), roles: rolesBySentence(doc, actors, sourcing, parties), disowned: disownedTokens(voice) };
}

/**
 * Tokens in the words of a source the author rejects or doubts, or reported inside such a source's
 * words (1): a commentary that quotes "terrorist cells" to refute the charge does not tell the story
 * of terrorist cells. null when there are none.
 */
export function disownedTokens(voice: VoiceAnalysis): Uint8Array | null {
  const segOf = voice.tokenSeg;
  if (segOf === null) return null;
  const segs = voice.segments;
  const disowned = new Uint8Array(segs.length);
  let any = false;
  for (let k = 0; k < segs.length; k++) {
    const x = segs[k]!;
    const p = x.parent;
    if (x.stance === 'rejects' || x.stance === 'doubts' || (p >= 0 && p < k && disowned[p] === 1)) disowned[k] = 1;
    if (disowned[k]) any = true;
  }
  if (!any) return null;
  const out = new Uint8Array(segOf.length);
  for (let i = 0; i < segOf.length; i++) {
    const k = segOf[i]!;
    if (k >= 0 && disowned[k] === 1) out[i] = 1;
  }
  return out;
}

let analyser: FrameAnalyser | null = null;

/** A document's signals computed directly, with the built-in frame cues and gazetteer (the training path). */
export function standaloneSignals(doc: Doc, pack: NarrativePack): DocSignals {
  analyser ??= new FrameAnalyser();
  const span = (start: number, end: number) => {
    const [s, e] = toOriginalSpan(doc.nt, start, end);
    return { start: s, end: e, text: '' };
  };
  const actors = analyseActors(doc);
  const sourcing = analyseSourcing(doc);
  return signalsOf(doc, pack, analyser.analyse(doc, span), actors, sourcing, analyseVoice(doc, sourcing, actors));
}
