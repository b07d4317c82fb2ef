import type { Doc } from '../../text/segment.js';
import { builtinLexiconSections } from '../../lexicon/builtin.js';
import { STOPWORDS } from '../../lexicon/stopwords.js';
import { isCap, isWord, lower, WordLookup, wordSet } from '../../lexicon/word-sets.js';
import { WordInts } from '../../lexicon/word-memo.js';
import { Scratch } from '../../text/hot-path.js';
import { ATTRIBUTION_FORMS, ROLE_WORDS } from '../sourcing/cues.js';
import { ACTOR_TYPES, DESCRIBED_PREFIX, type ActorType } from '../../core/actors.js';
import type { HeuristicActor, Mention } from './mentions.js';

/**
 * Actors a text names by description rather than by name: "the so-called election commission",
 * "the interior minister", "these protesters", "our government". Opinion writing casts its villains
 * and victims this way as often as by name; without them a commentary's author "casts nobody".
 *
 * A description is a determiner, up to three lowercase modifiers and a head noun of the
 * `described-actors` list (whose sections give the type). Within a document, "the commission" after
 * "the election commission" is the same actor, and "the minister" after "Interior Minister Pavo Kesh"
 * is Kesh. A head followed by a capitalised word is a title ("the interior minister Pavo Kesh"), and
 * one followed by "of" takes its referent from there ("the government of Dastria", "the board of a
 * foundation"): neither is a description.
 */

const HEADS: WordLookup<ActorType> = (() => {
  const types = new Map<string, ActorType>();
  for (const [title, words] of builtinLexiconSections('described-actors')) {
    const type = ACTOR_TYPES.find((x) => x === title);
    if (!type) throw new Error(`described-actors.txt: section "${title}" is not an actor type (${ACTOR_TYPES.join(', ')})`);
    for (const w of words) types.set(w, type);
  }
  return new WordLookup((w) => types.get(w));
})();

/**
 * Determiners that open a description ("several foreign capitals" too); "our" keeps its own actor
 * ("our government" is not "the government"). Not "that", which opens clauses as often ("a territory that every court recognises").
 */
const DETERMINERS = wordSet('the this these those our several');
/** Words between the determiner and the rest that say nothing of the referent. */
const EMPTY_MODIFIERS = wordSet('so-called same very');
/** Words besides the stop words that cannot modify a head inside a description (they end the noun phrase before it). */
const NOT_MODIFIERS = wordSet('may might must every less whose');
const MAX_MODIFIERS = 3;
/** 1 for a word of letters and hyphens only (a modifier can be one), per word rather than per token. */
const LETTERS = new WordInts((w) => (/^[\p{L}-]+$/u.test(w) ? 1 : 0));
/** addDescribed's marks of the named mentions' tokens, reused between documents (let go past 64k tokens). */
const takenScratch = new Scratch((n) => new Uint8Array(n), 1 << 16);

interface Description {
  a: number;
  b: number;
  sentence: number;
  /** Lowercased words of the description (modifiers and head), the determiner "our" first when written. */
  key: string;
  /** The head word, after "our " when written so ("the minister" is the last minister; "our government" is not "the government"). */
  head: string;
  bare: boolean;
  type: ActorType;
}

/** Descriptions of sentence s that overlap no token of `taken` (the named mentions' tokens). */
function describe(doc: Doc, s: number, taken: Uint8Array, out: Description[]): void {
  const t = doc.tokens;
  const sent = doc.sentences[s]!;
  for (let i = sent.tokenStart; i < sent.tokenEnd - 1; i++) {
    if (!DETERMINERS.at(t, i) || taken[i]) continue;
    let a = i + 1;
    while (a < sent.tokenEnd && EMPTY_MODIFIERS.at(t, a)) a++;
    for (let h = a; h < sent.tokenEnd && h - a <= MAX_MODIFIERS; h++) {
      if (!isWord(t, h) || isCap(t, h) || taken[h]) break;
      const type = HEADS.at(t, h);
      if (type !== undefined && !titleOrOwner(doc, h + 1, sent.tokenEnd)) {
        const words: string[] = [];
        if (lower(t, i) === 'our' || lower(t, i) === 'several') words.push(lower(t, i));
        for (let k = a; k <= h; k++) words.push(lower(t, k));
        out.push({ a, b: h + 1, sentence: s, key: words.join(' '), head: (words[0] === 'our' ? 'our ' : '') + lower(t, h), bare: h === a, type });
        i = h;
        break;
      }
      if (NOT_MODIFIERS.at(t, h) || STOPWORDS.at(t, h) || ATTRIBUTION_FORMS.at(t, h) || HEADS.at(t, h) !== undefined || LETTERS.at(t, h) !== 1) break;
    }
  }
}

/**
 * Is the head at i - 1 a title before a name ("the minister Pavo Kesh"), or a relational noun whose
 * referent the phrase after it gives ("the government of Dastria", "the board of a foundation",
 * "the envoy from Marisco")?
 */
function titleOrOwner(doc: Doc, i: number, end: number): boolean {
  const t = doc.tokens;
  if (i >= end || !isWord(t, i)) return false;
  if (isCap(t, i) || lower(t, i) === 'of') return true;
  return lower(t, i) === 'from' && i + 1 < end && isCap(t, i + 1);
}

/** The lowercased title words right before a named mention ("Interior Minister" before "Pavo Kesh"), or "". */
function titleBefore(doc: Doc, a: number, sentenceStart: number): string {
  const t = doc.tokens;
  let k = a;
  while (k > sentenceStart && a - k < MAX_MODIFIERS && isWord(t, k - 1) && ROLE_WORDS.at(t, k - 1)) k--;
  if (k === a) return '';
  const words: string[] = [];
  for (let j = k; j < a; j++) words.push(lower(t, j));
  return words.join(' ');
}

/**
 * Adds the document's described actors to its named mentions: returns all mentions in document
 * order, and adds the new actors to `heuristic`.
 */
export function addDescribed(doc: Doc, named: readonly Mention[], heuristic: Map<string, HeuristicActor>): Mention[] {
  const taken = takenScratch.zeroed(doc.tokens.kind.length);
  for (const m of named) taken.fill(1, m.a, m.b);
  const found: Description[] = [];
  for (let s = 0; s < doc.sentences.length; s++) describe(doc, s, taken, found);
  takenScratch.release();
  if (found.length === 0) return named as Mention[];
  // The actor each description and title last named ("interior minister"), and each head word
  // ("minister", "ministry") last named: "the minister" is the most recent minister.
  const byKey = new Map<string, string>();
  const byHead = new Map<string, string>();
  const out: Mention[] = [];
  let n = 0;
  for (const d of found) {
    for (; n < named.length && named[n]!.a < d.a; n++) {
      const m = named[n]!;
      out.push(m);
      // A name that ends in a head noun ("the Baldovian interior ministry") is what "the ministry" means next.
      const last = m.b - 1;
      if (last > m.a && isWord(doc.tokens, last) && !isCap(doc.tokens, last) && HEADS.has(doc.tokens, last)) byHead.set(lower(doc.tokens, last), m.actor);
      const title = titleBefore(doc, m.a, doc.sentences[m.sentence]!.tokenStart);
      if (title) {
        byKey.set(title, m.actor);
        byHead.set(title.slice(title.lastIndexOf(' ') + 1), m.actor);
      }
    }
    let actor = d.bare ? byHead.get(d.head) : byKey.get(d.key);
    if (actor === undefined) {
      actor = `${DESCRIBED_PREFIX}${d.key.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
      if (!heuristic.has(actor)) heuristic.set(actor, { id: actor, name: d.key.startsWith('our ') || d.key.startsWith('several ') ? d.key : `the ${d.key}`, type: d.type });
    }
    byKey.set(d.key, actor);
    byHead.set(d.head, actor);
    out.push({ actor, a: d.a, b: d.b, sentence: d.sentence });
  }
  for (; n < named.length; n++) out.push(named[n]!);
  return out;
}
