import type { Doc } from '../../text/segment.js';
import { ATTRIBUTION_FORMS, ROLE_WORDS, ORG_HEADS } from '../sourcing/cues.js';
import { isCap, isWord, lower, punctChar, TokenMarks, tokenText, wordSet } from '../../lexicon/word-sets.js';
import { STOPWORDS } from '../../lexicon/stopwords.js';
import { WordInts } from '../../lexicon/word-memo.js';
import { peoplePlural, type ActorType, type Gazetteer } from './gazetteer.js';
import { partiesInTitles } from './title-parties.js';
import { agencyCredit, calledGroup, documentTitleHead, mediaNounBefore, orgHeadBeforeOf, REFERENCE_LABELS, shortNames } from './span-type.js';
import {
  ARMED_HEADS, ARMED_NOUNS, COMPASS, COUNTRY_ENDINGS, DEMONYM_ENDINGS, EVENT_HEADS, EVENT_OPENERS, GROUP_NOUNS, LOCATIVE, MEDIA_HEADS, PLACE_VERBS,
  MEDIA_NOUNS, NOT_DEMONYMS, NOT_NAMES, PEOPLE_NOUNS, PLACE_HEADS, PLACE_OPENERS, STATE_NOUNS, RELIGION_WORDS, QUANTITIES,
} from './nouns.js';

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

const CONNECTORS = wordSet('of for de al el bin ibn van von der du la le');
/** Verbs that make a Title Case run a clause (a headline or a title quoted: "The Valley Is Being Emptied"), not a name. */
const CLAUSE_VERBS = wordSet('is are was were be being been has have had will would must can could should does did');

/** What the noun after a demonym makes of it. */
type NounClass = 'state' | 'people' | 'armed' | 'media' | 'group' | null;
function nounClass(doc: Doc, i: number, end: number): NounClass {
  const t = doc.tokens;
  if (i >= end || !isWord(t, i)) return null;
  if (STATE_NOUNS.at(t, i)) return 'state';
  if (PEOPLE_NOUNS.at(t, i)) return 'people';
  if (ARMED_NOUNS.at(t, i)) return 'armed';
  if (MEDIA_NOUNS.at(t, i)) return 'media';
  if (GROUP_NOUNS.at(t, i)) return 'group';
  return null;
}

/**
 * A heuristic actor id, one object per id string: it also holds the id's state in the document
 * being scanned (`doc` stamp, mention count), so checking and counting an actor reads fields
 * instead of hashing its id into per-document Maps.
 */
interface IdRec {
  id: string;
  doc: number;
  count: number;
  /** Mentions after a preposition of place ("in Eastvale"). */
  loc: number;
  /** Named by a wire dateline ("VELDA, March 14 (Agency) - "): a place, however else it is written. */
  dateline: boolean;
  /** Named so far in capitals ("VELDA"): a later "Velda" renames it. */ caps: boolean;
}
/** Per name as written: its slug and the actor ids made from it, so each id is built (and hashed) once. */
const named = new Map<string, { slug: string; ids: Record<string, IdRec> }>();
/** Per id string, its record (two names as written can make one id: "MARISCO", "Marisco"). */
const idRecs = new Map<string, IdRec>();
/** Stamp of the document findMentions is scanning. */
let docStamp = 0;
const slugOf = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
function actorRec(prefix: string, name: string): IdRec {
  let n = named.get(name);
  if (n === undefined) {
    n = { slug: slugOf(name), ids: {} };
    named.set(name, n);
  }
  let r: IdRec | undefined = n.ids[prefix];
  if (r === undefined) {
    const id = `${prefix}:${n.slug}`;
    r = idRecs.get(id);
    if (r === undefined) idRecs.set(id, (r = { id, doc: 0, count: 0, loc: 0, dateline: false, caps: false }));
    n.ids[prefix] = r;
  }
  return r;
}

/** The stem a demonym and its country's name share: Ostrelian, Ostrelians, Ostrelia -> "ostrel"; Korvani, Korvania -> "korvan". */
export function partyStem(word: string): string {
  const w = word.toLowerCase();
  const m = /^(.{3,}?)(?:landers|lander|ians|ians|ian|ans|an|ese|ia|is|i|ish|ers|er|ic|land|istan|stan|a|s)$/.exec(w);
  return m ? m[1]! : w;
}

/** What a lowercased word's letters say for demonyms (bits): DEMONYM_LIKE (see demonymLike), PLURAL_DEMONYM ("Tarvians", "Korvanis"). */
const DEMONYM_LIKE = 1;
const PLURAL_DEMONYM = 2;
const demonymShape = (w: string): number =>
  (!STOPWORDS.has(w) && !NOT_DEMONYMS.has(w) && !ROLE_WORDS.has(w) && w.length >= 4 && DEMONYM_ENDINGS.test(w) ? DEMONYM_LIKE : 0) |
  (/(?:ians|ans|anis|ese)$/.test(w) ? PLURAL_DEMONYM : 0);
/** demonymShape per word, computed once per word (not per capitalised token). */
const DEMONYM_SHAPE = new WordInts(demonymShape);

/**
 * A capitalised compound adjective: "Russian-speaking", "Czech-made", "US-backed", "Kremlin-friendly".
 * It describes something else and is never a name, nor part of one.
 */
const COMPOUND_ADJECTIVE = new WordInts((w) => (/^[\p{L}.]+-(?:[\p{L}]+(?:ing|ed)|made|born|led|style|era|based|owned|run|held|friendly|aligned|minded|speaking|language)$/u.test(w) ? 1 : 0));
/** isCap, less compound adjectives. */
const isNameCap = (t: Doc['tokens'], i: number): boolean => isCap(t, i) && COMPOUND_ADJECTIVE.at(t, i) === 0;

/** A capitalised word the gazetteer does not know that reads as a demonym ("Korvani", "Dastrian"). */
function demonymLike(doc: Doc, i: number): boolean {
  return (DEMONYM_SHAPE.at(doc.tokens, i) & DEMONYM_LIKE) !== 0;
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

/** End of the run of capitalised words starting at i (connectors inside: "Ministry of Defence"). */
function capRun(doc: Doc, i: number, end: number): number {
  const t = doc.tokens;
  let e = i;
  while (e < end) {
    if (isNameCap(t, e)) { e++; continue; }
    if (e > i && CONNECTORS.at(t, e) && e + 1 < end && isNameCap(t, e + 1)) { e += 2; continue; }
    break;
  }
  return e;
}

/**
 * An event or a place named by a capitalised run [a, e): a head at its end ("Second Karabakh War",
 * "South Caucasus") or right after it in lowercase ("the Minsk process", "the Lowen valley"), an
 * opener ("Operation Dawn") or a compass word ("Western Balkans"). Returns the end of the name, or 0.
 */
function setting(doc: Doc, a: number, e: number, end: number, demonym: boolean, alias: boolean): { b: number; type: 'event' | 'place' } | null {
  const t = doc.tokens;
  // A faith before a place noun describes the place: "the mainly Orthodox valley".
  if (e - a === 1 && RELIGION_WORDS.at(t, a)) return null;
  if (EVENT_HEADS.at(t, e - 1) && e - a >= 2) return { b: e, type: 'event' };
  if (PLACE_HEADS.at(t, e - 1) && e - a >= 2) return { b: e, type: 'place' };
  if (!demonym && e < end && isWord(t, e) && !isCap(t, e)) {
    if (EVENT_HEADS.at(t, e)) return { b: e + 1, type: 'event' };
    if (PLACE_HEADS.at(t, e)) return { b: e + 1, type: 'place' };
  }
  if (alias) return null;
  if (e - a >= 2 && EVENT_OPENERS.at(t, a)) return { b: e, type: 'event' };
  if (e - a >= 2 && COMPASS.at(t, a) && !ORG_HEADS.at(t, e - 1) && !orgHeadBeforeOf(doc, a, e)) return { b: e, type: 'place' }; // not "Central Electoral Commission"
  return null;
}

/**
 * Finds actor mentions: gazetteer aliases (longest match), demonyms resolved by the next noun to the
 * state, its people, an armed group, its media or a group; demonyms and country names the gazetteer
 * does not know ("Korvani militias", "Dastrian shepherds", "Ostrelia" with "Ostrelian forces");
 * events and places; then runs of capitalised words for persons (with titles) and organisations
 * ("X Front", "Ministry of Y"). A surname alone links to the person named in full earlier.
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
  /** Parties inferred from unknown demonyms, by stem: the state's id, and the name it goes by. */
  const parties = new Map<string, { demonym: string; name: string | null }>();
  /** Single capitalised words seen inside sentences (so one at a sentence's start is a name too). */
  let midCaps: TokenMarks | null = null;
  /** Single capitalised words that open a sentence and nowhere else: party names, if a demonym says so. */
  let initial: Mention[] | null = null;
  const skipSentence = titleCaseHeadline(doc);
  // Title lines (headings, bylines: see text/headings.ts) capitalise for show, like a Title Case headline.
  // Notes of a notes list are written in sentence case: their capitals name sources.
  const titleLines = doc.titleLines.length > 0 ? new Set(doc.titleLines) : null;
  if (titleLines && doc.noteLines) for (const k of doc.noteLines) titleLines.delete(k);
  const add = (prefix: string, name: string, type: ActorType): string => {
    const r = actorRec(prefix, name);
    if (r.doc !== stamp) {
      r.doc = stamp;
      r.count = 0; r.loc = 0;
      r.dateline = false;
      r.caps = name === name.toUpperCase();
      heuristic.set(r.id, { id: r.id, name, type });
      if (type === 'unknown') unknowns.push(r);
    } else if (r.caps && name !== name.toUpperCase()) {
      // Named as the text writes it, not as a dateline's capitals ("VELDA", then "Velda"): the entry set above.
      heuristic.get(r.id)!.name = name;
      r.caps = false;
    }
    r.count++;
    return r.id;
  };
  /** An actor with a fixed id (a party's armed groups, media or groups), named as first written. */
  const fixed = (id: string, name: string, type: ActorType): string => {
    if (!heuristic.has(id)) heuristic.set(id, { id, name, type });
    return id;
  };
  const byNoun = (cls: NounClass, country: string, a: number, b: number, people: () => string): string => {
    const base = country.replace(/^country:/, '');
    if (cls === 'people') return people();
    if (cls === 'armed') return fixed(`armed:${base}`, tokenText(doc, a, b), 'armed-group');
    if (cls === 'media') return fixed(`media:${base}`, tokenText(doc, a, b), 'media');
    if (cls === 'group') return fixed(`group:${base}-${lower(t, b - 1)}`, tokenText(doc, a, b), 'people');
    return country;
  };
  const party = (stem: string, demonym: string): string => {
    if (!parties.has(stem)) parties.set(stem, { demonym, name: null });
    return `country:${stem}`;
  };
  for (const s of doc.sentences) {
    let i = s.tokenStart;
    /** Does capitalisation say anything in this sentence? */
    const capsTell = s.index !== skipSentence && !titleLines?.has(s.index);
    while (i < s.tokenEnd) {
      if (!isWord(t, i)) { i++; continue; }
      const cap = capsTell && isNameCap(t, i);
      let m = g.matchAlias(t, i, s.tokenEnd);
      if (cap) {
        // Events and places first, unless one alias is the whole name ("World Bank", "South Sudan").
        let a = i;
        while (a < s.tokenEnd && STOPWORDS.at(t, a) && isCap(t, a)) a++;
        const e = a < s.tokenEnd && isCap(t, a) ? capRun(doc, a, s.tokenEnd) : a;
        const first = a === i ? m : a < s.tokenEnd ? g.matchAlias(t, a, s.tokenEnd) : null;
        const whole = first !== null && a + first.toks.length >= e;
        if (e > a && !whole) {
          const set = setting(doc, a, e, s.tokenEnd, first?.kind === 'demonym' && first.toks.length === e - a, first !== null);
          if (set) {
            mentions.push({ actor: add(set.type, tokenText(doc, a, set.b), set.type), a, b: set.b, sentence: s.index });
            i = set.b;
            continue;
          }
          // A demonym opening an institution's name is part of it: "American Petroleum Institute".
          if (first?.kind === 'demonym' && e - a >= 3 && ORG_HEADS.at(t, e - 1)) {
            mentions.push({ actor: add('org', tokenText(doc, a, e), 'organisation'), a, b: e, sentence: s.index });
            i = e;
            continue;
          }
        }
      }
      if (m) {
        let actor = m.actor;
        let b = i + m.toks.length;
        if (m.kind === 'demonym') {
          const entry = g.get(actor);
          const next = b < s.tokenEnd && isWord(t, b) ? lower(t, b) : '';
          const cls = nounClass(doc, b, s.tokenEnd);
          if (entry?.type === 'country') {
            if (cls === 'state') {
              b++;
              // Two-word heads: "prime minister", "armed forces", "foreign ministry".
              if (b < s.tokenEnd && isWord(t, b) && (STATE_NOUNS.at(t, b) || ROLE_WORDS.at(t, b))) b++;
            } else if (cls !== null) {
              b++;
              actor = byNoun(cls, entry.id, i, b, () => entry.people ?? entry.id);
            } else if (!next) {
              // A bare demonym used as a noun ("the Chinese") is the people when the plural is the same word.
              const p = entry.people ? g.get(entry.people) : undefined;
              if (p && p.name.toLowerCase() === lower(t, i)) actor = p.id;
            }
          } else if (cls !== null) b++;
        }
        mentions.push({ actor, a: i, b, sentence: s.index });
        i = b;
        continue;
      }
      if (!cap) { i++; continue; }
      // A run of capitalised words (with connectors: "Ministry of Defence"), up to the next alias.
      let a = i;
      let e = i + 1;
      while (e < s.tokenEnd) {
        if (isNameCap(t, e) && !g.matchAlias(t, e, s.tokenEnd)) { e++; continue; }
        if (e > a && CONNECTORS.at(t, e) && e + 1 < s.tokenEnd && isNameCap(t, e + 1) && !g.matchAlias(t, e + 1, s.tokenEnd)) { e += 2; continue; }
        // "National Oceanic and Atmospheric Administration": "and" inside one institution's name.
        if (e > a && lower(t, e) === 'and' && !ORG_HEADS.at(t, e - 1)) {
          const r = e + 1 < s.tokenEnd && isNameCap(t, e + 1) ? capRun(doc, e + 1, s.tokenEnd) : e;
          if (r > e + 1 && ORG_HEADS.at(t, r - 1)) { e = r; continue; }
        }
        break;
      }
      const end = e;
      let clause = false;
      for (let k = a + 1; k < end && !clause; k++) clause = CLAUSE_VERBS.at(t, k);
      if (clause) { i = end; continue; }
      // Sentence-initial function words and titles are not part of the name, nor dates after it ("Since February").
      const given = calledGroup(doc, a, s.tokenStart); // "the activist group Last Summer" keeps "Last"
      while (a < end && ((STOPWORDS.at(t, a) && !given) || NOT_NAMES.at(t, a))) a++;
      // "Thousands of Korvani villagers": a quantity and "of" name nobody.
      if (a + 2 < end && QUANTITIES.has(lower(t, a)) && lower(t, a + 1) === 'of') a += 2;
      while (e > a + 1 && NOT_NAMES.at(t, e - 1)) e--;
      let titled = false;
      // "Korvani Foreign Minister Ada Lind": the demonym says whose minister; the name is the person's.
      if (a + 1 < end && ROLE_WORDS.at(t, a + 1) && demonymLike(doc, a) && !g.matchAlias(t, a, s.tokenEnd)) {
        mentions.push({ actor: party(partyStem(tokenText(doc, a, a + 1)), tokenText(doc, a, a + 1)), a, b: a + 1, sentence: s.index });
        a++;
      }
      while (a < end && ROLE_WORDS.at(t, a)) { a++; titled = true; }
      if (titled && a + 2 < e && CONNECTORS.at(t, a)) a += 2; // "Secretary of State Jan Roe"
      // "Environment Minister Ilse Marrow": a portfolio and a title before the name.
      for (let k = e - 2; k > a; k--) if (ROLE_WORDS.at(t, k) && isCap(t, k + 1) && !CONNECTORS.at(t, k + 1) && !ORG_HEADS.at(t, e - 1)) { a = k + 1; titled = true; break; }
      while (e > a && CONNECTORS.at(t, e - 1)) e--;
      i = Math.max(end, i + 1);
      if (a >= e || REFERENCE_LABELS.at(t, a) || (e - a === 1 && documentTitleHead(doc, a))) continue; // "Article 2.1", "Table 1", "the Rules": nobody
      const n = e - a;
      const atStart = a === s.tokenStart || (a === s.tokenStart + 1 && punctChar(doc, s.tokenStart) === '"');
      // An unknown demonym before a group noun: "Korvani militias", "the Dastrian ministry".
      if (n === 1 && !titled) {
        const cls = nounClass(doc, e, s.tokenEnd);
        const nextLower = e < s.tokenEnd && !isCap(t, e);
        if (cls !== null && nextLower && (demonymLike(doc, a) || (!atStart && cls !== 'state' && cls !== 'people' && !STOPWORDS.at(t, a)))) {
          const word = tokenText(doc, a, e);
          const stem = partyStem(word);
          const country = party(stem, word);
          let b = e + 1;
          if (cls === 'state' && b < s.tokenEnd && isWord(t, b) && (STATE_NOUNS.at(t, b) || ROLE_WORDS.at(t, b))) b++;
          const id = byNoun(cls, country, a, b, () => `${country}:people`);
          mentions.push({ actor: id, a, b, sentence: s.index });
          i = b;
          continue;
        }
        // A plural demonym: "Tarvians", "the valley Dastrians".
        const w = lower(t, a);
        if ((DEMONYM_SHAPE.at(t, a) & (DEMONYM_LIKE | PLURAL_DEMONYM)) === (DEMONYM_LIKE | PLURAL_DEMONYM) && (!atStart || (midCaps ??= markMidSentenceCaps(doc)).get(t, a) === 1)) {
          const country = party(partyStem(w), tokenText(doc, a, e).replace(/s$/, ''));
          mentions.push({ actor: `${country}:people`, a, b: e, sentence: s.index });
          continue;
        }
        // A singular demonym before a noun that names no party, people or institution is an adjective
        // ("the European monitoring mission", "Dastrian weather"): it names no actor by itself.
        // A function word, a verb or a possessive after it makes it a name ("Korvan and Dastria",
        // "Korvan said", "Korvan's minister").
        if (nextLower && !w.endsWith('s') && demonymLike(doc, a) && nounAfter(doc, e)) continue;
        // "Western outlets", "Eastern regions": a common adjective capitalised names nothing.
        if (nextLower && NOT_DEMONYMS.at(t, a) && isWord(t, e) && !STOPWORDS.at(t, e) && !CLAUSE_VERBS.at(t, e) && !ATTRIBUTION_FORMS.at(t, e)) continue;
      }
      const known = n === 1 ? surnames.get(lower(t, a)) : undefined;
      // A capitalised first word is a name only when titled, a known surname, or written capitalised
      // inside a sentence too; or (decided after the text is read) the name of a party known by its demonym.
      if (n === 1 && atStart && !titled && !known && (midCaps ??= markMidSentenceCaps(doc)).get(t, a) !== 1) {
        (initial ??= []).push({ actor: '', a, b: e, sentence: s.index });
        continue;
      }
      let id: string;
      // A surname alone (n = 1: `known` is its lowercased word's entry) links to the full name.
      if (known !== undefined) id = known;
      else {
        const name = tokenText(doc, a, e).replace(/\s+/g, ' '); // one line, however the page wrapped it
        let type: ActorType;
        if ((n >= 2 && (MEDIA_HEADS.at(t, e - 1) || mediaNounBefore(doc, a, s.tokenStart))) || agencyCredit(doc, a, e)) type = 'media';
        else if (n >= 2 && ARMED_HEADS.at(t, e - 1)) type = 'armed-group';
        else if (ORG_HEADS.at(t, e - 1) || CONNECTORS.at(t, Math.min(a + 1, e - 1)) || orgHeadBeforeOf(doc, a, e) || given) type = 'organisation';
        else if (n >= 2 && !titled && PLACE_OPENERS.at(t, a)) type = 'place'; // "the River Sel", "Lake Ormen"
        // "the Regional Security Forum": a name after "the" is an institution, not a person.
        else if (n >= 2 && !titled && a > s.tokenStart && lower(t, a - 1) === 'the') type = 'organisation';
        else if (titled || (n >= 2 && !documentTitleHead(doc, e - 1))) type = 'person';
        else type = 'unknown';
        const prefix = type === 'unknown' ? 'unknown' : type === 'person' ? 'person' : type === 'organisation' ? 'org' : type;
        id = add(prefix, name, type);
        if (type === 'unknown' && a > s.tokenStart && (LOCATIVE.at(t, a - 1) || PLACE_VERBS.at(t, a - 1))) idRecs.get(id)!.loc++;
        if (type === 'unknown' && datelinePlace(doc, a, e, s.tokenStart)) idRecs.get(id)!.dateline = true;
        if (type === 'person' && n >= 2) surnames.set(lower(t, e - 1), id);
      }
      mentions.push({ actor: id, a, b: e, sentence: s.index });
    }
  }
  // "Korvania rejected the plan." at a sentence's start, never written inside one: the party of "Korvani officials".
  if (initial !== null && parties.size > 0) {
    const before = mentions.length;
    for (const m of initial) {
      const word = tokenText(doc, m.a, m.b);
      const whole = word.toLowerCase();
      const stem = parties.has(whole) ? whole : partyStem(word);
      const p = parties.get(stem);
      if (!p || whole === p.demonym.toLowerCase()) continue;
      if (stem === whole) p.name = word;
      else p.name ??= word;
      mentions.push({ ...m, actor: `country:${stem}` });
    }
    if (mentions.length > before) mentions.sort((x, y) => x.a - y.a);
  }
  // Unknown single words that are the name of a party known by its demonym ("Ostrelia" beside
  // "Ostrelian forces") or read as a country ("-ia", "-land", "-stan", twice or more) are that state.
  let renamed: Map<string, string> | null = null;
  for (const r of unknowns) {
    const h = heuristic.get(r.id);
    if (!h || /\s/.test(h.name)) continue;
    // "Korvan" beside "Korvani": the name is the demonym's stem itself (partyStem would cut "-an").
    const whole = h.name.toLowerCase();
    const stem = parties.has(whole) ? whole : partyStem(h.name);
    const p = parties.get(stem);
    if (p || (COUNTRY_ENDINGS.test(h.name.toLowerCase()) && r.count >= 2)) {
      if (!p) parties.set(stem, { demonym: h.name, name: h.name });
      else if (stem === whole) p.name = h.name; // the country's own name ("Korvan"), over a demonym used alone
      else if (whole !== p.demonym.toLowerCase()) p.name ??= h.name; // a demonym alone ("Kelvarian engineers ...") names no country
      (renamed ??= new Map()).set(r.id, `country:${stem}`);
    }
  }
  if (parties.size > 0 && (titleLines || skipSentence !== -1)) partiesInTitles(doc, [...(titleLines ?? []), ...(skipSentence === -1 ? [] : [skipSentence])], parties, partyStem, mentions);
  for (const [stem, p] of parties) {
    const id = `country:${stem}`;
    heuristic.set(id, { id, name: p.name ?? `${p.demonym} government`, type: 'country' });
    const peopleId = `${id}:people`;
    if (mentions.some((m) => m.actor === peopleId)) heuristic.set(peopleId, { id: peopleId, name: peoplePlural(p.demonym.replace(/s$/, '')), type: 'people' });
  }
  renamed = shortNames(unknowns, heuristic, renamed);
  // A name seen mostly after prepositions of place is a place ("in Eastvale", "near Dunmore").
  for (const r of unknowns) {
    if (renamed?.has(r.id) || (2 * r.loc <= r.count && !r.dateline)) continue;
    const h = heuristic.get(r.id);
    if (h) h.type = 'place';
  }
  // A lone capitalised word seen once, never as a person, is too weak to call an actor.
  let dropped: Set<string> | null = null;
  for (const r of unknowns) {
    if (renamed?.has(r.id)) { heuristic.delete(r.id); continue; }
    let n = r.count;
    if (n < 2 && g.get(r.id) !== undefined) {
      n = 0;
      for (const m of mentions) if (m.actor === r.id) n++;
    }
    if (n < 2) (dropped ??= new Set()).add(r.id);
  }
  // One name, one actor: "the ruling Unity Bloc" (a person by shape: no "the" right before it) and
  // "the Unity Bloc's treasurer" (an organisation) name one party; the more specific type wins.
  const byName = new Map<string, HeuristicActor>();
  for (const h of [...heuristic.values()]) {
    if (renamed?.has(h.id) || dropped?.has(h.id)) continue;
    const key = h.name.toLowerCase();
    const prev = byName.get(key);
    if (prev === undefined) { byName.set(key, h); continue; }
    const [keep, drop] = typeRank(h.type) > typeRank(prev.type) ? [h, prev] : [prev, h];
    heuristic.delete(drop.id);
    byName.set(key, keep);
    (renamed ??= new Map()).set(drop.id, keep.id);
    for (const [from, to] of renamed) if (to === drop.id) renamed.set(from, keep.id);
  }
  if (renamed) for (const m of mentions) m.actor = renamed.get(m.actor) ?? m.actor;
  if (dropped === null) return { mentions, heuristic };
  for (const id of dropped) heuristic.delete(id);
  return { mentions: mentions.filter((m) => !dropped.has(m.actor)), heuristic };
}

/** A wire dateline's place: "VELDA, March 14 (Meridian Wire) - ..." (capitals opening a sentence, then a comma). */
function datelinePlace(doc: Doc, a: number, e: number, sentenceStart: number): boolean {
  if (a !== sentenceStart || e >= doc.tokens.kind.length || punctChar(doc, e) !== ',') return false;
  const w = doc.text.slice(doc.tokens.start[a]!, doc.tokens.end[e - 1]!);
  return w.length >= 3 && w === w.toUpperCase();
}

/** Can the word at i be the noun a demonym describes? Not a function word, verb form or possessive. */
function nounAfter(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  if (!isWord(t, i) || STOPWORDS.at(t, i) || CLAUSE_VERBS.at(t, i) || ATTRIBUTION_FORMS.at(t, i)) return false;
  const w = lower(t, i);
  return w !== "'s" && w !== '\u2019s' && !w.endsWith('ed') && !/[^s]s$/.test(w);
}

/** How specific a heuristic type is: a person or an unknown is what a run of capitals reads as by default. */
function typeRank(type: ActorType): number {
  return type === 'unknown' ? 0 : type === 'person' ? 1 : 2;
}

/** Marks of the words a document writes capitalised inside a sentence (by token id, cleared per document). */
const midCapMarks = new TokenMarks();

/**
 * Marks every single capitalised word that stands inside a sentence somewhere in the document, so that
 * one at a sentence's start can be asked about by token (`midCapMarks.get(t, i)`).
 */
function markMidSentenceCaps(doc: Doc): TokenMarks {
  const t = doc.tokens;
  midCapMarks.fit(t);
  for (const s of doc.sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      if (isCap(t, i) && !isCap(t, i - 1) && !(i + 1 < s.tokenEnd && isCap(t, i + 1)) && punctChar(doc, i - 1) !== '"') midCapMarks.set(t, i, 1);
    }
  }
  return midCapMarks;
}
