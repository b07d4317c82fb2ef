import { K_NUMBER, K_WORD, type Tokens } from '../text/tokenise.js';
import type { Doc } from '../text/segment.js';
import type { Vocab } from '../text/vocab.js';
import { parseWordList } from './load.js';
import { PerVocab } from './per-vocab.js';
import { WordInts, WordMemo } from './word-memo.js';
import { localIndex } from '../text/hot-path.js';


/**
 * Matches word lists (single words and short phrases) against a document's tokens. An entry word
 * ending in `*` matches any word that starts with it ("econom*" matches "economy", "economic").
 * Phrases match consecutive word tokens; punctuation between the words breaks a phrase.
 */
export interface TermEntry<T> {
  term: string;
  value: T;
  words: string[];
}

interface Compiled<T> {
  entry: TermEntry<T>;
  /** Insertion order: among equally long candidates the later-added entry wins. */
  seq: number;
  /** Remaining words after the first: exact string or prefix. */
  rest: RestWord[];
}

interface RestWord {
  w: string;
  prefix: boolean;
  /** An exact word's index in TermMatcher.restWords, whose ids each vocabulary binding holds (-1: a prefix). */
  k: number;
}

/** What a TermMatcher knows of one vocabulary (see TermMatcher.bind). */
interface BoundTerms {
  /** Per exact later word of a phrase (by RestWord.k): its id. */
  restIds: Int32Array;
  /** The largest of restIds (-1: none). */
  maxRestId: number;
  /** Per word: the bits of the ids phrases starting with it go on with (see secondBits). */
  second: WordInts;
}

export interface TermMatch<T> {
  entry: TermEntry<T>;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** Canonical character span. */
  start: number;
  end: number;
}

/** Longest phrases first so that the first hit at a position is the longest; then the latest added. */
function byPriority<T>(a: Compiled<T>, b: Compiled<T>): number {
  return b.rest.length - a.rest.length || b.seq - a.seq;
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  /** Entries whose first word is the prefix ending here (`key*`). */
  list: Compiled<T>[] | undefined;
}


/** Codes of TermMatcher's per-word memo from this up: a gated word (see TermMatcher.first). */
const GATED = 1 << 29;
/** Bits of TermMatcher's `second` memo (its values, +2 in WordInts, stay under 2^31). */
const SECOND_BITS = 29;

export class TermMatcher<T> {
  private readonly exact = new Map<string, Compiled<T>[]>();
  private readonly prefixed = new Map<string, Compiled<T>[]>();
  /** The `prefixed` keys as a trie over UTF-16 units: a word finds its prefixes in one walk. */
  private readonly trie: TrieNode<T> = { next: new Map(), list: undefined };
  private seq = 0;
  size = 0;

  /**
   * Adds a term; a later entry with the same term replaces the value of the earlier one, and among
   * entries of equal length matching at one position (an exact word and a `word*` prefix), the
   * later-added wins, so lists added later take precedence.
   */
  add(term: string, value: T): void {
    const words = term.toLowerCase().trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    this.cache.clear();
    this.memo.clear();
    this.clearFirst();
    this.bound.reset();
    const first = words[0]!;
    const isPrefix = first.length > 1 && first.endsWith('*');
    const key = isPrefix ? first.slice(0, -1) : first;
    const table = isPrefix ? this.prefixed : this.exact;
    let list = table.get(key);
    if (!list) {
      table.set(key, (list = []));
      if (isPrefix) {
        let node = this.trie;
        for (let i = 0; i < key.length; i++) {
          const c = key.charCodeAt(i);
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = { next: new Map(), list: undefined }));
          node = child;
        }
        node.list = list;
      }
    }
    const normalised = words.join(' ');
    const existing = list.find((c) => c.entry.term === normalised);
    if (existing) {
      existing.entry.value = value;
      existing.seq = this.seq++;
      list.sort(byPriority);
      return;
    }
    // A phrase's later exact words are interned in each vocabulary the matcher binds to, so that texts
    // tokenised after that give them ids: matchAt compares ids, and a phrase's second word gates it (see `first`).
    const rest = words.slice(1).map((w): RestWord => (w.length > 1 && w.endsWith('*') ? { w: w.slice(0, -1), prefix: true, k: -1 } : { w, prefix: false, k: this.restWords.push(w) - 1 }));
    list.push({ entry: { term: normalised, value, words }, rest, seq: this.seq++ });
    list.sort(byPriority);
    this.size++;
  }

  /** Adds every line of a word list with the same value. */
  addList(text: string, value: (term: string) => T): void {
    for (const term of parseWordList(text)) this.add(term, value(term));
  }

  /** Candidate lists per word asked by string (hasWord), including misses; bounded, and reset whenever an entry is added. */
  private readonly cache = new Map<string, Compiled<T>[] | null>();

  /** Candidate lists (null: none) per token's word, across documents; cleared whenever an entry is added. */
  private readonly memo = new WordMemo<Compiled<T>[] | null>((w) => this.lookup(w) ?? null);

  /**
   * What matchAt finds at a word before looking at its candidate list, per token's word across
   * documents, as a small integer (a typed array read, where the list is several objects deep):
   * -1 when no entry starts with the word; k + 1 when its first candidate is the one-word entry
   * firstEntries[k] (which then matches by itself); GATED + k when every phrase it starts goes on
   * with a vocabulary word (the "public" of "the public"), so that a token followed by none of
   * them matches what the one-word entry firstEntries[k - 1] matches (none for k = 0): `second`
   * holds those words' ids as bits (id % SECOND_BITS), and a next token whose bit is clear ends
   * every phrase; 0 when the list must be walked. Derived from the same candidates as `memo`, so matchAt
   * gives what matchAtList gives (tested).
   */
  private first = new WordInts((w) => this.firstCode(w));
  /** Every phrase's later exact words, in the order added (RestWord.k). */
  private readonly restWords: string[] = [];
  /** The matcher bound to each vocabulary (interning the later exact words of phrases there). */
  private readonly bound = new PerVocab((vocab) => this.bind(vocab));
  private readonly firstEntries: TermEntry<T>[] = [];
  private readonly firstIndex = new Map<TermEntry<T>, number>();

  /** firstEntries' index + 1 of an entry (added on first use). */
  private entryCode(entry: TermEntry<T>): number {
    let k = this.firstIndex.get(entry);
    if (k === undefined) {
      k = this.firstEntries.length;
      this.firstEntries.push(entry);
      this.firstIndex.set(entry, k);
    }
    return k + 1;
  }

  private firstCode(word: string): number {
    const list = this.lookup(word);
    if (!list) return -1;
    if (list[0]!.rest.length === 0) return this.entryCode(list[0]!.entry);
    // Exact words have ids in every bound vocabulary: only a prefix leaves the second bits unknown.
    if (list.some((c) => c.rest.length > 0 && c.rest[0]!.prefix)) return 0;
    const single = list.find((c) => c.rest.length === 0);
    return GATED + (single ? this.entryCode(single.entry) : 0);
  }

  /**
   * The bits (id % SECOND_BITS) of the ids (`restIds`, of one vocabulary) of the words that phrases
   * starting with `word` go on with, or -1 when one goes on with a prefix.
   */
  private secondBits(word: string, restIds: Int32Array): number {
    const list = this.lookup(word);
    if (!list) return -1;
    let bits = 0;
    for (const c of list) {
      if (c.rest.length === 0) continue;
      const r = c.rest[0]!;
      if (r.prefix) return -1;
      bits |= 1 << (restIds[r.k]! % SECOND_BITS);
    }
    return bits;
  }

  private clearFirst(): void {
    this.first = new WordInts((w) => this.firstCode(w));
    this.firstEntries.length = 0;
    this.firstIndex.clear();
  }

  /**
   * The matcher for one vocabulary: the later exact words of phrases interned there, so that a token
   * with an id matches by comparing ids, and the second-word gates over those ids.
   */
  private bind(vocab: Vocab): BoundTerms {
    const restIds = Int32Array.from(this.restWords, (w) => vocab.intern(w));
    const maxRestId = restIds.reduce((m, id) => Math.max(m, id), -1);
    return { restIds, maxRestId, second: new WordInts((w) => this.secondBits(w, restIds)) };
  }

  private candidates(word: string): Compiled<T>[] | undefined {
    let c = this.cache.get(word);
    if (c === undefined) {
      if (this.cache.size >= 100_000) this.cache.clear();
      c = this.lookup(word) ?? null;
      this.cache.set(word, c);
    }
    return c ?? undefined;
  }

  /** All entries whose first word matches `word`, by priority (seq makes the order total). */
  private lookup(word: string): Compiled<T>[] | undefined {
    let out = this.exact.get(word);
    let node: TrieNode<T> | undefined = this.trie;
    for (let i = 0; i < word.length; i++) {
      node = node.next.get(word.charCodeAt(i));
      if (!node) break;
      const p = node.list;
      if (p) out = out ? [...out, ...p].sort(byPriority) : p;
    }
    return out;
  }

  /**
   * Calls `hit` for the longest match starting at each word token in [from, to); matches do not
   * overlap (scanning resumes after a match).
   */
  scan(doc: Doc, from: number, to: number, hit: (m: TermMatch<T>) => void): void {
    const t = doc.tokens;
    for (let i = from; i < to; i++) {
      const entry = this.matchAt(t, i, to);
      if (entry === null) continue;
      const j = this.matchEnd;
      hit({ entry, tokenStart: i, tokenEnd: j, start: t.start[i]!, end: t.end[j - 1]! });
      i = j - 1;
    }
  }

  /** scan without a match object per hit: `hit` gets the entry and the token range [tokenStart, tokenEnd). */
  scanEntries(doc: Doc, from: number, to: number, hit: (entry: TermEntry<T>, tokenStart: number, tokenEnd: number) => void): void {
    const t = doc.tokens;
    const ids = t.id;
    // Most words start no entry: their memo value is -1 (stored + 2 as 1), read here without a
    // call; every other token goes through matchAt, which decides as before.
    const first = this.first.idTable(t);
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      if (id >= 0 && id < first.length && first[id] === 1) continue;
      const entry = this.matchAt(t, i, to);
      if (entry === null) continue;
      const j = this.matchEnd;
      hit(entry, i, j);
      i = j - 1;
    }
  }

  /** Token end of the last matchAt hit. */
  private matchEnd = 0;

  /** The longest entry matching at token i within [i, to), or null; its token end in matchEnd. */
  private matchAt(t: Tokens, i: number, to: number): TermEntry<T> | null {
    const kind = t.kind[i]!;
    if (kind !== K_WORD && kind !== K_NUMBER) return null;
    const f = this.first.at(t, i);
    if (f < 0) return null;
    if (f > 0 && f < GATED) {
      this.matchEnd = i + 1;
      return this.firstEntries[f - 1]!;
    }
    if (f >= GATED) {
      // No phrase goes on unless the next token's bit is in `second`. A next token with a local id
      // is no phrase word when the text was tokenised after they all had ids; else the list decides.
      const j = i + 1;
      const kj = j < to ? t.kind[j]! : 0;
      const id = j < to ? t.id[j]! : 0;
      const b = this.bound.of(t.vocab);
      if (j >= to || (kj !== K_WORD && kj !== K_NUMBER) || (id >= 0 ? ((b.second.at(t, i) >>> id % SECOND_BITS) & 1) === 0 : t.vocabSize > b.maxRestId)) {
        if (f === GATED) return null;
        this.matchEnd = i + 1;
        return this.firstEntries[f - GATED - 1]!;
      }
    }
    return this.matchAtList(t, i, to);
  }

  /** matchAt by walking the word's candidate list (the plain version of matchAt; also its slow path). */
  matchAtList(t: Tokens, i: number, to: number): TermEntry<T> | null {
    const kind = t.kind[i]!;
    if (kind !== K_WORD && kind !== K_NUMBER) return null;
    const list = this.memo.at(t, i);
    if (list === null) return null;
    const restIds = this.bound.of(t.vocab).restIds;
    for (let c = 0; c < list.length; c++) {
      const rest = list[c]!.rest;
      let j = i + 1;
      let r = 0;
      for (; r < rest.length; r++, j++) {
        if (j >= to) break;
        const kj = t.kind[j]!;
        if (kj !== K_WORD && kj !== K_NUMBER) break;
        const rw = rest[r]!;
        const id = t.id[j]!;
        if (rw.prefix) {
          if (!(id >= 0 ? t.vocab.str(id) : t.localWords[localIndex(id)]!).startsWith(rw.w)) break;
        } else if (id >= 0) {
          // Ids name strings one to one: equal ids, equal words (the word was interned when the matcher bound to t.vocab).
          if (id !== restIds[rw.k]) break;
        } else if (t.localWords[localIndex(id)] !== rw.w) break;
      }
      if (r < rest.length) continue;
      this.matchEnd = j;
      return list[c]!.entry;
    }
    return null;
  }

  /** True when some entry's first word matches the lowercased word (a match may start there). */
  startsWith(word: string): boolean {
    return this.candidates(word) !== undefined;
  }

  /**
   * The longest entry matching at token i within [i, to), or null; `lastEnd` then holds the token
   * end of the match. scanEntries is this at every word, resuming after each match.
   */
  entryAt(doc: Doc, i: number, to: number): TermEntry<T> | null {
    return this.matchAt(doc.tokens, i, to);
  }

  /**
   * What a single word matches by itself: the entry entryAt would give at a word that no longer
   * phrase continues (null: none), and whether some phrase of several words starts with it.
   */
  wordEntry(word: string): { entry: TermEntry<T> | null; startsPhrase: boolean } {
    const list = this.candidates(word);
    if (!list) return { entry: null, startsPhrase: false };
    return { entry: list.find((c) => c.rest.length === 0)?.entry ?? null, startsPhrase: list.some((c) => c.rest.length > 0) };
  }

  /** Token end of the last entryAt match. */
  get lastEnd(): number {
    return this.matchEnd;
  }

  /** True when a single lowercased word matches a one-word entry. */
  hasWord(word: string): boolean {
    const list = this.candidates(word);
    return !!list && list.some((c) => c.rest.length === 0);
  }
}
