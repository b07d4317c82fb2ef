import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { tokenLower } from '../text/tokenise.js';
import { TokenMarks, WordLookup, wordLookupSet } from './word-sets.js';

describe('WordLookup', () => {
  it('answers like its function of the lowercased word, for vocabulary and document-local words, across documents', () => {
    const calls: string[] = [];
    const len = new WordLookup((w) => {
      calls.push(w);
      return w.length > 3 ? w.length : undefined;
    });
    for (const text of ['The Zyxwvut said the zyxwvut was fine.', 'ZYXWVUT and the qwertzuiop met; said qwertzuiop.']) {
      const t = segment(text).tokens;
      for (let i = 0; i < t.count; i++) {
        const w = tokenLower(t, i);
        expect(len.at(t, i)).toBe(w.length > 3 ? w.length : undefined);
      }
    }
    // Each distinct word is computed once, local words included.
    expect(calls.filter((w) => w === 'zyxwvut')).toHaveLength(1);
    expect(calls.filter((w) => w === 'the')).toHaveLength(1);
  });

  it('tests membership of a word set', () => {
    const set = wordLookupSet(new Set(['said', 'qwertzuiop']));
    const t = segment('He said qwertzuiop twice.').tokens;
    expect([...Array(t.count).keys()].map((i) => set.has(t, i))).toEqual([false, true, true, false, false]);
  });
});

describe('TokenMarks', () => {
  it('keeps a mark per word id until cleared', () => {
    const t = segment('Lies, lies and more lies.').tokens;
    const m = new TokenMarks();
    m.fit(t);
    for (let i = 0; i < t.count; i++) m.set(t, i, m.get(t, i) + 1);
    expect(m.get(t, 0)).toBe(3);
    m.clear();
    expect(m.get(t, 0)).toBe(0);
  });
});
