import { UserError } from '../../core/errors.js';
import type { FindingSource } from '../../core/finding.js';
import type { TechniqueId } from '../../core/taxonomy.js';
import type { Doc } from '../../text/segment.js';
import { F_CAP, F_UPPER, K_NUMBER, K_PUNCT, K_WORD, tokenLower } from '../../text/tokenise.js';
import { vocab } from '../../text/vocab.js';
import type { CollectedFinding } from './contract.js';
import { compilePattern, termTokens, type CompiledPattern, type Elem, type LexiconResolver } from './pattern.js';
import type { Rule, RuleFile } from './rule-schema.js';

interface CompiledRule {
  technique: TechniqueId;
  ruleId: string;
  source: FindingSource;
  message: string;
  /** Whether the message contains {match} (most do not need the replace). */
  hasPlaceholder: boolean;
  /** The message split at {match}: joined with the match when it has no '$' (same as replaceAll then). */
  messageParts: string[];
  confidence: number;
  expand: Rule['expand'];
  quotes: Rule['quotes'];
  headline: Rule['headline'];
  /** Words or phrases (as id sequences) that cancel a match anywhere in its sentence. */
  unless: number[][];
}

interface TrieNode {
  next: Map<number, TrieNode> | null;
  /**
   * `next` as open addressing for the matcher (built once all terms are added): slot -> child id
   * + 1 in nextKeys, the child at the same slot in nextNodes. A miss, the common case, is a probe
   * or two in a typed array instead of a Map lookup.
   */
  nextKeys: Int32Array | null;
  nextNodes: TrieNode[];
  nextMask: number;
  prefixNext: Array<{ prefix: string; node: TrieNode }> | null;
  terminals: number[] | null;
}

/**
 * A pattern compiled for the matcher: elements as parallel typed arrays (one shape, no string
 * switches) and word sets as bitmaps over vocab ids, so a token test is an array load.
 */
interface PatternEntry {
  rule: number;
  anchorOffset: number;
  /** Element count, opcode, flags and arguments per element. */
  n: number;
  op: Uint8Array;
  optional: Uint8Array;
  neg: Uint8Array;
  /** Gap: min and max; class: the class code; set: index into `sets`. */
  a: Int32Array;
  b: Int32Array;
  markSlots: Int8Array;
  sets: IdSet[];
  /** First element that consumes a token when it is required (a cheap pre-test), else -1. */
  first: number;
  /**
   * A plain word set (required, not negated, no prefixes) other than the anchor whose element
   * always lands within offsets [filterFrom, filterTo] of the match start (at most 3 positions),
   * the most selective such; a necessary condition tested before a try. Null when there is none.
   */
  filterSet: IdSet | null;
  filterFrom: number;
  filterTo: number;
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

/** The patterns anchored on one word, with a quick reject for all of them at once. */
interface AnchorList {
  entries: PatternEntry[];
  /** The entries without a filter set, in order: all that can match when no group below hits. */
  unfiltered: PatternEntry[];
  /** Per offset range of a filter from the anchor token: the union of the filter sets there. */
  groups: Array<{ from: number; to: number; lo: number; bits: Uint8Array }>;
  /**
   * All groups at once (for 2-8 groups, else null): per vocab id - masksLo, a bit per group whose
   * set holds it; per offset from the anchor - coverFrom, a bit per group whose range covers it.
   * One load per token near the anchor instead of one per group.
   */
  masks: Uint8Array | null;
  masksLo: number;
  cover: Uint8Array;
  coverFrom: number;
}

function anchorList(entries: PatternEntry[]): AnchorList {
  const byDelta = new Map<string, { from: number; to: number; sets: IdSet[] }>();
  const unfiltered: PatternEntry[] = [];
  for (const e of entries) {
    if (e.filterSet === null) {
      unfiltered.push(e);
      continue;
    }
    const from = e.filterFrom - e.anchorOffset;
    const to = e.filterTo - e.anchorOffset;
    const key = `${from},${to}`;
    let group = byDelta.get(key);
    if (!group) byDelta.set(key, (group = { from, to, sets: [] }));
    group.sets.push(e.filterSet);
  }
  const groups: AnchorList['groups'] = [];
  for (const { from, to, sets } of byDelta.values()) {
    let lo = Infinity;
    let hi = -1;
    for (const x of sets) {
      if (x.bits.length === 0) continue;
      lo = Math.min(lo, x.lo);
      hi = Math.max(hi, x.lo + x.bits.length - 1);
    }
    const bits = new Uint8Array(hi >= 0 ? hi - lo + 1 : 0);
    for (const x of sets) for (let k = 0; k < x.bits.length; k++) if (x.bits[k] === 1) bits[x.lo + k - lo] = 1;
    groups.push({ from, to, lo: hi >= 0 ? lo : 0, bits });
  }
  const list: AnchorList = { entries, unfiltered, groups, masks: null, masksLo: 0, cover: new Uint8Array(0), coverFrom: 0 };
  if (groups.length >= 2 && groups.length <= 8) {
    let lo = Infinity;
    let hi = -1;
    let from = Infinity;
    let to = -Infinity;
    for (const g of groups) {
      from = Math.min(from, g.from);
      to = Math.max(to, g.to);
      if (g.bits.length === 0) continue;
      lo = Math.min(lo, g.lo);
      hi = Math.max(hi, g.lo + g.bits.length - 1);
    }
    const masks = new Uint8Array(hi >= 0 ? hi - lo + 1 : 0);
    const cover = new Uint8Array(to - from + 1);
    groups.forEach((g, k) => {
      for (let x = 0; x < g.bits.length; x++) if (g.bits[x] === 1) masks[g.lo + x - lo]! |= 1 << k;
      for (let d = g.from; d <= g.to; d++) cover[d - from]! |= 1 << k;
    });
    list.masks = masks;
    list.masksLo = hi >= 0 ? lo : 0;
    list.cover = cover;
    list.coverFrom = from;
  }
  return list;
}

interface IdSet {
  lo: number;
  bits: Uint8Array;
  prefixes: string[];
  /** Per vocab id: does the word start with one of the prefixes (0 unknown, 1 yes, 2 no). */
  prefixHit: Uint8Array;
  /** The same for words outside the vocab, by the tokeniser's key, valid for generation `localGen`. */
  localHit: Uint8Array;
  localGen: number;
}

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
 * one (by id or prefix). Not set for patterns whose first element is anything else; see firstFlag.
 */
const T_UNANCHORED = 64;

const OP_MARK = 0;
const OP_GAP = 1;
const OP_SET = 2;
const OP_CLASS = 3;
const CLASS_CODES: Record<string, number> = { CAP: 0, UPPER: 1, NUM: 2, WORD: 3, PUNCT: 4 };

function compileEntry(rule: number, pattern: CompiledPattern): PatternEntry {
  const n = pattern.elems.length;
  const entry: PatternEntry = {
    rule,
    anchorOffset: pattern.anchorOffset,
    n,
    op: new Uint8Array(n),
    optional: new Uint8Array(n),
    neg: new Uint8Array(n),
    a: new Int32Array(n),
    b: new Int32Array(n),
    markSlots: new Int8Array(n).fill(-1),
    sets: [],
    first: -1,
    filterSet: null,
    filterFrom: 0,
    filterTo: 0,
  };
  let m = 0;
  pattern.elems.forEach((e, k) => {
    if (e.t === 'mark') {
      entry.op[k] = OP_MARK;
      entry.markSlots[k] = m++;
    } else if (e.t === 'gap') {
      entry.op[k] = OP_GAP;
      entry.a[k] = e.min;
      entry.b[k] = e.max;
    } else {
      entry.optional[k] = e.optional ? 1 : 0;
      entry.neg[k] = e.neg ? 1 : 0;
      if (e.t === 'class') {
        entry.op[k] = OP_CLASS;
        entry.a[k] = CLASS_CODES[e.cls]!;
      } else {
        entry.op[k] = OP_SET;
        entry.a[k] = entry.sets.length;
        let lo = Infinity;
        let hi = -1;
        for (const id of e.ids) {
          if (id < lo) lo = id;
          if (id > hi) hi = id;
        }
        const bits = new Uint8Array(hi >= 0 ? hi - lo + 1 : 0);
        for (const id of e.ids) bits[id - lo] = 1;
        entry.sets.push({ lo: hi >= 0 ? lo : 0, bits, prefixes: e.prefixes, prefixHit: new Uint8Array(0), localHit: new Uint8Array(0), localGen: -1 });
      }
    }
  });
  for (let k = 0; k < n; k++) {
    if (entry.op[k] === OP_MARK) continue;
    if (entry.op[k] !== OP_GAP && entry.optional[k] === 0) entry.first = k;
    break;
  }
  // Offsets each element can land at: gaps and optional elements widen the range.
  let minOff = 0;
  let maxOff = 0;
  let best = Infinity;
  for (let k = 0; k < n; k++) {
    const op = entry.op[k]!;
    if (op === OP_MARK) continue;
    if (op === OP_GAP) {
      minOff += entry.a[k]!;
      maxOff += entry.b[k]!;
      continue;
    }
    if (entry.optional[k] === 1) {
      maxOff++;
      continue;
    }
    if (op === OP_SET && entry.neg[k] === 0 && k !== pattern.anchor && maxOff - minOff <= 2) {
      const set = entry.sets[entry.a[k]!]!;
      const cost = (pattern.elems[k] as Extract<Elem, { t: 'set' }>).ids.size * (maxOff - minOff + 1);
      if (set.prefixes.length === 0 && cost < best) {
        best = cost;
        entry.filterSet = set;
        entry.filterFrom = minOff;
        entry.filterTo = maxOff;
      }
    }
    minOff++;
    maxOff++;
  }
  return entry;
}

interface RegexEntry {
  rule: number;
  re: RegExp;
  /** A character every match contains (see requiredFinalChar), or null: without it in the sentence, exec is skipped. */
  needs: string | null;
}

/**
 * The character every match of a regex must contain, found only in plain shapes: the source is
 * a concatenation at top level (no `|` outside groups and classes) whose last atom is an escaped
 * `?`, `!` or `.` with no quantifier after it ("...[^?.!]{3,250}\?"), or a literal `!` alone or
 * with `+` after it ("...{1,40}!+"). Null for anything else.
 */
export function requiredFinalChar(source: string): string | null {
  let depth = 0;
  let inClass = false;
  let lastEscape = -1;
  /** The last two unescaped characters outside classes at top level. */
  let plain = -1;
  let plainBefore = -1;
  for (let k = 0; k < source.length; k++) {
    const c = source[k]!;
    if (c === '\\') {
      if (depth === 0 && !inClass) lastEscape = k;
      k++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
    else if (depth === 0) {
      plainBefore = plain;
      plain = k;
    }
  }
  if (depth !== 0 || inClass) return null;
  const n = source.length;
  // A literal '!' as the last atom, possibly repeated with '+': every match ends with at least one.
  if (plain === n - 1 && source[n - 1] === '!') return '!';
  if (plain === n - 1 && source[n - 1] === '+' && plainBefore === n - 2 && source[n - 2] === '!') return '!';
  if (lastEscape !== n - 2) return null;
  const last = source[n - 1]!;
  return last === '?' || last === '!' || last === '.' ? last : null;
}

const newNode = (): TrieNode => ({ next: null, nextKeys: null, nextNodes: [], nextMask: 0, prefixNext: null, terminals: null });

/** Builds the open-addressing form of every node's `next` (see TrieNode). */
function indexTrie(node: TrieNode): void {
  if (node.next !== null) {
    let size = 4;
    while (size < node.next.size * 2) size *= 2;
    node.nextKeys = new Int32Array(size);
    node.nextNodes = new Array<TrieNode>(size).fill(node);
    node.nextMask = size - 1;
    for (const [id, child] of node.next) {
      let slot = id & node.nextMask;
      while (node.nextKeys[slot] !== 0) slot = (slot + 1) & node.nextMask;
      node.nextKeys[slot] = id + 1;
      node.nextNodes[slot] = child;
      indexTrie(child);
    }
  }
  if (node.prefixNext !== null) for (const p of node.prefixNext) indexTrie(p.node);
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

/** A loaded rule file together with where it came from, for error messages. */
export interface LoadedRuleFile {
  file: string;
  data: RuleFile;
}

/**
 * Every data rule of the enabled techniques compiled into one matcher: a token trie for lexicons,
 * patterns indexed by an anchor word, regexes triggered by required words. One pass over the tokens
 * finds candidates for all of them.
 */
export class RuleSet {
  private readonly rules: CompiledRule[] = [];
  private readonly trie = newNode();
  private readonly anchored = new Map<number, PatternEntry[]>();
  private readonly unanchored: PatternEntry[] = [];
  private readonly regexByWord = new Map<number, RegexEntry[]>();
  /** Per vocab id: the root trie child, anchored patterns and triggered regexes (dense lookups). */
  private readonly rootById: Array<TrieNode | undefined>;
  private readonly anchoredById: Array<AnchorList | undefined>;
  private readonly regexById: Array<RegexEntry[] | undefined>;
  /** Per vocab id (below the vocab size at construction): T_* bits of the lookups that can hit. */
  private readonly tokenFlags: Uint8Array;
  /** Per vocab id: does the word start with a prefix term at the trie root (0 unknown, 1 yes, 2 no). */
  private rootPrefixById = new Uint8Array(0);
  /** The same for words outside the vocab (see IdSet.localHit). */
  private localRootHit: Uint8Array = new Uint8Array(0);
  private localRootGen = -1;
  /** Scratch for one run: (rule, end token) pairs from a trie walk; pattern marks; per rule, the sentence and token where its regex ran. */
  private readonly ends: number[] = [];
  private nEnds = 0;
  private readonly marks = new Int32Array(2);
  private readonly regexSentence: Int32Array;
  private readonly regexToken: Int32Array;
  /** Tokens of the document being run (set by run, read by the matcher). */
  private tId: Int32Array = new Int32Array(0);
  private tFlags: Uint8Array = new Uint8Array(0);
  private tKind: Uint8Array = new Uint8Array(0);
  private tLocal: string[] = [];
  private tKeys: Int32Array = new Int32Array(0);
  /** Scratch for run: T_* flags of the document's words outside the vocab, by local index. */
  private localFlags = new Uint8Array(64);
  private tGeneration = 0;

  constructor(files: readonly LoadedRuleFile[], globalLexicons: ReadonlyMap<string, string[]> = new Map()) {
    for (const { file, data } of files) {
      const resolve: LexiconResolver = (name) => data.lexicons[name] ?? globalLexicons.get(name);
      for (const rule of data.rules) this.add(data.technique as TechniqueId, rule, resolve, file);
    }
    // Filled to full length first: writing far past the end of an empty array makes it sparse.
    this.rootById = new Array<TrieNode | undefined>(vocab.size).fill(undefined);
    this.anchoredById = new Array<AnchorList | undefined>(vocab.size).fill(undefined);
    this.regexById = new Array<RegexEntry[] | undefined>(vocab.size).fill(undefined);
    if (this.trie.next) for (const [id, node] of this.trie.next) this.rootById[id] = node;
    indexTrie(this.trie);
    for (const [id, list] of this.anchored) this.anchoredById[id] = anchorList(list);
    for (const [id, list] of this.regexByWord) this.regexById[id] = list;
    // One byte per vocab id saying which of the lookups below can hit: most tokens need none.
    this.tokenFlags = new Uint8Array(vocab.size);
    const prefixes = this.trie.prefixNext;
    for (let id = 0; id < vocab.size; id++) {
      this.tokenFlags[id] =
        (this.rootById[id] !== undefined ? T_ROOT : 0) |
        (prefixes !== null && startsWithAny(vocab.str(id), prefixes) ? T_PREFIX : 0) |
        (this.anchoredById[id] !== undefined ? T_ANCHORED : 0) |
        (this.regexById[id] !== undefined ? T_REGEX : 0);
    }
    for (const node of this.rootById) {
      if (node === undefined || node.next === null) continue;
      for (const next of node.next.keys()) if (next < vocab.size) this.tokenFlags[next]! |= T_SECOND;
    }
    for (let id = 0; id < vocab.size; id++) {
      const node = this.rootById[id];
      if (node !== undefined && (node.terminals !== null || node.prefixNext !== null)) this.tokenFlags[id]! |= T_ROOT_ALWAYS;
    }
    for (const p of this.unanchored) {
      const set = firstSet(p);
      if (set === null) continue;
      for (let k = 0; k < set.bits.length; k++) if (set.bits[k] === 1 && set.lo + k < vocab.size) this.tokenFlags[set.lo + k]! |= T_UNANCHORED;
      if (set.prefixes.length > 0) for (let id = 0; id < vocab.size; id++) if (startsWithSome(vocab.str(id), set.prefixes)) this.tokenFlags[id]! |= T_UNANCHORED;
    }
    this.regexSentence = new Int32Array(this.rules.length);
    this.regexToken = new Int32Array(this.rules.length);
  }

  get size(): number {
    return this.rules.length;
  }

  private add(technique: TechniqueId, rule: Rule, resolve: LexiconResolver, file: string): void {
    const where = `${file}: rule "${rule.id}"`;
    const index = this.rules.length;
    this.rules.push({
      technique,
      ruleId: `${technique}/${rule.id}`,
      source: rule.kind === 'lexicon' ? 'lexicon' : 'pattern',
      message: rule.message,
      hasPlaceholder: rule.message.includes('{match}'),
      messageParts: rule.message.split('{match}'),
      confidence: rule.confidence,
      expand: rule.expand,
      quotes: rule.quotes,
      headline: rule.headline,
      unless: rule.unless.map((w) => termTokens(w).map((x) => vocab.intern(x))).filter((seq) => seq.length > 0),
    });
    if (rule.kind === 'lexicon') {
      for (const term of rule.terms) this.addTerm(term, index, where);
    } else if (rule.kind === 'pattern') {
      for (const p of rule.patterns) {
        const pattern = compilePattern(p, resolve, where);
        const entry = compileEntry(index, pattern);
        if (pattern.anchor === -1) this.unanchored.push(entry);
        else {
          const a = pattern.elems[pattern.anchor] as Extract<Elem, { t: 'set' }>;
          for (const id of a.ids) {
            let list = this.anchored.get(id);
            if (!list) this.anchored.set(id, (list = []));
            list.push(entry);
          }
        }
      }
    } else {
      let re: RegExp;
      try {
        re = new RegExp(rule.regex, 'giu');
      } catch (e) {
        throw new UserError(`${where}: invalid regex: ${(e as Error).message}`);
      }
      const entry: RegexEntry = { rule: index, re, needs: requiredFinalChar(rule.regex) };
      for (const w of rule.requires) {
        const toks = termTokens(w);
        if (toks.length !== 1) throw new UserError(`${where}: "requires" entries must be single words, got "${w}"`);
        const id = vocab.intern(toks[0]!);
        let list = this.regexByWord.get(id);
        if (!list) this.regexByWord.set(id, (list = []));
        list.push(entry);
      }
    }
  }

  private addTerm(term: string, rule: number, where: string): void {
    const words = term.trim().split(/\s+/);
    let node = this.trie;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (word.endsWith('*') && word.length > 1) {
        const prefix = word.slice(0, -1).toLowerCase();
        node.prefixNext ??= [];
        let found = node.prefixNext.find((p) => p.prefix === prefix);
        if (!found) node.prefixNext.push((found = { prefix, node: newNode() }));
        node = found.node;
        continue;
      }
      const toks = termTokens(word);
      if (toks.length === 0) throw new UserError(`${where}: term "${term}" has no words`);
      for (const t of toks) {
        const id = vocab.intern(t);
        node.next ??= new Map();
        let child = node.next.get(id);
        if (!child) node.next.set(id, (child = newNode()));
        node = child;
      }
    }
    node.terminals ??= [];
    if (!node.terminals.includes(rule)) node.terminals.push(rule);
  }

  /** Does token i start with one of the prefix terms at the trie root? Cached per vocab id. */
  private rootPrefix(i: number): boolean {
    const id = this.tId[i]!;
    if (id < 0) return this.rootPrefixOfLocal(-id - 2);
    if (id >= this.rootPrefixById.length) {
      const grown = new Uint8Array(Math.max(vocab.size, id + 1));
      grown.set(this.rootPrefixById);
      this.rootPrefixById = grown;
    }
    let v = this.rootPrefixById[id]!;
    if (v === 0) {
      v = startsWithAny(vocab.str(id), this.trie.prefixNext!) ? 1 : 2;
      this.rootPrefixById[id] = v;
    }
    return v === 1;
  }

  /** rootPrefix for the document's local word j, cached by its cross-document key. */
  private rootPrefixOfLocal(j: number): boolean {
    const key = this.tKeys[j]!;
    if (this.localRootGen !== this.tGeneration || key >= this.localRootHit.length) {
      this.localRootHit = keyCache(this.localRootHit, key, this.localRootGen !== this.tGeneration);
      this.localRootGen = this.tGeneration;
    }
    let v = this.localRootHit[key]!;
    if (v === 0) {
      v = startsWithAny(this.tLocal[j]!, this.trie.prefixNext!) ? 1 : 2;
      this.localRootHit[key] = v;
    }
    return v === 1;
  }

  run(doc: Doc): CollectedFinding[] {
    const out: CollectedFinding[] = [];
    const t = doc.tokens;
    const n = t.count;
    this.tId = t.id;
    this.tFlags = t.flags;
    this.tKind = t.kind;
    this.tLocal = t.localWords;
    this.tKeys = t.localKeys;
    this.tGeneration = t.keyGeneration;
    this.regexSentence.fill(-1);
    const rootById = this.rootById;
    const anchoredById = this.anchoredById;
    const regexById = this.regexById;
    const rootPrefixes = this.trie.prefixNext;
    const tokenFlags = this.tokenFlags;
    const flagged = tokenFlags.length;
    const ids = t.id;
    const tokenSentence = doc.tokenSentence;
    // Words outside the vocab can only start a prefix term: their flags, by local index, once per document.
    const nLocal = t.localWords.length;
    if (this.localFlags.length < nLocal) this.localFlags = new Uint8Array(Math.max(nLocal, 2 * this.localFlags.length));
    const localFlags = this.localFlags;
    for (let j = 0; j < nLocal; j++) localFlags[j] = rootPrefixes !== null && this.rootPrefixOfLocal(j) ? T_PREFIX : 0;
    let s = -1;
    let sentStart = 0;
    let limit = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      // Words interned after this set was built can only start a prefix term too.
      const fl = (id >= 0 ? (id < flagged ? tokenFlags[id]! : rootPrefixes !== null && this.rootPrefix(i) ? T_PREFIX : 0) : localFlags[-id - 2]!) & ~(T_SECOND | T_UNANCHORED);
      if (fl === 0) continue;
      if (tokenSentence[i] !== s) {
        s = tokenSentence[i]!;
        const sent = doc.sentences[s]!;
        sentStart = sent.tokenStart;
        limit = sent.tokenEnd;
      }
      // Lexicon trie: collect every terminal reachable from token i (within the sentence).
      if ((fl & (T_ROOT | T_PREFIX)) !== 0) {
        this.nEnds = 0;
        // The root step of walk(), from the dense table.
        // A root child with neither terminals nor prefix children matches only if the next word
        // continues some term (T_SECOND): most common words ("the") are followed by one that does not.
        if ((fl & T_ROOT) !== 0) {
          const next = i + 1 < limit ? ids[i + 1]! : -1;
          if ((fl & T_ROOT_ALWAYS) !== 0 || (next >= 0 && next < flagged && (tokenFlags[next]! & T_SECOND) !== 0)) this.walk(doc, rootById[id]!, i + 1, limit);
        }
        if ((fl & T_PREFIX) !== 0) {
          const w = tokenLower(t, i);
          for (const p of rootPrefixes!) if (startsWith(w, p.prefix)) this.walk(doc, p.node, i + 1, limit);
        }
        const ends = this.ends;
        for (let k = 0; k < this.nEnds; k += 2) this.emit(doc, ends[k]!, i, ends[k + 1]!, -1, -1, out);
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
            this.tryPattern(doc, p, from, limit, out);
          }
        }
        const regexes = regexById[id];
        if (regexes !== undefined) this.runRegexes(doc, regexes, s, i, out);
      }
    }
    if (this.unanchored.length > 0) {
      for (const sent of doc.sentences) {
        for (const p of this.unanchored) {
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
            if (k0 >= 0 && (set0 !== null ? this.setHas(set0, i) : this.test(p, k0, i)) === neg0) {
              i++;
              continue;
            }
            const end = this.tryPattern(doc, p, i, sent.tokenEnd, out);
            i = end > i ? end : i + 1;
          }
        }
      }
    }
    return out;
  }

  /** Depth-first walk of the trie from token i; pushes (rule, endToken) pairs, longest per rule last. */
  private walk(doc: Doc, node: TrieNode, i: number, limit: number): void {
    if (node.terminals && i > 0) {
      for (const r of node.terminals) {
        this.ends[this.nEnds++] = r;
        this.ends[this.nEnds++] = i;
      }
    }
    if (i >= limit) return;
    const t = doc.tokens;
    const id = t.id[i]!;
    if (id >= 0) {
      const child = childOf(node, id);
      if (child !== null) this.walk(doc, child, i + 1, limit);
    }
    if (node.prefixNext) {
      const w = tokenLower(t, i);
      for (const p of node.prefixNext) if (startsWith(w, p.prefix)) this.walk(doc, p.node, i + 1, limit);
    }
  }

  /** Tries one pattern at one token; returns the match's end token, or -1. */
  private tryPattern(doc: Doc, p: PatternEntry, from: number, limit: number, out: CollectedFinding[]): number {
    const marks = this.marks;
    marks[0] = -1;
    marks[1] = -1;
    const end = this.matchElems(p, 0, from, limit);
    if (end <= from) return -1;
    if (marks[0]! >= 0 && marks[1]! > marks[0]!) this.emit(doc, p.rule, marks[0]!, marks[1]!, from, end, out);
    else this.emit(doc, p.rule, from, end, from, end, out);
    return end;
  }

  /**
   * Backtracking match of elements k.. at token ti: the first success in order (shortest gap
   * first, optional element taken before skipped). Required elements loop instead of recursing.
   */
  private matchElems(p: PatternEntry, k: number, ti: number, limit: number): number {
    const n = p.n;
    for (;;) {
      if (k === n) return ti;
      const op = p.op[k]!;
      if (op === OP_MARK) {
        this.marks[p.markSlots[k]!] = ti;
        k++;
        continue;
      }
      if (op === OP_GAP) {
        const max = p.b[k]!;
        for (let g = p.a[k]!; g <= max && ti + g <= limit; g++) {
          const r = this.matchElems(p, k + 1, ti + g, limit);
          if (r >= 0) return r;
        }
        return -1;
      }
      const ok = ti < limit && this.test(p, k, ti) !== (p.neg[k] === 1);
      if (p.optional[k] === 0) {
        if (!ok) return -1;
        k++;
        ti++;
        continue;
      }
      if (ok) {
        const r = this.matchElems(p, k + 1, ti + 1, limit);
        if (r >= 0) return r;
      }
      k++;
    }
  }

  /** Does token i satisfy set or class element k (before negation)? */
  private test(p: PatternEntry, k: number, i: number): boolean {
    if (p.op[k] === OP_SET) return this.setHas(p.sets[p.a[k]!]!, i);
    switch (p.a[k]) {
      case 0: return (this.tFlags[i]! & F_CAP) !== 0;
      case 1: return (this.tFlags[i]! & F_UPPER) !== 0;
      case 2: return this.tKind[i] === K_NUMBER;
      case 3: return this.tKind[i] === K_WORD;
      default: return this.tKind[i] === K_PUNCT;
    }
  }

  /** Is token i in the word set (by id, or by prefix)? Small, so it inlines into hot loops. */
  private setHas(set: IdSet, i: number): boolean {
    const id = this.tId[i]!;
    const x = id - set.lo;
    if (id >= 0 && x >= 0 && x < set.bits.length && set.bits[x] === 1) return true;
    return set.prefixes.length !== 0 && this.prefixHas(set, id);
  }

  /** Prefix test of a set, cached per vocab id and per document-local word. */
  private prefixHas(set: IdSet, id: number): boolean {
    if (id < 0) {
      const key = this.tKeys[-id - 2]!;
      if (set.localGen !== this.tGeneration || key >= set.localHit.length) {
        set.localHit = keyCache(set.localHit, key, set.localGen !== this.tGeneration);
        set.localGen = this.tGeneration;
      }
      let v = set.localHit[key]!;
      if (v === 0) {
        v = startsWithSome(this.tLocal[-id - 2]!, set.prefixes) ? 1 : 2;
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

  private runRegexes(doc: Doc, regexes: RegexEntry[], s: number, token: number, out: CollectedFinding[]): void {
    const sent = doc.sentences[s]!;
    // Run each regex once per sentence: only at the first trigger word in that sentence.
    // The first trigger token of a rule in a sentence is remembered per rule.
    let text: string | null = null;
    for (const { rule, re, needs } of regexes) {
      if (this.regexSentence[rule] !== s) {
        this.regexSentence[rule] = s;
        this.regexToken[rule] = token;
      } else if (this.regexToken[rule] !== token) continue;
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
        if (a < b) this.emit(doc, rule, a, b, a, b, out);
      }
    }
  }

  private emit(doc: Doc, ruleIndex: number, a: number, b: number, matchFrom: number, matchTo: number, out: CollectedFinding[]): void {
    const rule = this.rules[ruleIndex]!;
    const t = doc.tokens;
    const s = doc.sentences[doc.tokenSentence[a]!]!;
    if (rule.headline !== 'any') {
      const inHeadline = doc.headline !== null && s.index === doc.headline.sentence;
      if ((rule.headline === 'only') !== inHeadline) return;
    }
    if (rule.quotes !== 'any') {
      const inside = insideQuote(doc, t.start[a]!, t.end[b - 1]!);
      if ((rule.quotes === 'inside') !== inside) return;
    }
    if (rule.unless.length > 0) {
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        for (const seq of rule.unless) {
          if (t.id[k] !== seq[0] || k + seq.length > s.tokenEnd) continue;
          let all = true;
          for (let q = 1; q < seq.length && all; q++) all = t.id[k + q] === seq[q];
          if (all) return;
        }
      }
    }
    let start = t.start[a]!;
    let end = t.end[b - 1]!;
    if (rule.expand === 'sentence') {
      start = s.start;
      end = s.end;
    } else if (rule.expand === 'clause') {
      [start, end] = clauseAround(doc, matchFrom >= 0 ? matchFrom : a, matchTo >= 0 ? matchTo : b);
    }
    // The matched text is needed only for a {match} message or trigger evidence.
    const match = rule.hasPlaceholder || rule.expand !== 'match' ? doc.text.slice(t.start[a]!, t.end[b - 1]!) : '';
    out.push({
      technique: rule.technique,
      start,
      end,
      confidence: rule.confidence,
      message: rule.hasPlaceholder ? fillMessage(rule, match) : rule.message,
      ruleId: rule.ruleId,
      source: rule.source,
      evidence: rule.expand === 'match' ? undefined : [{ label: 'trigger', text: match }],
    });
  }
}

/**
 * The message with {match} replaced by the match. replaceAll reads '$' sequences in the
 * replacement ("$&"), so a match with a '$' goes through it; without one, joining the parts
 * at the placeholders gives the same string without the replace machinery.
 */
function fillMessage(rule: CompiledRule, match: string): string {
  const parts = rule.messageParts;
  if (match.indexOf('$') !== -1) return rule.message.replaceAll('{match}', match);
  if (parts.length === 2) return parts[0]! + match + parts[1]!;
  return parts.join(match);
}

/** The first element's word set when it is required, a set and not negated (else null). */
function firstSet(p: PatternEntry): IdSet | null {
  const k0 = p.first;
  return k0 >= 0 && p.op[k0] === OP_SET && p.neg[k0] === 0 ? p.sets[p.a[k0]!]! : null;
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

function startsWithAny(w: string, prefixes: ReadonlyArray<{ prefix: string }>): boolean {
  for (const p of prefixes) if (startsWith(w, p.prefix)) return true;
  return false;
}

function startsWithSome(w: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (startsWith(w, p)) return true;
  return false;
}

/** w.startsWith(p), with the first unit compared inline: most words fail there, without a call. */
function startsWith(w: string, p: string): boolean {
  return w.charCodeAt(0) === p.charCodeAt(0) && w.startsWith(p);
}

const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '--', '\u2014', '\u2013', '"']);

/** Extends a token range to the surrounding clause (commas, semicolons, dashes, quotes, sentence). */
export function clauseAround(doc: Doc, a: number, b: number): [number, number] {
  const t = doc.tokens;
  const s = doc.sentences[doc.tokenSentence[a]!]!;
  let i = a;
  while (i > s.tokenStart && !(t.kind[i - 1] === K_PUNCT && CLAUSE_BREAK.has(doc.text.slice(t.start[i - 1]!, t.end[i - 1]!)))) i--;
  let j = b;
  while (j < s.tokenEnd && !(t.kind[j] === K_PUNCT && (CLAUSE_BREAK.has(doc.text.slice(t.start[j]!, t.end[j]!)) || j === s.tokenEnd - 1))) j++;
  if (j <= i) j = b;
  return [t.start[i]!, t.end[Math.max(i, j - 1)]!];
}

export function insideQuote(doc: Doc, start: number, end: number): boolean {
  for (const q of doc.quotes) {
    if (q.start > start) break;
    if (q.contentStart <= start && end <= q.contentEnd) return true;
  }
  return false;
}

function tokenAtOrAfter(doc: Doc, offset: number, lo: number, hi: number): number {
  const t = doc.tokens;
  while (lo < hi && t.end[lo]! <= offset) lo++;
  return lo;
}

function tokenEndAtOrBefore(doc: Doc, offset: number, lo: number, hi: number): number {
  const t = doc.tokens;
  let k = lo;
  while (k < hi && t.end[k]! <= offset) k++;
  return k;
}
