import type { SpanRef } from '../../core/report.js';
import type { LayerContext, ReportLayer } from '../contract.js';
import type { Doc } from '../../text/segment.js';
import { SOURCING } from './analyse.js';
import type { Attribution } from './attribution.js';
import type { SourcingClass } from './classify.js';
import { SOURCING_CLASSES } from './classify.js';
import type { SourcePhrase } from './noun-phrase.js';
import type { QuoteInfo } from './quotations.js';
import type { Quotation, SourceRef, SourcingSentence, SourcingSummary } from '../../core/sourcing.js';

type Span = LayerContext['span'];

const tokenSpan = (doc: Doc, span: Span, a: number, b: number): SpanRef => span(doc.tokens.start[a]!, doc.tokens.end[b - 1]!);

export function sourceRef(doc: Doc, span: Span, p: SourcePhrase): SourceRef {
  const r = tokenSpan(doc, span, p.a, p.b);
  return { start: r.start, end: r.end, text: r.text, name: p.name, role: p.role, affiliation: p.affiliation, pronoun: p.pronoun, kind: p.kind };
}

/** How a source reads in a list: its name, else its role with affiliation, else its words. */
export function displaySource(p: SourcePhrase | null, resolved?: SourcePhrase | null): string | null {
  if (!p) return null;
  const r = p.pronoun ? resolved ?? null : p;
  if (!r) return p.text;
  if (r.name) return r.name;
  if (r.role && r.affiliation && !r.role.toLowerCase().includes(r.affiliation.toLowerCase())) return `${r.role} (${r.affiliation})`;
  return r.role ?? r.text;
}

function attributionSource(a: Attribution | null, q: QuoteInfo | null): string | null {
  if (q) return displaySource(q.speaker, q.resolved);
  return a ? displaySource(a.source) : null;
}

export function buildSourcing(ctx: LayerContext): { sourcing: SourcingSummary; quotations: Quotation[] } {
  const { doc, span } = ctx;
  const r = ctx.need(SOURCING);
  // Keys in SOURCING_CLASSES order (as Object.fromEntries would give them).
  const counts = {} as Record<SourcingClass, number>;
  for (const c of SOURCING_CLASSES) counts[c] = 0;
  // Title lines (headings, bylines, date lines) state nothing: no sourcing class for them.
  // Both lists ascend by sentence: one cursor walks the title lines.
  const titles = doc.titleLines;
  let nextTitle = 0;
  const sentences: SourcingSentence[] = [];
  for (const s of r.sentences) {
    while (nextTitle < titles.length && titles[nextTitle]! < s.sentence) nextTitle++;
    if (titles[nextTitle] === s.sentence) continue;
    counts[s.cls]++;
    const sent = doc.sentences[s.sentence]!;
    const sp = span(sent.start, sent.end);
    sentences.push({
      index: s.sentence,
      start: sp.start,
      end: sp.end,
      text: sp.text,
      class: s.cls,
      cue: s.citation !== -1 ? span(doc.citations[s.citation]!.start, doc.citations[s.citation]!.end) : s.cueA !== -1 ? tokenSpan(doc, span, s.cueA, s.cueB) : null,
      source: attributionSource(s.attribution, s.quote),
    });
  }
  const total = sentences.length;
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 1000);
  const shares = {} as Record<SourcingClass, number>;
  for (const c of SOURCING_CLASSES) shares[c] = share(counts[c]);
  const quotations: Quotation[] = r.quotes.map((q) => {
    const at = q.attribution;
    const sp = span(q.span.start, q.span.end);
    let speaker: Quotation['speaker'] = null;
    if (q.speaker) {
      const r = sourceRef(doc, span, q.speaker);
      speaker = { start: r.start, end: r.end, text: r.text, name: r.name, role: r.role, affiliation: r.affiliation, pronoun: r.pronoun, kind: r.kind, via: q.via ?? 'direct', resolved: displaySource(q.speaker, q.resolved) };
    }
    let verb: Quotation['verb'] = null;
    if (at) {
      const r = tokenSpan(doc, span, at.verb, at.verbEnd);
      verb = { start: r.start, end: r.end, text: r.text, lemma: at.info.lemma, tone: at.info.tone };
      if (at.info.note) verb.note = at.info.note;
    }
    return {
      start: sp.start,
      end: sp.end,
      text: sp.text,
      content: span(q.span.contentStart, q.span.contentEnd),
      kind: q.kind,
      nested: q.nested,
      inHeadline: q.inHeadline,
      spansSentences: q.lastSentence > q.firstSentence,
      open: q.span.open,
      speaker,
      verb,
      sentence: q.firstSentence,
    };
  });
  return {
    sourcing: { sentences, counts, shares, weakShare: share(counts['attributed-vague'] + counts.hearsay + counts['unattributed-claim']) },
    quotations,
  };
}

/** Report layer: sentence sourcing classes and quotations with speakers. */
export const sourcingLayer: ReportLayer = {
  name: 'sourcing',
  apply(ctx) {
    const { sourcing, quotations } = buildSourcing(ctx);
    ctx.report.sourcing = sourcing;
    ctx.report.quotations = quotations;
  },
};
