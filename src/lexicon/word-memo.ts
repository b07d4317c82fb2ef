import type { Tokens } from '../text/tokenise.js';
import type { Vocab } from '../text/vocab.js';
import { localIndex } from '../text/hot-path.js';

/**
 * The one per-word memo of the project, in two storages: WordMemo for any value, WordInts for small
 * integers in typed arrays (the hot loops of the code detectors and the rule engine). Both key a
 * word the same way: vocabulary ids index one table per vocabulary (the tokens' vocabulary: the
 * table of the last one is at hand, others wait in a WeakMap), and words outside it index another by
 * their cross-document key from the tokeniser (Tokens.localKeys), so a word costs one computation per
 * process rather than one per document. The tokeniser's table of such words is bounded; when it
 * starts over (a new keyGeneration) the memo of those words is dropped. Nothing is interned.
 */

/**
 * A value per lowercased word, memoised by token: vocabulary ids index one array per vocabulary,
 * and words outside the vocabulary index another by their cross-document key from the tokeniser
 * (Tokens.localKeys), so a word costs one string lookup per process rather than one per document.
 * The tokeniser's table of such words is bounded; when it starts over (a new keyGeneration) the
 * memo of those words is dropped. `compute` must depend on the lowercased word alone.
 */
export class WordMemo<V> {
  /** The vocabulary `byId` belongs to; the tables of others in `otherIds`. */
  private vocab: Vocab | null = null;
  private byId: Array<V | undefined> = [];
  private otherIds = new WeakMap<Vocab, Array<V | undefined>>();
  private byKey: Array<V | undefined> = [];
  private generation = -1;

  constructor(private readonly compute: (word: string) => V) {}

  /** The value for token i. */
  at(t: Tokens, i: number): V {
    const id = t.id[i]!;
    if (id >= 0) {
      // A known word of the vocabulary bound last: read here; the rest in ofId.
      if (t.vocab === this.vocab && id < this.byId.length) {
        const v = this.byId[id];
        if (v !== undefined) return v;
      }
      return this.ofId(t, id);
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

  /** The value of vocabulary id `id` of the tokens' vocabulary (binding to it first). */
  private ofId(t: Tokens, id: number): V {
    if (t.vocab !== this.vocab) this.switchTo(t.vocab);
    // Dense arrays (filled to size): a write far past the end would make V8 store them as dictionaries.
    if (id >= this.byId.length) fillTo(this.byId, Math.max(t.vocab.size, id + 1));
    let v = this.byId[id];
    if (v === undefined) v = this.byId[id] = this.compute(t.vocab.str(id));
    return v;
  }

  /** Forgets every value (after the inputs of `compute` changed). */
  clear(): void {
    this.vocab = null;
    this.byId = [];
    this.otherIds = new WeakMap();
    this.byKey = [];
  }

  private switchTo(vocab: Vocab): void {
    if (this.vocab !== null) this.otherIds.set(this.vocab, this.byId);
    this.vocab = vocab;
    this.byId = this.otherIds.get(vocab) ?? [];
  }
}

/** Pads `a` with undefined up to length n (keeps it a dense array). */
export function fillTo<X>(a: Array<X | undefined>, n: number): Array<X | undefined> {
  while (a.length < n) a.push(undefined);
  return a;
}

function grown(a: Int32Array, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, a.length * 2, 256));
  b.set(a);
  return b;
}

/**
 * WordMemo's typed-array storage: an integer fact per lowercased word (-1 meaning none), computed
 * once per word by `fn`, which must depend on the lowercased word alone.
 */
export class WordInts {
  /** The vocabulary `byId` belongs to; the tables of others in `otherIds`. */
  private vocab: Vocab | null = null;
  /** Per id of `vocab`: value + 2 (0 = not computed yet). */
  private byId: Int32Array<ArrayBuffer> = new Int32Array(0);
  private readonly otherIds = new WeakMap<Vocab, Int32Array<ArrayBuffer>>();
  /** Per extra key: value + 2 (0 = not computed yet), valid for generation `generation`. */
  private byKey: Int32Array<ArrayBuffer> = new Int32Array(0);
  private generation = 0;

  constructor(private readonly fn: (word: string) => number) {}

  /** The value for token i (-1 when the word has none). */
  at(t: Tokens, i: number): number {
    const id = t.id[i]!;
    if (id >= 0) {
      // A known word of the vocabulary bound last: read here; the rest in ofId.
      if (t.vocab === this.vocab && id < this.byId.length) {
        const v = this.byId[id]!;
        if (v !== 0) return v - 2;
      }
      if (t.vocab !== this.vocab) this.switchTo(t.vocab);
      return this.ofId(id);
    }
    this.syncGeneration(t.keyGeneration);
    const j = localIndex(id);
    return this.ofKey(t.localKeys[j]!, t.localWords[j]!);
  }

  /**
   * The memo by id of the tokens' vocabulary, each value + 2 (0: not computed yet), covering at least
   * the ids below t.vocabSize: a hot loop reads it to rule tokens out before calling `at`. Values
   * never change once computed (a later grow copies them), so a table read earlier stays right where
   * it is not 0.
   */
  idTable(t: Tokens): Int32Array {
    if (t.vocab !== this.vocab) this.switchTo(t.vocab);
    if (this.byId.length < t.vocabSize) this.byId = grown(this.byId, t.vocabSize);
    return this.byId;
  }

  /** The value for the document's word outside the vocab with local index j (see localIndex). */
  local(t: Tokens, j: number): number {
    this.syncGeneration(t.keyGeneration);
    return this.ofKey(t.localKeys[j]!, t.localWords[j]!);
  }

  /** Writes the value of every token of the document to out[0, t.count). */
  fill(t: Tokens, out: Int32Array): void {
    const ids = t.id;
    const keys = t.localKeys;
    if (t.vocab !== this.vocab) this.switchTo(t.vocab);
    this.syncGeneration(t.keyGeneration);
    for (let i = 0; i < t.count; i++) {
      const id = ids[i]!;
      out[i] = id >= 0 ? this.ofId(id) : this.ofKey(keys[localIndex(id)]!, t.localWords[localIndex(id)]!);
    }
  }

  /** The value of `vocab` (the bound one) id `id`. */
  private ofId(id: number): number {
    const vocab = this.vocab!;
    if (id >= this.byId.length) this.byId = grown(this.byId, Math.max(vocab.size, id + 1));
    let v = this.byId[id]!;
    if (v === 0) this.byId[id] = v = this.fn(vocab.str(id)) + 2;
    return v - 2;
  }

  private switchTo(vocab: Vocab): void {
    if (this.vocab !== null) this.otherIds.set(this.vocab, this.byId);
    this.vocab = vocab;
    this.byId = this.otherIds.get(vocab) ?? new Int32Array(0);
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
