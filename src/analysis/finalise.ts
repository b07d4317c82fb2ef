import type { Finding } from '../core/finding.js';
import { categoryOf } from '../core/taxonomy.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import { lineStarts } from '../text/normalise.js';
import { settleExplanation, type PendingExplanations } from './explanations.js';
import type { Doc } from '../text/segment.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Maps collected findings to original offsets, then sorts and deduplicates them: for one technique,
 * a span contained in another is folded into it (keeping the higher confidence), and an exact
 * duplicate keeps the more confident rule. The result is deterministic for a given input.
 */
export function finaliseFindings(doc: Doc, collected: CollectedFinding[], minConfidence: number, pending?: PendingExplanations): Finding[] {
  const original = doc.nt.original;
  const { origStart, origEnd } = doc.nt;
  const textLength = doc.text.length;
  const mapped: Finding[] = [];
  let starts: Int32Array | null = null;
  let nan = false;
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
    // With `pending`, an explanation waits until the findings that stay are known (explanations.ts).
    if (c.explanation && !pending) settleExplanation(c);
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
    if (c.explanation) pending!.set(f, c);
    if (f.confidence !== f.confidence) nan = true;
    mapped.push(f);
  }
  if (nan) return foldAndSort(mapped);
  // Per technique: longest span first at each start, then fold contained spans; then all kept
  // findings by position. Done per technique bucket (techniques in string order): each bucket is
  // nearly sorted already (detectors report in text order), so a stable insertion sort takes few
  // compares, and the kept spans of one technique strictly increase in start and end (a kept span
  // is never inside the previous one), so the final order is a merge of the buckets. The compare
  // is a consistent total preorder (no NaN confidences here), so any stable sort gives the order
  // of foldAndSort.
  const techs: string[] = [];
  const buckets: Finding[][] = [];
  for (const f of mapped) {
    let b = -1;
    for (let k = 0; k < techs.length; k++) {
      if (techs[k] === f.technique) {
        b = k;
        break;
      }
    }
    if (b === -1) {
      // Insert the new technique at its place in string order.
      b = techs.length;
      while (b > 0 && f.technique < techs[b - 1]!) b--;
      techs.splice(b, 0, f.technique);
      buckets.splice(b, 0, [f]);
    } else buckets[b]!.push(f);
  }
  let total = 0;
  for (let k = 0; k < buckets.length; k++) {
    const bucket = buckets[k]!;
    if (bucket.length > MAX_INSERTION_SORT) bucket.sort(withinTechnique);
    else {
      for (let i = 1; i < bucket.length; i++) {
        const x = bucket[i]!;
        let j = i - 1;
        while (j >= 0 && withinTechnique(bucket[j]!, x) > 0) {
          bucket[j + 1] = bucket[j]!;
          j--;
        }
        bucket[j + 1] = x;
      }
    }
    // Fold contained spans into the span that covers them.
    let n = 0;
    let cover: Finding | null = null;
    for (let i = 0; i < bucket.length; i++) {
      const f = bucket[i]!;
      if (cover !== null && f.start >= cover.start && f.end <= cover.end) {
        if (f.confidence > cover.confidence) cover.confidence = f.confidence;
        continue;
      }
      bucket[n++] = f;
      if (cover === null || f.end > cover.end) cover = f;
    }
    bucket.length = n;
    total += n;
  }
  if (buckets.length === 1) return buckets[0]!;
  // Merge by (start, end, technique): at equal position the earlier bucket wins.
  const kept: Finding[] = [];
  const heads = new Int32Array(buckets.length);
  for (let o = 0; o < total; o++) {
    let best = -1;
    let bs = 0;
    let be = 0;
    for (let k = 0; k < buckets.length; k++) {
      const bucket = buckets[k]!;
      const h = heads[k]!;
      if (h >= bucket.length) continue;
      const f = bucket[h]!;
      if (best === -1 || f.start < bs || (f.start === bs && f.end < be)) {
        best = k;
        bs = f.start;
        be = f.end;
      }
    }
    kept.push(buckets[best]![heads[best]!++]!);
  }
  return kept;
}

/** Buckets longer than this are sorted by Array#sort (stable too) instead of insertion. */
const MAX_INSERTION_SORT = 64;

/** The order within one technique: by start, longest first, most confident first, then rule id. */
function withinTechnique(a: Finding, b: Finding): number {
  return a.start - b.start || b.end - a.end || b.confidence - a.confidence || (a.ruleId === b.ruleId ? 0 : a.ruleId < b.ruleId ? -1 : 1);
}

/** Sort and fold in general (any confidences): the reference for the bucketed path above. */
function foldAndSort(mapped: Finding[]): Finding[] {
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
