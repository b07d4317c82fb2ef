import type { Tokens } from '../text/tokenise.js';
import { vocab } from '../text/vocab.js';
import { localIndex } from '../text/hot-path.js';

/**
 * Per-word facts for the code detectors, memoised as small integers in typed arrays.
 *
 * Global vocab ids index the arrays directly. Words outside the vocab (document-local negative
 * ids) index them by their cross-document key from the tokeniser (Tokens.localKeys), so each
 * cache reads its memo with no string lookup or allocation per cache and document. The
 * tokeniser's table of such words is bounded: when it starts over (a new keyGeneration), every
 * cache drops its memo of local words.
 */

function grown(a: Int32Array, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, a.length * 2, 256));
  b.set(a);
  return b;
}

/**
 * An integer fact per lowercased word (-1 meaning none), computed once per word by `fn`, which
 * must depend on the lowercased word alone.
 */
export class WordInts {
  /** Per vocab id: value + 2 (0 = not computed yet). */
  private byId: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** Per extra key: value + 2 (0 = not computed yet), valid for generation `generation`. */
  private byKey: Int32Array<ArrayBuffer> = new Int32Array(0);
  private generation = 0;

  constructor(private readonly fn: (word: string) => number) {}

  /** The value for token i (-1 when the word has none). */
  at(t: Tokens, i: number): number {
    const id = t.id[i]!;
    if (id >= 0) return this.ofId(id);
    this.syncGeneration(t.keyGeneration);
    const j = localIndex(id);
    return this.ofKey(t.localKeys[j]!, t.localWords[j]!);
  }

  /** Writes the value of every token of the document to out[0, t.count). */
  fill(t: Tokens, out: Int32Array): void {
    const ids = t.id;
    const keys = t.localKeys;
    this.syncGeneration(t.keyGeneration);
    for (let i = 0; i < t.count; i++) {
      const id = ids[i]!;
      out[i] = id >= 0 ? this.ofId(id) : this.ofKey(keys[localIndex(id)]!, t.localWords[localIndex(id)]!);
    }
  }

  private ofId(id: number): number {
    if (id >= this.byId.length) this.byId = grown(this.byId, Math.max(vocab.size, id + 1));
    let v = this.byId[id]!;
    if (v === 0) this.byId[id] = v = this.fn(vocab.str(id)) + 2;
    return v - 2;
  }

  private ofKey(k: number, word: string): number {
    if (k >= this.byKey.length) this.byKey = grown(this.byKey, k + 1);
    let v = this.byKey[k]!;
    if (v === 0) this.byKey[k] = v = this.fn(word) + 2;
    return v - 2;
  }

  /** Local-word memos are dropped when the tokeniser's key table has started over. */
  private syncGeneration(generation: number): void {
    if (this.generation !== generation) {
      this.byKey.fill(0);
      this.generation = generation;
    }
  }
}

/** Membership of a token's lowercased form in a set of words. */
export class WordSet {
  private readonly ints: WordInts;
  constructor(words: ReadonlySet<string>) {
    this.ints = new WordInts((w) => (words.has(w) ? 1 : -1));
  }

  has(t: Tokens, i: number): boolean {
    return this.ints.at(t, i) === 1;
  }
}
