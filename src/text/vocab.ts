/**
 * Strings stored once. The global vocabulary holds the words that rules, lexicons and models name;
 * it is filled at load time and then only read on the hot path. Words of a document that no rule
 * names get negative ids local to that document, so the global table never grows with input.
 *
 * Lookup is an open-addressing table keyed by a hash of the UTF-16 units, so the tokeniser can
 * find a word straight from the document text without allocating its lowercased substring.
 */
export class Vocab {
  private readonly strings: string[] = [];
  private hashes = new Int32Array(0);
  /** Slot -> id + 1 (0 = empty). */
  private slots = new Int32Array(64);
  private mask = 63;

  /** Interns a (lowercased) word and returns its id (>= 0). */
  intern(word: string): number {
    const h = hashString(word);
    const found = this.find(word, h);
    if (found >= 0) return found;
    const id = this.strings.length;
    this.strings.push(word);
    if (id >= this.hashes.length) {
      const hs = new Int32Array(Math.max(64, this.hashes.length * 2));
      hs.set(this.hashes);
      this.hashes = hs;
    }
    this.hashes[id] = h;
    if ((id + 1) * 2 > this.mask) this.rehash();
    else this.place(id, h);
    return id;
  }

  /** The id of a known word, or -1. */
  get(word: string): number {
    return this.find(word, hashString(word));
  }

  /**
   * The id of text[start, end) lowercased, for a range of ASCII units whose lowercased form hashes
   * to `h` (see `hashStep`/`lowerAscii`), or -1.
   */
  getAsciiRange(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    const strings = this.strings;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      if (this.hashes[v - 1] !== h) continue;
      const w = strings[v - 1]!;
      if (w.length !== len) continue;
      let k = 0;
      while (k < len && lowerAscii(text.charCodeAt(start + k)) === w.charCodeAt(k)) k++;
      if (k === len) return v - 1;
    }
  }

  str(id: number): string {
    return this.strings[id] ?? '';
  }

  get size(): number {
    return this.strings.length;
  }

  private find(word: string, h: number): number {
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      if (this.hashes[v - 1] === h && this.strings[v - 1] === word) return v - 1;
    }
  }

  private place(id: number, h: number): void {
    let s = h & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = id + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let id = 0; id < this.strings.length; id++) this.place(id, this.hashes[id]!);
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

/** The process-wide vocabulary shared by all compiled rules. */
export const vocab = new Vocab();
