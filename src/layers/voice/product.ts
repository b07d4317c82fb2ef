import type { Voice } from '../../core/voice.js';
import { AUTHOR_VOICE } from '../../core/voice.js';
import { defineProduct, type Product } from '../contract.js';
import { ACTORS } from '../actors/layer.js';
import { SOURCING } from '../sourcing/analyse.js';
import { analyseVoice, segmentAt, type VoiceAnalysis } from './analyse.js';

export { segmentAt, type VoiceAnalysis, type VoiceSeg } from './analyse.js';

/**
 * The voice of every part of a document as a layer product: any layer reads it with
 * `ctx.need(VOICE)` and asks `voiceAtToken(v, i)` whose words token i is.
 */
export const VOICE: Product<VoiceAnalysis> = defineProduct('voice', (ctx) => analyseVoice(ctx.doc, ctx.need(SOURCING), ctx.need(ACTORS)));

/** The voice of segment k (one object per segment and document); the author's for k = -1. */
export function voiceOfSegment(v: VoiceAnalysis, k: number): Voice {
  if (k < 0) return AUTHOR_VOICE;
  const list = v.voices;
  let out = list[k];
  if (!out) {
    const x = v.segments[k]!;
    out = { kind: 'source', speaker: x.name, actor: x.actor, quoted: x.quoted, mode: x.mode, segment: k };
    if (x.stance) out.stance = x.stance;
    if (x.denied) out.denied = true;
    list[k] = out;
  }
  return out;
}

/** Whose words token i is. */
export function voiceAtToken(v: VoiceAnalysis, i: number): Voice {
  return voiceOfSegment(v, segmentAt(v, i));
}

/** The segments that report segment k, innermost first (k itself included): "the minister said rebels claimed ...". */
export function voiceChain(v: VoiceAnalysis, k: number): number[] {
  const out: number[] = [];
  for (let p = k; p !== -1; p = v.segments[p]!.parent) out.push(p);
  return out;
}
