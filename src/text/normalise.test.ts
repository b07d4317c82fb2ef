import { describe, expect, it } from 'vitest';
import { lineColumn, lineStarts, normalise, toCanonicalOffset, toOriginalSpan } from './normalise.js';

/** Maps every canonical word back and checks it is the same word in the original. */
function roundTrip(original: string, word: string, expectedOriginal = word) {
  const nt = normalise(original);
  const at = nt.text.indexOf(word);
  expect(at, `"${word}" in canonical "${nt.text}"`).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginalSpan(nt, at, at + word.length);
  expect(original.slice(s, e)).toBe(expectedOriginal);
}

describe('normalise', () => {
  it('leaves clean text untouched with an identity map', () => {
    const nt = normalise('Plain text, nothing to do.');
    expect(nt.text).toBe('Plain text, nothing to do.');
    expect(nt.origStart).toBeNull();
    expect(toOriginalSpan(nt, 6, 10)).toEqual([6, 10]);
  });

  it('folds CRLF and lone CR to LF and maps back over both characters', () => {
    const nt = normalise('one\r\ntwo\rthree');
    expect(nt.text).toBe('one\ntwo\nthree');
    roundTrip('one\r\ntwo\rthree', 'two');
    roundTrip('one\r\ntwo\rthree', 'three');
    expect(toOriginalSpan(nt, 3, 4)).toEqual([3, 5]);
  });

  it('drops BOM and zero-width characters but keeps offsets into the original', () => {
    const original = '\ufeffThe gov\u200bernment said';
    const nt = normalise(original);
    expect(nt.text).toBe('The government said');
    roundTrip(original, 'government', 'gov\u200bernment');
    roundTrip(original, 'said');
  });

  it('turns NBSP and other spaces into plain spaces', () => {
    expect(normalise('a\u00a0b\u2009c\u3000d').text).toBe('a b c d');
  });

  it('straightens curly quotes', () => {
    const original = '\u201cWe will win,\u201d he said; it\u2019s \u2018done\u2019.';
    expect(normalise(original).text).toBe('"We will win," he said; it\'s \'done\'.');
    roundTrip(original, '"We will win,"', '\u201cWe will win,\u201d');
  });

  it('decodes HTML entities and maps the decoded character to the whole entity', () => {
    const original = 'Tom &amp; Jerry &quot;fight&quot; &#8220;x&#8221; &#x41;B &bogus; &';
    const nt = normalise(original);
    expect(nt.text).toBe('Tom & Jerry "fight" "x" AB &bogus; &');
    roundTrip(original, '& Jerry', '&amp; Jerry');
    roundTrip(original, '"fight"', '&quot;fight&quot;');
    roundTrip(original, 'AB', '&#x41;B');
    roundTrip(original, '&bogus;');
  });

  it('keeps emoji and lone surrogates as they are', () => {
    const original = 'Go \ud83d\udd25 team \ud800 end\r\n';
    const nt = normalise(original);
    expect(nt.text).toBe('Go \ud83d\udd25 team \ud800 end\n');
    roundTrip(original, 'end');
  });

  it('maps original offsets to canonical ones', () => {
    const nt = normalise('a\r\nb &amp; c');
    expect(nt.text).toBe('a\nb & c');
    expect(toCanonicalOffset(nt, 3)).toBe(2); // "b"
    expect(toCanonicalOffset(nt, 5)).toBe(4); // "&amp;" -> "&"
    expect(toCanonicalOffset(nt, 11)).toBe(6); // "c"
  });

  it('computes 1-based lines and columns', () => {
    const starts = lineStarts('ab\ncd\n\nef');
    expect(lineColumn(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(starts, 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn(starts, 7)).toEqual({ line: 4, column: 1 });
  });
});
