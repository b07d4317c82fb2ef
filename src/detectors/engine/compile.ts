/**
 * Compiling rule files into the tables the matcher reads: a token trie for lexicon rules, patterns
 * indexed by an anchor word, regexes triggered by required words, and one flag byte per vocabulary
 * id saying which of those can hit at a token. Built once per rule set; runs only read them (and
 * fill the memo caches, whose answers depend on the word alone).
 */
import { UserError } from '../../core/errors.js';
import type { FindingSource } from '../../core/finding.js';
import type { TechniqueId } from '../../core/taxonomy.js';
import type { Vocab } from '../../text/vocab.js';
import { anchorList, compileEntry, type AnchorList, type PatternEntry } from './compiled-pattern.js';
import { firstSet, startsWithAny, startsWithSome, TOKEN_FLAGS } from './match.js';
import { WordInts } from '../../lexicon/word-memo.js';
import { compilePattern, termTokens, type Elem, type LexiconResolver } from './pattern.js';
import { requiredFinalChar, type RegexEntry } from './regex-rule.js';
import type { Rule, RuleFile } from './rule-schema.js';
import { addTerm, indexTrie, newNode, type TrieNode } from './trie.js';

export interface CompiledRule {
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

/** A loaded rule file together with where it came from, for error messages. */
export interface LoadedRuleFile {
  file: string;
  data: RuleFile;
}

/** Every data rule of a set of rule files, compiled for the matcher (see match.ts). */
export interface CompiledRules {
  rules: CompiledRule[];
  trie: TrieNode;
  unanchored: PatternEntry[];
  /** Per vocab id: the root trie child, anchored patterns and triggered regexes (dense lookups). */
  rootById: Array<TrieNode | undefined>;
  anchoredById: Array<AnchorList | undefined>;
  regexById: Array<RegexEntry[] | undefined>;
  /** Per vocab id (below the vocab size at compile time): T_* bits of the lookups that can hit. */
  tokenFlags: Uint8Array;
  /** Per word: 1 when it starts with a prefix term at the trie root, else -1. */
  rootPrefixed: WordInts;
  /** The vocabulary the ids above are of. */
  vocab: Vocab;
  /** Its size after compiling: a text tokenised when it was smaller may lack ids for rule words. */
  vocabSize: number;
}

const { T_ROOT, T_PREFIX, T_ANCHORED, T_REGEX, T_SECOND, T_ROOT_ALWAYS, T_UNANCHORED } = TOKEN_FLAGS;

/** Compiles rule files into ids of `vocab` (interning the words the rules name there). */
export function compileRules(files: readonly LoadedRuleFile[], globalLexicons: ReadonlyMap<string, string[]>, vocab: Vocab): CompiledRules {
  const rules: CompiledRule[] = [];
  const trie = newNode();
  const anchored = new Map<number, PatternEntry[]>();
  const unanchored: PatternEntry[] = [];
  const regexByWord = new Map<number, RegexEntry[]>();
  for (const { file, data } of files) {
    const resolve: LexiconResolver = (name) => data.lexicons[name] ?? globalLexicons.get(name);
    for (const rule of data.rules) addRule({ rules, trie, anchored, unanchored, regexByWord, vocab }, data.technique as TechniqueId, rule, resolve, file);
  }
  // Filled to full length first: writing far past the end of an empty array makes it sparse.
  const rootById = new Array<TrieNode | undefined>(vocab.size).fill(undefined);
  const anchoredById = new Array<AnchorList | undefined>(vocab.size).fill(undefined);
  const regexById = new Array<RegexEntry[] | undefined>(vocab.size).fill(undefined);
  if (trie.next) for (const [id, node] of trie.next) rootById[id] = node;
  indexTrie(trie);
  for (const [id, list] of anchored) anchoredById[id] = anchorList(list);
  for (const [id, list] of regexByWord) regexById[id] = list;
  // One byte per vocab id saying which of the lookups below can hit: most tokens need none.
  const tokenFlags = new Uint8Array(vocab.size);
  const prefixes = trie.prefixNext;
  for (let id = 0; id < vocab.size; id++) {
    tokenFlags[id] =
      (rootById[id] !== undefined ? T_ROOT : 0) |
      (prefixes !== null && startsWithAny(vocab.str(id), prefixes) ? T_PREFIX : 0) |
      (anchoredById[id] !== undefined ? T_ANCHORED : 0) |
      (regexById[id] !== undefined ? T_REGEX : 0);
  }
  for (const node of rootById) {
    if (node === undefined || node.next === null) continue;
    for (const next of node.next.keys()) if (next < vocab.size) tokenFlags[next]! |= T_SECOND;
  }
  for (let id = 0; id < vocab.size; id++) {
    const node = rootById[id];
    if (node !== undefined && (node.terminals !== null || node.prefixNext !== null)) tokenFlags[id]! |= T_ROOT_ALWAYS;
  }
  for (const p of unanchored) {
    const set = firstSet(p);
    if (set === null) continue;
    for (let k = 0; k < set.bits.length; k++) if (set.bits[k] === 1 && set.lo + k < vocab.size) tokenFlags[set.lo + k]! |= T_UNANCHORED;
    if (set.prefixes.length > 0) for (let id = 0; id < vocab.size; id++) if (startsWithSome(vocab.str(id), set.prefixes)) tokenFlags[id]! |= T_UNANCHORED;
  }
  const rootPrefixed = new WordInts((w) => (trie.prefixNext !== null && startsWithAny(w, trie.prefixNext) ? 1 : -1));
  return { rules, trie, unanchored, rootById, anchoredById, regexById, tokenFlags, rootPrefixed, vocab, vocabSize: vocab.size };
}

/** The tables a rule is added to while compiling. */
interface Building {
  rules: CompiledRule[];
  trie: TrieNode;
  anchored: Map<number, PatternEntry[]>;
  unanchored: PatternEntry[];
  regexByWord: Map<number, RegexEntry[]>;
  vocab: Vocab;
}

function addRule(b: Building, technique: TechniqueId, rule: Rule, resolve: LexiconResolver, file: string): void {
  const where = `${file}: rule "${rule.id}"`;
  const index = b.rules.length;
  b.rules.push({
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
    unless: rule.unless.map((w) => termTokens(w, b.vocab).map((x) => b.vocab.intern(x))).filter((seq) => seq.length > 0),
  });
  if (rule.kind === 'lexicon') {
    for (const term of rule.terms) addTerm(b.trie, term, index, where, b.vocab);
  } else if (rule.kind === 'pattern') {
    for (const p of rule.patterns) {
      const pattern = compilePattern(p, resolve, where, b.vocab);
      const entry = compileEntry(index, pattern);
      if (pattern.anchor === -1) b.unanchored.push(entry);
      else {
        const a = pattern.elems[pattern.anchor] as Extract<Elem, { t: 'set' }>;
        for (const id of a.ids) {
          let list = b.anchored.get(id);
          if (!list) b.anchored.set(id, (list = []));
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
      const toks = termTokens(w, b.vocab);
      if (toks.length !== 1) throw new UserError(`${where}: "requires" entries must be single words, got "${w}"`);
      const id = b.vocab.intern(toks[0]!);
      let list = b.regexByWord.get(id);
      if (!list) b.regexByWord.set(id, (list = []));
      list.push(entry);
    }
  }
}
