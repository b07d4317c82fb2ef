/** Character classes for the tokeniser, cached per UTF-16 unit so non-ASCII text stays fast. */
export const C_OTHER = 0;
export const C_LETTER = 1;
export const C_DIGIT = 2;
export const C_SPACE = 3;
export const C_MARK = 4;
export const C_HIGH = 5; // high surrogate
export const C_LOW = 6; // low surrogate
export const C_NEWLINE = 7;

/** Set in `charInfo` for a unit that changes under toLowerCase (an uppercase letter). */
export const UPPER_BIT = 8;
/** Set for a letter that is not uppercase (so "all letters uppercase" is one OR over a word). */
export const NONUPPER_LETTER_BIT = 16;
/** Set for units above ASCII. */
export const NONASCII_BIT = 32;
export const CLASS_MASK = 7;

/** Per unit: class in the low bits plus UPPER_BIT; 255 = not computed yet. */
const table = new Uint8Array(65536).fill(255);
/** The table itself, for hot loops that inline the lookup (fall back to `charInfo` on 255). */
export const CHAR_INFO: Uint8Array = table;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;

function compute(c: number): number {
  const high = c > 127 ? NONASCII_BIT : 0;
  if (c === 10) return C_NEWLINE;
  if (c >= 0xd800 && c <= 0xdbff) return C_HIGH | high;
  if (c >= 0xdc00 && c <= 0xdfff) return C_LOW | high;
  const ch = String.fromCharCode(c);
  const upper = ch !== ch.toLowerCase() ? UPPER_BIT : 0;
  if (LETTER.test(ch)) return C_LETTER | (upper || NONUPPER_LETTER_BIT) | high;
  if (DIGIT.test(ch)) return C_DIGIT | upper | high;
  if (MARK.test(ch)) return C_MARK | upper | high;
  if (SPACE.test(ch) || c === 0x200b) return C_SPACE | upper | high;
  return C_OTHER | upper | high;
}

for (let c = 0; c < 128; c++) table[c] = compute(c);

/** Class and case of a UTF-16 unit in one lookup: `info & CLASS_MASK`, `info & UPPER_BIT`. */
export function charInfo(c: number): number {
  let v = table[c]!;
  if (v === 255) {
    v = compute(c);
    table[c] = v;
  }
  return v;
}

export function charClass(c: number): number {
  return charInfo(c) & CLASS_MASK;
}

export function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

const NATIVE_UTF16 = typeof Buffer !== 'undefined' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A reusable Uint16Array holding a string's UTF-16 units. Hot loops read this instead of calling
 * charCodeAt: once a process has passed strings of several kinds (one- or two-byte, sliced,
 * concatenated) to the same code, charCodeAt there handles them all and gets much slower. The
 * copy is a native Buffer#write('utf16le') on little-endian Node, else a plain loop.
 */
export class UnitBuffer {
  private units = new Uint16Array(0);
  private bytes: Buffer | null = null;

  /** The units of text in [0, text.length); valid until the next call. */
  fill(text: string): Uint16Array {
    const n = text.length;
    if (this.units.length < n || this.units.length > Math.max(1 << 18, n * 4)) {
      // Grow, or shrink after an unusually long text so it is not kept alive.
      this.units = new Uint16Array(Math.max(n, 1024));
      this.bytes = NATIVE_UTF16 ? Buffer.from(this.units.buffer, this.units.byteOffset, this.units.byteLength) : null;
    }
    const units = this.units;
    if (this.bytes !== null) this.bytes.write(text, 0, n * 2, 'utf16le');
    else for (let k = 0; k < n; k++) units[k] = text.charCodeAt(k);
    return units;
  }
}
