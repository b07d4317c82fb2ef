import type { ActorType } from '../../core/actors.js';
import type { Finding } from '../../core/finding.js';
import type { TechniqueId } from '../../core/taxonomy.js';
import { toCanonicalOffset } from '../../text/normalise.js';
import type { Doc } from '../../text/segment.js';
import type { ActorAnalysis } from '../actors/layer.js';
import { spanType } from '../actors/span-type.js';
import { tokenAtOrAfter } from '../sourcing/quotations.js';
import type { MentionSpan } from './features.js';
import { SOURCING_CLASSES } from '../../core/sourcing.js';
import type { SourcingAnalysis } from '../sourcing/analyse.js';
import { lower } from '../../lexicon/word-sets.js';

const ARTICLES = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'his', 'her', 'this', 'that', 'these', 'those']);

/** The type of an actor the actors layer found. */
export function actorType(r: ActorAnalysis, id: string): ActorType {
  return r.gazetteer.get(id)?.type ?? r.heuristic.get(id)?.type ?? 'unknown';
}

/** The actors layer's mentions as spans to featurise (the analysis setting). */
export function analysisSpans(r: ActorAnalysis): MentionSpan[] {
  return r.mentions.map((m) => ({ a: m.a, b: m.b, sentence: m.sentence, group: m.actor, type: actorType(r, m.actor) }));
}

/** Mention text as a group key when no actor matches: lowercase, no article, no plural s. */
const surfaceKey = (s: string) => `surface:${s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/'s$/, '').replace(/s$/, '').trim()}`;

/**
 * Given mentions (UTF-16 offsets into the original text, as in gold files) as spans: each takes the
 * actor and type of a mention the actors layer found inside it, else its own words as group. The
 * actors layer's other mentions are added (for context: they read as the placeholder), and the
 * returned `given[k]` is the index of given mention k in the spans, or -1 when it covers no token.
 */
export function givenSpans(doc: Doc, r: ActorAnalysis, given: ReadonlyArray<{ start: number; end: number }>): { spans: MentionSpan[]; given: number[] } {
  const t = doc.tokens;
  const out: MentionSpan[] = [];
  const index: number[] = [];
  const taken = new Uint8Array(t.count);
  for (const g of given) {
    const cs = toCanonicalOffset(doc.nt, g.start);
    const ce = toCanonicalOffset(doc.nt, g.end);
    const a = tokenAtOrAfter(doc, cs);
    let b = tokenAtOrAfter(doc, ce);
    if (b <= a && a < t.count) b = a + 1;
    if (a >= t.count || b <= a) { index.push(-1); continue; }
    const sentence = doc.tokenSentence[a]!;
    // The actor of a mention found inside: one that covers half the words or more, or starts the phrase ("the Sylvanian army").
    let first = a;
    while (first < b - 1 && ARTICLES.has(lower(t, first))) first++;
    const hit = r.mentions.find((m) => m.a < b && a < m.b && (m.a === first || 2 * (Math.min(b, m.b) - Math.max(a, m.a)) >= b - a));
    const text = doc.text.slice(t.start[a]!, t.end[b - 1]!);
    index.push(out.length);
    out.push({ a, b, sentence, group: hit ? hit.actor : surfaceKey(text), type: hit ? actorType(r, hit.actor) : spanType(doc, a, b) });
    taken.fill(1, a, b);
  }
  for (const m of r.mentions) {
    let free = true;
    for (let i = m.a; i < m.b; i++) if (taken[i]) free = false;
    if (free) out.push({ a: m.a, b: m.b, sentence: m.sentence, group: m.actor, type: actorType(r, m.actor) });
  }
  // Spans in document order; `index` follows them.
  const order = out.map((_, k) => k).sort((x, y) => out[x]!.a - out[y]!.a || x - y);
  const where = new Int32Array(out.length);
  order.forEach((k, pos) => { where[k] = pos; });
  return { spans: order.map((k) => out[k]!), given: index.map((k) => (k === -1 ? -1 : where[k]!)) };
}

/** Technique findings in canonical offsets, without the trained technique model's (rules are the same at training and analysis). */
export function ruleFindings(doc: Doc, findings: readonly Finding[]): Array<{ start: number; end: number; technique: TechniqueId }> {
  const out: Array<{ start: number; end: number; technique: TechniqueId }> = [];
  for (const f of findings) {
    if (f.source === 'model') continue;
    out.push({ start: toCanonicalOffset(doc.nt, f.start), end: toCanonicalOffset(doc.nt, f.end), technique: f.technique });
  }
  return out;
}

/** The sourcing class of each sentence as an index into SOURCING_CLASSES. */
export function sentenceClasses(r: SourcingAnalysis): Int8Array {
  const out = new Int8Array(r.sentences.length);
  for (const s of r.sentences) out[s.sentence] = SOURCING_CLASSES.indexOf(s.cls);
  return out;
}
