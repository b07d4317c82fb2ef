import { defineProduct, type LayerContext, type Product, type ReportLayer } from '../contract.js';
import type { SpanRef } from '../../core/report.js';
import type { Finding } from '../../core/finding.js';
import { analyseSourcing, SOURCING, type SourcingAnalysis } from '../sourcing/analyse.js';
import { loadedAt } from '../sourcing/classify.js';
import { lower, punctChar } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import type { Gazetteer } from './gazetteer.js';
import { defaultGazetteer, gazetteerFor } from './gazetteer.js';
import type { HeuristicActor, Mention } from './mentions.js';
import { findMentions } from './mentions.js';
import type { RoleCue } from './portrayal.js';
import { decideRole, mentionOffsets, portrayalCues } from './portrayal.js';
import type { ActorSummary } from '../../core/actors.js';

export interface ActorAnalysis {
  /** In document order (sorted by position, hence by sentence). */
  mentions: Mention[];
  /** Sentence k has mentions [offsets[k], offsets[k + 1]). */
  offsets: Int32Array;
  heuristic: Map<string, HeuristicActor>;
  cues: RoleCue[];
  gazetteer: Gazetteer;
}

/** Mentions and role cues of a document. */
export function analyseActors(doc: Doc, g: Gazetteer = defaultGazetteer(), sourcing: SourcingAnalysis = analyseSourcing(doc)): ActorAnalysis {
  const { mentions, heuristic } = findMentions(doc, g);
  const offsets = mentionOffsets(doc.sentences.length, mentions);
  const cues = portrayalCues(doc, mentions, sourcing, offsets);
  return { mentions, offsets, heuristic, cues, gazetteer: g };
}

/** The actor analysis as a layer product, with the configuration's gazetteer: the claims layer reads it too. */
export const ACTORS: Product<ActorAnalysis> = defineProduct('actors', (ctx) => analyseActors(ctx.doc, gazetteerFor(ctx.config), ctx.need(SOURCING)));

/** The mentions of sentence k (a new array). */
export function sentenceMentions(r: ActorAnalysis, k: number): Mention[] {
  return r.mentions.slice(r.offsets[k]!, r.offsets[k + 1]!);
}

/**
 * Length of the loaded term at each token (0: none), computed on first use: the windows of
 * neighbouring mentions overlap. Scratch shared by calls, cleared per document by a stamp.
 */
let loadedLen = new Int32Array(0);
let loadedStamp = new Int32Array(0);
let loadedEpoch = 0;

/** Loaded terms in a mention ("Freedonian regime") or within three tokens of it, in the same clause. */
function loadedNear(doc: Doc, m: Mention, out: Array<[number, number]>): void {
  const s = doc.sentences[m.sentence]!;
  for (let i = Math.max(s.tokenStart, m.a - 3); i < Math.min(s.tokenEnd, m.b + 3); i++) {
    let n: number;
    if (loadedStamp[i] === loadedEpoch) n = loadedLen[i]!;
    else {
      n = loadedAt(doc, i, s.tokenEnd);
      loadedStamp[i] = loadedEpoch;
      loadedLen[i] = n;
    }
    if (!n) continue;
    // Nothing but words between the term and the mention.
    const from = Math.min(i + n, m.a);
    const to = Math.max(i, m.b);
    let clean = true;
    for (let k = Math.min(from, to); k < Math.max(from, to); k++) if (punctChar(doc, k) && lower(doc.tokens, k) !== "'s") clean = false;
    if (clean) out.push([i, i + n]);
    i += n - 1;
  }
}

/** Starts the loaded-term memo for a document of `count` tokens. */
function startLoadedMemo(count: number): void {
  if (loadedStamp.length < count || loadedEpoch >= 0x3fffffff) {
    loadedLen = new Int32Array(Math.max(count, 2 * loadedStamp.length));
    loadedStamp = new Int32Array(loadedLen.length);
    loadedEpoch = 0;
  }
  loadedEpoch++;
}

/**
 * Per actor, the findings whose span contains one of its mentions, in findings order. `starts`,
 * `ends` and `owner` [0, n) list every mention span of the kept actors, sorted by start; each finding
 * looks only at the mentions that start inside it.
 */
function linkTechniques(findings: readonly Finding[], actors: number, starts: Int32Array, ends: Int32Array, owner: Int32Array, n: number): Array<ActorSummary['techniques']> {
  const out: Array<ActorSummary['techniques']> = [];
  for (let k = 0; k < actors; k++) out.push([]);
  if (lastFinding.length < actors) lastFinding = new Int32Array(Math.max(actors, 2 * lastFinding.length));
  const last = lastFinding;
  last.fill(-1, 0, actors);
  for (let fi = 0; fi < findings.length; fi++) {
    const f = findings[fi]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < f.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < n && starts[k]! <= f.end; k++) {
      const actor = owner[k]!;
      if (ends[k]! <= f.end && last[actor] !== fi) {
        last[actor] = fi;
        out[actor]!.push({ finding: f.id, technique: f.technique });
      }
    }
  }
  return out;
}

/** The plain check, for mention spans that do not run forwards (not expected). */
function linkTechniquesPlain(findings: readonly Finding[], mentionsOf: readonly SpanRef[][]): Array<ActorSummary['techniques']> {
  return mentionsOf.map((ms) => {
    const out: ActorSummary['techniques'] = [];
    for (const f of findings) if (ms.some((m) => f.start <= m.start && m.end <= f.end)) out.push({ finding: f.id, technique: f.technique });
    return out;
  });
}

let spanStarts = new Int32Array(0);
let spanEnds = new Int32Array(0);
let spanOwner = new Int32Array(0);
let lastFinding = new Int32Array(0);

interface Kept {
  id: string;
  ms: Mention[];
  entry: { name: string; type: ActorSummary['type'] };
  mentions: SpanRef[];
  cues: RoleCue[] | null;
}

export function buildActors(ctx: LayerContext): ActorSummary[] {
  const { doc, span, report } = ctx;
  const r = ctx.need(ACTORS);
  const g = r.gazetteer;
  const tokSpan = (a: number, b: number): SpanRef => span(doc.tokens.start[a]!, doc.tokens.end[b - 1]!);
  // Role cues rest on whole sentences, shared by many cues: map each sentence once.
  const sentenceSpans = new Map<number, { b: number; r: SpanRef }>();
  const cueSpan = (a: number, b: number): SpanRef => {
    const known = sentenceSpans.get(a);
    if (known && known.b === b) return known.r;
    const r = tokSpan(a, b);
    if (!known) sentenceSpans.set(a, { b, r });
    return r;
  };
  // Actors in order of first mention; each mention is mapped once, in document order.
  const slot = new Map<string, number>();
  const kept: Kept[] = [];
  const mentions = r.mentions;
  // Scratch shared by calls (typed arrays are costly to allocate per document).
  if (spanStarts.length < mentions.length) {
    spanStarts = new Int32Array(Math.max(mentions.length, 2 * spanStarts.length));
    spanEnds = new Int32Array(spanStarts.length);
    spanOwner = new Int32Array(spanStarts.length);
  }
  const starts = spanStarts;
  const ends = spanEnds;
  const owner = spanOwner;
  let n = 0;
  let forwards = true;
  for (const m of mentions) {
    let k = slot.get(m.actor);
    if (k === undefined) {
      const entry = g.get(m.actor) ?? r.heuristic.get(m.actor);
      k = entry ? kept.length : -1;
      slot.set(m.actor, k);
      if (entry) kept.push({ id: m.actor, ms: [], entry, mentions: [], cues: null });
    }
    if (k < 0) continue;
    const sp = tokSpan(m.a, m.b);
    const ka = kept[k]!;
    ka.ms.push(m);
    ka.mentions.push(sp);
    if (sp.end < sp.start || (n > 0 && sp.start < starts[n - 1]!)) forwards = false;
    starts[n] = sp.start;
    ends[n] = sp.end;
    owner[n] = k;
    n++;
  }
  for (const c of r.cues) {
    const k = slot.get(c.actor);
    if (k !== undefined && k >= 0) (kept[k]!.cues ??= []).push(c);
  }
  const techniquesOf = forwards
    ? linkTechniques(report.findings, kept.length, starts, ends, owner, n)
    : linkTechniquesPlain(report.findings, kept.map((k) => k.mentions));
  startLoadedMemo(doc.tokens.count);
  const near: Array<[number, number]> = [];
  const out: ActorSummary[] = [];
  for (let ka = 0; ka < kept.length; ka++) {
    const { id, ms, entry, mentions } = kept[ka]!;
    const techniques = techniquesOf[ka]!;
    const loadedTerms: SpanRef[] = [];
    let seen: Set<number> | null = null;
    for (const m of ms) {
      near.length = 0;
      loadedNear(doc, m, near);
      for (const [a, b] of near) {
        if (seen?.has(a)) continue;
        (seen ??= new Set()).add(a);
        loadedTerms.push(tokSpan(a, b));
      }
    }
    const cues = kept[ka]!.cues ?? [];
    const { role, scores } = decideRole(cues);
    out.push({
      id,
      name: entry.name,
      type: entry.type,
      origin: g.get(id) ? 'gazetteer' : 'heuristic',
      mentions,
      techniques,
      loadedTerms,
      portrayal: {
        role,
        scores,
        evidence: cues.map((c) => {
          const r = cueSpan(c.a, c.b);
          return { start: r.start, end: r.end, text: r.text, role: c.role, cue: c.cue, weight: c.weight };
        }),
      },
    });
  }
  out.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0]!.start - b.mentions[0]!.start);
  return out;
}

/** Report layer: actors with mentions, techniques, loaded terms and portrayal. */
export const actorsLayer: ReportLayer = {
  name: 'actors',
  needs: ['sourcing'],
  apply(ctx) {
    ctx.report.actors = buildActors(ctx);
  },
};
