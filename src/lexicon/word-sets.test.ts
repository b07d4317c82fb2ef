import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { tokenLower } from '../text/tokenise.js';
import { PhraseSet, TokenMarks, WordLookup, WordSet } from './word-sets.js';
import { Vocab } from '../text/vocab.js';
import { prepareVocab } from './per-vocab.js';

/** The vocabulary these tests tokenise with. */
const vocab = new Vocab();

describe('WordLookup', () => {
  it('answers like its function of the lowercased word, for vocabulary and document-local words, across documents', () => {
    const calls: string[] = [];
    const len = new WordLookup((w) => {
      calls.push(w);
      return w.length > 3 ? w.length : undefined;
    });
    for (const text of ['The Zyxwvut said the zyxwvut was fine.', 'ZYXWVUT and the qwertzuiop met; said qwertzuiop.']) {
      const t = segment(text, vocab).tokens;
      for (let i = 0; i < t.count; i++) {
        const w = tokenLower(t, i);
        expect(len.at(t, i)).toBe(w.length > 3 ? w.length : undefined);
      }
    }
    // Each distinct word is computed once, local words included.
    expect(calls.filter((w) => w === 'zyxwvut')).toHaveLength(1);
    expect(calls.filter((w) => w === 'the')).toHaveLength(1);
  });

});

describe('WordSet', () => {
  it('tests membership of a token, for vocabulary words and words of texts tokenised before the set was bound to their vocabulary', () => {
    const early = segment('He said zqlatewordx twice, zqotherx.', vocab).tokens;
    const set = new WordSet(['said', 'zqlatewordx']);
    prepareVocab(vocab); // binds the set: texts tokenised from now on have ids for its words
    const late = segment('He said zqlatewordx twice, zqotherx.', vocab).tokens;
    const expected = [false, true, true, false, false, false, false];
    // The early text has a local id for the word the set interned after it; the late one a vocab id.
    expect(early.id[2]).toBeLessThan(0);
    expect(late.id[2]).toBeGreaterThanOrEqual(0);
    for (const t of [early, late]) expect([...Array(t.count).keys()].map((i) => set.at(t, i))).toEqual(expected);
    expect(set.has('said') && !set.has('he')).toBe(true);
  });
});

describe('TokenMarks', () => {
  it('keeps a mark per word id until cleared', () => {
    const t = segment('Lies, lies and more lies.', vocab).tokens;
    const m = new TokenMarks();
    m.fit(t);
    for (let i = 0; i < t.count; i++) m.set(t, i, m.get(t, i) + 1);
    expect(m.get(t, 0)).toBe(3);
    m.clear();
    expect(m.get(t, 0)).toBe(0);
  });
});

describe('PhraseSet', () => {
  it('finds the longest phrase, punctuation tokens included, in texts tokenised before and after it was bound to their vocabulary', () => {
    const text = 'They said the zqvorn-pact had zqheld, as the zqvorn-pact was zqsigned long ago; the zqvorn held.';
    const early = segment(text, vocab).tokens;
    // Hyphenated words are one token; the comma is a token of its own.
    const set = new PhraseSet(['the zqvorn', 'the zqvorn-pact', 'the zqvorn-pact was zqsigned', 'long ago', 'zqheld, as']);
    prepareVocab(vocab); // binds the set: texts tokenised from now on have ids for its words
    const late = segment(text, vocab).tokens;
    expect(early.id.some((id) => id < 0)).toBe(true);
    const hits = (t: typeof early) => {
      const out: string[] = [];
      for (let i = 0; i < t.count; i++) {
        const n = set.match(t, i, t.count);
        if (n > 0) out.push(`${tokenLower(t, i)}+${n}`);
      }
      return out;
    };
    expect(hits(late)).toEqual(['the+2', 'zqheld+3', 'the+4', 'long+2', 'the+2']);
    expect(hits(early)).toEqual(hits(late));
    expect(set.find(late, 6, late.count)).toEqual([8, 4]);
    expect(set.match(late, 8, 11)).toBe(2);
  });
  it('matches at every token as walking its phrases does (the gate of typed reads against matchList)', () => {
    const early = segment('according to zqmorrow, the zqplan; according as zqmorrow', vocab);
    const set = new PhraseSet(['according to', 'according to zqmorrow', 'zqmorrow', 'the zqplan', 'as a', 'as', 'in case', 'in the event', ', as']);
    const words = ['according', 'to', 'as', 'a', 'the', 'zqplan', 'zqmorrow', 'in', 'case', 'event', ',', 'other', 'According', 'AS'];
    const check = (doc: ReturnType<typeof segment>) => {
      const t = doc.tokens;
      for (let i = 0; i < t.count; i++) for (const end of [t.count, Math.min(t.count, i + 1), Math.min(t.count, i + 2)]) expect(set.match(t, i, end)).toBe(set.matchList(t, i, end));
    };
    check(early);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), (ws) => {
        check(segment(ws.join(' '), vocab));
        return true;
      }),
      { numRuns: 150 },
    );
  });
});

