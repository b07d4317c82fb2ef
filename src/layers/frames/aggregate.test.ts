import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/report.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { aggregateFrames } from './aggregate.js';
import { FrameAnalyser } from './analyse.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const analyser = new FrameAnalyser();
function frames(text: string) {
  const doc = segment(text, vocab);
  return { frames: analyser.analyse(doc, (s, e) => { const [a, b] = toOriginalSpan(doc.nt, s, e); return { start: a, end: b, text: text.slice(a, b) }; }) };
}

describe('aggregateFrames', () => {
  it('averages frame shares over framed documents and counts dominant frames', () => {
    const group: Array<Pick<Report, 'frames'>> = [
      frames('Troops and tanks massed on the border as artillery fire continued.'),
      frames('The army shelled the front line overnight and soldiers advanced.'),
      frames('Grain prices and export revenue fell as the markets closed.'),
      frames('Zyx qwv plorf.'),
      {},
    ];
    const a = aggregateFrames(group);
    expect(a.documents).toBe(5);
    expect(a.framed).toBe(3);
    expect(a.dominant['security-and-defense']).toBe(2);
    expect(a.dominant.economic).toBe(1);
    expect(a.present['security-and-defense']).toBeGreaterThanOrEqual(2);
    const sum = Object.values(a.mix).reduce((s, x) => s + x, 0);
    expect(sum).toBeGreaterThan(0.99);
    expect(sum).toBeLessThan(1.01);
    expect(a.mix['security-and-defense']).toBeGreaterThan(a.mix.economic);
  });
  it('is all zeros for an empty group', () => {
    const a = aggregateFrames([]);
    expect(a.documents).toBe(0);
    expect(Object.values(a.mix).every((x) => x === 0)).toBe(true);
  });
});
