import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { tokenLower, type Tokens } from '../text/tokenise.js';
import { WordInts } from './word-memo.js';
import { Vocab } from '../text/vocab.js';

/** The vocabulary these tests tokenise with. */
const vocab = new Vocab();

/** Distinct made-up words: never in the global vocab, so they take the local-word path. */
const nonsense = (n: number, salt: string) => Array.from({ length: n }, (_, i) => `zq${salt}${i.toString(36)}x`);

describe('WordInts', () => {
  it('gives every token the value of its lowercased word, by vocab id and for local words, across documents', () => {
    const ints = new WordInts((w) => w.length);
    for (const text of ['The Vile decision, the vile DECISION.', 'Zqfoo zqbar and the zqfoo again.']) {
      const t = segment(text, vocab).tokens;
      const out = new Int32Array(t.count);
      ints.fill(t, out);
      for (let i = 0; i < t.count; i++) {
        expect(out[i]).toBe(tokenLower(t, i).length);
        expect(ints.at(t, i)).toBe(out[i]);
      }
      for (let j = 0; j < t.localWords.length; j++) expect(ints.local(t, j)).toBe(t.localWords[j]!.length);
    }
  });

  it('stays right when the shared table of local words starts over', () => {
    const set = { has: (t: Tokens, i: number) => ints.at(t, i) === 1 };
    const ints = new WordInts((w) => (w === 'zqkeepx' ? 1 : -1));
    // Enough new local words to pass the table's bound: it starts over after this document, and
    // memos must not leak into the next generation, whose keys mean other words.
    const first = segment(['zqkeepx', ...nonsense(31_000, 'a')].join(' '), vocab).tokens;
    expect(set.has(first, 0)).toBe(true);
    const second = segment([...nonsense(20_000, 'b'), 'zqkeepx', 'zqa0x'].join(' '), vocab).tokens;
    expect(second.keyGeneration).not.toBe(first.keyGeneration);
    const n = second.count;
    expect(set.has(second, n - 2)).toBe(true);
    expect(set.has(second, n - 1)).toBe(false);
    expect(set.has(second, 0)).toBe(false);
  });
});
