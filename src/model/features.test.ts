import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { tokenLower } from '../text/tokenise.js';
import { buildView, countOccurrences, countOccurrencesIn, FeatureBuffer, releaseOccurrenceIndex, suffixHash } from './features.js';
import { hashString } from './hash.js';
import { buildLexiconTable } from './lexicon-table.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

describe('FeatureBuffer', () => {
  it('masks what is pushed and grows past its capacity', () => {
    const buf = new FeatureBuffer(0xff, 2);
    for (let k = 0; k < 10; k++) buf.push(0x1234_5600 + k);
    expect(buf.length).toBe(10);
    expect([...buf.copy()]).toEqual(Array.from({ length: 10 }, (_, k) => k));
    expect([...buf.copy(8)]).toEqual([8, 9]);
    buf.reset(0xffffffff);
    buf.push(0xfedcba98);
    expect([...buf.copy()]).toEqual([0xfedcba98]);
  });
});

describe('suffixHash', () => {
  it('equals hashing the lowercased last three units, ASCII or not', () => {
    const units = fc.constantFrom('a', 'B', 'z', 'Q', '1', '-', 'É', 'İ', 'Σ', 'ß', 'ǅ', '\ud83d', '\ude00', 'x');
    fc.assert(
      fc.property(fc.array(units, { minLength: 3, maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(suffixHash(text, text.length) >>> 0).toBe(hashString(text.slice(text.length - 3).toLowerCase()));
      }),
    );
  });
});

describe('buildView', () => {
  it('counts each word as often as its lowercased form occurs, and marks multi-word terms', () => {
    const table = buildLexiconTable(new Map([['calm', 1.5]]), [['phrases', ['cold war', 'iron curtain falls']]]);
    const doc = segment('The cold war ended. The COLD war, they said, and the iron curtain falls.', vocab);
    const v = buildView(doc, table);
    const words = Array.from({ length: doc.tokens.count }, (_, i) => tokenLower(doc.tokens, i));
    for (let i = 0; i < words.length; i++) {
      if (v.masked[i]) continue;
      expect(v.count[i]).toBe(words.filter((w, j) => w === words[i] && !v.masked[j]).length);
    }
    const marked = words.filter((_, i) => v.lex[i]! & 1);
    expect(marked).toEqual(['cold', 'war', 'cold', 'war', 'iron', 'curtain', 'falls']);
  });
});

describe('months in the word lists', () => {
  it('a month used as a date is in no list; the modal "may" and "may be" stay hedges', () => {
    const table = buildLexiconTable(new Map(), [['hedges', ['may', 'may be', 'march']]]);
    const doc = segment('On May 28 the talks may be over. In March they march on.', vocab);
    const v = buildView(doc, table);
    const hedged = Array.from({ length: doc.tokens.count }, (_, i) => i)
      .filter((i) => v.lex[i]! & 1)
      .map((i) => `${doc.tokens.start[i]}:${tokenLower(doc.tokens, i)}`);
    const at = (w: string, from = 0) => doc.text.indexOf(w, from);
    expect(hedged).toEqual([`${at('may be')}:may`, `${at('be over')}:be`, `${at('march on')}:march`]);
  });
});

describe('multi-word terms', () => {
  it('are marked alike whether or not the table lists the words that begin them (older artefacts do not)', () => {
    const table = buildLexiconTable(new Map(), [
      ['a', ['cold war', 'iron curtain falls', 'so called', 'war']],
      ['b', ['curtain falls', 'of course not']],
    ]);
    expect(table.phraseStarts).toHaveLength(5); // cold, iron, so, curtain, of
    const older = { ...table };
    delete older.phraseStarts;
    const words = fc.constantFrom('cold', 'War', 'iron', 'curtain', 'falls', 'so', 'called', 'of', 'course', 'not', 'the', ',', '.', 'Sylvania');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (ws) => {
        const doc = segment(ws.join(' '), vocab);
        expect([...buildView(doc, table).lex]).toEqual([...buildView(doc, older).lex]);
      }),
    );
    const doc = segment('So called experts, of course not, saw the iron curtain falls.', vocab);
    const v = buildView(doc, table);
    const marked = Array.from({ length: doc.tokens.count }, (_, i) => i).filter((i) => v.lex[i]! & 2).map((i) => tokenLower(doc.tokens, i));
    expect(marked).toEqual(['of', 'course', 'not', 'curtain', 'falls']);
  });
});

describe('countOccurrencesIn', () => {
  it('counts as countOccurrences does on long texts (trigram index), overlapping matches included', () => {
    const long = 'the plan was a plan. '.repeat(1200) + 'aaaaaaa ' + 'the planned plan';
    expect(long.length).toBeGreaterThan(20_000);
    const short = 'the plan was a plan. '.repeat(120) + 'aaaaaaa';
    for (const phrase of ['the plan', 'aaa', 'plan.', 'an.', 'nowhere']) expect(countOccurrencesIn(short, phrase)).toBe(countOccurrences(short, phrase));
    for (const phrase of ['the plan', 'plan', 'aaa', 'aaaa', 'plan.', 'nowhere', 'an', 'the planned plan', 'n. t']) {
      expect(countOccurrencesIn(long, phrase)).toBe(countOccurrences(long, phrase));
    }
    expect(countOccurrencesIn(long, 'aaa')).toBe(2);
    releaseOccurrenceIndex();
  });

  it('agrees with countOccurrences on random long texts over a small alphabet', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', 'ab'), { minLength: 20_500, maxLength: 22_000 }), fc.array(fc.constantFrom('a', 'b', ' '), { minLength: 1, maxLength: 7 }), (parts, p) => {
        const text = parts.join('');
        const phrase = p.join('');
        return countOccurrencesIn(text, phrase) === countOccurrences(text, phrase);
      }),
      { numRuns: 40 },
    );
    releaseOccurrenceIndex();
  });

  it('stops at atMost matches, with the same result as counting all and capping (bounded on repetitive text)', () => {
    const long = 'the plan was a plan. '.repeat(1200) + 'aaaaaaa ';
    for (const phrase of ['the plan', 'plan.', 'aaa', 'an. the', 'nowhere']) {
      for (const atMost of [1, 3, 6]) {
        expect(countOccurrencesIn(long, phrase, atMost)).toBe(Math.min(atMost, countOccurrences(long, phrase)));
        expect(countOccurrences(long.slice(0, 2000), phrase, atMost)).toBe(Math.min(atMost, countOccurrences(long.slice(0, 2000), phrase)));
      }
    }
    releaseOccurrenceIndex();
  });

  it('checks at most maxChecks candidate places, and then returns the count so far (a lower bound)', () => {
    // Words "ab" and "ba" in a fixed pseudo-random order: every trigram is common, long phrases are rare.
    let x = 7;
    const words: string[] = [];
    for (let k = 0; k < 10_000; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      words.push(x & 0x10000 ? 'ab' : 'ba');
    }
    const text = words.join(' ');
    const phrase = text.slice(-44);
    expect(countOccurrencesIn(text, phrase)).toBe(countOccurrences(text, phrase));
    expect(countOccurrences(text, phrase)).toBe(1);
    expect(countOccurrencesIn(text, phrase, 6, 100)).toBe(0);
    expect(countOccurrencesIn(text, 'ab ab', 6, 100)).toBe(6);
    releaseOccurrenceIndex();
  });
});
