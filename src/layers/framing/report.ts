import type { LayerContext, ReportLayer } from '../contract.js';
import type { SpanRef } from '../../core/report.js';
import type { Finding } from '../../core/finding.js';
import { lower, punctChar } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import type { Mention } from '../actors/mentions.js';
import { ACTORS } from '../actors/layer.js';
import { LOCATIVE } from '../actors/nouns.js';
import type { ActorMention, ActorSummary, SourceOf } from '../../core/actors.js';
import { VOICE, voiceAtToken, voiceOfSegment } from '../voice/product.js';
import { FRAMING } from './product.js';
import type { MentionFraming } from './infer.js';
import { castActor, sourceKeysOf } from './aggregate.js';
import { LOADED_TERMS, type LoadedTerms } from './loaded.js';

/*
 * The actors report section: each actor the actors layer found, with its mentions (each with its
 * own role), techniques, loaded terms, the words it speaks and how the text casts it. It lives with
 * framing because it reads the framing product; the actors folder finds the actors.
 */

/**
 * Loaded terms in a mention ("Freedonian regime") or within three tokens of it, in the same clause:
 * their token ranges into `out` (pairs), returning how many. `out` has room for every token of the window.
 */
function loadedNear(doc: Doc, loaded: LoadedTerms, m: Mention, out: Int32Array): number {
  const s = doc.sentences[m.sentence]!;
  let n = 0;
  for (let i = Math.max(s.tokenStart, m.a - 3); i < Math.min(s.tokenEnd, m.b + 3); i++) {
    const len = loaded.at(i);
    if (!len) continue;
    // Nothing but words between the term and the mention.
    const from = Math.min(i + len, m.a);
    const to = Math.max(i, m.b);
    let clean = true;
    for (let k = Math.min(from, to); k < Math.max(from, to); k++) if (punctChar(doc, k) && lower(doc.tokens, k) !== "'s") clean = false;
    if (clean) { out[n++] = i; out[n++] = i + len; }
    i += len - 1;
  }
  return n / 2;
}

/** loadedNear's output, grown to the longest window asked for. */
let nearBuf = new Int32Array(64);

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
  /** Indexes into the document's mentions. */
  idx: number[];
  entry: { name: string; type: ActorSummary['type'] };
  mentions: SpanRef[];
}

/** Does mention m follow a preposition of place ("in Canada", "across the EU")? */
function afterLocative(doc: Doc, m: { a: number; sentence: number }): boolean {
  const start = doc.sentences[m.sentence]!.tokenStart;
  let k = m.a - 1;
  if (k > start && lower(doc.tokens, k) === 'the') k--;
  return k >= start && LOCATIVE.at(doc.tokens, k);
}

export function buildActors(ctx: LayerContext): ActorSummary[] {
  const { doc, span, report } = ctx;
  const r = ctx.need(ACTORS);
  const g = r.gazetteer;
  const tokSpan = (a: number, b: number): SpanRef => span(doc.tokens.start[a]!, doc.tokens.end[b - 1]!);
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
  for (let mi = 0; mi < mentions.length; mi++) {
    const m = mentions[mi]!;
    let k = slot.get(m.actor);
    if (k === undefined) {
      const entry = g.get(m.actor) ?? r.heuristic.get(m.actor);
      k = entry ? kept.length : -1;
      slot.set(m.actor, k);
      if (entry) kept.push({ id: m.actor, idx: [], entry, mentions: [] });
    }
    if (k < 0) continue;
    const sp = tokSpan(m.a, m.b);
    const ka = kept[k]!;
    ka.idx.push(mi);
    ka.mentions.push(sp);
    if (sp.end < sp.start || (n > 0 && sp.start < starts[n - 1]!)) forwards = false;
    starts[n] = sp.start;
    ends[n] = sp.end;
    owner[n] = k;
    n++;
  }
  if (kept.length === 0) return [];
  const techniquesOf = forwards
    ? linkTechniques(report.findings, kept.length, starts, ends, owner, n)
    : linkTechniquesPlain(report.findings, kept.map((k) => k.mentions));
  const voice = ctx.need(VOICE);
  const framing = ctx.need(FRAMING);
  // Who speaks: segments whose speaker is the actor.
  const sourceOf = new Map<string, SourceOf[]>();
  voice.segments.forEach((x, segment) => {
    if (!x.actor || (x.parent !== -1 && voice.segments[x.parent]!.actor === x.actor)) return;
    const list = sourceOf.get(x.actor) ?? [];
    list.push({ segment, quoted: x.quoted, stance: x.stance });
    sourceOf.set(x.actor, list);
  });
  const loaded = ctx.need(LOADED_TERMS);
  const out: ActorSummary[] = [];
  let sourceKeys: string[] | null = null;
  for (let ka = 0; ka < kept.length; ka++) {
    const { id, idx, entry, mentions: spans } = kept[ka]!;
    const techniques = techniquesOf[ka]!;
    const loadedTerms: ActorSummary['loadedTerms'] = [];
    let seen: Set<number> | null = null;
    const readings: Array<MentionFraming | null> = new Array(idx.length);
    const ms: ActorMention[] = [];
    // Named only as where things happen ("wildfires in Canada", "talks in Istanbul"): a setting, cast by nobody.
    const setting = entry.type !== 'person' && entry.type !== 'people' && idx.every((mi) => afterLocative(doc, mentions[mi]!));
    for (let j = 0; j < idx.length; j++) {
      const m = mentions[idx[j]!]!;
      const f = setting ? null : framing.mentions[idx[j]!] ?? null;
      readings[j] = f;
      if (nearBuf.length < 2 * (m.b - m.a + 6)) nearBuf = new Int32Array(4 * (m.b - m.a + 6));
      const nn = loadedNear(doc, loaded, m, nearBuf);
      for (let q = 0; q < nn; q++) {
        const a = nearBuf[2 * q]!;
        const b = nearBuf[2 * q + 1]!;
        if (seen?.has(a)) continue;
        (seen ??= new Set()).add(a);
        const term: ActorSummary['loadedTerms'][number] = tokSpan(a, b);
        const v = voiceAtToken(voice, a);
        if (v.kind !== 'author') term.voice = v;
        loadedTerms.push(term);
      }
      const sp = spans[j]!;
      const am: ActorMention = { start: sp.start, end: sp.end, text: sp.text, role: f ? f.role : 'unframed', scores: f ? f.scores : { protagonist: 0, antagonist: 0, innocent: 0 }, archetypes: f ? f.archetypes : [] };
      if (f && f.seg !== -1) {
        am.voice = voiceOfSegment(voice, f.seg);
        if (f.source && f.source.role !== am.role) am.sourceRole = f.source.role;
      }
      ms.push(am);
    }
    out.push({
      id,
      name: entry.name,
      type: entry.type,
      origin: g.get(id) ? 'gazetteer' : 'heuristic',
      mentions: ms,
      techniques,
      loadedTerms,
      sourceOf: sourceOf.get(id) ?? [],
      framing: castActor(framing.model, readings, voice, tokSpan, (sourceKeys ??= sourceKeysOf(voice))),
    });
  }
  out.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0]!.start - b.mentions[0]!.start);
  return out;
}

/** Report layer: actors with mentions (each with its role), techniques, loaded terms, the words they speak, and how the text casts them. */
export const actorsLayer: ReportLayer = {
  name: 'actors',
  needs: ['sourcing'],
  apply(ctx) {
    ctx.report.actors = buildActors(ctx);
  },
};
