import type { Report } from '../../core/report.js';
import { INTENSITY_KINDS, type IntensityKind } from '../../core/intensity.js';
import { INTENSITY_BANDS, type IntensityBand } from './score.js';
import type { IntensityAggregate } from '../../core/compare.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Accumulates `report.intensity` one report at a time (keeps one number per document). */
export class IntensityAccumulator {
  private readonly scores: number[] = [];
  private readonly bands = Object.fromEntries(INTENSITY_BANDS.map((b) => [b, 0])) as Record<IntensityBand, number>;
  private readonly contributions = Object.fromEntries(INTENSITY_KINDS.map((k) => [k, 0])) as Record<IntensityKind, number>;
  private readonly histogram = new Array<number>(10).fill(0);
  private documents = 0;

  add(r: Pick<Report, 'intensity'>): void {
    this.documents++;
    const i = r.intensity;
    if (!i) return;
    this.scores.push(i.score);
    this.bands[i.band]++;
    this.histogram[Math.min(9, Math.floor(i.score / 10))]!++;
    for (const c of i.contributions) this.contributions[c.kind] += c.points;
  }

  result(): IntensityAggregate {
    const scores = [...this.scores].sort((a, b) => a - b);
    const n = scores.length;
    const contributions = { ...this.contributions };
    if (n > 0) for (const k of INTENSITY_KINDS) contributions[k] = round1(contributions[k] / n);
    return {
      documents: this.documents,
      scored: n,
      mean: n ? round1(scores.reduce((s, x) => s + x, 0) / n) : 0,
      median: round1(quantile(scores, 0.5)),
      p90: round1(quantile(scores, 0.9)),
      max: n ? scores[n - 1]! : 0,
      bands: { ...this.bands },
      histogram: [...this.histogram],
      contributions,
    };
  }
}

/** Aggregates `report.intensity` over a group; reports without it count as documents only. */
export function aggregateIntensity(reports: Iterable<Pick<Report, 'intensity'>>): IntensityAggregate {
  const acc = new IntensityAccumulator();
  for (const r of reports) acc.add(r);
  return acc.result();
}
