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
import { K_WORD } from '../../text/tokenise.js';
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
  const disowned = disownedTokens(doc, voice);
  return { parties, frames: framesByParagraph(doc, frames), roles: rolesBySentence(doc, actors, sourcing, parties), disowned, muted: mutedSentences(doc, disowned) };
}

/**
 * Tokens in the words of a source the author rejects or doubts, or reported inside such a source's
 * words, with the frame that reports them (1): a commentary that quotes "terrorist cells" to refute
 * the charge does not tell the story of terrorist cells. null when there are none.
 */
export function disownedTokens(doc: Doc, voice: VoiceAnalysis): Uint8Array | null {
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
  // The words, and the frame that reports them ("Tarvian officials ... speak of"): from the speaker
  // or the reporting words, whichever comes first in the sentence, to the words' end. The author's
  // own stance words ("These charges are baseless") stay.
  const out = new Uint8Array(segOf.length);
  for (let k = 0; k < segs.length; k++) {
    if (disowned[k] !== 1) continue;
    const x = segs[k]!;
    let lo = x.a;
    if (x.cueA >= 0 && x.cueA < lo) lo = x.cueA;
    if (x.speaker !== null && x.speaker.a < lo) lo = x.speaker.a;
    const start = doc.sentences[x.sentence]!.tokenStart;
    if (lo < start) lo = start;
    out.fill(1, lo, x.b);
    if (x.stanceA >= 0) out.fill(0, x.stanceA, x.stanceB);
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

/** Sentences whose every word is disowned (1): they say nothing in the author's voice and are left out. */
export function mutedSentences(doc: Doc, disowned: Uint8Array | null): Uint8Array | null {
  if (disowned === null) return null;
  const out = new Uint8Array(doc.sentences.length);
  let any = false;
  for (const s of doc.sentences) {
    let own = false;
    let words = 0;
    for (let i = s.tokenStart; i < s.tokenEnd && !own; i++) {
      if (doc.tokens.kind[i] !== K_WORD) continue;
      words++;
      own = disowned[i] !== 1;
    }
    if (words > 0 && !own) {
      out[s.index] = 1;
      any = true;
    }
  }
  return any ? out : null;
}
