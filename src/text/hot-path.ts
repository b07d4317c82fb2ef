/**
 * The machinery of the hot paths in one place: how a token's id names its word (vocabulary
 * ids and a document's local words), one dense index for both, and scratch arrays kept from one
 * document to the next up to a limit. The tokeniser, the lexicon's word structures, the rule engine
 * and the model use these instead of their own arithmetic and buffers.
 *
 * Only functions and classes are exported here, never constants: an imported constant is checked
 * at every use (it might not be initialised yet), while a small imported function inlines.
 */

/*
 * Token ids. A token's id is its lowercased word's id in the tokens' vocabulary (Tokens.vocab, >= 0), or,
 * for a word the vocabulary does not hold, -(j + 2) where j indexes the document's local words
 * (Tokens.localWords[j], Tokens.localKeys[j]). -1 is never a token's id: it is free for "none".
 */

/** The id of the document's local word j. */
export function localId(j: number): number {
  return -(j + 2);
}

/** The local word index of a local id (id < 0). */
export function localIndex(id: number): number {
  return -id - 2;
}

/**
 * One dense index for both kinds of id: 2 * id for a vocabulary id, 2 * j + 1 for local word j,
 * so per-word tables indexed by it need no second array for local words.
 */
export function denseSlot(id: number): number {
  return id >= 0 ? 2 * id : 2 * (-id - 2) + 1;
}

/*
 * Scratch arrays. A hot path reuses its arrays from call to call (allocating a typed array costs
 * far more than clearing one), growing them by doubling; after a call on an unusually large input
 * it lets go of them, so one long document does not keep its buffers alive for the life of the
 * process.
 */

export type ScratchArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;

/** One typed array reused between calls: at least `n` entries on request, dropped past `keep`. */
export class Scratch<A extends ScratchArray> {
  private array: A;

  /**
   * @param make  a new array of n entries (e.g. `(n) => new Int32Array(n)`)
   * @param keep  arrays longer than this are let go by release()
   * @param min   the smallest length to allocate (fewer regrowths on small inputs)
   */
  constructor(
    private readonly make: (n: number) => A,
    readonly keep: number,
    private readonly min = 0,
  ) {
    this.array = make(0);
  }

  /** An array of at least n entries; what it holds beyond the last call's writes is unspecified. */
  take(n: number): A {
    if (this.array.length < n) this.array = this.make(Math.max(n, 2 * this.array.length, this.min));
    return this.array;
  }

  /** take(n) with its first n entries zeroed. */
  zeroed(n: number): A {
    const a = this.take(n);
    a.fill(0, 0, n);
    return a;
  }

  /** Lets go of the array if it has grown past `keep` entries. */
  release(): void {
    if (this.array.length > this.keep) this.array = this.make(0);
  }

  /** The current length (for tests and memory accounting). */
  get capacity(): number {
    return this.array.length;
  }
}
