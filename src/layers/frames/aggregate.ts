import type { Report } from '../../core/report.js';
import { FRAME_IDS, type FrameId } from '../../core/frames.js';
import type { FrameAggregate } from '../../core/compare.js';

const zeros = () => Object.fromEntries(FRAME_IDS.map((f) => [f, 0])) as Record<FrameId, number>;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Accumulates `report.frames` one report at a time (memory independent of the number of documents). */
export class FramesAccumulator {
  private readonly mix = zeros();
  private readonly dominant = zeros();
  private readonly present = zeros();
  private documents = 0;
  private framed = 0;

  add(r: Pick<Report, 'frames'>): void {
    this.documents++;
    const f = r.frames;
    if (!f || f.frames.length === 0) return;
    this.framed++;
    for (const id of FRAME_IDS) this.mix[id] += f.scores[id] ?? 0;
    if (f.dominant[0]) this.dominant[f.dominant[0]]++;
    for (const id of f.dominant) this.present[id]++;
  }

  result(): FrameAggregate {
    const mix = zeros();
    if (this.framed > 0) for (const id of FRAME_IDS) mix[id] = round(this.mix[id] / this.framed);
    return { documents: this.documents, framed: this.framed, mix, dominant: { ...this.dominant }, present: { ...this.present } };
  }
}

/** Aggregates `report.frames` over a group; reports without the frames layer count as documents only. */
export function aggregateFrames(reports: Iterable<Pick<Report, 'frames'>>): FrameAggregate {
  const acc = new FramesAccumulator();
  for (const r of reports) acc.add(r);
  return acc.result();
}
