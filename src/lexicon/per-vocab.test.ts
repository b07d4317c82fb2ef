import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { tokenLower, type Tokens } from '../text/tokenise.js';
import { Vocab } from '../text/vocab.js';
import { PerVocab, prepareVocab } from './per-vocab.js';
import { TermMatcher } from './term-matcher.js';
import { WordInts } from './word-memo.js';
import { PhraseSet, WordSet } from './word-sets.js';

const WORDS = ['the', 'zqrover', 'said', 'border', 'zqpact', 'talks', 'according', 'to', 'officials', 'in', 'Tarvia', ',', 'wipe', 'out', 'economy', 'zqmoot', 'SAID'];
const SET = ['said', 'zqrover', 'talks', 'tarvia'];
const PHRASES = ['according to', 'according to officials', 'the zqpact', 'the zqpact talks', 'wipe out', 'talks'];
const TERMS: Array<[string, string]> = [['wipe out', 'phrase'], ['wipe', 'word'], ['econom*', 'prefix'], ['the zqpact', 'tp'], ['border talks', 'bt'], ['zqrover said*', 'rs']];

/** Two vocabularies whose ids differ: one filled first with other words, in another order. */
function twoVocabularies(): [Vocab, Vocab] {
  const a = new Vocab();
  const b = new Vocab();
  for (const w of ['zqa', 'zqb', 'talks', 'zqc', 'the', 'officials']) b.intern(w);
  return [a, b];
}

/** Each structure's answers at every token, as strings (ids never show). */
function answers(t: Tokens, set: WordSet, phrases: PhraseSet, terms: TermMatcher<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(`${tokenLower(t, i)}:${set.at(t, i) ? 1 : 0}:${phrases.match(t, i, t.count)}:${phrases.matchList(t, i, t.count)}`);
  return out;
}

/** The same, by string only: what the structures must answer. */
function reference(t: Tokens): string[] {
  const w = Array.from({ length: t.count }, (_, i) => tokenLower(t, i));
  const phrases = PHRASES.map((p) => p.split(' '));
  return w.map((x, i) => {
    let n = 0;
    for (const p of phrases) if (p.length > n && p.every((y, k) => w[i + k] === y)) n = p.length;
    return `${x}:${SET.includes(x) ? 1 : 0}:${n}:${n}`;
  });
}

const scan = (m: TermMatcher<string>, text: string, vocab: Vocab): string[] => {
  const doc = segment(text, vocab);
  const out: string[] = [];
  m.scanEntries(doc, 0, doc.tokens.count, (e, a, b) => out.push(`${e.value}:${a}-${b}`));
  return out;
};

describe('word structures bound per vocabulary', () => {
  it('answer right for tokens of two vocabularies, asked in turns, bound before or after the texts were tokenised', () => {
    const [a, b] = twoVocabularies();
    const set = new WordSet(SET);
    const phrases = new PhraseSet(PHRASES);
    const terms = new TermMatcher<string>();
    for (const [term, value] of TERMS) terms.add(term, value);
    // Vocabulary a is bound before its texts are tokenised; b's first text before it is bound.
    prepareVocab(a);
    const text = 'According to officials in Tarvia, the zqpact talks said zqrover; the zqpact, wipe out the economy. Border talks: zqrover SAID zqmoot';
    const early = segment(text, b).tokens;
    const ta = segment(text, a).tokens;
    expect(early.id.some((id) => id < 0 && SET.includes(early.localWords[-id - 2]!))).toBe(true);
    const expected = reference(ta);
    expect(expected.filter((x) => !x.endsWith(':0:0:0')).length).toBeGreaterThan(5);
    expect(answers(ta, set, phrases, terms)).toEqual(expected);
    expect(answers(early, set, phrases, terms)).toEqual(expected);
    const tb = segment(text, b).tokens;
    expect(answers(tb, set, phrases, terms)).toEqual(expected);
    expect(answers(ta, set, phrases, terms)).toEqual(expected);
    // The ids differ between the two vocabularies; the answers do not.
    expect(a.get('said')).not.toBe(b.get('said'));
    expect(set.idBits(a)).not.toEqual(set.idBits(b));
    const terms1 = scan(terms, text, a);
    expect(terms1).toEqual(['tp:6-8', 'tp:12-14', 'phrase:15-17', 'prefix:18-19', 'bt:20-22', 'rs:23-25']);
    expect(scan(terms, text, b)).toEqual(terms1);
    expect(scan(terms, text, a)).toEqual(terms1);
  });

  it('match the same in both vocabularies over random texts (the fast paths against the plain ones)', () => {
    const [a, b] = twoVocabularies();
    const set = new WordSet(SET);
    const phrases = new PhraseSet(PHRASES);
    const terms = new TermMatcher<string>();
    for (const [term, value] of TERMS) terms.add(term, value);
    const ints = new WordInts((w) => w.length);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }), fc.boolean(), (ws, aFirst) => {
        const text = ws.join(' ');
        const [x, y] = aFirst ? [a, b] : [b, a];
        const tx = segment(text, x).tokens;
        const ty = segment(text, y).tokens;
        expect(answers(tx, set, phrases, terms)).toEqual(reference(tx));
        expect(answers(ty, set, phrases, terms)).toEqual(reference(ty));
        expect(scan(terms, text, x)).toEqual(scan(terms, text, y));
        for (let i = 0; i < tx.count; i++) expect(ints.at(tx, i)).toBe(ints.at(ty, i));
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('compile once per vocabulary, and a vocabulary no longer used takes its compiled form with it', () => {
    let builds = 0;
    const p = new PerVocab((v) => ++builds + v.size, { prepare: false });
    const [a, b] = twoVocabularies();
    expect(p.peek(a)).toBeUndefined();
    expect(p.of(a)).toBe(1);
    expect(p.of(b)).toBe(8);
    expect(p.of(a)).toBe(1);
    expect(p.of(b)).toBe(8);
    expect(builds).toBe(2);
    // Not registered: preparing a vocabulary leaves it alone.
    const c = new Vocab();
    prepareVocab(c);
    expect(p.peek(c)).toBeUndefined();
    p.reset();
    expect(p.of(a)).toBe(3);
  });
});
