import type { Finding } from '../core/finding.js';
import { toPtcLabel } from '../core/taxonomy.js';
import type { CollectedFinding } from '../detectors/engine/contract.js';
import { defaultCut, type Judge } from '../model/judge.js';
import { toOriginalSpan } from '../text/normalise.js';
import type { Doc } from '../text/segment.js';

/**
 * The judge's default cuts, when no cut is asked for: each PTC technique has its own cut
 * (`reportAtBy`, chosen on cross-validation), and a weaker finding of a PTC technique (at or above
 * `context`) is still reported inside a sentence that a finding over its own cut already marks.
 * Weak findings there add what annotators mark around a strong one without flagging one more
 * sentence they left clean; they keep their own (low) calibrated confidence.
 */

/** Does the judge set anything beyond one uniform cut? */
export function hasDefaultCuts(judge: Judge): boolean {
  return judge.reportAtBy !== undefined || judge.context !== undefined;
}

/** The lowest confidence a finding of this technique can be reported at under the default cuts. */
export function floorOf(judge: Judge, technique: Finding['technique']): number {
  const cut = defaultCut(judge, technique);
  const ctx = judge.context;
  return ctx !== undefined && ctx < cut && toPtcLabel(technique) !== null ? ctx : cut;
}

/** The lowest floor of any technique (the cut finalising applies before the per-technique ones). */
export function lowestFloor(judge: Judge): number {
  let min = judge.reportAt;
  for (const v of Object.values(judge.reportAtBy ?? {})) if (v < min) min = v;
  if (judge.context !== undefined && judge.context < min) min = judge.context;
  return min;
}

/** Removes judged findings under their technique's floor, in place. */
export function keepOverFloor(judge: Judge, findings: CollectedFinding[]): void {
  let w = 0;
  for (const f of findings) if (f.confidence >= floorOf(judge, f.technique)) findings[w++] = f;
  findings.length = w;
}

/**
 * Keeps finalised findings (original offsets, sorted by start) at or over their cut, and weaker ones
 * over their floor inside a sentence that a finding at or over its cut marks. In place.
 */
export function keepByDefaultCuts(doc: Doc, judge: Judge, findings: Finding[]): Finding[] {
  let weak = false;
  for (const f of findings) {
    if (f.confidence < defaultCut(judge, f.technique)) {
      weak = true;
      break;
    }
  }
  if (!weak) return findings;
  const n = doc.sentences.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = doc.sentences[k]!;
    const [a, b] = toOriginalSpan(doc.nt, s.start, s.end);
    starts[k] = a;
    ends[k] = b;
  }
  // The first sentence a span overlaps (-1: none).
  const sentenceOf = (f: Finding): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= f.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && starts[lo]! < f.end ? lo : -1;
  };
  const strong = new Uint8Array(n);
  for (const f of findings) {
    if (f.confidence < defaultCut(judge, f.technique)) continue;
    const k = sentenceOf(f);
    if (k >= 0) strong[k] = 1;
  }
  let w = 0;
  for (const f of findings) {
    if (f.confidence >= defaultCut(judge, f.technique)) findings[w++] = f;
    else if (f.confidence >= floorOf(judge, f.technique)) {
      const k = sentenceOf(f);
      if (k >= 0 && strong[k] === 1) findings[w++] = f;
    }
  }
  findings.length = w;
  return findings;
}
