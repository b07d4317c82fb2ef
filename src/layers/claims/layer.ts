import type { LayerContext, ReportLayer } from '../contract.js';
import type { SpanRef } from '../../core/report.js';
import { ACTORS } from '../actors/layer.js';
import { SOURCING } from '../sourcing/analyse.js';
import { displaySource } from '../sourcing/layer.js';
import type { PartyInfo } from './detect.js';
import { detectClaims } from './detect.js';
import { VOICE, voiceAtToken, voiceChain } from '../voice/product.js';
import type { Claim, Party } from '../../core/claims.js';

export function buildClaims(ctx: LayerContext): Claim[] {
  const { doc, span } = ctx;
  const sourcing = ctx.need(SOURCING);
  const actors = ctx.need(ACTORS);
  const tok = (a: number, b: number): SpanRef => span(doc.tokens.start[a]!, doc.tokens.end[b - 1]!);
  const partyOf = (p: PartyInfo | null): Party | null => {
    if (!p) return null;
    const r = tok(p.a, p.b);
    return { start: r.start, end: r.end, text: r.text, actor: p.actor };
  };
  const voice = ctx.need(VOICE);
  return detectClaims(doc, actors, voice).map((c) => {
    const sent = doc.sentences[c.sentence]!;
    const sc = sourcing.sentences[c.sentence]!;
    const name = sc.quote ? displaySource(sc.quote.speaker, sc.quote.resolved) : displaySource(sc.attribution?.source ?? null);
    const sp = span(sent.start, sent.end);
    const claim: Claim = {
      start: sp.start,
      end: sp.end,
      text: sp.text,
      sentence: c.sentence,
      type: c.types[0]!,
      types: c.types,
      hedging: c.hedging,
      hedges: c.hedges.map(([a, b]) => tok(a, b)),
      cues: c.cues.map(([a, b]) => tok(a, b)),
      source: { class: sc.cls, name },
    };
    // Whose claim it is: the voice of the words that made it check-worthy (the charge, for an accusation).
    const at = c.accusation ? c.accusation.charge[0] : c.cues[0]?.[0];
    const v = at === undefined ? null : voiceAtToken(voice, at);
    if (v && v.kind !== 'author') {
      // Words quoted inside a report share the author's judgement of that report ("X repeated that Y
      // shelters "terrorist cells". These charges are baseless.").
      const judged = v.stance || v.segment === undefined ? null : voiceChain(voice, v.segment).map((k) => voice.segments[k]!.stance).find((x) => x);
      claim.voice = judged ? { ...v, stance: judged } : v;
    }
    if (c.accusation) {
      const a = c.accusation;
      claim.accusation = {
        accuser: partyOf(a.accuser),
        accused: partyOf(a.accused),
        charges: a.charges,
        charge: tok(a.charge[0], a.charge[1]),
        evidence: a.evidence ? tok(a.evidence[0], a.evidence[1]) : null,
      };
    }
    return claim;
  });
}

/** Report layer: check-worthy claims with type, source and hedging; accusations with their parties. */
export const claimsLayer: ReportLayer = {
  name: 'claims',
  needs: ['sourcing', 'actors'],
  apply(ctx) {
    ctx.report.claims = buildClaims(ctx);
  },
};
