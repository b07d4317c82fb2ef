import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { categoryOf, type TechniqueId } from '../core/taxonomy.js';
import { judgeProblem, ruleEmits, type Judge } from '../model/judge.js';
import { segment } from '../text/segment.js';
import { floorOf, hasDefaultCuts, keepByDefaultCuts, lowestFloor } from './default-cuts.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const judge: Judge = {
  format: 1, rules: {}, techniquePrior: {}, defaultPrior: 0.2, groups: {}, reportAt: 0.15, uncalibratedCap: 0.4,
  reportAtBy: { Doubt: 0.1 }, context: 0.06, quiet: ['loaded-language/shared-loaded-term'],
};

const text = 'The vile plan failed. Why did they hide it? The council met on Monday.';
const f = (technique: TechniqueId, word: string, confidence: number): Finding => {
  const start = text.indexOf(word);
  return {
    id: `${technique}@${start}`, technique, category: categoryOf(technique), start, end: start + word.length, line: 1, column: start + 1,
    text: word, confidence, ruleId: `${technique}/r`, source: 'model', message: 'm',
  };
};

describe('default cuts of the judge', () => {
  it('gives each technique its cut, the context cut as floor of PTC techniques, and the lowest of all', () => {
    expect(hasDefaultCuts(judge)).toBe(true);
    expect(floorOf(judge, 'doubt')).toBe(0.06);
    expect(floorOf(judge, 'loaded-language')).toBe(0.06);
    // Hearsay is no PTC technique: no context cut for it.
    expect(floorOf(judge, 'hearsay')).toBe(0.15);
    expect(lowestFloor(judge)).toBe(0.06);
    expect(hasDefaultCuts({ ...judge, reportAtBy: undefined, context: undefined } as Judge)).toBe(false);
  });

  it('keeps a weak finding only in a sentence a finding over its own cut marks', () => {
    const doc = segment(text, vocab);
    const findings = [
      f('loaded-language', 'vile', 0.4), // strong: marks the first sentence
      f('exaggeration-minimisation', 'failed', 0.08), // weak, beside it: kept
      f('doubt', 'Why did they hide it', 0.12), // over the cut of doubt (0.1): kept, marks the second
      f('loaded-language', 'hide', 0.07), // weak, beside it: kept
      f('loaded-language', 'council', 0.1), // weak, alone in its sentence: dropped
      f('loaded-language', 'Monday', 0.03), // under the floor: dropped
    ];
    expect(keepByDefaultCuts(doc, judge, findings).map((x) => x.text)).toEqual(['vile', 'failed', 'Why did they hide it', 'hide']);
  });

  it('keeps a quiet rule out of the report beside the model, and checks the new fields', () => {
    expect(ruleEmits(judge, 'loaded-language/shared-loaded-term')).toBe(false);
    expect(ruleEmits(judge, 'loaded-language/charged-word')).toBe(true);
    expect(judgeProblem(judge)).toBeNull();
    expect(judgeProblem({ ...judge, reportAtBy: { Doubt: 2 } })).toMatch(/reportAtBy/);
    expect(judgeProblem({ ...judge, context: -1 })).toMatch(/context/);
    expect(judgeProblem({ ...judge, quiet: [3] })).toMatch(/quiet/);
  });
});
