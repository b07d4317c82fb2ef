import type { Tokens } from '../text/tokenise.js';
import { vocab } from '../text/vocab.js';

/**
 * Per-word facts for the code detectors, memoised as small integers in typed arrays.
 *
 * Global vocab ids index the arrays directly. Words outside the vocab (document-local negative
 * ids) get a cross-document key from one shared table, resolved once per document for all caches
 * together: each cache then reads its memo by that key, with no string lookup or allocation per
 * cache and document. The shared table is bounded; when it is full it starts over (a new
 * generation) and every cache drops its memo of local words.
 */

const MAX_EXTRA_WORDS = 30_000;
let extraIds = new Map<string, number>();
let extraGeneration = 0;
/** The localWords array whose keys `docKeys` holds. */
let keysOf: string[] | null = null;
let docKeys = new Int32Array(64);

/** Cross-document keys of a document's local words, by local index (-(id) - 2). */
function localKeys(t: Tokens): Int32Array {
  const words = t.localWords;
  if (words !== keysOf) {
    if (extraIds.size + words.length > MAX_EXTRA_WORDS) {
      extraIds = new Map();
      extraGeneration++;
    }
    if (docKeys.length < words.length) docKeys = new Int32Array(Math.max(words.length, docKeys.length * 2));
    for (let j = 0; j < words.length; j++) {
      const w = words[j]!;
      let k = extraIds.get(w);
      if (k === undefined) {
        k = extraIds.size;
        extraIds.set(w, k);
      }
      docKeys[j] = k;
    }
    keysOf = words;
  }
  return docKeys;
}

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
    const keys = localKeys(t);
    this.syncGeneration();
    return this.ofKey(keys[-id - 2]!, t.localWords[-id - 2]!);
  }

  /** Writes the value of every token of the document to out[0, t.count). */
  fill(t: Tokens, out: Int32Array): void {
    const ids = t.id;
    let keys: Int32Array | null = null;
    for (let i = 0; i < t.count; i++) {
      const id = ids[i]!;
      if (id >= 0) {
        out[i] = this.ofId(id);
        continue;
      }
      if (keys === null) {
        keys = localKeys(t);
        this.syncGeneration();
      }
      out[i] = this.ofKey(keys[-id - 2]!, t.localWords[-id - 2]!);
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

  /** Local-word memos are dropped when the shared key table has started over. */
  private syncGeneration(): void {
    if (this.generation !== extraGeneration) {
      this.byKey.fill(0);
      this.generation = extraGeneration;
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
