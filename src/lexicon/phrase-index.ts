import type { Tokens } from '../text/tokenise.js';
import { tokenLower } from '../text/tokenise.js';
import { vocab } from '../text/vocab.js';

/** A phrase as the index keeps it: its lowercased tokens (tokenised as documents are) and their vocab ids. */
export interface IndexedPhrase {
  readonly toks: readonly string[];
  readonly ids: Int32Array;
}

/**
 * Phrases of tokens indexed by the vocab id of their first token, longest first, with a flag byte per
 * first id so that one typed-array read rejects most tokens: the one phrase index behind PhraseSet and
 * the actor gazetteer's aliases (each adds what a match needs: a value, capitalisation).
 *
 * Adding a phrase interns its words. A text tokenised before that has local ids for the words that
 * were new (Tokens.vocabSize tells), so those phrases are also kept by their first word, and tokens
 * with local ids are compared by string; texts tokenised later never take that path.
 */
export class PhraseIndex<P extends IndexedPhrase> {
  private readonly byFirst = new Map<number, P[]>();
  /** Phrases with a word this index added to the vocabulary, by first word. */
  private readonly byFirstWord = new Map<string, P[]>();
  private firstFlags = new Uint8Array(0);
  /** Per first id, its phrases' second tokens as bits and whether one is a single token (see gateOf). */
  private gates = new Int32Array(0);
  /** The highest vocab id of a phrase word (-1: none). */
  private maxId = -1;
  /** Number of phrases. */
  size = 0;

  /** Interns the words `toks` (not empty) and adds the phrase `make(ids)` builds; call `seal` after the last. */
  add(toks: readonly string[], make: (ids: Int32Array) => P): P {
    const late = toks.some((w) => vocab.get(w) < 0);
    const ids = Int32Array.from(toks, (w) => vocab.intern(w));
    for (const id of ids) if (id > this.maxId) this.maxId = id;
    const p = make(ids);
    push(this.byFirst, ids[0]!, p);
    if (late) push(this.byFirstWord, toks[0]!, p);
    this.size++;
    return p;
  }

  /**
   * Orders each first token's phrases longest first (stable: earlier-added first among equals) and
   * sets the flag byte of each first id to the OR of `flag(p)` (non-zero) over its phrases.
   */
  seal(flag: (p: P) => number): void {
    for (const list of this.byFirst.values()) list.sort(longestFirst);
    for (const list of this.byFirstWord.values()) list.sort(longestFirst);
    this.firstFlags = new Uint8Array(Math.max(0, ...this.byFirst.keys()) + 1);
    for (const [id, list] of this.byFirst) for (const p of list) this.firstFlags[id]! |= flag(p);
    this.gates = new Int32Array(this.firstFlags.length).fill(-1);
    for (const [id, list] of this.byFirst) {
      let g = 0;
      for (const p of list) g |= p.ids.length > 1 ? 1 << (p.ids[1]! % GATE_BITS) : SINGLE;
      this.gates[id] = g;
    }
  }

  /**
   * For vocab id `id` (>= 0): -1 when no phrase starts with its word, else the bits (id % GATE_BITS)
   * of the ids its phrases' second tokens have, with SINGLE set when one is that word alone. A next
   * token whose bit is clear continues none of them (see continuesNone).
   */
  gateOf(id: number): number {
    return id < this.gates.length ? this.gates[id]! : -1;
  }

  /**
   * True when token j, after a token whose gate is `gate`, continues no phrase (a sure answer: false
   * means the phrases must be checked). Phrase words have ids, so a token with a local id is none of
   * them when its text was tokenised after they were interned.
   */
  continuesNone(t: Tokens, j: number, gate: number): boolean {
    const id = t.id[j]!;
    return id >= 0 ? ((gate >>> id % GATE_BITS) & 1) === 0 : t.vocabSize > this.maxId;
  }

  /** The flag byte of vocab id `id` (>= 0): 0 when no phrase starts with its word. */
  flagsOf(id: number): number {
    return id < this.firstFlags.length ? this.firstFlags[id]! : 0;
  }

  /** 1 at the vocab ids that start some phrase (flag bytes as they are: non-zero where one starts). */
  idFlags(): Uint8Array {
    return this.firstFlags;
  }

  /** The phrases whose first token could be token i (longest first), or undefined. */
  startingAt(t: Tokens, i: number): readonly P[] | undefined {
    const id = t.id[i]!;
    if (id >= 0) return this.flagsOf(id) === 0 ? undefined : this.byFirst.get(id);
    // A local id can be a phrase word only when the text was tokenised before the index interned it.
    return t.vocabSize <= this.maxId && this.byFirstWord.size > 0 ? this.byFirstWord.get(tokenLower(t, i)) : undefined;
  }

  /** Is token j the k-th token of phrase p? */
  same(t: Tokens, j: number, p: P, k: number): boolean {
    const id = t.id[j]!;
    return id === p.ids[k] || (id < 0 && t.vocabSize <= this.maxId && tokenLower(t, j) === p.toks[k]);
  }
}

/** Bits of a gate (see gateOf); SINGLE above them. */
const GATE_BITS = 29;
export const SINGLE = 1 << 29;

function push<K, P>(m: Map<K, P[]>, key: K, p: P): void {
  const list = m.get(key);
  if (list) list.push(p);
  else m.set(key, [p]);
}

const longestFirst = (a: IndexedPhrase, b: IndexedPhrase): number => b.toks.length - a.toks.length;
