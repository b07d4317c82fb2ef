import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Strict, illFormedReason, InvalidUtf8Error, loneSurrogateAt } from './unicode.js';

describe('well-formed text', () => {
  it('finds lone surrogates, and only those', () => {
    expect(loneSurrogateAt('plain 🙂 text')).toBe(-1);
    expect(loneSurrogateAt('ab\uD83Dcd')).toBe(2);
    expect(loneSurrogateAt('\uDE42 at start')).toBe(0);
    expect(loneSurrogateAt('ends high \uD83D')).toBe(10);
    expect(illFormedReason('x\uDC00')).toBe('not well-formed Unicode: a lone surrogate (U+DC00) at index 1');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => loneSurrogateAt(s) === -1), { numRuns: 300 });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const wellFormed = Buffer.from(s, 'utf16le').toString('utf16le') === s && new TextDecoder().decode(new TextEncoder().encode(s)) === s;
        return (loneSurrogateAt(s) === -1) === wellFormed;
      }),
      { numRuns: 300 },
    );
  });

  it('decodes UTF-8 strictly and says where it breaks', () => {
    expect(decodeUtf8Strict(Buffer.from('héllo 🙂'))).toBe('héllo 🙂');
    const bad = Buffer.concat([Buffer.from('héllo'), Buffer.from([0xff]), Buffer.from(' rest')]);
    expect(() => decodeUtf8Strict(bad)).toThrow(InvalidUtf8Error);
    expect(() => decodeUtf8Strict(bad)).toThrow('not valid UTF-8 (at byte 6)');
    // A sequence cut short at the end.
    expect(() => decodeUtf8Strict(Buffer.from([0x61, 0xe2, 0x82]))).toThrow('not valid UTF-8 (at byte 1)');
    expect(() => decodeUtf8Strict(Buffer.from([0x61, 0x62, 0xf0]))).toThrow('not valid UTF-8 (at byte 2)');
    expect(() => decodeUtf8Strict(Buffer.from([0x61, 0xe2, 0x82, 0x41]))).toThrow('not valid UTF-8 (at byte 1)');
    expect(() => decodeUtf8Strict(Buffer.from([0xc3, 0xa9, 0xff]))).toThrow('not valid UTF-8 (at byte 2)');
  });
});
