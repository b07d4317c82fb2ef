import type { Report } from '../core/report.js';
import { FRAME_IDS, type FrameId } from './frame-ids.js';

/** Frame mix of a group of documents (an outlet, a period, a side), for `framewise compare`. */
export interface FrameAggregate {
  documents: number;
  /** Documents with any framing evidence. */
  framed: number;
  /** Mean frame share over the framed documents (sums to 1 when any is framed). */
  mix: Record<FrameId, number>;
  /** Documents whose strongest dominant frame is this one. */
  dominant: Record<FrameId, number>;
  /** Documents where this frame is among the dominant ones. */
  present: Record<FrameId, number>;
}

const zeros = () => Object.fromEntries(FRAME_IDS.map((f) => [f, 0])) as Record<FrameId, number>;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Aggregates `report.frames` over a group; reports without the frames layer count as documents only. */
export function aggregateFrames(reports: Iterable<Pick<Report, 'frames'>>): FrameAggregate {
  const mix = zeros();
  const dominant = zeros();
  const present = zeros();
  let documents = 0;
  let framed = 0;
  for (const r of reports) {
    documents++;
    const f = r.frames;
    if (!f || f.frames.length === 0) continue;
    framed++;
    for (const id of FRAME_IDS) mix[id] += f.scores[id] ?? 0;
    if (f.dominant[0]) dominant[f.dominant[0]]++;
    for (const id of f.dominant) present[id]++;
  }
  if (framed > 0) for (const id of FRAME_IDS) mix[id] = round(mix[id] / framed);
  return { documents, framed, mix, dominant, present };
}
