import type { LayerContext, ReportLayer } from '../analysis/layers.js';
import type { SpanRef } from '../core/report.js';
import type { Finding } from '../core/finding.js';
import { analyseSourcing } from '../sourcing/analyse.js';
import { loadedAt } from '../sourcing/classify.js';
import { lower, punctChar } from '../sourcing/words.js';
import type { Doc } from '../text/segment.js';
import type { Gazetteer } from './gazetteer.js';
import { defaultGazetteer, gazetteerFor, loadBuiltinAtStartup } from './gazetteer.js';
import type { HeuristicActor, Mention } from './mentions.js';
import { findMentions } from './mentions.js';
import type { RoleCue } from './portrayal.js';
import { decideRole, portrayalCues } from './portrayal.js';
import type { ActorSummary } from './types.js';

export interface ActorAnalysis {
  mentions: Mention[];
  heuristic: Map<string, HeuristicActor>;
  cues: RoleCue[];
  gazetteer: Gazetteer;
}

const cache = new WeakMap<Doc, ActorAnalysis>();

// Build the default gazetteer now, so its aliases are in the vocabulary before any document is tokenised.
const BUILTIN = loadBuiltinAtStartup();

/** Mentions and role cues of a document (computed once; the claims layer reads them too). */
export function analyseActors(doc: Doc, g: Gazetteer = BUILTIN): ActorAnalysis {
  let r = cache.get(doc);
  if (!r || r.gazetteer !== g) {
    const { mentions, heuristic } = findMentions(doc, g);
    const cues = portrayalCues(doc, mentions, analyseSourcing(doc));
    r = { mentions, heuristic, cues, gazetteer: g };
    cache.set(doc, r);
  }
  return r;
}

/** Loaded terms in a mention ("Freedonian regime") or within three tokens of it, in the same clause. */
function loadedNear(doc: Doc, m: Mention): Array<[number, number]> {
  const s = doc.sentences[m.sentence]!;
  const out: Array<[number, number]> = [];
  for (let i = Math.max(s.tokenStart, m.a - 3); i < Math.min(s.tokenEnd, m.b + 3); i++) {
    const n = loadedAt(doc, i, s.tokenEnd);
    if (!n) continue;
    // Nothing but words between the term and the mention.
    const from = Math.min(i + n, m.a);
    const to = Math.max(i, m.b);
    let clean = true;
    for (let k = Math.min(from, to); k < Math.max(from, to); k++) if (punctChar(doc, k) && lower(doc.tokens, k) !== "'s") clean = false;
    if (clean) out.push([i, i + n]);
    i += n - 1;
  }
  return out;
}

/**
 * Per actor, the findings whose span contains one of its mentions, in findings order. Mentions are
 * indexed by start, so each finding looks only at the mentions that start inside it.
 */
function linkTechniques(findings: readonly Finding[], mentionsOf: readonly SpanRef[][]): Array<ActorSummary['techniques']> {
  const out: Array<ActorSummary['techniques']> = mentionsOf.map(() => []);
  const spans: Array<{ start: number; end: number; actor: number }> = [];
  let ordered = true;
  mentionsOf.forEach((ms, actor) => {
    for (const m of ms) {
      if (m.end < m.start) ordered = false;
      spans.push({ start: m.start, end: m.end, actor });
    }
  });
  if (!ordered) {
    // Not expected (spans run forwards); the plain check then.
    mentionsOf.forEach((ms, actor) => {
      for (const f of findings) if (ms.some((m) => f.start <= m.start && m.end <= f.end)) out[actor]!.push({ finding: f.id, technique: f.technique });
    });
    return out;
  }
  spans.sort((a, b) => a.start - b.start);
  const last = new Int32Array(mentionsOf.length).fill(-1);
  for (let fi = 0; fi < findings.length; fi++) {
    const f = findings[fi]!;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < f.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < spans.length && spans[k]!.start <= f.end; k++) {
      const sp = spans[k]!;
      if (sp.end <= f.end && last[sp.actor] !== fi) {
        last[sp.actor] = fi;
        out[sp.actor]!.push({ finding: f.id, technique: f.technique });
      }
    }
  }
  return out;
}

export function buildActors(ctx: LayerContext, g: Gazetteer = defaultGazetteer()): ActorSummary[] {
  const { doc, span, report } = ctx;
  const r = analyseActors(doc, g);
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
  const byActor = new Map<string, Mention[]>();
  for (const m of r.mentions) {
    const list = byActor.get(m.actor) ?? [];
    list.push(m);
    byActor.set(m.actor, list);
  }
  const cuesBy = new Map<string, RoleCue[]>();
  for (const c of r.cues) {
    const list = cuesBy.get(c.actor) ?? [];
    list.push(c);
    cuesBy.set(c.actor, list);
  }
  const kept: Array<{ id: string; ms: Mention[]; entry: { name: string; type: ActorSummary['type'] }; mentions: SpanRef[] }> = [];
  for (const [id, ms] of byActor) {
    const entry = g.get(id) ?? r.heuristic.get(id);
    if (!entry) continue;
    kept.push({ id, ms, entry, mentions: ms.map((m) => tokSpan(m.a, m.b)) });
  }
  const techniquesOf = linkTechniques(report.findings, kept.map((k) => k.mentions));
  const out: ActorSummary[] = [];
  for (let ka = 0; ka < kept.length; ka++) {
    const { id, ms, entry, mentions } = kept[ka]!;
    const techniques = techniquesOf[ka]!;
    const seen = new Set<number>();
    const loadedTerms: SpanRef[] = [];
    for (const m of ms) {
      for (const [a, b] of loadedNear(doc, m)) {
        if (seen.has(a)) continue;
        seen.add(a);
        loadedTerms.push(tokSpan(a, b));
      }
    }
    const cues = cuesBy.get(id) ?? [];
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
  apply(ctx) {
    ctx.report.actors = buildActors(ctx, gazetteerFor(ctx.config));
  },
};
