import type { Finding } from '../core/finding.js';
import { categoryOf } from '../core/taxonomy.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import { lineColumn, lineStarts, toOriginalSpan } from '../text/normalise.js';
import type { Doc } from '../text/segment.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Maps collected findings to original offsets, then sorts and deduplicates them: for one technique,
 * a span contained in another is folded into it (keeping the higher confidence), and an exact
 * duplicate keeps the more confident rule. The result is deterministic for a given input.
 */
export function finaliseFindings(doc: Doc, collected: CollectedFinding[], minConfidence: number): Finding[] {
  const original = doc.nt.original;
  const mapped: Finding[] = [];
  let starts: Int32Array | null = null;
  for (const c of collected) {
    if (!(c.end > c.start) || c.confidence < minConfidence) continue;
    const [start, end] = toOriginalSpan(doc.nt, Math.max(0, c.start), Math.min(doc.text.length, c.end));
    if (end <= start) continue;
    starts ??= lineStarts(original);
    const { line, column } = lineColumn(starts, start);
    mapped.push({
      id: `${c.technique}@${start}-${end}`,
      technique: c.technique,
      category: categoryOf(c.technique),
      start,
      end,
      line,
      column,
      text: original.slice(start, end),
      confidence: round(Math.min(1, Math.max(0, c.confidence))),
      ruleId: c.ruleId,
      source: c.source,
      message: c.message,
      ...(c.evidence ? { evidence: c.evidence } : {}),
    });
  }
  // Per technique: longest span first at each start, then fold contained spans.
  mapped.sort((a, b) =>
    a.technique < b.technique ? -1 : a.technique > b.technique ? 1 :
    a.start - b.start || b.end - a.end || b.confidence - a.confidence || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
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
