import type { Doc } from '../../text/segment.js';
import { ORG_HEADS, ROLE_WORDS } from '../sourcing/cues.js';
import { isCap, isWord, lower, punctChar, wordSet } from '../../lexicon/word-sets.js';
import { STOPWORDS } from '../../lexicon/stopwords.js';
import type { ActorType } from './gazetteer.js';
import { ARMED_HEADS, ARMED_NOUNS, COUNTRY_ENDINGS, EVENT_HEADS, GROUP_NOUNS, MEDIA_HEADS, MEDIA_NOUNS, PEOPLE_NOUNS, PLACE_HEADS, STATE_NOUNS } from './nouns.js';


/**
 * The type of a phrase the actors layer did not resolve (a mention given from outside, as in the
 * roles evaluation): by its head noun ("the herders" -> people, "the interior ministry" -> country,
 * "Tarvian television" -> media), titles and names ("Minister Pavo Kesh" -> person), or a country's
 * ending ("Ostrelia").
 */
export function spanType(doc: Doc, a: number, b: number): ActorType {
  const t = doc.tokens;
  let h = b - 1;
  // "the people of Serek": the head comes before "of".
  for (let i = a + 1; i < b - 1; i++) if (lower(t, i) === 'of' || lower(t, i) === 'who' || lower(t, i) === 'in') { h = i - 1; break; }
  while (h > a && !isWord(t, h)) h--;
  if (!isCap(t, h) || !isWord(t, h)) {
    if (ARMED_NOUNS.at(t, h)) return 'armed-group';
    if (MEDIA_NOUNS.at(t, h)) return 'media';
    if (PEOPLE_NOUNS.at(t, h) || GROUP_NOUNS.at(t, h)) return 'people';
    if (STATE_NOUNS.at(t, h)) return 'country';
    if (ORG_HEADS.at(t, h)) return 'organisation';
    if (ROLE_WORDS.at(t, h)) return 'person';
    if (EVENT_HEADS.at(t, h)) return 'event';
    if (PLACE_HEADS.at(t, h)) return 'place';
    return /s$/.test(lower(t, h)) ? 'people' : 'unknown';
  }
  if (MEDIA_HEADS.at(t, h) && h > a) return 'media';
  if (ARMED_HEADS.at(t, h)) return 'armed-group';
  if (ORG_HEADS.at(t, h)) return 'organisation';
  let caps = 0;
  let titled = false;
  for (let i = a; i <= h; i++) {
    if (isCap(t, i) && !STOPWORDS.at(t, i)) caps++;
    if (ROLE_WORDS.at(t, i)) titled = true;
  }
  if (titled) return 'person';
  if (caps === 1 && COUNTRY_ENDINGS.test(lower(t, h))) return 'country';
  if (caps === 1 && /(?:ians|ans|ese|is)$/.test(lower(t, h))) return 'people';
  if (caps >= 2) return a > 0 && lower(t, a) === 'the' ? 'organisation' : 'person';
  return 'unknown';
}

/** "Ardesian Institute of Hydrology": an institution's head noun before "of" inside a capitalised name. */
export function orgHeadBeforeOf(doc: Doc, a: number, e: number): boolean {
  const t = doc.tokens;
  for (let k = a + 1; k + 1 < e; k++) if (ORG_HEADS.at(t, k) && lower(t, k + 1) === 'of') return true;
  return false;
}

/** "the newspaper Kelvarski Vestnik", "the broadcaster Radio Sarn": a media noun right before a name. */
export function mediaNounBefore(doc: Doc, a: number, sentenceStart: number): boolean {
  return a > sentenceStart && MEDIA_NOUNS.at(doc.tokens, a - 1) && !isCap(doc.tokens, a - 1);
}

/** "LENZ, March 14 (Northwire) - ...": the name in brackets before the dash of a wire dateline is the agency. */
export function agencyCredit(doc: Doc, a: number, e: number): boolean {
  const n = doc.tokens.kind.length;
  if (a === 0 || e + 1 >= n || punctChar(doc, a - 1) !== '(' || punctChar(doc, e) !== ')') return false;
  const d = punctChar(doc, e + 1);
  return d === '-' || d === '\u2013' || d === '\u2014';
}

const TITLE_HEADS = wordSet('assessment report review survey study annex strategy plan agreement protocol treaty accord act bill charter declaration memorandum resolution convention doctrine index yearbook handbook rules regulations statute statutes');

/** "Dry-Season Flow Assessment", "Valley Water Accord": the title of a document or agreement, never a person. */
export const documentTitleHead = (doc: Doc, k: number): boolean => TITLE_HEADS.at(doc.tokens, k);

/** Words that label a reference, not an actor: "Article 2.1", "Case ISRF/DP/07", "Table 1", "Annex B". */
export const REFERENCE_LABELS = wordSet('article articles case section sections chapter annex appendix table figure clause paragraph batch exhibit schedule');

/** Nouns of a group that a name is given to: "a small environmental group called Clean Sel". */
const GROUP_HEADS = wordSet('group groups organisation organization movement coalition campaign charity company firm party network association alliance union collective');

/**
 * Is the name at token `a` given to a group: "a group called X", "the charity named X", or in
 * apposition, "the activist group Last Summer", "the campaign group Blue Tide"? Such a name is an
 * organisation, and its first word stays in it even when it is a common word ("Last").
 */
export function calledGroup(doc: Doc, a: number, sentenceStart: number): boolean {
  const t = doc.tokens;
  if (a - 1 >= sentenceStart && GROUP_HEADS.at(t, a - 1) && !isCap(t, a - 1)) return true;
  if (a - 2 < sentenceStart) return false;
  const verb = lower(t, a - 1);
  return (verb === 'called' || verb === 'named') && GROUP_HEADS.at(t, a - 2) && !isCap(t, a - 2);
}

/**
 * "Halvard" beside "Halvard Mining Group", "Lantern" beside "Lantern Movement": a single word the text
 * uses alone for an organisation whose name it opens is that organisation (when only one such name
 * opens with it). Adds to `renamed` (unknown id -> organisation id) and returns it.
 */
export function shortNames(
  unknowns: readonly { id: string; loc: number; dateline: boolean }[],
  heuristic: ReadonlyMap<string, { id: string; name: string; type: ActorType }>,
  renamed: Map<string, string> | null,
): Map<string, string> | null {
  let firsts: Map<string, string | null> | null = null;
  for (const r of unknowns) {
    const h = heuristic.get(r.id);
    // ("Maltry" seen after "in", or in a dateline, is the city that "Maltry Institute for Public Data" is named after.)
    if (!h || renamed?.has(r.id) || /\s/.test(h.name) || r.loc > 0 || r.dateline) continue;
    if (firsts === null) {
      firsts = new Map();
      for (const o of heuristic.values()) {
        if (o.type !== 'organisation') continue;
        const sp = o.name.indexOf(' ');
        if (sp <= 0) continue;
        const first = o.name.slice(0, sp);
        firsts.set(first, firsts.has(first) && firsts.get(first) !== o.id ? null : o.id);
      }
    }
    const org = firsts.get(h.name);
    if (org) (renamed ??= new Map()).set(r.id, org);
  }
  return headNames(heuristic, renamed);
}

/**
 * "the Council" beside "the Tarsian Council", "the Forum" beside "the Regional Security Forum", "the
 * Institute" beside "the Institute for Caspian Affairs": an organisation named by its head noun alone
 * is the one organisation of the text whose name ends (or opens, before "of"/"for") with it.
 */
function headNames(heuristic: ReadonlyMap<string, { id: string; name: string; type: ActorType }>, renamed: Map<string, string> | null): Map<string, string> | null {
  let heads: Map<string, string | null> | null = null;
  for (const h of heuristic.values()) {
    if (h.type !== 'organisation' || /\s/.test(h.name) || renamed?.has(h.id)) continue;
    if (heads === null) {
      heads = new Map();
      for (const o of heuristic.values()) {
        if (o.type !== 'organisation' || !/\s/.test(o.name)) continue;
        const words = o.name.split(/\s+/);
        const keys = new Set([words[words.length - 1]!]);
        if (words.length >= 3 && /^(?:of|for)$/i.test(words[1]!)) keys.add(words[0]!);
        for (const k of keys) heads.set(k, heads.has(k) && heads.get(k) !== o.id ? null : o.id);
      }
    }
    const org = heads.get(h.name);
    if (org && org !== h.id) (renamed ??= new Map()).set(h.id, org);
  }
  return renamed;
}
