import type { Tokens } from '../text/tokenise.js';
import { vocab } from '../text/vocab.js';
import { localIndex } from '../text/hot-path.js';

/**
 * A value per lowercased word, memoised by token: global vocab ids index one array, and words
 * outside the vocab index another by their cross-document key from the tokeniser
 * (Tokens.localKeys), so a word costs one string lookup per process rather than one per document.
 * The tokeniser's table of such words is bounded; when it starts over (a new keyGeneration) the
 * memo of those words is dropped. `compute` must depend on the lowercased word alone.
 */
export class WordMemo<V> {
  private byId: Array<V | undefined> = [];
  private byKey: Array<V | undefined> = [];
  private generation = -1;

  constructor(private readonly compute: (word: string) => V) {}

  /** The value for token i. */
  at(t: Tokens, i: number): V {
    const id = t.id[i]!;
    if (id >= 0) {
      // Dense arrays (filled to size): a write far past the end would make V8 store them as dictionaries.
      if (id >= this.byId.length) fillTo(this.byId, Math.max(vocab.size, id + 1));
      let v = this.byId[id];
      if (v === undefined) v = this.byId[id] = this.compute(vocab.str(id));
      return v;
    }
    if (t.keyGeneration !== this.generation) {
      this.generation = t.keyGeneration;
      this.byKey = [];
    }
    const j = localIndex(id);
    const key = t.localKeys[j]!;
    if (key >= this.byKey.length) fillTo(this.byKey, key + 1 + (key >> 1));
    let v = this.byKey[key];
    if (v === undefined) v = this.byKey[key] = this.compute(t.localWords[j]!);
    return v;
  }

  /** Forgets every value (after the inputs of `compute` changed). */
  clear(): void {
    this.byId = [];
    this.byKey = [];
  }
}

/** Pads `a` with undefined up to length n (keeps it a dense array). */
export function fillTo<X>(a: Array<X | undefined>, n: number): Array<X | undefined> {
  while (a.length < n) a.push(undefined);
  return a;
}
