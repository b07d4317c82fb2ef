import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/report.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { FrameAnalyser } from './analyse.js';
import { allocateCells, framesSection } from './pretty.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function reportOf(text: string): Report {
  const doc = segment(text, vocab);
  const frames = new FrameAnalyser().analyse(doc, (s, e) => {
    const [a, b] = toOriginalSpan(doc.nt, s, e);
    return { start: a, end: b, text: text.slice(a, b) };
  });
  return { frames } as Report;
}

describe('frames pretty section', () => {
  it('allocates exactly the bar width by largest remainder', () => {
    expect(allocateCells([0.5, 0.3, 0.2], 40)).toEqual([20, 12, 8]);
    expect(allocateCells([1, 1, 1], 40).reduce((a, b) => a + b, 0)).toBe(40);
    expect(allocateCells([0, 0], 40)).toEqual([0, 0]);
  });

  it('draws a 40-cell bar of frame keys and one line per frame with share and cues', () => {
    const out = framesSection(reportOf('Troops shelled the border town. The army and militia fought overnight. Grain prices rose.'), false)!;
    const [head, ...rows] = out.split('\n');
    const bar = head!.split(/\s+/)[1]!;
    expect(bar).toHaveLength(40);
    expect(bar.startsWith('S')).toBe(true);
    expect(head).toContain('dominant: security-and-defense');
    expect(rows[0]).toMatch(/^\s+\[S\] Security and defence\s+\d+%\s+.*(Troops|border|army)/);
    expect(rows.some((r) => r.includes('[E] Economic'))).toBe(true);
  });

  it('says when a frame rests on the classifier alone instead of printing no cues', () => {
    const report = { frames: { scores: {}, dominant: ['cultural-identity'], frames: [{ frame: 'cultural-identity', score: 1, weight: 1, cues: [], sentences: [] }] } } as unknown as Report;
    expect(framesSection(report, false)!.split('\n')[1]).toMatch(/Cultural identity\s+100%\s+\(classifier only, no cue words\)$/);
  });

  it('says so when nothing is framed, and is absent without the layer', () => {
    expect(framesSection(reportOf('Zyx qwv plorf.'), false)).toBe('Frames  no framing evidence');
    expect(framesSection({} as Report, false)).toBeNull();
  });
});
