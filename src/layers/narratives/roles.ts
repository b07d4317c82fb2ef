import type { Doc } from '../../text/segment.js';
import type { ActorAnalysis } from '../actors/layer.js';
import type { SourcingAnalysis } from '../sourcing/analyse.js';
import { portrayalCues } from './role-cues.js';
import type { RoleInSentence } from './evidence.js';
import type { Parties } from './features.js';

/** The roles a narrative pack's role patterns name (packs also accept antagonist, innocent, protagonist). */
export type ActiveRole = 'aggressor' | 'victim' | 'authority';

/**
 * The roles the role cues (role-cues.ts) cast actors in, by sentence, with who each actor is to the
 * pack (a party, or just a name).
 */
export function rolesBySentence(doc: Doc, actors: ActorAnalysis, sourcing: SourcingAnalysis, parties: Parties): Array<RoleInSentence[] | undefined> {
  const out: Array<RoleInSentence[] | undefined> = new Array(doc.sentences.length);
  for (const cue of portrayalCues(doc, actors.mentions, sourcing, actors.offsets)) {
    const s = doc.tokenSentence[cue.a];
    if (s === undefined) continue;
    let a = -1;
    let b = -1;
    for (let k = actors.offsets[s]!; k < actors.offsets[s + 1]!; k++) {
      const m = actors.mentions[k]!;
      if (m.actor !== cue.actor) continue;
      a = m.a;
      b = m.b;
      break;
    }
    if (a < 0) continue;
    let who = -2;
    for (let i = a; i < b; i++) {
      if (parties.partyCover[i]! >= 0) {
        who = parties.partyCover[i]!;
        break;
      }
    }
    const list = (out[s] ??= []);
    if (!list.some((r) => r.role === cue.role && r.who === who && r.a === a)) list.push({ role: cue.role, who, a, b });
  }
  return out;
}
