import type { NarrativeVoice } from '../../core/narratives.js';
import type { LayerContext } from '../contract.js';
import { VOICE, voiceAtToken } from '../voice/product.js';

/** Whose words token i of sentence s is (the voice layer's VOICE product): the author's, or a source's. */
export function voiceAt(ctx: LayerContext, s: number, i: number): NarrativeVoice {
  const sent = ctx.doc.sentences[s]!;
  const at = i >= sent.tokenStart && i < sent.tokenEnd ? i : (sent.tokenStart + sent.tokenEnd) >> 1;
  return voiceAtToken(ctx.need(VOICE), at);
}
