import { describe, expect, it } from 'vitest';
import { tokenise } from './tokenise.js';
import { Vocab } from './vocab.js';

/** The vocabulary these tests tokenise with. */
const vocab = new Vocab();

/** Token ids as the straightforward implementation assigns them: lowercased substring, then Map. */
function referenceIds(text: string): Array<string | number> {
  const t = tokenise(text, vocab);
  const out: Array<string | number> = [];
  for (let k = 0; k < t.count; k++) {
    const w = text.slice(t.start[k], t.end[k]).toLowerCase();
    const id = vocab.get(w);
    out.push(id >= 0 ? id : `local:${w}`);
  }
  return out;
}

const actualIds = (text: string): Array<string | number> => {
  const t = tokenise(text, vocab);
  return Array.from(t.id, (id) => (id >= 0 ? id : `local:${t.localWords[-id - 2]}`));
};

describe('vocab', () => {
  it('interns, finds and grows past rehashing', () => {
    const v = new Vocab();
    const words = Array.from({ length: 500 }, (_, i) => `w${i}`);
    const ids = words.map((w) => v.intern(w));
    expect(ids).toEqual(words.map((_, i) => i));
    expect(words.map((w) => v.intern(w))).toEqual(ids);
    expect(words.map((w) => v.get(w))).toEqual(ids);
    expect(v.get('absent')).toBe(-1);
    expect(v.str(42)).toBe('w42');
    expect(v.size).toBe(500);
  });

  it('gives tokens the ids of their lowercased text, found without substrings', () => {
    for (const w of ['regime', 'u.s', "don't", 'so-called', '3.5', '!!!', 'é']) vocab.intern(w);
    const texts = [
      "The REGIME, the Regime and the regime; don't DON'T so-called SO-CALLED 3.5 !!! regimes",
      'In the U.S. and the U.S', // a dotted abbreviation at the very end overshoots the text by one unit
      'É é \u212a K k İ i \ud83d\udd25 x\u0301', // Kelvin sign lowercases to "k", İ grows when lowercased
      'Café CAFÉ café cafe',
    ];
    for (const text of texts) expect(actualIds(text)).toEqual(referenceIds(text));
    const t = tokenise('\u212a K k', vocab);
    expect(t.id[0]).toBe(t.id[1]);
    expect(t.id[1]).toBe(t.id[2]);
  });
});

describe('words outside the vocab', () => {
  it('get local ids per document in order of first use, and keys shared across documents', () => {
    const a = tokenise('Zqalpha zqbeta ZQALPHA zqgamma', vocab);
    expect(Array.from(a.id)).toEqual([-2, -3, -2, -4]);
    expect(a.localWords).toEqual(['zqalpha', 'zqbeta', 'zqgamma']);
    const b = tokenise('zqgamma zqdelta zqalpha', vocab);
    expect(Array.from(b.id)).toEqual([-2, -3, -4]);
    expect(b.localWords).toEqual(['zqgamma', 'zqdelta', 'zqalpha']);
    expect(b.keyGeneration).toBe(a.keyGeneration);
    expect(b.localKeys[0]).toBe(a.localKeys[2]);
    expect(b.localKeys[2]).toBe(a.localKeys[0]);
    expect(new Set([...a.localKeys, ...b.localKeys]).size).toBe(4);
  });
});

describe('token arrays', () => {
  it('stay intact when later documents, small and large, are tokenised', () => {
    const texts = ['Zqone two three.', 'A large one: ' + 'word '.repeat(20_000), 'Zqfour five, six!', ...Array.from({ length: 200 }, (_, k) => `Doc ${k} says zq${k} things.`)];
    const snapshot = (t: ReturnType<typeof tokenise>) => JSON.stringify([t.start, t.end, t.id, t.kind, t.flags, t.localKeys].map((a) => Array.from(a)));
    const kept = texts.map((x) => tokenise(x, vocab));
    const before = kept.map(snapshot);
    for (const x of texts) tokenise(x, vocab);
    expect(kept.map(snapshot)).toEqual(before);
    expect(kept.map(snapshot)).toEqual(texts.map((x) => snapshot(tokenise(x, vocab))));
  });
});
