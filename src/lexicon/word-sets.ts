import type { Doc } from '../text/segment.js';
import type { Tokens } from '../text/tokenise.js';
import { F_CAP, F_UPPER, K_NUMBER, K_PUNCT, K_WORD, tokenLower, tokenise } from '../text/tokenise.js';
import { Vocab } from '../text/vocab.js';
import { WordMemo } from './word-memo.js';
import { PerVocab } from './per-vocab.js';
import { PhraseIndex, SINGLE, type IndexedPhrase } from './phrase-index.js';
import { denseSlot, localIndex } from '../text/hot-path.js';

/**
 * Small token helpers shared by the sourcing, claims and actors layers. Everything works on the
 * document's existing tokens (no regexes over sentences), comparing lowercased forms.
 */

export const lower = (t: Tokens, i: number): string => tokenLower(t, i);
export const isWord = (t: Tokens, i: number): boolean => t.kind[i] === K_WORD;
export const isNumber = (t: Tokens, i: number): boolean => t.kind[i] === K_NUMBER;
export const isPunct = (t: Tokens, i: number): boolean => t.kind[i] === K_PUNCT;
export const isCap = (t: Tokens, i: number): boolean => t.kind[i] === K_WORD && (t.flags[i]! & F_CAP) !== 0;
export const isUpper = (t: Tokens, i: number): boolean => (t.flags[i]! & F_UPPER) !== 0;

/** The first character of punctuation token i ('' for other tokens). */
export function punctChar(doc: Doc, i: number): string {
  return doc.tokens.kind[i] === K_PUNCT ? doc.text[doc.tokens.start[i]!]! : '';
}

/** Canonical text of tokens [a, b). */
export function tokenText(doc: Doc, a: number, b: number): string {
  return b > a ? doc.text.slice(doc.tokens.start[a]!, doc.tokens.end[b - 1]!) : '';
}

/**
 * Lowercased token forms of a phrase, tokenised exactly as documents are. The vocabulary only names
 * ids (the forms do not depend on it): pass one to reuse, or a fresh empty one is used.
 */
export function phraseTokens(phrase: string, vocab: Vocab = new Vocab()): string[] {
  const t = tokenise(phrase, vocab);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(tokenLower(t, i));
  return out;
}

/** A WordSet bound to one vocabulary: a bit per id, and the highest id of its words (-1: none). */
interface BoundWords {
  bits: Uint8Array;
  maxId: number;
}

/**
 * The one word set: a list of words, interned in each vocabulary whose tokens it is asked about
 * (once per vocabulary, see PerVocab), so that membership of a token is one typed-array read on its
 * id (documents get vocabulary ids at tokenisation; words no structure names get negative ids). A
 * document tokenised before the set was bound to its vocabulary has local ids for the set's new
 * words: those tokens are looked up by string (Tokens.vocabSize tells when that can happen).
 */
export class WordSet {
  private readonly words: Set<string>;
  private readonly bound: PerVocab<BoundWords>;
  /** The vocabulary last asked about and the set's bits and highest id there: what `at` reads. */
  private vocab: Vocab | null = null;
  private bits: Uint8Array = new Uint8Array(0);
  private maxId = -1;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.bound = new PerVocab((vocab) => {
      const ids = [...this.words].map((w) => vocab.intern(w));
      const maxId = Math.max(-1, ...ids);
      const bits = new Uint8Array(maxId + 1);
      for (const id of ids) bits[id] = 1;
      return { bits, maxId };
    });
  }

  /**
   * Per id of `vocab`, the OR of the flags of the sets that hold the word (or, for a PhraseSet, that
   * have a phrase starting with it): one read tests them all. Ids past the end are in none. Words the
   * sets interned after a text was tokenised have local ids there: callers treat those as in none,
   * so a union is bound before texts are tokenised (prepareVocab) or holds sets a slower test checks.
   */
  static union(vocab: Vocab, sets: ReadonlyArray<[WordSet | PhraseSet, number]>): Uint8Array {
    let n = 0;
    for (const [set] of sets) n = Math.max(n, set.idBits(vocab).length);
    const out = new Uint8Array(n);
    for (const [set, flag] of sets) {
      const bits = set.idBits(vocab);
      for (let id = 0; id < bits.length; id++) if (bits[id] !== 0) out[id]! |= flag;
    }
    return out;
  }

  /** 1 at the ids of `vocab` of the set's words. */
  idBits(vocab: Vocab): Uint8Array {
    return this.bound.of(vocab).bits;
  }

  /** Is this (lowercased) word in the set? */
  has(word: string): boolean {
    return this.words.has(word);
  }

  /** Is token i of these tokens in the set? */
  at(t: Tokens, i: number): boolean {
    const id = t.id[i]!;
    // The hot path stays small enough to inline: tokens of the vocabulary bound last.
    if (t.vocab === this.vocab) {
      if (id >= 0) return id < this.bits.length && this.bits[id] === 1;
      // A local word can be one of ours only when the set interned it after the text was tokenised.
      if (t.vocabSize > this.maxId) return false;
    }
    return this.atOther(t, i);
  }

  /** `at` for a local id, or after binding to another vocabulary. */
  private atOther(t: Tokens, i: number): boolean {
    if (t.vocab !== this.vocab) this.use(t.vocab);
    const id = t.id[i]!;
    if (id >= 0) return id < this.bits.length && this.bits[id] === 1;
    // A local word can be one of ours only when the set interned it after the text was tokenised.
    return t.vocabSize <= this.maxId && this.words.has(t.localWords[localIndex(id)]!);
  }

  private use(vocab: Vocab): void {
    const b = this.bound.of(vocab);
    this.vocab = vocab;
    this.bits = b.bits;
    this.maxId = b.maxId;
  }
}

export const wordSet = (words: string): WordSet => new WordSet(words.trim().split(/\s+/));

/**
 * A set of multi-word phrases (tokenised as documents are, punctuation tokens included), on the
 * shared PhraseIndex: `match(tokens, i, end)` returns the token length of the longest phrase starting
 * at token i, or 0. Built once at load.
 */
export class PhraseSet {
  private readonly index = new PhraseIndex<IndexedPhrase>();
  readonly size: number;

  constructor(phrases: Iterable<string>) {
    const scratch = new Vocab();
    for (const p of phrases) {
      const toks = phraseTokens(p, scratch);
      if (toks.length > 0) this.index.add(toks, (ids) => ({ toks, ids }));
    }
    this.index.seal(() => 1);
    this.size = this.index.size;
  }

  /** Non-zero at the ids of `vocab` that start some phrase. */
  idBits(vocab: Vocab): Uint8Array {
    return this.index.idFlags(vocab);
  }

  match(t: Tokens, i: number, end: number): number {
    // Most tokens start no phrase, and most that do are not followed by a phrase's second token:
    // typed reads answer both without the phrase lists (matchList, the plain version, decides the rest).
    const id = t.id[i]!;
    if (id >= 0) {
      const gate = this.index.gateOf(t, id);
      if (gate < 0) return 0;
      if (i + 1 >= end || this.index.continuesNone(t, i + 1, gate)) return (gate & SINGLE) !== 0 && i + 1 <= end ? 1 : 0;
    }
    return this.matchList(t, i, end);
  }

  /** match by walking the phrases that start at token i (the plain version of match). */
  matchList(t: Tokens, i: number, end: number): number {
    const list = this.index.startingAt(t, i);
    if (list === undefined) return 0;
    outer: for (const p of list) {
      const n = p.ids.length;
      if (i + n > end) continue;
      for (let k = 1; k < n; k++) if (!this.index.same(t, i + k, p, k)) continue outer;
      return n;
    }
    return 0;
  }

  /** First match in [a, b): [start, length], or null. */
  find(t: Tokens, a: number, b: number): [number, number] | null {
    for (let i = a; i < b; i++) {
      const n = this.match(t, i, b);
      if (n > 0) return [i, n];
    }
    return null;
  }
}

/**
 * A pure function of a token's lowercased form that may have no value (undefined), memoised per word
 * by WordMemo: vocabulary words by id, words outside it by the tokeniser's cross-document key. Nothing
 * is interned, so the answer is right for any token whenever its document was tokenised.
 */
export class WordLookup<T> {
  private readonly memo: WordMemo<T | null>;

  /** `fn` must depend on the lowercased word alone. */
  constructor(fn: (word: string) => T | undefined) {
    this.memo = new WordMemo((w) => fn(w) ?? null);
  }

  /** The value for token i, or undefined. */
  at(t: Tokens, i: number): T | undefined {
    return this.memo.at(t, i) ?? undefined;
  }

  /** True when token i has a value. */
  has(t: Tokens, i: number): boolean {
    return this.memo.at(t, i) !== null;
  }
}


/**
 * Scratch marks per token id (global and document-local), cleared in O(1) by starting a new
 * generation: for counting or deduplicating words without building strings or Maps. One instance
 * per use site; `fit` once per document, `clear` whenever the marks should read 0 again.
 */
export class TokenMarks {
  private stamp = new Int32Array(0);
  private val = new Int32Array(0);
  private epoch = 0;

  /** Sizes the marks for a document's tokens and clears them. */
  fit(t: Tokens): void {
    const need = 2 * Math.max(t.vocab.size, t.localWords.length) + 2;
    if (this.stamp.length < need) {
      this.stamp = new Int32Array(Math.max(need, this.stamp.length * 2));
      this.val = new Int32Array(this.stamp.length);
      this.epoch = 0;
    }
    this.clear();
  }

  clear(): void {
    if (this.epoch >= 0x3fffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    this.epoch++;
  }

  private slot(t: Tokens, i: number): number {
    const id = t.id[i]!;
    return denseSlot(id);
  }

  get(t: Tokens, i: number): number {
    const s = this.slot(t, i);
    return this.stamp[s] === this.epoch ? this.val[s]! : 0;
  }

  set(t: Tokens, i: number, v: number): void {
    const s = this.slot(t, i);
    this.stamp[s] = this.epoch;
    this.val[s] = v;
  }
}
