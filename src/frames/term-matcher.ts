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

const isWordToken = (kind: number) => kind === K_WORD || kind === K_NUMBER;

export class TermMatcher<T> {
  private readonly exact = new Map<string, Compiled<T>[]>();
  private readonly prefixed = new Map<string, Compiled<T>[]>();
  private prefixLengths: number[] = [];
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
    if (!list) table.set(key, (list = []));
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
    if (isPrefix && !this.prefixLengths.includes(key.length)) this.prefixLengths = [...this.prefixLengths, key.length].sort((a, b) => b - a);
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
      let c = this.byId[id];
      if (c === undefined) c = this.byId[id] = this.candidates(vocab.str(id)) ?? null;
      return c;
    }
    if (t.localWords !== this.localOf) {
      this.localOf = t.localWords;
      this.byLocal = [];
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

  private lookup(word: string): Compiled<T>[] | undefined {
    const hit = this.exact.get(word);
    let out = hit;
    for (const len of this.prefixLengths) {
      if (word.length < len) continue;
      const p = this.prefixed.get(word.slice(0, len));
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
