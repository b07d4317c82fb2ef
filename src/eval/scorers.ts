/**
 * The three SemEval-2020 Task 11 scores, exactly as ../shared/data/README.md defines them:
 * SI (spans, labels ignored, partial character overlap), TC (one technique per gold span, micro-F1)
 * and FLC (spans and technique together). Inputs are documents whose spans carry PTC labels.
 */
import { UserError } from '../core/errors.js';
import { PTC_LABELS, type PtcLabel } from '../core/taxonomy.js';
import type { PtcDoc } from './records.js';

export interface Interval {
  start: number;
  end: number;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export function f1Of(p: number, r: number): number {
  return p > 0 && r > 0 ? (2 * p * r) / (p + r) : 0;
}

/**
 * Merges overlapping intervals into their union. Intervals that only touch (one ends where the next
 * starts) share no character, so they stay apart.
 */
export function mergeOverlapping(spans: readonly Interval[]): Interval[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Sums of the SI/FLC formula for one document: precision and recall numerators and span counts. */
interface OverlapSums {
  pSum: number;
  rSum: number;
  pred: number;
  gold: number;
}

/** Both lists already merged (no overlaps within a list), sorted by start. */
function overlapSums(pred: readonly Interval[], gold: readonly Interval[]): OverlapSums {
  let pSum = 0;
  let rSum = 0;
  let j0 = 0;
  for (const s of pred) {
    while (j0 < gold.length && gold[j0]!.end <= s.start) j0++;
    for (let j = j0; j < gold.length && gold[j]!.start < s.end; j++) {
      const t = gold[j]!;
      const inter = Math.min(s.end, t.end) - Math.max(s.start, t.start);
      if (inter <= 0) continue;
      pSum += inter / (s.end - s.start);
      rSum += inter / (t.end - t.start);
    }
  }
  return { pSum, rSum, pred: pred.length, gold: gold.length };
}

function prfOf(sums: OverlapSums): PRF {
  const p = sums.pred === 0 ? 0 : sums.pSum / sums.pred;
  const r = sums.gold === 0 ? 0 : sums.rSum / sums.gold;
  return { p, r, f1: f1Of(p, r) };
}

function addSums(a: OverlapSums, b: OverlapSums): void {
  a.pSum += b.pSum;
  a.rSum += b.rSum;
  a.pred += b.pred;
  a.gold += b.gold;
}

const zeroSums = (): OverlapSums => ({ pSum: 0, rSum: 0, pred: 0, gold: 0 });

/**
 * Pairs gold documents with predicted ones by id. Gold documents missing from the prediction count
 * with no predicted spans; a predicted document that gold does not have is an error (wrong file).
 */
function pairDocs(gold: readonly PtcDoc[], pred: readonly PtcDoc[]): Array<[PtcDoc, PtcDoc | undefined]> {
  const byId = new Map(pred.map((d) => [d.id, d]));
  const goldIds = new Set(gold.map((d) => d.id));
  for (const d of pred) {
    if (!goldIds.has(d.id)) throw new UserError(`prediction for document "${d.id}", which the gold file does not contain`);
  }
  return gold.map((g) => [g, byId.get(g.id)]);
}

export interface SpanScore extends PRF {
  /** Numbers of (merged) predicted and gold spans: the denominators of P and R. */
  predSpans: number;
  goldSpans: number;
}

/** SI: labels ignored; gold and predicted spans each merged where they overlap. */
export function scoreSI(gold: readonly PtcDoc[], pred: readonly PtcDoc[]): SpanScore {
  const total = zeroSums();
  for (const [g, p] of pairDocs(gold, pred)) {
    addSums(total, overlapSums(mergeOverlapping(p?.spans ?? []), mergeOverlapping(g.spans)));
  }
  return { ...prfOf(total), predSpans: total.pred, goldSpans: total.gold };
}

export interface FlcScore extends SpanScore {
  perTechnique: Record<PtcLabel, SpanScore>;
}

/** FLC: as SI, but a pair counts only when the techniques match; spans merge within a technique only. */
export function scoreFLC(gold: readonly PtcDoc[], pred: readonly PtcDoc[]): FlcScore {
  const total = zeroSums();
  const per = new Map<PtcLabel, OverlapSums>(PTC_LABELS.map((l) => [l, zeroSums()]));
  for (const [g, p] of pairDocs(gold, pred)) {
    for (const label of PTC_LABELS) {
      const gs = g.spans.filter((s) => s.technique === label);
      const ps = (p?.spans ?? []).filter((s) => s.technique === label);
      if (gs.length === 0 && ps.length === 0) continue;
      const sums = overlapSums(mergeOverlapping(ps), mergeOverlapping(gs));
      addSums(total, sums);
      addSums(per.get(label)!, sums);
    }
  }
  const perTechnique = Object.fromEntries(
    PTC_LABELS.map((l) => {
      const s = per.get(l)!;
      return [l, { ...prfOf(s), predSpans: s.pred, goldSpans: s.gold }];
    }),
  ) as Record<PtcLabel, SpanScore>;
  return { ...prfOf(total), predSpans: total.pred, goldSpans: total.gold, perTechnique };
}

export interface TechniqueScore extends PRF {
  gold: number;
  pred: number;
  correct: number;
}

export interface TcScore {
  /** Matches over gold instances and over predicted instances; micro-F1 equals accuracy when each gold instance gets one prediction. */
  microP: number;
  microR: number;
  microF1: number;
  goldInstances: number;
  predInstances: number;
  correct: number;
  perTechnique: Record<PtcLabel, TechniqueScore>;
  /** confusion[gold][pred]: counts; the column "(none)" holds gold instances that got no prediction. */
  confusion: Record<PtcLabel, Record<PtcLabel | '(none)', number>>;
}

export const NO_PREDICTION = '(none)';

/**
 * TC: every gold (document, start, end, technique) instance expects one predicted technique at the same
 * offsets. Where one span carries several gold techniques, predictions at that span are aligned to
 * maximise matches (the multiset intersection); the leftovers pair up, in label order, as confusions.
 */
export function scoreTC(gold: readonly PtcDoc[], pred: readonly PtcDoc[]): TcScore {
  const rank = new Map(PTC_LABELS.map((l, i) => [l, i]));
  const byLabel = (a: PtcLabel, b: PtcLabel) => rank.get(a)! - rank.get(b)!;
  const goldCount = new Map<PtcLabel, number>(PTC_LABELS.map((l) => [l, 0]));
  const predCount = new Map<PtcLabel, number>(PTC_LABELS.map((l) => [l, 0]));
  const correctCount = new Map<PtcLabel, number>(PTC_LABELS.map((l) => [l, 0]));
  const confusion = Object.fromEntries(
    PTC_LABELS.map((g) => [g, Object.fromEntries([...PTC_LABELS, NO_PREDICTION].map((p) => [p, 0]))]),
  ) as TcScore['confusion'];
  let goldN = 0;
  let predN = 0;
  let correct = 0;
  for (const [g, p] of pairDocs(gold, pred)) {
    const at = new Map<string, { gold: PtcLabel[]; pred: PtcLabel[] }>();
    const slot = (s: { start: number; end: number }) => {
      const key = `${s.start}:${s.end}`;
      let v = at.get(key);
      if (!v) at.set(key, (v = { gold: [], pred: [] }));
      return v;
    };
    for (const s of g.spans) slot(s).gold.push(s.technique);
    for (const s of p?.spans ?? []) {
      const v = at.get(`${s.start}:${s.end}`);
      // Predictions at offsets no gold span has are not part of TC (it scores given spans only).
      if (v) v.pred.push(s.technique);
    }
    for (const { gold: gl, pred: pl } of at.values()) {
      gl.sort(byLabel);
      pl.sort(byLabel);
      goldN += gl.length;
      predN += pl.length;
      for (const l of gl) goldCount.set(l, goldCount.get(l)! + 1);
      for (const l of pl) predCount.set(l, predCount.get(l)! + 1);
      // Multiset intersection = the maximum number of matches any alignment can reach.
      const restPred = [...pl];
      const restGold: PtcLabel[] = [];
      for (const l of gl) {
        const k = restPred.indexOf(l);
        if (k >= 0) {
          restPred.splice(k, 1);
          correct++;
          correctCount.set(l, correctCount.get(l)! + 1);
          confusion[l][l]++;
        } else restGold.push(l);
      }
      restGold.forEach((l, k) => {
        confusion[l][restPred[k] ?? NO_PREDICTION]++;
      });
    }
  }
  const perTechnique = Object.fromEntries(
    PTC_LABELS.map((l) => {
      const c = correctCount.get(l)!;
      const gc = goldCount.get(l)!;
      const pc = predCount.get(l)!;
      const p = pc === 0 ? 0 : c / pc;
      const r = gc === 0 ? 0 : c / gc;
      return [l, { p, r, f1: f1Of(p, r), gold: gc, pred: pc, correct: c }];
    }),
  ) as Record<PtcLabel, TechniqueScore>;
  const microP = predN === 0 ? 0 : correct / predN;
  const microR = goldN === 0 ? 0 : correct / goldN;
  return { microP, microR, microF1: f1Of(microP, microR), goldInstances: goldN, predInstances: predN, correct, perTechnique, confusion };
}
