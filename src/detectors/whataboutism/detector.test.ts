import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { whatAboutDetector } from './detector.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function run(text: string): Array<{ text: string; confidence: number }> {
  const doc = segment(text, vocab);
  const out: Array<{ text: string; confidence: number }> = [];
  whatAboutDetector.create({ doc, report: (f) => out.push({ text: doc.text.slice(f.start, f.end), confidence: f.confidence }) });
  return out;
}

describe('what-about-question detector', () => {
  it('flags a run of questions pointing at the other side in the past, whichever side asks', () => {
    const north = run('What a farce. And what about the Southland dam at Orsk in 2017? What about the boats they took in 2021?');
    const south = run('What a farce. And what about the Northland dam at Velk in 2017? What about the boats they took in 2021?');
    expect(north.map((f) => f.text)).toEqual(['And what about the Southland dam at Orsk in 2017?', 'What about the boats they took in 2021?']);
    expect(south.map((f) => f.confidence)).toEqual(north.map((f) => f.confidence));
  });

  it('scores more signals higher', () => {
    const [weak] = run('What about the new gates they installed in 2019?');
    const [strong] = run('Sylvania accuses us of theft. What about the water they stole in 2019?');
    expect(weak!.confidence).toBeLessThan(strong!.confidence);
  });

  it('ignores agenda questions, plans and questions that are not replies', () => {
    expect(run('What about schools? What about hospitals? The candidate listed her priorities.')).toEqual([]);
    expect(run('What about the bridge they plan to build? The design is due in May.')).toEqual([]);
    expect(run('Reporters asked what about the budget had changed.')).toEqual([]);
  });
});
