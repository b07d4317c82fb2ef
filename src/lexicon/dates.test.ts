import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { isDateNumber, isDateWord, timePhraseStart } from './dates.js';
import { preparedVocab } from './per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

/** The reading of every "may"/"march" (or number) token of a text. */
function readings(text: string, word: string, test = isDateWord): boolean[] {
  const d = segment(text, vocab);
  const out: boolean[] = [];
  for (let i = 0; i < d.tokens.count; i++) if (d.text.slice(d.tokens.start[i], d.tokens.end[i]).toLowerCase() === word) out.push(test(d, i));
  return out;
}

describe('months are dates, not modals', () => {
  it('reads May and March as months beside a day, a year or a date word', () => {
    expect(readings('It informed officials by letter on May 28.', 'may')).toEqual([true]);
    expect(readings('May 28 was a Tuesday.', 'may')).toEqual([true]);
    expect(readings('The talks resume in May, and the vote is due in March.', 'may')).toEqual([true]);
    expect(readings('Since March the border has been closed.', 'march')).toEqual([true]);
    expect(readings('The gates closed on 2 May 2025.', 'may')).toEqual([true]);
    expect(readings('The deadline is late May or early June.', 'may')).toEqual([true]);
    expect(readings('Officials said May was the wettest month.', 'may')).toEqual([true]);
  });

  it('reads the modal and the verb as such', () => {
    expect(readings('The army may attack.', 'may')).toEqual([false]);
    expect(readings('May God protect the valley.', 'may')).toEqual([false]);
    expect(readings('Freedonia May Close Border Crossings', 'may')).toEqual([false]);
    expect(readings('They will march on the capital.', 'march')).toEqual([false]);
    expect(readings('March on the capital!', 'march')).toEqual([false]);
  });

  it('reads the day and year of a date as part of it', () => {
    expect(readings('The letter went out on May 28.', '28', isDateNumber)).toEqual([true]);
    expect(readings('It closed on 3 June.', '3', isDateNumber)).toEqual([true]);
    expect(readings('It closed on June 3, 2025.', '2025', isDateNumber)).toEqual([true]);
    expect(readings('Some 28 people may have died.', '28', isDateNumber)).toEqual([false]);
  });
});

describe('time phrases', () => {
  /** The words of a text before the time phrase that ends it (the whole text when none does). */
  const before = (text: string) => {
    const d = segment(text, vocab);
    const end = d.tokens.count;
    const k = timePhraseStart(d, end, 1);
    return k === 0 ? '' : d.text.slice(0, d.tokens.end[k - 1]);
  };
  it('finds a time phrase with its opener, or a one-word one, and never cuts a name', () => {
    expect(before('Dastrian television on Thursday night')).toBe('Dastrian television');
    expect(before('Prosecutors in Velda last month')).toBe('Prosecutors in Velda');
    expect(before('The ministry yesterday')).toBe('The ministry');
    expect(before('Minister Thursday')).toBe('Minister Thursday');
    expect(before('the council meeting on Monday morning')).toBe('the council meeting');
  });
});
