import type { Report } from '../core/report.js';
import { INTENSITY_KINDS, type IntensityKind } from './lexicons.js';
import { INTENSITY_BANDS, type IntensityBand } from './score.js';

/** Intensity distribution of a group of documents, for `framewise compare`. */
export interface IntensityAggregate {
  documents: number;
  /** Documents that carry an intensity section. */
  scored: number;
  mean: number;
  median: number;
  p90: number;
  max: number;
  /** Documents per band. */
  bands: Record<IntensityBand, number>;
  /** Documents per score decile: [0,10), [10,20), ... [90,100]. */
  histogram: number[];
  /** Mean points per document contributed by each kind (what drives the group's intensity). */
  contributions: Record<IntensityKind, number>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Aggregates `report.intensity` over a group; reports without it count as documents only. */
export function aggregateIntensity(reports: Iterable<Pick<Report, 'intensity'>>): IntensityAggregate {
  const scores: number[] = [];
  const bands = Object.fromEntries(INTENSITY_BANDS.map((b) => [b, 0])) as Record<IntensityBand, number>;
  const contributions = Object.fromEntries(INTENSITY_KINDS.map((k) => [k, 0])) as Record<IntensityKind, number>;
  const histogram = new Array<number>(10).fill(0);
  let documents = 0;
  for (const r of reports) {
    documents++;
    const i = r.intensity;
    if (!i) continue;
    scores.push(i.score);
    bands[i.band]++;
    histogram[Math.min(9, Math.floor(i.score / 10))]!++;
    for (const c of i.contributions) contributions[c.kind] += c.points;
  }
  const n = scores.length;
  if (n > 0) for (const k of INTENSITY_KINDS) contributions[k] = round1(contributions[k] / n);
  scores.sort((a, b) => a - b);
  return {
    documents,
    scored: n,
    mean: n ? round1(scores.reduce((s, x) => s + x, 0) / n) : 0,
    median: round1(quantile(scores, 0.5)),
    p90: round1(quantile(scores, 0.9)),
    max: n ? scores[n - 1]! : 0,
    bands,
    histogram,
    contributions,
  };
}
