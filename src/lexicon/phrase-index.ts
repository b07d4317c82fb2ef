import type { Tokens } from '../text/tokenise.js';
import { tokenLower } from '../text/tokenise.js';
import type { Vocab } from '../text/vocab.js';
import { PerVocab } from './per-vocab.js';

/** A phrase as the index keeps it: its lowercased tokens (tokenised as documents are) and their vocab ids. */
export interface IndexedPhrase {
  readonly toks: readonly string[];
  readonly ids: Int32Array;
}

/** A PhraseIndex compiled for one vocabulary (see PhraseIndex.bind). */
interface BoundIndex<P> {
  byFirst: Map<number, P[]>;
  /** Every phrase by its first word, for texts tokenised before some of their words were interned. */
  byFirstWord: Map<string, P[]>;
  firstFlags: Uint8Array;
  /** Per first id, its phrases' second tokens as bits and whether one is a single token (see gateOf). */
  gates: Int32Array;
  /** The highest vocab id of a phrase word (-1: none). */
  maxId: number;
}

/**
 * Phrases of tokens indexed by the vocab id of their first token, longest first, with a flag byte per
 * first id so that one typed-array read rejects most tokens: the one phrase index behind PhraseSet and
 * the actor gazetteer's aliases (each adds what a match needs: a value, capitalisation).
 *
 * The phrases are kept as words; the index is compiled once per vocabulary whose tokens it is asked
 * about (PerVocab): that interns their words and makes each phrase (`make(ids)`) with its ids there.
 * A text tokenised before that has local ids for the words that were new (Tokens.vocabSize tells),
 * so the phrases are also kept by their first word, and tokens with local ids are compared by
 * string; texts tokenised later never take that path.
 */
export class PhraseIndex<P extends IndexedPhrase> {
  private readonly phrases: Array<{ toks: readonly string[]; make: (ids: Int32Array) => P }> = [];
  private flag: (p: P) => number = () => 1;
  private readonly bound = new PerVocab((vocab) => this.bind(vocab));
  /** Number of phrases. */
  size = 0;

  /** Adds the phrase of words `toks` (not empty), made by `make` from their ids in each vocabulary; call `seal` after the last. */
  add(toks: readonly string[], make: (ids: Int32Array) => P): void {
    this.phrases.push({ toks, make });
    this.bound.reset();
    this.size++;
  }

  /**
   * Orders each first token's phrases longest first (stable: earlier-added first among equals) and
   * sets the flag byte of each first id to the OR of `flag(p)` (non-zero) over its phrases.
   */
  seal(flag: (p: P) => number): void {
    this.flag = flag;
    this.bound.reset();
  }

  private bind(vocab: Vocab): BoundIndex<P> {
    const byFirst = new Map<number, P[]>();
    const byFirstWord = new Map<string, P[]>();
    let maxId = -1;
    for (const { toks, make } of this.phrases) {
      const ids = Int32Array.from(toks, (w) => vocab.intern(w));
      for (const id of ids) if (id > maxId) maxId = id;
      const p = make(ids);
      push(byFirst, ids[0]!, p);
      // Every phrase, not only those with words new here: another structure may have interned a
      // word after a text was tokenised, and a phrase sharing words with an earlier one seems known.
      push(byFirstWord, toks[0]!, p);
    }
    for (const list of byFirst.values()) list.sort(longestFirst);
    for (const list of byFirstWord.values()) list.sort(longestFirst);
    const firstFlags = new Uint8Array(Math.max(0, ...byFirst.keys()) + 1);
    for (const [id, list] of byFirst) for (const p of list) firstFlags[id]! |= this.flag(p);
    const gates = new Int32Array(firstFlags.length).fill(-1);
    for (const [id, list] of byFirst) {
      let g = 0;
      for (const p of list) g |= p.ids.length > 1 ? 1 << (p.ids[1]! % GATE_BITS) : SINGLE;
      gates[id] = g;
    }
    return { byFirst, byFirstWord, firstFlags, gates, maxId };
  }

  /**
   * For id `id` (>= 0) of the tokens' vocabulary: -1 when no phrase starts with its word, else the
   * bits (id % GATE_BITS) of the ids its phrases' second tokens have, with SINGLE set when one is
   * that word alone. A next token whose bit is clear continues none of them (see continuesNone).
   */
  gateOf(t: Tokens, id: number): number {
    const gates = this.bound.of(t.vocab).gates;
    return id < gates.length ? gates[id]! : -1;
  }

  /**
   * True when token j, after a token whose gate is `gate`, continues no phrase (a sure answer: false
   * means the phrases must be checked). Phrase words have ids, so a token with a local id is none of
   * them when its text was tokenised after they were interned.
   */
  continuesNone(t: Tokens, j: number, gate: number): boolean {
    const id = t.id[j]!;
    return id >= 0 ? ((gate >>> id % GATE_BITS) & 1) === 0 : t.vocabSize > this.bound.of(t.vocab).maxId;
  }

  /** The flag byte of id `id` (>= 0) of the tokens' vocabulary: 0 when no phrase starts with its word. */
  flagsOf(t: Tokens, id: number): number {
    const flags = this.bound.of(t.vocab).firstFlags;
    return id < flags.length ? flags[id]! : 0;
  }

  /** Non-zero at the ids of `vocab` that start some phrase (the flag bytes). */
  idFlags(vocab: Vocab): Uint8Array {
    return this.bound.of(vocab).firstFlags;
  }

  /** The phrases whose first token could be token i (longest first), or undefined. */
  startingAt(t: Tokens, i: number): readonly P[] | undefined {
    const id = t.id[i]!;
    const b = this.bound.of(t.vocab);
    if (id >= 0) return id < b.firstFlags.length && b.firstFlags[id] !== 0 ? b.byFirst.get(id) : undefined;
    // A local id can be a phrase word only when the text was tokenised before the index interned it.
    return t.vocabSize <= b.maxId && b.byFirstWord.size > 0 ? b.byFirstWord.get(tokenLower(t, i)) : undefined;
  }

  /** Is token j the k-th token of phrase p (a phrase of this index bound to the tokens' vocabulary)? */
  same(t: Tokens, j: number, p: P, k: number): boolean {
    const id = t.id[j]!;
    return id === p.ids[k] || (id < 0 && t.vocabSize <= this.bound.of(t.vocab).maxId && tokenLower(t, j) === p.toks[k]);
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
