import { UserError } from '../../core/errors.js';
import { tokenise, tokenLower } from '../../text/tokenise.js';
import { Vocab } from '../../text/vocab.js';

/**
 * Token patterns, compiled once into element arrays over vocabulary ids.
 *
 * Syntax (space-separated elements):
 *   word            a literal word (case-insensitive); multi-token literals ("israel's") expand
 *   a|b|c           any of several single-token words
 *   word*           any word starting with "word"
 *   @name           any term of a named lexicon (single-token terms); `@a|@b|word` mixes them
 *   <CAP> <UPPER> <NUM> <WORD> <PUNCT>   token classes
 *   _               any one token;  _{m,n}  a gap of m..n tokens
 *   X?              element X is optional;  !X  any one token that is not X
 *   [ ... ]         the part of the match to report (default: the whole match)
 */
export type TokenClass = 'CAP' | 'UPPER' | 'NUM' | 'WORD' | 'PUNCT';

export type Elem =
  | { t: 'set'; ids: Set<number>; prefixes: string[]; optional: boolean; neg: boolean }
  | { t: 'class'; cls: TokenClass; optional: boolean; neg: boolean }
  | { t: 'gap'; min: number; max: number }
  | { t: 'mark' };

export interface CompiledPattern {
  source: string;
  elems: Elem[];
  /** Index of the element used to find candidate positions, and the fixed token offset before it. */
  anchor: number;
  anchorOffset: number;
}

/**
 * Lowercased token forms of a word or phrase, tokenised exactly like documents are (the forms do not
 * depend on the vocabulary, which only names ids: pass the one at hand, or a fresh one is used).
 */
export function termTokens(term: string, vocab: Vocab = new Vocab()): string[] {
  const toks = tokenise(term, vocab);
  const out: string[] = [];
  for (let i = 0; i < toks.count; i++) out.push(tokenLower(toks, i));
  return out;
}

export type LexiconResolver = (name: string) => string[] | undefined;

/** Compiles a pattern into ids of `vocab` (interning its words). */
export function compilePattern(source: string, resolve: LexiconResolver, where: string, vocab: Vocab): CompiledPattern {
  const elems: Elem[] = [];
  const parts = source.trim().split(/\s+/);
  for (let raw of parts) {
    if (raw === '[' || raw === ']') {
      elems.push({ t: 'mark' });
      continue;
    }
    const gap = /^_\{(\d+),(\d+)\}$/.exec(raw);
    if (gap) {
      const min = Number(gap[1]);
      const max = Number(gap[2]);
      if (min > max || max > 60) throw new UserError(`${where}: bad gap "${raw}" in pattern "${source}" (need m <= n <= 60)`);
      elems.push({ t: 'gap', min, max });
      continue;
    }
    let optional = false;
    let neg = false;
    if (raw.length > 1 && raw.endsWith('?')) {
      optional = true;
      raw = raw.slice(0, -1);
    }
    if (raw.length > 1 && raw.startsWith('!')) {
      neg = true;
      raw = raw.slice(1);
    }
    if (raw === '_') {
      elems.push({ t: 'gap', min: optional ? 0 : 1, max: 1 });
      continue;
    }
    const cls = /^<(CAP|UPPER|NUM|WORD|PUNCT)>$/.exec(raw);
    if (cls) {
      elems.push({ t: 'class', cls: cls[1] as TokenClass, optional, neg });
      continue;
    }
    // Alternatives may mix words and lexicon references: `@fear-verbs|panic|dread`.
    const alts = raw
      .split('|')
      .flatMap((alt) => (alt.startsWith('@') && alt.length > 1 ? resolve(alt.slice(1)) ?? fail(`${where}: unknown lexicon "${alt}" in pattern "${source}"`) : [alt]));
    const ids = new Set<number>();
    const prefixes: string[] = [];
    const sequences: string[][] = [];
    for (const alt of alts) {
      if (alt.endsWith('*') && alt.length > 1) {
        prefixes.push(alt.slice(0, -1).toLowerCase());
        continue;
      }
      const toks = termTokens(alt, vocab);
      if (toks.length === 0) throw new UserError(`${where}: empty word "${alt}" in pattern "${source}"`);
      if (toks.length === 1) ids.add(vocab.intern(toks[0]!));
      else sequences.push(toks);
    }
    if (sequences.length > 0) {
      // A multi-token literal ("israel's") is allowed on its own: it expands to a sequence.
      if (alts.length !== 1 || optional || neg) {
        throw new UserError(`${where}: "${raw}" mixes multi-word terms into an alternation, optional or negation in pattern "${source}"; write them as separate patterns`);
      }
      for (const w of sequences[0]!) elems.push({ t: 'set', ids: new Set([vocab.intern(w)]), prefixes: [], optional: false, neg: false });
      continue;
    }
    elems.push({ t: 'set', ids, prefixes, optional, neg });
  }
  const marks = elems.filter((e) => e.t === 'mark').length;
  if (marks !== 0 && marks !== 2) throw new UserError(`${where}: pattern "${source}" needs both [ and ] or neither`);
  if (!elems.some((e) => e.t !== 'mark')) throw new UserError(`${where}: pattern "${source}" is empty`);
  // Anchor on the first required literal set preceded only by fixed single-token elements.
  let anchor = -1;
  let offset = 0;
  for (let k = 0; k < elems.length; k++) {
    const e = elems[k]!;
    if (e.t === 'mark') continue;
    if (e.t === 'set' && !e.optional && !e.neg && e.prefixes.length === 0) {
      anchor = k;
      break;
    }
    if (e.t === 'gap' ? e.min === e.max : !e.optional) offset += e.t === 'gap' ? e.min : 1;
    else break;
  }
  return { source, elems, anchor, anchorOffset: anchor === -1 ? 0 : offset };
}

function fail(message: string): never {
  throw new UserError(message);
}
