import type { NarrativeVoice } from '../../core/narratives.js';
import type { LayerContext } from '../contract.js';
import { SOURCING } from '../sourcing/analyse.js';
import { displaySource } from '../sourcing/layer.js';

const AUTHOR: NarrativeVoice = { kind: 'author', speaker: null, quoted: false };

/**
 * Whose words sentence s is, at token i: a direct quotation's speaker, the source of reported speech,
 * or the author. Read from the sourcing layer's analysis until the voice layer (src/layers/voice)
 * lands on main; then this one function switches to `ctx.need(VOICE)`.
 */
export function voiceAt(ctx: LayerContext, s: number, i: number): NarrativeVoice {
  const sourcing = ctx.need(SOURCING);
  const q = i >= 0 ? sourcing.tokenQuote[i]! : -1;
  if (q >= 0) {
    const quote = sourcing.quotes.find((x) => x.a <= i && i < x.b) ?? null;
    if (quote && quote.kind === 'speech') return { kind: 'source', speaker: displaySource(quote.speaker, quote.resolved), quoted: true };
  }
  const sc = sourcing.sentences[s];
  if (sc?.quote && sc.quote.kind === 'speech') return { kind: 'source', speaker: displaySource(sc.quote.speaker, sc.quote.resolved), quoted: true };
  if (sc?.attribution) return { kind: 'source', speaker: displaySource(sc.attribution.source), quoted: false };
  return AUTHOR;
}
