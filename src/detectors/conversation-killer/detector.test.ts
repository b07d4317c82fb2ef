import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { tautologyDetector } from './detector.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function run(text: string): string[] {
  const doc = segment(text, vocab);
  const out: string[] = [];
  tautologyDetector.create({ doc, report: (f) => out.push(doc.text.slice(f.start, f.end)) });
  return out;
}

describe('tautology detector', () => {
  it('finds "X is X", "a X is a X" and "X will be X" tautologies', () => {
    expect(run('Rules are rules, and a deal is a deal. Boys will be boys.')).toEqual(['Rules are rules', 'a deal is a deal', 'Boys will be boys']);
  });

  it('ignores pronouns, possessives and different words', () => {
    expect(run('It is it. The plan is the plan of the council. Sylvania is Sylvania\'s neighbour. The law is strict.')).toEqual([]);
  });
});
