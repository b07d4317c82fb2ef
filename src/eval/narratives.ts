import { labelKey, OTHER_KEY, withOther } from '../core/narratives.js';

/**
 * The measures of SemEval-2025 Task 10 subtask 2 (narrative classification): per document the gold
 * and predicted label sets are compared, F1 = 2|G ∩ P| / (|G| + |P|), and the mean over documents is
 * the samples-averaged F1 (scikit-learn's average='samples'). "Other" is a label like any other: a
 * document with no narrative has the set {"Other"} on both levels, and a narrative none of whose
 * sub-narratives applies contributes "<narrative>: Other" at the sub-narrative level. So answering
 * "Other" for a document with no narrative scores 1 for it, and 0 for a document with one.
 */

export { labelKey, OTHER_KEY, withOther } from '../core/narratives.js';

export interface LabelScore {
  label: string;
  /** Documents whose gold set has the label. */
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface LevelScore {
  /** Samples-averaged F1 over all documents. */
  f1: number;
  /** Samples-averaged F1 over the documents whose gold set is not {"Other"}. */
  f1Carrying: number;
  /** Standard deviation of the per-document F1. */
  std: number;
  documents: number;
  carrying: number;
  perLabel: LabelScore[];
}

/** F1 of one document's sets (both non-empty after withOther). */
export function documentF1(gold: readonly string[], pred: readonly string[]): number {
  const g = new Set(withOther(gold).map(labelKey));
  const p = new Set(withOther(pred).map(labelKey));
  let inter = 0;
  for (const x of p) if (g.has(x)) inter++;
  return (2 * inter) / (g.size + p.size);
}

/** Samples-averaged F1 and per-label scores of paired gold and predicted label sets. */
export function scoreLevel(gold: ReadonlyArray<readonly string[]>, pred: ReadonlyArray<readonly string[]>): LevelScore {
  if (gold.length !== pred.length) throw new Error(`scoreLevel: ${gold.length} gold sets but ${pred.length} predicted`);
  const per = new Map<string, { label: string; tp: number; fp: number; fn: number; support: number }>();
  const entry = (label: string) => {
    const k = labelKey(label);
    let e = per.get(k);
    if (!e) per.set(k, (e = { label, tp: 0, fp: 0, fn: 0, support: 0 }));
    return e;
  };
  const f1s: number[] = [];
  let carrying = 0;
  let carryingSum = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = withOther(gold[i]!);
    const p = withOther(pred[i]!);
    const f = documentF1(g, p);
    f1s.push(f);
    const gk = new Set(g.map(labelKey));
    const pk = new Set(p.map(labelKey));
    if (!(gk.size === 1 && gk.has(OTHER_KEY))) {
      carrying++;
      carryingSum += f;
    }
    for (const l of g) {
      const e = entry(l);
      e.support++;
      if (pk.has(labelKey(l))) e.tp++;
      else e.fn++;
    }
    for (const l of p) if (!gk.has(labelKey(l))) entry(l).fp++;
  }
  const n = f1s.length;
  const mean = n ? f1s.reduce((a, b) => a + b, 0) / n : 0;
  const std = n ? Math.sqrt(f1s.reduce((a, b) => a + (b - mean) ** 2, 0) / n) : 0;
  const perLabel = [...per.values()]
    .map((e) => {
      const precision = e.tp + e.fp === 0 ? 0 : e.tp / (e.tp + e.fp);
      const recall = e.tp + e.fn === 0 ? 0 : e.tp / (e.tp + e.fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { label: e.label, support: e.support, tp: e.tp, fp: e.fp, fn: e.fn, precision, recall, f1 };
    })
    .sort((a, b) => b.support - a.support || a.label.localeCompare(b.label));
  return { f1: mean, f1Carrying: carrying ? carryingSum / carrying : 0, std, documents: n, carrying, perLabel };
}

/** A gold or predicted record of the narratives task. */
export interface NarrativeRecord {
  id: string;
  text?: string;
  narratives: string[];
  /** Absent when the record does not annotate sub-narratives. */
  subnarratives?: string[];
}

export interface NarrativeEvaluation {
  narratives: LevelScore;
  /** Over the records whose gold annotates sub-narratives (null when none does). */
  subnarratives: LevelScore | null;
}

/** Scores predictions against gold records, paired by position. */
export function scoreNarratives(gold: readonly NarrativeRecord[], pred: readonly NarrativeRecord[]): NarrativeEvaluation {
  const narratives = scoreLevel(
    gold.map((g) => g.narratives),
    pred.map((p) => p.narratives),
  );
  const withSubs = gold.map((g, i) => [g, pred[i]!] as const).filter(([g]) => g.subnarratives !== undefined);
  const subnarratives = withSubs.length
    ? scoreLevel(
        withSubs.map(([g]) => g.subnarratives!),
        withSubs.map(([, p]) => p.subnarratives ?? []),
      )
    : null;
  return { narratives, subnarratives };
}
