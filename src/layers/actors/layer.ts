import { defineProduct, type Product } from '../contract.js';
import type { Doc } from '../../text/segment.js';
import type { Gazetteer } from './gazetteer.js';
import { defaultGazetteer, gazetteerFor } from './gazetteer.js';
import type { HeuristicActor, Mention } from './mentions.js';
import { findMentions } from './mentions.js';
import { addDescribed } from './described.js';
import { addPronouns } from './pronouns.js';

export interface ActorAnalysis {
  /** In document order (sorted by position, hence by sentence). */
  mentions: Mention[];
  /** Sentence k has mentions [offsets[k], offsets[k + 1]). */
  offsets: Int32Array;
  heuristic: Map<string, HeuristicActor>;
  gazetteer: Gazetteer;
}

/**
 * Per sentence, where its mentions start in `mentions` (sorted by position, as findMentions gives
 * them): sentence k has mentions [at[k], at[k + 1]).
 */
export function mentionOffsets(sentences: number, mentions: readonly Mention[]): Int32Array {
  const at = new Int32Array(sentences + 1);
  for (const m of mentions) at[m.sentence + 1]!++;
  for (let k = 0; k < sentences; k++) at[k + 1]! += at[k]!;
  return at;
}

/** The mentions of a document. */
export function analyseActors(doc: Doc, g: Gazetteer = defaultGazetteer()): ActorAnalysis {
  const found = findMentions(doc, g);
  const heuristic = found.heuristic;
  const mentions = addPronouns(doc, addDescribed(doc, found.mentions, heuristic), heuristic, (id) => g.get(id));
  return { mentions, offsets: mentionOffsets(doc.sentences.length, mentions), heuristic, gazetteer: g };
}

/** The actor analysis as a layer product, with the configuration's gazetteer: voice, framing and claims read it. */
export const ACTORS: Product<ActorAnalysis> = defineProduct('actors', (ctx) => analyseActors(ctx.doc, gazetteerFor(ctx.config)));

/** The mentions of sentence k (a new array). */
export function sentenceMentions(r: ActorAnalysis, k: number): Mention[] {
  return r.mentions.slice(r.offsets[k]!, r.offsets[k + 1]!);
}
