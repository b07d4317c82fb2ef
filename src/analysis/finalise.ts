import type { Finding } from '../core/finding.js';
import { categoryOf } from '../core/taxonomy.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import { lineStarts } from '../text/normalise.js';
import type { Doc } from '../text/segment.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Maps collected findings to original offsets, then sorts and deduplicates them: for one technique,
 * a span contained in another is folded into it (keeping the higher confidence), and an exact
 * duplicate keeps the more confident rule. The result is deterministic for a given input.
 */
export function finaliseFindings(doc: Doc, collected: CollectedFinding[], minConfidence: number): Finding[] {
  const original = doc.nt.original;
  const { origStart, origEnd } = doc.nt;
  const textLength = doc.text.length;
  const mapped: Finding[] = [];
  let starts: Int32Array | null = null;
  for (const c of collected) {
    if (!(c.end > c.start) || c.confidence < minConfidence) continue;
    // toOriginalSpan and lineColumn, inlined: no tuple or object per finding.
    const cs = Math.max(0, c.start);
    const ce = Math.min(textLength, c.end);
    let start = cs;
    let end = ce;
    if (origStart !== null && origEnd !== null) {
      start = origStart[cs]!;
      end = ce <= cs ? start : origEnd[ce - 1]!;
    }
    if (end <= start) continue;
    starts ??= lineStarts(original);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    const f: Finding = {
      id: `${c.technique}@${start}-${end}`,
      technique: c.technique,
      category: categoryOf(c.technique),
      start,
      end,
      line: lo + 1,
      column: start - starts[lo]! + 1,
      text: original.slice(start, end),
      confidence: round(Math.min(1, Math.max(0, c.confidence))),
      ruleId: c.ruleId,
      source: c.source,
      message: c.message,
    };
    if (c.evidence) f.evidence = c.evidence;
    mapped.push(f);
  }
  // Per technique: longest span first at each start, then fold contained spans.
  // Equal techniques (the common case within a group) are found by ===, before any ordering compare.
  mapped.sort((a, b) =>
    a.technique !== b.technique ? (a.technique < b.technique ? -1 : 1) :
    a.start - b.start || b.end - a.end || b.confidence - a.confidence || (a.ruleId === b.ruleId ? 0 : a.ruleId < b.ruleId ? -1 : 1));
  const kept: Finding[] = [];
  let cover: Finding | null = null;
  for (const f of mapped) {
    if (cover && cover.technique === f.technique && f.start >= cover.start && f.end <= cover.end) {
      // Agreement of a second rule inside the span raises confidence; the span keeps its own rule.
      if (f.confidence > cover.confidence) cover.confidence = f.confidence;
      continue;
    }
    kept.push(f);
    if (!cover || cover.technique !== f.technique || f.end > cover.end) cover = f;
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.technique < b.technique ? -1 : a.technique > b.technique ? 1 : 0));
  return kept;
}
