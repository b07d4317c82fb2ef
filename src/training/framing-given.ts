import type { Analyzer } from '../analysis/analyzer.js';
import { MAIN_ROLES, type ArchetypeId, type MainRole } from '../core/framing.js';
import type { SourcingAnalysis } from '../layers/sourcing/analyse.js';
import { SOURCING } from '../layers/sourcing/analyse.js';
import { ACTORS, type ActorAnalysis } from '../layers/actors/layer.js';
import { createLayerContext } from '../layers/contract.js';
import type { VoiceAnalysis } from '../layers/voice/analyse.js';
import { VOICE } from '../layers/voice/product.js';
import { docContext } from '../layers/framing/features.js';
import { frameMentions } from '../layers/framing/infer.js';
import type { FramingModel } from '../layers/framing/model.js';
import { givenSpans, ruleFindings, sentenceClasses } from '../layers/framing/spans.js';

/** A role for a mention given from outside (the roles task): always one of the three main roles. */
export interface GivenRole {
  main: MainRole;
  fine: ArchetypeId[];
  scores: Record<MainRole, number>;
}

/**
 * Frames mentions given by offsets (UTF-16, into `text`), as SemEval-2025 Task 10 subtask 1 asks:
 * every given mention gets the best of the three main roles (never `unframed`) and the archetypes of
 * that role. `analyzer` supplies the rule findings; the actors layer's own mentions give context.
 */
export function frameGiven(analyzer: Analyzer, model: FramingModel, text: string, mentions: ReadonlyArray<{ start: number; end: number }>): Array<GivenRole | null> {
  const report = analyzer.analyze(text, { layers: false });
  const doc = analyzer.segment(text);
  const ctx = createLayerContext({ doc, report, span: (s, e) => ({ start: s, end: e, text: text.slice(s, e) }), config: analyzer.config });
  const actors: ActorAnalysis = ctx.need(ACTORS);
  const voice: VoiceAnalysis = ctx.need(VOICE);
  const sourcing: SourcingAnalysis = ctx.need(SOURCING);
  const { spans, given } = givenSpans(doc, actors, mentions);
  const dc = docContext(doc, spans, voice, model.stems, ruleFindings(doc, report.findings), model.valence, sentenceClasses(sourcing));
  const wanted = new Set(given.filter((k) => k !== -1));
  const read = frameMentions(model, dc, { all: true, wanted, given: true });
  return given.map((k) => {
    const r = k === -1 ? null : read[k];
    if (!r) return null;
    const main = r.role === 'unframed' ? MAIN_ROLES[0]! : r.role;
    return { main, fine: r.archetypes.map((a) => a.id), scores: r.scores };
  });
}

