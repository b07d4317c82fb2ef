import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { chainOfStepsDetector } from './detector.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function run(text: string): Array<{ text: string; confidence: number }> {
  const doc = segment(text, vocab);
  const out: Array<{ text: string; confidence: number }> = [];
  chainOfStepsDetector.create({ doc, report: (f) => out.push({ text: doc.text.slice(f.start, f.end), confidence: f.confidence }) });
  return out;
}

describe('chain-of-steps detector', () => {
  it('reports a spelled-out chain as one span over all its steps, for either side', () => {
    expect(run('The plan is plain. First they take the river. Then they will take the fields. Then they will take the valley.')).toEqual([
      { text: 'First they take the river. Then they will take the fields. Then they will take the valley.', confidence: 0.55 },
    ]);
    expect(run('Today Freedonia shouts about a gate. Tomorrow it will demand the weir.')).toEqual([
      { text: 'Today Freedonia shouts about a gate. Tomorrow it will demand the weir.', confidence: 0.45 },
    ]);
  });

  it('ignores timetables, lone predictions and steps split across paragraphs', () => {
    expect(run('First the committee will hear witnesses. Then it will vote on the bill.')).toEqual([]);
    expect(run('Tomorrow Sylvania will demand a vote.')).toEqual([]);
    expect(run('Today Northland wants the river.\n\nTomorrow it will claim the valley.')).toEqual([]);
  });
});
