import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameAnalyser } from '../frames/analyse.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { loadCalibration } from './calibration.js';
import { IntensityScorer } from './score.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const scorer = new IntensityScorer();
const frames = new FrameAnalyser();

function layers(text: string) {
  const doc = segment(text, vocab);
  const span = (s: number, e: number) => {
    const [a, b] = toOriginalSpan(doc.nt, s, e);
    return { start: a, end: b, text: text.slice(a, b) };
  };
  return { intensity: scorer.score(doc, span), frames: frames.analyse(doc, span) };
}

const pieces = ['vermin', 'YOU WILL PAY', '!!', '\r\n', '\n\n', '\u201c', '\u201d', '&amp;', '\u00a0', 'massacre', 'tax', 'court', ' ', '.', 'Sylvania', '\ufeff', '\ud83d\ude00', 'wipe out'];

describe('frames and intensity on any text', () => {
  it('never throw, stay in range, and point at the original text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const r = layers(text);
        expect(r.intensity.score).toBeGreaterThanOrEqual(0);
        expect(r.intensity.score).toBeLessThanOrEqual(100);
        for (const s of r.intensity.sentences) {
          expect(s.score).toBeLessThanOrEqual(100);
          for (const c of s.contributions) expect(text.slice(c.start, c.end)).toBe(c.text);
        }
        for (const f of r.frames.frames) for (const c of f.cues) expect(text.slice(c.start, c.end)).toBe(c.text);
        const sum = Object.values(r.frames.scores).reduce((a, b) => a + b, 0);
        expect(sum === 0 || Math.abs(sum - 1) < 0.01).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('give both camps the same score: swapping country names changes nothing', () => {
    const swap = (s: string) => s.replace(/Freedonia|Sylvania|Northland|Southland/g, (m) => ({ Freedonia: 'Sylvania', Sylvania: 'Freedonia', Northland: 'Southland', Southland: 'Northland' })[m]!);
    for (const set of loadCalibration()) {
      for (const sentence of set.sentences) {
        if (swap(sentence) === sentence) continue;
        const a = layers(sentence);
        const b = layers(swap(sentence));
        expect(b.intensity.score, sentence).toBe(a.intensity.score);
        expect(b.frames.scores, sentence).toEqual(a.frames.scores);
      }
    }
  });
});
