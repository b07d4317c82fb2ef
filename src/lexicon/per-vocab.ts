import { Vocab } from '../text/vocab.js';

/**
 * Something compiled once per vocabulary from data that names words: a word set's bits, a phrase
 * index's tables, the per-id arrays of the layers. The word lists stay data (nothing is interned at
 * import); `of(vocab)` builds the compiled form the first time a vocabulary asks and remembers it:
 * the last vocabulary seen in two fields (one compare on the hot path), the others in a WeakMap, so
 * a vocabulary that is let go takes its compiled forms with it.
 *
 * A structure that interns words registers itself (`prepare`), so that `prepareVocab` can bind every
 * one to a new vocabulary before its first text is tokenised: texts then get ids for all their words.
 * A structure asked about tokens of a vocabulary it was bound to later still answers right (the
 * structures compare such tokens by string, see Tokens.vocabSize), only more slowly.
 */
export class PerVocab<T> {
  private last: Vocab | null = null;
  private lastValue: T | undefined = undefined;
  private others = new WeakMap<Vocab, T>();

  /** `build` compiles the structure for one vocabulary (interning the words it names there). */
  constructor(
    private readonly build: (vocab: Vocab) => T,
    options: { prepare?: boolean } = {},
  ) {
    if (options.prepare !== false) registry.push(new WeakRef(this));
  }

  /** The compiled form for `vocab`, built on first use. */
  of(vocab: Vocab): T {
    return vocab === this.last ? this.lastValue! : this.bind(vocab);
  }

  /** The compiled form for `vocab` if it was built already, else undefined (builds nothing). */
  peek(vocab: Vocab): T | undefined {
    return vocab === this.last ? this.lastValue : this.others.get(vocab);
  }

  /** Forgets every compiled form (after the data changed); the next `of` builds afresh. */
  reset(): void {
    this.last = null;
    this.lastValue = undefined;
    this.others = new WeakMap();
  }

  private bind(vocab: Vocab): T {
    let v = this.others.get(vocab);
    if (v === undefined) {
      v = this.build(vocab);
      this.others.set(vocab, v);
    }
    this.last = vocab;
    this.lastValue = v;
    return v;
  }
}

/** Every live PerVocab that asked to be prepared, in the order they were made. */
const registry: Array<WeakRef<PerVocab<unknown>>> = [];

/**
 * Binds every word structure made so far (those of the modules loaded) to `vocab`, in the order they
 * were made: the Analyzer calls it before tokenising its first text. Binding twice is free.
 */
export function prepareVocab(vocab: Vocab): void {
  let kept = 0;
  // Binding can make further structures (they are appended and bound in this pass too).
  for (let k = 0; k < registry.length; k++) {
    const p = registry[k]!.deref();
    if (p === undefined) continue;
    registry[kept++] = registry[k]!;
    p.of(vocab);
  }
  registry.length = kept;
}

/** A new vocabulary with every word structure made so far bound to it (for tools that segment texts themselves). */
export function preparedVocab(): Vocab {
  const vocab = new Vocab();
  prepareVocab(vocab);
  return vocab;
}
