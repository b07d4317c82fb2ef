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
  confidence: number;
  expand: Rule['expand'];
  quotes: Rule['quotes'];
  headline: Rule['headline'];
  /** Words or phrases (as id sequences) that cancel a match anywhere in its sentence. */
  unless: number[][];
}

interface TrieNode {
  next: Map<number, TrieNode> | null;
  prefixNext: Array<{ prefix: string; node: TrieNode }> | null;
  terminals: number[] | null;
}

interface PatternEntry {
  rule: number;
  pattern: CompiledPattern;
  markSlots: Int8Array;
}

interface RegexEntry {
  rule: number;
  re: RegExp;
}

const newNode = (): TrieNode => ({ next: null, prefixNext: null, terminals: null });

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
  private readonly prefixCache = new Map<string, boolean>();
  private readonly allPrefixes: string[] = [];

  constructor(files: readonly LoadedRuleFile[], globalLexicons: ReadonlyMap<string, string[]> = new Map()) {
    for (const { file, data } of files) {
      const resolve: LexiconResolver = (name) => data.lexicons[name] ?? globalLexicons.get(name);
      for (const rule of data.rules) this.add(data.technique as TechniqueId, rule, resolve, file);
    }
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
        const markSlots = new Int8Array(pattern.elems.length).fill(-1);
        let m = 0;
        pattern.elems.forEach((e, k) => {
          if (e.t === 'mark') markSlots[k] = m++;
        });
        const entry: PatternEntry = { rule: index, pattern, markSlots };
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
      const entry = { rule: index, re };
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
        this.allPrefixes.push(prefix);
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

  /** Quick reject: can this word start or continue any prefix term? Cached per word. */
  private mayMatchPrefix(word: string): boolean {
    let v = this.prefixCache.get(word);
    if (v === undefined) {
      v = this.allPrefixes.some((p) => word.startsWith(p));
      if (this.prefixCache.size > 100_000) this.prefixCache.clear();
      this.prefixCache.set(word, v);
    }
    return v;
  }

  run(doc: Doc): CollectedFinding[] {
    const out: CollectedFinding[] = [];
    const t = doc.tokens;
    const n = t.count;
    const ends: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = t.id[i]!;
      const s = doc.tokenSentence[i]!;
      const limit = doc.sentences[s]!.tokenEnd;
      // Lexicon trie: collect every terminal reachable from token i (within the sentence).
      const direct = id >= 0 && this.trie.next !== null && this.trie.next.has(id);
      if (direct || (this.trie.prefixNext !== null && this.mayMatchPrefix(tokenLower(t, i)))) {
        ends.length = 0;
        this.walk(doc, this.trie, i, limit, ends);
        for (let k = 0; k < ends.length; k += 2) this.emit(doc, ends[k]!, i, ends[k + 1]!, -1, -1, out);
      }
      if (id >= 0) {
        const patterns = this.anchored.get(id);
        if (patterns) {
          for (const p of patterns) {
            const from = i - p.pattern.anchorOffset;
            const sentStart = doc.sentences[s]!.tokenStart;
            if (from < sentStart) continue;
            this.tryPattern(doc, p, from, limit, out);
          }
        }
        const regexes = this.regexByWord.get(id);
        if (regexes) this.runRegexes(doc, regexes, s, i, out);
      }
    }
    if (this.unanchored.length > 0) {
      for (const sent of doc.sentences) {
        for (const p of this.unanchored) {
          // Resume after each match so a pattern does not report the tails of its own matches.
          for (let i = sent.tokenStart; i < sent.tokenEnd; ) {
            const end = this.tryPattern(doc, p, i, sent.tokenEnd, out);
            i = end > i ? end : i + 1;
          }
        }
      }
    }
    return out;
  }

  /** Depth-first walk of the trie from token i; pushes (rule, endToken) pairs, longest per rule last. */
  private walk(doc: Doc, node: TrieNode, i: number, limit: number, ends: number[]): void {
    if (node.terminals && i > 0) for (const r of node.terminals) ends.push(r, i);
    if (i >= limit) return;
    const t = doc.tokens;
    const id = t.id[i]!;
    if (node.next && id >= 0) {
      const child = node.next.get(id);
      if (child) this.walk(doc, child, i + 1, limit, ends);
    }
    if (node.prefixNext) {
      const w = tokenLower(t, i);
      for (const p of node.prefixNext) if (w.startsWith(p.prefix)) this.walk(doc, p.node, i + 1, limit, ends);
    }
  }

  /** Tries one pattern at one token; returns the match's end token, or -1. */
  private tryPattern(doc: Doc, p: PatternEntry, from: number, limit: number, out: CollectedFinding[]): number {
    const marks = [-1, -1];
    const end = this.matchElems(doc, p, 0, from, limit, marks);
    if (end <= from) return -1;
    const [a, b] = marks[0]! >= 0 && marks[1]! > marks[0]! ? [marks[0]!, marks[1]!] : [from, end];
    this.emit(doc, p.rule, a, b, from, end, out);
    return end;
  }

  private matchElems(doc: Doc, p: PatternEntry, k: number, ti: number, limit: number, marks: number[]): number {
    const elems = p.pattern.elems;
    if (k === elems.length) return ti;
    const e = elems[k]!;
    switch (e.t) {
      case 'mark': {
        marks[p.markSlots[k]!] = ti;
        return this.matchElems(doc, p, k + 1, ti, limit, marks);
      }
      case 'gap': {
        for (let g = e.min; g <= e.max && ti + g <= limit; g++) {
          const r = this.matchElems(doc, p, k + 1, ti + g, limit, marks);
          if (r >= 0) return r;
        }
        return -1;
      }
      default: {
        if (ti < limit && tokenMatches(doc, e, ti) !== e.neg) {
          const r = this.matchElems(doc, p, k + 1, ti + 1, limit, marks);
          if (r >= 0) return r;
        }
        return e.optional ? this.matchElems(doc, p, k + 1, ti, limit, marks) : -1;
      }
    }
  }

  private runRegexes(doc: Doc, regexes: RegexEntry[], s: number, token: number, out: CollectedFinding[]): void {
    const sent = doc.sentences[s]!;
    // Run each regex once per sentence: only at the first trigger word in that sentence.
    for (const { rule, re } of regexes) {
      let first = true;
      for (let k = sent.tokenStart; k < token; k++) {
        const list = this.regexByWord.get(doc.tokens.id[k]!);
        if (list && list.some((x) => x.rule === rule)) {
          first = false;
          break;
        }
      }
      if (!first) continue;
      const text = doc.text.slice(sent.start, sent.end);
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
    const match = doc.text.slice(t.start[a]!, t.end[b - 1]!);
    out.push({
      technique: rule.technique,
      start,
      end,
      confidence: rule.confidence,
      message: rule.message.replaceAll('{match}', match),
      ruleId: rule.ruleId,
      source: rule.source,
      evidence: rule.expand === 'match' ? undefined : [{ label: 'trigger', text: match }],
    });
  }
}

function tokenMatches(doc: Doc, e: Extract<Elem, { t: 'set' } | { t: 'class' }>, i: number): boolean {
  const t = doc.tokens;
  if (e.t === 'set') {
    const id = t.id[i]!;
    if (id >= 0 && e.ids.has(id)) return true;
    if (e.prefixes.length === 0) return false;
    const w = tokenLower(t, i);
    return e.prefixes.some((p) => w.startsWith(p));
  }
  switch (e.cls) {
    case 'CAP': return (t.flags[i]! & F_CAP) !== 0;
    case 'UPPER': return (t.flags[i]! & F_UPPER) !== 0;
    case 'NUM': return t.kind[i] === K_NUMBER;
    case 'WORD': return t.kind[i] === K_WORD;
    case 'PUNCT': return t.kind[i] === K_PUNCT;
  }
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
