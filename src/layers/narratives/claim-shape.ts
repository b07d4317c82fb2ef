import { UserError } from '../../core/errors.js';
import { F_CAP, K_WORD, tokenise, tokenLower, type Tokens } from '../../text/tokenise.js';
import { Vocab } from '../../text/vocab.js';
import { WordSet } from '../../lexicon/word-sets.js';

/**
 * Claim shapes: token patterns with actor slots, compiled once.
 *
 *   word            a literal word (case-insensitive)
 *   a|b|c           any of several words; `word*` any word starting with "word"; `@set` the
 *                   single-word terms of a term set
 *   X?              element X is optional
 *   ...             a gap of 0 to 6 tokens
 *   <actor>         an actor: a party, a name, or a group word ("the government", "our people"),
 *                   with an optional determiner or possessive before it
 *   <party:id>      one of the pack's parties (with an optional "the")
 *   <name>          a name that is not one of the pack's parties
 */
export type ShapeElem =
  | { t: 'word'; words: WordSet; list: string[]; prefixes: string[]; optional: boolean }
  | { t: 'gap'; max: number }
  | { t: 'actor'; optional: boolean }
  | { t: 'party'; party: number; optional: boolean }
  | { t: 'name'; optional: boolean };

export interface ClaimShape {
  source: string;
  elems: ShapeElem[];
  /** Words of the anchor element (a required literal word), or null when the shape has none. */
  anchor: readonly string[] | null;
  /** Index of the anchor element in elems (-1: none). */
  anchorIndex: number;
  /** The most tokens the elements before the anchor can take. */
  maxBefore: number;
  /**
   * The required literal elements other than the anchor, longest shortest word first (the rarer
   * first): a sentence without a word for each of them cannot match, which matchClaimShape checks
   * before it backtracks.
   */
  required: Array<Extract<ShapeElem, { t: 'word' }>>;
}

/** The most tokens an actor, name or party slot takes (a determiner, a name of up to four words, a group word). */
const SLOT_MAX = 6;

/** What the slots of a shape can see in one document. */
export interface SlotView {
  t: Tokens;
  /** Party index at token i and the length of its alias (party * 256 + length), or -1. */
  partyAt(i: number): number;
  /** Tokens in the name (a capitalised name, or an actor mention) starting at i, 0 when none. */
  nameLen(i: number): number;
}

export const GAP_MAX = 6;

/** Words that name a group of people or an institution without naming it. */
const GROUP_WORDS = new Set(
  ('we us they them government governments authorities regime army armies military forces troops soldiers leaders leadership officials ' +
    'state states country countries nation nations people peoples civilians population side sides elites elite president minister ' +
    'administration parliament media press journalists activists scientists experts critics opponents enemies enemy allies west east ' +
    'neighbours neighbors neighbour neighbor community communities minority majority settlers militants rebels separatists occupiers ' +
    'invaders aggressor aggressors powers bureaucrats politicians lobby lobbyists corporations companies industry institutions organisations organizations ' +
    'farmers villagers residents refugees families children soldiers')
    .split(' '),
);
const DETERMINERS = new Set('the a an our their its his her your this that these those my some many both all'.split(' '));

/** Lowercased token forms of a word, tokenised exactly like documents are. */
function termTokens(term: string, vocab: Vocab): string[] {
  const toks = tokenise(term, vocab);
  const out: string[] = [];
  for (let i = 0; i < toks.count; i++) out.push(tokenLower(toks, i));
  return out;
}

function fail(message: string): never {
  throw new UserError(message);
}

/**
 * Compiles a claim shape; `where` names the file, narrative and field for errors; `resolveSet`
 * gives a term set's terms; `partyIndex` a party's index (undefined when the pack has no such party).
 */
export function compileClaimShape(
  source: string,
  where: string,
  resolveSet: (name: string) => readonly string[] | undefined,
  partyIndex: (id: string) => number | undefined,
): ClaimShape {
  const elems: ShapeElem[] = [];
  // Only the words' forms matter while compiling: a vocabulary of its own, left empty.
  const scratch = new Vocab();
  for (let raw of source.trim().split(/\s+/)) {
    if (raw === '...') {
      elems.push({ t: 'gap', max: GAP_MAX });
      continue;
    }
    let optional = false;
    if (raw.length > 1 && raw.endsWith('?')) {
      optional = true;
      raw = raw.slice(0, -1);
    }
    if (raw === '<actor>') {
      elems.push({ t: 'actor', optional });
      continue;
    }
    if (raw === '<name>') {
      elems.push({ t: 'name', optional });
      continue;
    }
    const party = /^<party:([a-z0-9][a-z0-9-]*)>$/.exec(raw);
    if (party) {
      const k = partyIndex(party[1]!);
      if (k === undefined) fail(`${where}: claim shape "${source}" names party "${party[1]}", which the pack's parties do not list`);
      elems.push({ t: 'party', party: k, optional });
      continue;
    }
    if (raw.startsWith('<')) fail(`${where}: claim shape "${source}": unknown slot "${raw}" (use <actor>, <name> or <party:id>)`);
    const forms = new Set<string>();
    const prefixes: string[] = [];
    for (const alt of raw.split('|')) {
      const words = alt.startsWith('@') && alt.length > 1 ? resolveSet(alt.slice(1)) ?? fail(`${where}: claim shape "${source}": unknown term set "${alt}"`) : [alt];
      for (const w of words) {
        if (w.length > 1 && w.endsWith('*') && !w.includes(' ')) {
          prefixes.push(w.slice(0, -1).toLowerCase());
          continue;
        }
        const toks = termTokens(w, scratch);
        if (toks.length !== 1) fail(`${where}: claim shape "${source}": "${w}" is not one word (write a phrase as separate elements)`);
        forms.add(toks[0]!);
      }
    }
    if (forms.size === 0 && prefixes.length === 0) fail(`${where}: claim shape "${source}": empty element "${raw}"`);
    elems.push({ t: 'word', words: new WordSet(forms), list: [...forms], prefixes, optional });
  }
  if (!elems.some((e) => e.t !== 'gap' && !('optional' in e && e.optional))) fail(`${where}: claim shape "${source}" has no required element`);
  // Anchor on the required literal element whose shortest word is longest: "blame" rather than
  // "is|are", so that the shape is tried on few sentences.
  let anchorIndex = -1;
  let best = -1;
  elems.forEach((e, k) => {
    if (e.t !== 'word' || e.optional || e.prefixes.length > 0) return;
    let shortest = Infinity;
    for (const w of e.list) shortest = Math.min(shortest, w.length);
    if (shortest > best) {
      best = shortest;
      anchorIndex = k;
    }
  });
  let maxBefore = 0;
  for (let k = 0; k < anchorIndex; k++) {
    const e = elems[k]!;
    maxBefore += e.t === 'gap' ? e.max : e.t === 'word' ? 1 : SLOT_MAX;
  }
  const anchor = anchorIndex >= 0 ? (elems[anchorIndex] as Extract<ShapeElem, { t: 'word' }>).list : null;
  const shortest = (e: Extract<ShapeElem, { t: 'word' }>) => Math.min(...e.list.map((w) => w.length), ...e.prefixes.map((p) => p.length));
  const required = elems
    .filter((e, k): e is Extract<ShapeElem, { t: 'word' }> => e.t === 'word' && !e.optional && k !== anchorIndex)
    .map((e, k) => ({ e, k, len: shortest(e) }))
    .sort((x, y) => y.len - x.len || x.k - y.k)
    .map((x) => x.e);
  return { source, elems, anchor, anchorIndex, maxBefore, required };
}

/** Length of an actor phrase at token i (within [i, end)), 0 when none. */
function actorLen(v: SlotView, i: number, end: number): number {
  const t = v.t;
  let j = i;
  if (j < end && t.kind[j] === K_WORD && DETERMINERS.has(tokenLower(t, j))) j++;
  if (j >= end) return 0;
  const p = v.partyAt(j);
  if (p >= 0) return j - i + (p & 255);
  const n = v.nameLen(j);
  if (n > 0) {
    // "Sylvanian forces": a name and a group word make one actor.
    const k = j + n;
    return k < end && t.kind[k] === K_WORD && GROUP_WORDS.has(tokenLower(t, k)) ? k + 1 - i : k - i;
  }
  if (t.kind[j] === K_WORD && GROUP_WORDS.has(tokenLower(t, j))) return j + 1 - i;
  // "Sylvanian farmers" at the start of a sentence, where one capitalised word alone is no name.
  if (j + 1 < end && t.kind[j] === K_WORD && (t.flags[j]! & F_CAP) !== 0 && t.kind[j + 1] === K_WORD && GROUP_WORDS.has(tokenLower(t, j + 1))) return j + 2 - i;
  return 0;
}

function wordMatches(e: Extract<ShapeElem, { t: 'word' }>, t: Tokens, i: number): boolean {
  if (t.kind[i] !== K_WORD) return false;
  if (e.words.at(t, i)) return true;
  if (e.prefixes.length === 0) return false;
  const w = tokenLower(t, i);
  for (const p of e.prefixes) if (w.startsWith(p)) return true;
  return false;
}

/**
 * The first match of `shape` in tokens [from, to) as [start, end) token indices, or null. With
 * `at` >= 0 (the position of an anchor word), only matches that put the anchor element there are
 * tried, starting at most `maxBefore` tokens earlier. Elements match in order, with backtracking
 * over optional elements, gaps and slot lengths.
 */
export function matchClaimShape(shape: ClaimShape, v: SlotView, from: number, to: number, at = -1): [number, number] | null {
  // Every required word must be somewhere in [from, to): a match consumes one token for each.
  for (const e of shape.required) {
    let found = false;
    for (let i = from; i < to && !found; i++) found = wordMatches(e, v.t, i);
    if (!found) return null;
  }
  const elems = shape.elems;
  const anchorK = at >= 0 ? shape.anchorIndex : -1;
  const go = (k: number, i: number): number => {
    if (k === elems.length) return i;
    const e = elems[k]!;
    switch (e.t) {
      case 'gap': {
        for (let g = 0; g <= e.max && i + g <= to; g++) {
          if (anchorK > k && i + g > at) break;
          const r = go(k + 1, i + g);
          if (r >= 0) return r;
        }
        return -1;
      }
      case 'word': {
        if (k === anchorK) return i === at ? go(k + 1, i + 1) : -1;
        if (anchorK > k && i > at) return -1;
        if (i < to && wordMatches(e, v.t, i)) {
          const r = go(k + 1, i + 1);
          if (r >= 0) return r;
        }
        return e.optional ? go(k + 1, i) : -1;
      }
      default: {
        if (anchorK > k && i > at) return -1;
        let n = 0;
        if (i < to) {
          if (e.t === 'actor') n = actorLen(v, i, to);
          else if (e.t === 'name') n = v.partyAt(i) >= 0 ? 0 : v.nameLen(i);
          else {
            let j = i;
            if (j < to && tokenLower(v.t, j) === 'the') j++;
            const p = j < to ? v.partyAt(j) : -1;
            if (p >= 0 && p >> 8 === e.party) n = j - i + (p & 255);
          }
        }
        if (n > 0 && i + n <= to) {
          const r = go(k + 1, i + n);
          if (r >= 0) return r;
        }
        return e.optional ? go(k + 1, i) : -1;
      }
    }
  };
  const first = at >= 0 ? Math.max(from, at - shape.maxBefore) : from;
  const last = at >= 0 ? at : to - 1;
  for (let s = first; s <= last; s++) {
    const end = go(0, s);
    if (end > s) return [s, end];
  }
  return null;
}
