/** Character classes for the tokeniser, cached per UTF-16 unit so non-ASCII text stays fast. */
export const C_OTHER = 0;
export const C_LETTER = 1;
export const C_DIGIT = 2;
export const C_SPACE = 3;
export const C_MARK = 4;
export const C_HIGH = 5; // high surrogate
export const C_LOW = 6; // low surrogate
export const C_NEWLINE = 7;

const table = new Uint8Array(65536).fill(255);
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;

function compute(c: number): number {
  if (c === 10) return C_NEWLINE;
  if (c >= 0xd800 && c <= 0xdbff) return C_HIGH;
  if (c >= 0xdc00 && c <= 0xdfff) return C_LOW;
  const ch = String.fromCharCode(c);
  if (LETTER.test(ch)) return C_LETTER;
  if (DIGIT.test(ch)) return C_DIGIT;
  if (MARK.test(ch)) return C_MARK;
  if (SPACE.test(ch) || c === 0x200b) return C_SPACE;
  return C_OTHER;
}

for (let c = 0; c < 128; c++) table[c] = compute(c);

export function charClass(c: number): number {
  let v = table[c]!;
  if (v === 255) {
    v = compute(c);
    table[c] = v;
  }
  return v;
}

export function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
