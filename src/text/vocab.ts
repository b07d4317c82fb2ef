/**
 * Strings stored once. A vocabulary holds the words that rules, lexicons and models name; there is
 * no process-wide one: an Analyzer creates its own (or takes one to share), tokenising a text takes
 * the vocabulary its ids will refer to (Tokens.vocab), and the word structures of the lexicon bind
 * to the vocabulary of the tokens they are asked about (src/lexicon/per-vocab.ts). Nothing is
 * interned at import. A vocabulary is filled when rules compile and structures bind, and then only
 * read on the hot path: words of a document that no rule or structure names get negative ids local
 * to that document, so the table never grows with input.
 *
 * Lookup is an open-addressing table keyed by a hash of the UTF-16 units, so the tokeniser can
 * find a word straight from the document text without allocating its lowercased substring.
 */
export class Vocab {
  private readonly strings: string[] = [];
  private hashes = new Int32Array(0);
  /**
   * Open-addressing table, four ints per slot: id + 1 (0 = empty), hash, offset into `units`,
   * length. A probe reads one cache line and never touches the string objects.
   */
  private table = new Int32Array(64 * 4);
  private mask = 63;
  /** Every word's UTF-16 units back to back. */
  private units = new Uint16Array(1024);
  private unitsUsed = 0;
  private offsets = new Int32Array(0);

  /** Interns a (lowercased) word and returns its id (>= 0). */
  intern(word: string): number {
    const h = hashString(word);
    const found = this.find(word, h);
    if (found >= 0) return found;
    const id = this.strings.length;
    this.strings.push(word);
    if (id >= this.hashes.length) {
      const size = Math.max(64, this.hashes.length * 2);
      const hs = new Int32Array(size);
      hs.set(this.hashes);
      this.hashes = hs;
      const os = new Int32Array(size);
      os.set(this.offsets);
      this.offsets = os;
    }
    this.hashes[id] = h;
    if (this.unitsUsed + word.length > this.units.length) {
      const us = new Uint16Array(Math.max(this.units.length * 2, this.unitsUsed + word.length));
      us.set(this.units);
      this.units = us;
    }
    this.offsets[id] = this.unitsUsed;
    for (let k = 0; k < word.length; k++) this.units[this.unitsUsed++] = word.charCodeAt(k);
    if ((id + 1) * 2 > this.mask) this.rehash();
    else this.place(id);
    return id;
  }

  /** The id of a known word, or -1. */
  get(word: string): number {
    return this.find(word, hashString(word));
  }

  /**
   * The id of text[start, end) lowercased (text as UTF-16 units), for a range of ASCII units whose lowercased form hashes
   * to `h` (see `hashStep`/`lowerAscii`), or -1.
   */
  getAsciiRange(text: Uint16Array, start: number, end: number, h: number): number {
    const len = end - start;
    const table = this.table;
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = s << 2;
      const v = table[at]!;
      if (v === 0) return -1;
      if (table[at + 1] !== h || table[at + 3] !== len) continue;
      const off = table[at + 2]!;
      const units = this.units;
      let k = 0;
      while (k < len && lowerAscii(text[start + k]!) === units[off + k]) k++;
      if (k === len) return v - 1;
    }
  }

  str(id: number): string {
    return this.strings[id] ?? '';
  }

  get size(): number {
    return this.strings.length;
  }

  /** Total UTF-16 units of the interned words. */
  get unitCount(): number {
    return this.unitsUsed;
  }

  private find(word: string, h: number): number {
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.table[s << 2]!;
      if (v === 0) return -1;
      if (this.table[(s << 2) + 1] === h && this.strings[v - 1] === word) return v - 1;
    }
  }

  private place(id: number): void {
    const h = this.hashes[id]!;
    let s = h & this.mask;
    while (this.table[s << 2] !== 0) s = (s + 1) & this.mask;
    const at = s << 2;
    this.table[at] = id + 1;
    this.table[at + 1] = h;
    this.table[at + 2] = this.offsets[id]!;
    this.table[at + 3] = this.strings[id]!.length;
  }

  private rehash(): void {
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array((this.mask + 1) * 4);
    for (let id = 0; id < this.strings.length; id++) this.place(id);
  }
}

export const HASH_SEED = 0x811c9dc5 | 0;

/** One step of the word hash (FNV-1a over UTF-16 units). */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export function hashString(s: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < s.length; k++) h = hashStep(h, s.charCodeAt(k));
  return h;
}

/** ASCII lowercase of one unit (what toLowerCase does to an ASCII string). */
export function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}
