import { K_NUMBER, K_WORD, tokenLower, type Tokens } from '../text/tokenise.js';
import type { Doc } from '../text/segment.js';
import { vocab } from '../text/vocab.js';
import { parseWordList } from '../detectors/engine/load.js';

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
  rest: Array<{ w: string; prefix: boolean }>;
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

const isWordToken = (kind: number) => kind === K_WORD || kind === K_NUMBER;

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
    this.byId = [];
    this.localOf = null;
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
    const rest = words.slice(1).map((w) => (w.length > 1 && w.endsWith('*') ? { w: w.slice(0, -1), prefix: true } : { w, prefix: false }));
    list.push({ entry: { term: normalised, value, words }, rest, seq: this.seq++ });
    list.sort(byPriority);
    this.size++;
  }

  /** Adds every line of a word list with the same value. */
  addList(text: string, value: (term: string) => T): void {
    for (const term of parseWordList(text)) this.add(term, value(term));
  }

  /** Candidate lists per word, including misses; bounded, and reset whenever an entry is added. */
  private readonly cache = new Map<string, Compiled<T>[] | null>();

  /**
   * Candidate lists by global vocab id (ids are stable, and the vocab is bounded by what rules name),
   * and by local id for the document scanned last: most tokens then skip hashing their string.
   */
  private byId: Array<Compiled<T>[] | null | undefined> = [];
  private localOf: readonly string[] | null = null;
  private byLocal: Array<Compiled<T>[] | null | undefined> = [];

  private candidatesAt(t: Tokens, i: number): Compiled<T>[] | null {
    const id = t.id[i]!;
    if (id >= 0) {
      // Dense arrays (filled to size): a write far past the end would make V8 store them as dictionaries.
      if (id >= this.byId.length) fillTo(this.byId, vocab.size);
      let c = this.byId[id];
      if (c === undefined) c = this.byId[id] = this.candidates(vocab.str(id)) ?? null;
      return c;
    }
    if (t.localWords !== this.localOf) {
      this.localOf = t.localWords;
      this.byLocal = fillTo([], t.localWords.length);
    }
    const j = -id - 2;
    let c = this.byLocal[j];
    if (c === undefined) c = this.byLocal[j] = this.candidates(t.localWords[j]!) ?? null;
    return c;
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
      if (!isWordToken(t.kind[i]!)) continue;
      const list = this.candidatesAt(t, i);
      if (!list) continue;
      for (const c of list) {
        let j = i + 1;
        let ok = true;
        for (const r of c.rest) {
          if (j >= to || !isWordToken(t.kind[j]!)) {
            ok = false;
            break;
          }
          const w = tokenLower(t, j);
          if (r.prefix ? !w.startsWith(r.w) : w !== r.w) {
            ok = false;
            break;
          }
          j++;
        }
        if (!ok) continue;
        hit({ entry: c.entry, tokenStart: i, tokenEnd: j, start: t.start[i]!, end: t.end[j - 1]! });
        i = j - 1;
        break;
      }
    }
  }

  /** True when a single lowercased word matches a one-word entry. */
  hasWord(word: string): boolean {
    const list = this.candidates(word);
    return !!list && list.some((c) => c.rest.length === 0);
  }
}

/** Pads `a` with undefined up to length n (keeps it a dense array). */
export function fillTo<X>(a: Array<X | undefined>, n: number): Array<X | undefined> {
  while (a.length < n) a.push(undefined);
  return a;
}
