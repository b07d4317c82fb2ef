/**
 * Running compiled rules over one document: one pass over the tokens finds candidates for every
 * lexicon term, anchored pattern and triggered regex, then unanchored patterns run per sentence.
 * Everything that belongs to one run lives in its RunState, so runs never share per-document
 * state: a run started while another is in progress (from its report callback) is independent.
 */
import type { Doc } from '../../text/segment.js';
import { F_CAP, F_UPPER, K_NUMBER, K_PUNCT, K_WORD, tokenLower } from '../../text/tokenise.js';
import { vocab } from '../../text/vocab.js';
import type { AnchorList, IdSet, PatternEntry } from './compiled-pattern.js';
import type { CompiledRules } from './compile.js';
import type { CollectedFinding } from './contract.js';
import { emit, tokenAtOrAfter, tokenEndAtOrBefore } from './emit.js';
import type { RegexEntry } from './regex-rule.js';
import type { TrieNode } from './trie.js';
import { localIndex, Scratch } from '../../text/hot-path.js';

/** The state of one run: the document's token arrays, scratch, and where findings go. */
export interface RunState {
  doc: Doc;
  ids: Int32Array;
  flags: Uint8Array;
  kind: Uint8Array;
  /** The document's words outside the vocab, their cross-document keys and the keys' generation. */
  local: string[];
  keys: Int32Array;
  generation: number;
  /** (rule, end token) pairs from a trie walk. */
  ends: number[];
  nEnds: number;
  /** Pattern marks: the reported part of a match. */
  marks: Int32Array;
  /** Per rule, the sentence and token where its regex ran. */
  regexSentence: Int32Array;
  regexToken: Int32Array;
  /** T_* flags of the document's words outside the vocab, by local index. */
  localFlags: Scratch<Uint8Array>;
  /** Where findings go: pushed to `out` when set (run), else passed to `report` (scan). */
  out: CollectedFinding[] | null;
  report: (f: CollectedFinding) => void;
}

const noDoc = { tokens: { id: new Int32Array(0) } } as unknown as Doc;

/*
 * The flag and opcode numbers live here, beside the loop that tests them for every token, as
 * module-private constants (which fold into the matcher's code; an exported binding is a load at
 * every use). The compiler reads them through TOKEN_FLAGS and OPCODES.
 */
/** Token flags: a root trie child, a root prefix term, anchored patterns, triggered regexes. */
const T_ROOT = 1;
const T_PREFIX = 2;
const T_ANCHORED = 4;
const T_REGEX = 8;
/** The word follows a root word in some term: a walk from a root child that only continues needs it next. */
const T_SECOND = 16;
/** The walk from this root child can stop at once or continue on a prefix: it cannot be skipped by T_SECOND. */
const T_ROOT_ALWAYS = 32;
/**
 * The word can start an unanchored pattern: it is in the required, not negated, first word set of
 * one (by id or prefix). Not set for patterns whose first element is anything else; see firstSet.
 */
const T_UNANCHORED = 64;

const OP_MARK = 0;
const OP_GAP = 1;
const OP_SET = 2;
const OP_CLASS = 3;

export const TOKEN_FLAGS = Object.freeze({ T_ROOT, T_PREFIX, T_ANCHORED, T_REGEX, T_SECOND, T_ROOT_ALWAYS, T_UNANCHORED });
export const OPCODES = Object.freeze({ OP_MARK, OP_GAP, OP_SET, OP_CLASS });

const ignore = (): void => {};
/** A run state kept for reuse lets go of local-word flags for more words than this. */
const KEEP_LOCAL_WORDS = 1 << 16;
const NO_IDS = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);
const NO_WORDS: string[] = [];

/** A state for runs of a rule set with `rules` rules (reusable: run() sets every field it reads). */
export function newRunState(rules: number): RunState {
  return {
    doc: noDoc,
    ids: NO_IDS,
    flags: NO_BYTES,
    kind: NO_BYTES,
    local: NO_WORDS,
    keys: NO_IDS,
    generation: 0,
    ends: [],
    nEnds: 0,
    marks: new Int32Array(2),
    regexSentence: new Int32Array(rules),
    regexToken: new Int32Array(rules),
    localFlags: new Scratch((n) => new Uint8Array(n), KEEP_LOCAL_WORDS, 64),
    out: null,
    report: ignore,
  };
}

/** Lets go of the document and the callback (a state kept for reuse must not keep them alive). */
export function clearRunState(r: RunState): void {
  r.doc = noDoc;
  r.ids = NO_IDS;
  r.flags = NO_BYTES;
  r.kind = NO_BYTES;
  r.local = NO_WORDS;
  r.keys = NO_IDS;
  r.localFlags.release();
  r.out = null;
  r.report = ignore;
}

/**
 * Runs every rule over the document, pushing findings to `out` or else passing them to `report`,
 * in the order the rules find them.
 */
export function runRules(c: CompiledRules, r: RunState, doc: Doc, out: CollectedFinding[] | null, report: (f: CollectedFinding) => void = ignore): void {
  const t = doc.tokens;
  const n = t.count;
  r.doc = doc;
  r.ids = t.id;
  r.flags = t.flags;
  r.kind = t.kind;
  r.local = t.localWords;
  r.keys = t.localKeys;
  r.generation = t.keyGeneration;
  r.out = out;
  r.report = report;
  r.regexSentence.fill(-1);
  const rootById = c.rootById;
  const anchoredById = c.anchoredById;
  const regexById = c.regexById;
  const rootPrefixes = c.trie.prefixNext;
  const tokenFlags = c.tokenFlags;
  const flagged = tokenFlags.length;
  const ids = t.id;
  const tokenSentence = doc.tokenSentence;
  // Words outside the vocab can only start a prefix term: their flags, by local index, once per document.
  const nLocal = t.localWords.length;
  const localFlags = r.localFlags.take(nLocal);
  for (let j = 0; j < nLocal; j++) localFlags[j] = rootPrefixes !== null && rootPrefixOfLocal(c, r, j) ? T_PREFIX : 0;
  let s = -1;
  let sentStart = 0;
  let limit = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    // Words interned after this set was built can only start a prefix term too.
    const fl = (id >= 0 ? (id < flagged ? tokenFlags[id]! : rootPrefixes !== null && rootPrefix(c, r, i) ? T_PREFIX : 0) : localFlags[localIndex(id)]!) & ~(T_SECOND | T_UNANCHORED);
    if (fl === 0) continue;
    if (tokenSentence[i] !== s) {
      s = tokenSentence[i]!;
      const sent = doc.sentences[s]!;
      sentStart = sent.tokenStart;
      limit = sent.tokenEnd;
    }
    // Lexicon trie: collect every terminal reachable from token i (within the sentence).
    if ((fl & (T_ROOT | T_PREFIX)) !== 0) {
      r.nEnds = 0;
      // The root step of walk(), from the dense table.
      // A root child with neither terminals nor prefix children matches only if the next word
      // continues some term (T_SECOND): most common words ("the") are followed by one that does not.
      if ((fl & T_ROOT) !== 0) {
        const next = i + 1 < limit ? ids[i + 1]! : -1;
        if ((fl & T_ROOT_ALWAYS) !== 0 || (next >= 0 && next < flagged && (tokenFlags[next]! & T_SECOND) !== 0)) walk(r, rootById[id]!, i + 1, limit);
      }
      if ((fl & T_PREFIX) !== 0) {
        const w = tokenLower(t, i);
        for (const p of rootPrefixes!) if (startsWith(w, p.prefix)) walk(r, p.node, i + 1, limit);
      }
      const ends = r.ends;
      for (let k = 0; k < r.nEnds; k += 2) found(c, r, ends[k]!, i, ends[k + 1]!, -1, -1);
    }
    if ((fl & (T_ANCHORED | T_REGEX)) !== 0) {
      const anchored = anchoredById[id];
      if (anchored !== undefined) {
        const patterns = anyGroupHit(anchored, t.id, i, limit) ? anchored.entries : anchored.unfiltered;
        for (let q = 0; q < patterns.length; q++) {
          const p = patterns[q]!;
          const from = i - p.anchorOffset;
          if (from < sentStart) continue;
          const f = p.filterSet;
          if (f !== null && !anyInSet(t.id, from + p.filterFrom, from + p.filterTo, limit, f.lo, f.bits)) continue;
          tryPattern(c, r, p, from, limit);
        }
      }
      const regexes = regexById[id];
      if (regexes !== undefined) runRegexes(c, r, regexes, s, i);
    }
  }
  if (c.unanchored.length > 0) {
    for (const sent of doc.sentences) {
      for (const p of c.unanchored) {
        // A required first element that fails at a token fails the whole try: skip it cheaply.
        const k0 = p.first;
        const set0 = k0 >= 0 && p.op[k0] === OP_SET ? p.sets[p.a[k0]!]! : null;
        const neg0 = k0 >= 0 && p.neg[k0] === 1;
        // For a plain first word set, vocab words outside it are rejected by their flag byte
        // (words outside the vocab, or interned later, take the full test).
        const flagged0 = firstSet(p) !== null;
        // Resume after each match so a pattern does not report the tails of its own matches.
        for (let i = sent.tokenStart; i < sent.tokenEnd; ) {
          if (flagged0) {
            const id = ids[i]!;
            if (id >= 0 && id < flagged && (tokenFlags[id]! & T_UNANCHORED) === 0) {
              i++;
              continue;
            }
          }
          if (k0 >= 0 && (set0 !== null ? setHas(r, set0, i) : test(r, p, k0, i)) === neg0) {
            i++;
            continue;
          }
          const end = tryPattern(c, r, p, i, sent.tokenEnd);
          i = end > i ? end : i + 1;
        }
      }
    }
  }
}

/** Reports rule `rule`'s finding over tokens [a, b) unless its filters drop it. */
function found(c: CompiledRules, r: RunState, rule: number, a: number, b: number, matchFrom: number, matchTo: number): void {
  const f = emit(r.doc, c.rules[rule]!, a, b, matchFrom, matchTo);
  if (f === null) return;
  if (r.out !== null) r.out.push(f);
  else r.report(f);
}

/** Depth-first walk of the trie from token i; pushes (rule, endToken) pairs, longest per rule last. */
function walk(r: RunState, node: TrieNode, i: number, limit: number): void {
  if (node.terminals && i > 0) {
    for (const rule of node.terminals) {
      r.ends[r.nEnds++] = rule;
      r.ends[r.nEnds++] = i;
    }
  }
  if (i >= limit) return;
  const id = r.ids[i]!;
  if (id >= 0) {
    const child = childOf(node, id);
    if (child !== null) walk(r, child, i + 1, limit);
  }
  if (node.prefixNext) {
    const w = tokenLower(r.doc.tokens, i);
    for (const p of node.prefixNext) if (startsWith(w, p.prefix)) walk(r, p.node, i + 1, limit);
  }
}

/** Tries one pattern at one token; returns the match's end token, or -1. */
function tryPattern(c: CompiledRules, r: RunState, p: PatternEntry, from: number, limit: number): number {
  const marks = r.marks;
  marks[0] = -1;
  marks[1] = -1;
  const end = matchElems(r, p, 0, from, limit);
  if (end <= from) return -1;
  if (marks[0]! >= 0 && marks[1]! > marks[0]!) found(c, r, p.rule, marks[0]!, marks[1]!, from, end);
  else found(c, r, p.rule, from, end, from, end);
  return end;
}

/**
 * Backtracking match of elements k.. at token ti: the first success in order (shortest gap
 * first, optional element taken before skipped). Required elements loop instead of recursing.
 */
function matchElems(r: RunState, p: PatternEntry, k: number, ti: number, limit: number): number {
  const n = p.n;
  for (;;) {
    if (k === n) return ti;
    const op = p.op[k]!;
    if (op === OP_MARK) {
      r.marks[p.markSlots[k]!] = ti;
      k++;
      continue;
    }
    if (op === OP_GAP) {
      const max = p.b[k]!;
      for (let g = p.a[k]!; g <= max && ti + g <= limit; g++) {
        const m = matchElems(r, p, k + 1, ti + g, limit);
        if (m >= 0) return m;
      }
      return -1;
    }
    const ok = ti < limit && test(r, p, k, ti) !== (p.neg[k] === 1);
    if (p.optional[k] === 0) {
      if (!ok) return -1;
      k++;
      ti++;
      continue;
    }
    if (ok) {
      const m = matchElems(r, p, k + 1, ti + 1, limit);
      if (m >= 0) return m;
    }
    k++;
  }
}

/** Does token i satisfy set or class element k (before negation)? */
function test(r: RunState, p: PatternEntry, k: number, i: number): boolean {
  if (p.op[k] === OP_SET) return setHas(r, p.sets[p.a[k]!]!, i);
  switch (p.a[k]) {
    case 0: return (r.flags[i]! & F_CAP) !== 0;
    case 1: return (r.flags[i]! & F_UPPER) !== 0;
    case 2: return r.kind[i] === K_NUMBER;
    case 3: return r.kind[i] === K_WORD;
    default: return r.kind[i] === K_PUNCT;
  }
}

/** Is token i in the word set (by id, or by prefix)? Small, so it inlines into hot loops. */
function setHas(r: RunState, set: IdSet, i: number): boolean {
  const id = r.ids[i]!;
  const x = id - set.lo;
  if (id >= 0 && x >= 0 && x < set.bits.length && set.bits[x] === 1) return true;
  return set.prefixes.length !== 0 && prefixHas(r, set, id);
}

/** Prefix test of a set, cached per vocab id and per document-local word. */
function prefixHas(r: RunState, set: IdSet, id: number): boolean {
  if (id < 0) {
    const j = localIndex(id);
    const key = r.keys[j]!;
    if (set.localGen !== r.generation || key >= set.localHit.length) {
      set.localHit = keyCache(set.localHit, key, set.localGen !== r.generation);
      set.localGen = r.generation;
    }
    let v = set.localHit[key]!;
    if (v === 0) {
      v = startsWithSome(r.local[j]!, set.prefixes) ? 1 : 2;
      set.localHit[key] = v;
    }
    return v === 1;
  }
  if (id >= set.prefixHit.length) {
    const grown = new Uint8Array(Math.max(vocab.size, id + 1));
    grown.set(set.prefixHit);
    set.prefixHit = grown;
  }
  let v = set.prefixHit[id]!;
  if (v === 0) {
    v = startsWithSome(vocab.str(id), set.prefixes) ? 1 : 2;
    set.prefixHit[id] = v;
  }
  return v === 1;
}

/** Does token i start with one of the prefix terms at the trie root? Cached per vocab id. */
function rootPrefix(c: CompiledRules, r: RunState, i: number): boolean {
  const id = r.ids[i]!;
  if (id < 0) return rootPrefixOfLocal(c, r, localIndex(id));
  if (id >= c.rootPrefixById.length) {
    const grown = new Uint8Array(Math.max(vocab.size, id + 1));
    grown.set(c.rootPrefixById);
    c.rootPrefixById = grown;
  }
  let v = c.rootPrefixById[id]!;
  if (v === 0) {
    v = startsWithAny(vocab.str(id), c.trie.prefixNext!) ? 1 : 2;
    c.rootPrefixById[id] = v;
  }
  return v === 1;
}

/** rootPrefix for the document's local word j, cached by its cross-document key. */
function rootPrefixOfLocal(c: CompiledRules, r: RunState, j: number): boolean {
  const key = r.keys[j]!;
  if (c.localRootGen !== r.generation || key >= c.localRootHit.length) {
    c.localRootHit = keyCache(c.localRootHit, key, c.localRootGen !== r.generation);
    c.localRootGen = r.generation;
  }
  let v = c.localRootHit[key]!;
  if (v === 0) {
    v = startsWithAny(r.local[j]!, c.trie.prefixNext!) ? 1 : 2;
    c.localRootHit[key] = v;
  }
  return v === 1;
}

function runRegexes(c: CompiledRules, r: RunState, regexes: RegexEntry[], s: number, token: number): void {
  const doc = r.doc;
  const sent = doc.sentences[s]!;
  // Run each regex once per sentence: only at the first trigger word in that sentence.
  // The first trigger token of a rule in a sentence is remembered per rule.
  let text: string | null = null;
  for (const { rule, re, needs } of regexes) {
    if (r.regexSentence[rule] !== s) {
      r.regexSentence[rule] = s;
      r.regexToken[rule] = token;
    } else if (r.regexToken[rule] !== token) continue;
    text ??= doc.text.slice(sent.start, sent.end);
    if (needs !== null && !text.includes(needs)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = sent.start + m.index;
      const end = start + m[0].length;
      const a = tokenAtOrAfter(doc, start, sent.tokenStart, sent.tokenEnd);
      const b = tokenEndAtOrBefore(doc, end, sent.tokenStart, sent.tokenEnd);
      if (a < b) {
        // The report may start another run, which uses this regex too: resume where this one was.
        const resume = re.lastIndex;
        found(c, r, rule, a, b, a, b);
        re.lastIndex = resume;
      }
    }
  }
}

/** Is some token in [from, to] (clipped to [0, limit)) in the set? */
function anyInSet(ids: Int32Array, from: number, to: number, limit: number, lo: number, bits: Uint8Array): boolean {
  if (from < 0) from = 0;
  if (to >= limit) to = limit - 1;
  for (let q = from; q <= to; q++) {
    const x = ids[q]! - lo;
    if (x >= 0 && x < bits.length && bits[x] === 1) return true;
  }
  return false;
}

/** Could any pattern of the list pass its filter at anchor token i? (A necessary condition.) */
function anyGroupHit(list: AnchorList, ids: Int32Array, i: number, limit: number): boolean {
  const masks = list.masks;
  if (masks !== null) {
    // The same clipping as anyInSet: to [0, limit), per token the groups covering its offset.
    const cover = list.cover;
    const base = i + list.coverFrom;
    const from = base < 0 ? 0 : base;
    let to = base + cover.length - 1;
    if (to >= limit) to = limit - 1;
    const lo = list.masksLo;
    for (let q = from; q <= to; q++) {
      const x = ids[q]! - lo;
      if (x >= 0 && x < masks.length && (masks[x]! & cover[q - base]!) !== 0) return true;
    }
    return false;
  }
  for (const g of list.groups) if (anyInSet(ids, i + g.from, i + g.to, limit, g.lo, g.bits)) return true;
  return false;
}

/** The child of node for vocab id `id` (>= 0), or null. */
function childOf(node: TrieNode, id: number): TrieNode | null {
  const keys = node.nextKeys;
  if (keys === null) return null;
  const mask = node.nextMask;
  for (let slot = id & mask; ; slot = (slot + 1) & mask) {
    const k = keys[slot]!;
    if (k === id + 1) return node.nextNodes[slot]!;
    if (k === 0) return null;
  }
}

/** The first element's word set when it is required, a set and not negated (else null). */
export function firstSet(p: PatternEntry): IdSet | null {
  const k0 = p.first;
  return k0 >= 0 && p.op[k0] === OP_SET && p.neg[k0] === 0 ? p.sets[p.a[k0]!]! : null;
}

/* Prefix tests of words (for `word*` terms and pattern elements) and the caches of their answers. */

/** w.startsWith(p), with the first unit compared inline: most words fail there, without a call. */
function startsWith(w: string, p: string): boolean {
  return w.charCodeAt(0) === p.charCodeAt(0) && w.startsWith(p);
}

export function startsWithAny(w: string, prefixes: ReadonlyArray<{ prefix: string }>): boolean {
  for (const p of prefixes) if (startsWith(w, p.prefix)) return true;
  return false;
}

export function startsWithSome(w: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (startsWith(w, p)) return true;
  return false;
}

/**
 * A cache by extra-word key that holds `key`: zeroed when the tokeniser's key table has started
 * over (`reset`), else the old one, grown keeping its entries when too short.
 */
function keyCache(old: Uint8Array, key: number, reset: boolean): Uint8Array {
  if (key < old.length) {
    if (reset) old.fill(0);
    return old;
  }
  const grown = new Uint8Array(Math.max(key + 1, old.length * 2, 256));
  if (!reset) grown.set(old);
  return grown;
}
