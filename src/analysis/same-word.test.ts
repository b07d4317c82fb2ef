import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { categoryOf, type TechniqueId } from '../core/taxonomy.js';
import { foldSameWord } from './same-word.js';

const f = (technique: TechniqueId, start: number, text: string, confidence: number): Finding => ({
  id: `${technique}@${start}`, technique, category: categoryOf(technique), start, end: start + text.length, line: 1, column: start + 1,
  text, confidence, ruleId: `${technique}/r`, source: 'lexicon', message: 'm',
});

describe('foldSameWord', () => {
  it('keeps one finding of two techniques on the very same word, the more confident, naming the other', () => {
    const out = foldSameWord([f('loaded-language', 10, 'crooks', 0.3), f('name-calling', 10, 'crooks', 0.31), f('doubt', 20, 'so-called', 0.4)]);
    expect(out.map((x) => x.technique)).toEqual(['name-calling', 'doubt']);
    expect(out[0]!.evidence).toEqual([{ label: 'also read as', text: 'Loaded language (0.3)', start: 10, end: 16 }]);
  });

  it('keeps every technique on a span of several words, and on different words', () => {
    const many = [f('loaded-language', 0, 'corrupt elite', 0.4), f('name-calling', 0, 'corrupt elite', 0.3), f('loaded-language', 20, 'vile', 0.3), f('name-calling', 25, 'thugs', 0.3)];
    expect(foldSameWord([...many]).length).toBe(4);
  });

  it('keeps a calibrated technique (one PTC annotates) over one whose confidence is only its rule\'s', () => {
    const out = foldSameWord([f('doubt', 0, 'so-called', 0.2), f('weasel-attribution', 0, 'so-called', 0.4)]);
    expect(out.map((x) => x.technique)).toEqual(['doubt']);
  });

  it('breaks a tie by taxonomy order', () => {
    const out = foldSameWord([f('loaded-language', 0, 'traitors', 0.3), f('name-calling', 0, 'traitors', 0.3)]);
    expect(out.map((x) => x.technique)).toEqual(['name-calling']);
  });
});
