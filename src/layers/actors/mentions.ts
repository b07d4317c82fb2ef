import type { Doc } from '../../text/segment.js';
import { ROLE_WORDS, ORG_HEADS } from '../sourcing/cues.js';
import { isCap, isWord, lower, punctChar, tokenText, WordSet, wordSet } from '../../lexicon/word-sets.js';
import { builtinLexicon } from '../../lexicon/builtin.js';
import type { ActorType, Gazetteer } from './gazetteer.js';

/** One mention of an actor: tokens [a, b) in the canonical text. */
export interface Mention {
  actor: string;
  a: number;
  b: number;
  sentence: number;
}

export interface HeuristicActor {
  id: string;
  name: string;
  type: ActorType;
}

/** Nouns that make a demonym name the state: "Azerbaijani government", "Sylvanian forces". */
const STATE_NOUNS = wordSet(
  'government authorities army military forces troops soldiers officials ministry president leadership regime ' +
    'administration side state navy police diplomats embassy parliament delegation leaders leader units positions ' +
    'artillery drones jets warplanes tanks commanders commander officers defence defense minister spokesman ' +
    'spokeswoman spokesperson envoy ambassador foreign interior border security special armed air prime',
);
/** Nouns that make a demonym name the people: "Armenian civilians", "Freedonian refugees". */
const PEOPLE_NOUNS = wordSet(
  'people civilians villagers residents refugees citizens population children women families community communities ' +
    'minority majority nation workers students prisoners captives hostages victims men elderly farmers pilgrims ' +
    'settlers migrants inhabitants public mothers fathers youth journalists diaspora',
);
const CONNECTORS = wordSet('of for de al el bin ibn van von der du la le');
const NOT_NAMES = wordSet(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december god mr mrs ms dr i',
);

/** Function words, interned at load time so each token is checked by id. */
const STOPWORDS = new WordSet(builtinLexicon('stopwords'));

/**
 * A heuristic actor id, one object per id string: it also holds the id's state in the document
 * being scanned (`doc` stamp, mention count), so checking and counting an actor reads fields
 * instead of hashing its id into per-document Maps.
 */
interface IdRec {
  id: string;
  doc: number;
  count: number;
}
/** Per name as written: its slug and the actor ids made from it, so each id is built (and hashed) once. */
const named = new Map<string, { slug: string; ids: Record<string, IdRec> }>();
/** Per id string, its record (two names as written can make one id: "MARISCO", "Marisco"). */
const idRecs = new Map<string, IdRec>();
/** Stamp of the document findMentions is scanning. */
let docStamp = 0;
function actorRec(prefix: string, name: string): IdRec {
  let n = named.get(name);
  if (n === undefined) {
    n = { slug: name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, ''), ids: {} };
    named.set(name, n);
  }
  let r: IdRec | undefined = n.ids[prefix];
  if (r === undefined) {
    const id = `${prefix}:${n.slug}`;
    r = idRecs.get(id);
    if (r === undefined) idRecs.set(id, (r = { id, doc: 0, count: 0 }));
    n.ids[prefix] = r;
  }
  return r;
}

/** Is the headline in Title Case (most words capitalised)? Then capitalisation says nothing there. */
function titleCaseHeadline(doc: Doc): number {
  if (!doc.headline) return -1;
  const s = doc.sentences[doc.headline.sentence]!;
  let words = 0;
  let caps = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!isWord(doc.tokens, i)) continue;
    words++;
    if (isCap(doc.tokens, i)) caps++;
  }
  return words >= 3 && caps / words > 0.6 ? s.index : -1;
}

/**
 * Finds actor mentions: gazetteer aliases (longest match), demonyms resolved by the next noun to the
 * state or the people, then runs of capitalised words for persons and organisations the gazetteer
 * does not know. A surname alone links to the person named in full earlier.
 */
export function findMentions(doc: Doc, g: Gazetteer): { mentions: Mention[]; heuristic: Map<string, HeuristicActor> } {
  const t = doc.tokens;
  const mentions: Mention[] = [];
  const heuristic = new Map<string, HeuristicActor>();
  const surnames = new Map<string, string>();
  // Names seen across documents are remembered up to a bound; past it they start over, between
  // documents (records carry per-document state).
  if (named.size >= 50_000 || idRecs.size >= 50_000) {
    named.clear();
    idRecs.clear();
  }
  if (docStamp >= 0x3fffffff) {
    for (const r of idRecs.values()) r.doc = 0;
    docStamp = 0;
  }
  const stamp = ++docStamp;
  /** Unknown heuristic actors (the only ones a count can drop), in order of first mention. */
  const unknowns: IdRec[] = [];
  const skipSentence = titleCaseHeadline(doc);
  for (const s of doc.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (!isWord(t, i)) { i++; continue; }
      const m = g.matchAlias(t, i, s.tokenEnd);
      if (m) {
        let actor = m.actor;
        let b = i + m.toks.length;
        if (m.kind === 'demonym') {
          const entry = g.get(actor);
          const next = b < s.tokenEnd && isWord(t, b) ? lower(t, b) : '';
          if (entry?.type === 'country') {
            if (PEOPLE_NOUNS.has(next)) { actor = entry.people ?? actor; b++; }
            else if (STATE_NOUNS.has(next)) {
              b++;
              // Two-word heads: "prime minister", "armed forces", "foreign ministry".
              if (b < s.tokenEnd && isWord(t, b) && (STATE_NOUNS.at(t, b) || ROLE_WORDS.at(t, b))) b++;
            } else if (!next) {
              // A bare demonym used as a noun ("the Chinese") is the people when the plural is the same word.
              const p = entry.people ? g.get(entry.people) : undefined;
              if (p && p.name.toLowerCase() === lower(t, i)) actor = p.id;
            }
          } else if (PEOPLE_NOUNS.has(next) || STATE_NOUNS.has(next)) b++;
        }
        mentions.push({ actor, a: i, b, sentence: s.index });
        i = b;
        continue;
      }
      if (!isCap(t, i) || s.index === skipSentence) { i++; continue; }
      // A run of capitalised words (with connectors: "Ministry of Defence").
      let a = i;
      // Token i is capitalised and starts no alias (tested above): the run starts after it.
      let e = i + 1;
      while (e < s.tokenEnd) {
        if (isCap(t, e) && !g.matchAlias(t, e, s.tokenEnd)) { e++; continue; }
        if (e > a && CONNECTORS.at(t, e) && e + 1 < s.tokenEnd && isCap(t, e + 1) && !g.matchAlias(t, e + 1, s.tokenEnd)) { e += 2; continue; }
        break;
      }
      const end = e;
      // Sentence-initial function words and titles are not part of the name.
      while (a < end && (STOPWORDS.at(t, a) || NOT_NAMES.at(t, a))) a++;
      let titled = false;
      while (a < end && ROLE_WORDS.at(t, a)) { a++; titled = true; }
      while (e > a && CONNECTORS.at(t, e - 1)) e--;
      i = Math.max(end, i + 1);
      if (a >= e) continue;
      const n = e - a;
      const atStart = a === s.tokenStart || (a === s.tokenStart + 1 && punctChar(doc, s.tokenStart) === '"');
      const known = n === 1 ? surnames.get(lower(t, a)) : undefined;
      if (n === 1 && atStart && !titled && !known) continue; // cannot tell a name from a capitalised first word
      let id: string;
      // A surname alone (n = 1: `known` is its lowercased word's entry) links to the full name.
      if (known !== undefined) id = known;
      else {
        const name = tokenText(doc, a, e);
        let type: ActorType;
        if (ORG_HEADS.at(t, e - 1) || CONNECTORS.at(t, Math.min(a + 1, e - 1))) type = 'organisation';
        else if (titled || n >= 2) type = 'person';
        else type = 'unknown';
        const r = actorRec(type === 'unknown' ? 'unknown' : type === 'person' ? 'person' : 'org', name);
        id = r.id;
        if (r.doc !== stamp) {
          r.doc = stamp;
          r.count = 0;
          heuristic.set(id, { id, name, type });
          if (type === 'unknown') unknowns.push(r);
        }
        r.count++;
        if (type === 'person' && n >= 2) surnames.set(lower(t, e - 1), id);
      }
      mentions.push({ actor: id, a, b: e, sentence: s.index });
    }
  }
  // A lone capitalised word seen once, never as a person, is too weak to call an actor. Mentions of
  // an unknown actor were counted as they were found; only a gazetteer actor of the same id (not
  // expected) could add to that count, and then the mentions are counted again.
  let dropped: Set<string> | null = null;
  for (const r of unknowns) {
    const id = r.id;
    let n = r.count;
    if (n < 2 && g.get(id) !== undefined) {
      n = 0;
      for (const m of mentions) if (m.actor === id) n++;
    }
    if (n < 2) (dropped ??= new Set()).add(id);
  }
  if (dropped === null) return { mentions, heuristic };
  for (const id of dropped) heuristic.delete(id);
  return { mentions: mentions.filter((m) => !dropped.has(m.actor)), heuristic };
}
