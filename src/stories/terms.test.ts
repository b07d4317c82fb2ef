import { describe, expect, it } from 'vitest';
import { conceptOf, numberKey, readTerms } from './terms.js';

describe('readTerms', () => {
  it('reads numbers as digits, number words and scales, with what they count', () => {
    const r = readTerms('About 120,000 residents fled. Twenty-three people were arrested; 3.5 million tonnes of grain, and Fifteen thousand marched past two Korvani soldiers.');
    expect(r.numbers.map((n) => [n.surface, n.value, n.counts])).toEqual([
      ['120,000', 120_000, 'resident'],
      ['Twenty-three', 23, 'arrest'],
      ['3.5 million', 3_500_000, 'tonn'],
      ['Fifteen thousand', 15_000, 'march'],
      ['two', 2, 'soldier'],
    ]);
  });

  it('leaves out numbers that count nothing new: "the two sides", "no one", scores', () => {
    const r = readTerms('The two sides met. No one came. Velin won 2-1 at home.');
    expect(r.numbers).toEqual([]);
  });

  it('stems content words, drops function and reporting words, and flags names inside a sentence', () => {
    const r = readTerms('Officials said the Korvani artillery shelled Oskeland-held hamlets.');
    expect(r.words.map((w) => `${w.key}${w.name ? '*' : ''}`)).toEqual(['official', 'korvani*', 'artillery', 'shell', 'oskeland*', 'hold', 'hamlet']);
  });

  it('keys numbers to three significant digits', () => {
    expect(numberKey(120_000)).toBe('#120000');
    expect(numberKey(120_400)).toBe('#120000');
    expect(numberKey(38)).toBe('#38');
    expect(numberKey(0)).toBe('#0');
  });

  it('knows event concepts from concepts.txt', () => {
    // Concepts are keyed by stem, as readTerms gives them.
    const of = (word: string) => conceptOf(readTerms(word).words[0]!.key);
    expect(of('fled')).toBe('displace');
    expect(of('left')).toBe('displace');
    expect(of('detained')).toBe('detain');
    expect(of('valley')).toBeUndefined();
  });
});
