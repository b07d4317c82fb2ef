/**
 * Who speaks each voice segment: display names ("Ilse Varga", "Tarvian diaspora groups"), pronouns
 * resolved to the named source before them, and actor ids from the actors layer ("the organisation
 * said": the institution named just before; "Its officials": the party named just before).
 */
import type { Doc } from '../../text/segment.js';
import type { ActorAnalysis } from '../actors/layer.js';
import { openingPerson, type SourcePhrase } from '../sourcing/noun-phrase.js';
import { displaySource } from '../sourcing/layer.js';
import { lower, punctChar, wordSet } from '../../lexicon/word-sets.js';
import type { VoiceSeg } from './analyse.js';
import { ARMED_NOUNS, GROUP_NOUNS, PEOPLE_NOUNS } from '../actors/nouns.js';

const ARTICLES = wordSet('the a an');

/**
 * How a speaker reads in a list: a name when there is one ("Ilse Varga"); otherwise the words as
 * written, without a leading article, when short ("Tarvian diaspora groups"); else the sourcing
 * layer's role-and-affiliation form.
 */
function speakerName(doc: Doc, p: SourcePhrase | null, resolved: SourcePhrase | null): string | null {
  if (!p) return null;
  const r = p.pronoun ? resolved : p;
  if (r && !r.name && r.b - r.a <= 6) {
    let a = r.a;
    while (a < r.b - 1 && ARTICLES.at(doc.tokens, a)) a++;
    let b = r.b;
    while (b > a + 1 && punctChar(doc, b - 1) !== '') b--;
    let plain = true;
    for (let i = a; i < b; i++) if (punctChar(doc, i) === ',') plain = false;
    if (plain) return doc.text.slice(doc.tokens.start[a]!, doc.tokens.end[b - 1]!);
  }
  return displaySource(p, resolved);
}


/** Named sources in document order, for pronouns to resolve to. */
function namedBefore(list: readonly SourcePhrase[], p: SourcePhrase): SourcePhrase | null {
  const person = p.pronoun === 'he' || p.pronoun === 'she';
  // The list is sorted by start: the walk back begins at the last source before p (binary search),
  // not at the end, so a long document's pronouns do not each pass every later source.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.a < p.a) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const c = list[k]!;
    if (person && c.kind !== 'person' && c.kind !== 'unknown') continue;
    return c;
  }
  return null;
}

/**
 * Speaker names and actor ids. A pronoun speaker ("he said") resolves to the last named source
 * before it; a quoted phrase without a speaker inside someone's speech is that speaker's words.
 */
export function resolveSpeakers(doc: Doc, segs: VoiceSeg[], actors: ActorAnalysis): void {
  const named: SourcePhrase[] = [];
  for (const x of segs) {
    const p = x.resolved ?? x.speaker;
    if (p && !p.pronoun && !p.vague && !p.hearsay && (p.name || p.role)) named.push(p);
  }
  named.sort((a, b) => a.a - b.a);
  for (const x of segs) {
    if (x.speaker?.pronoun && !x.resolved && x.speaker.pronoun !== 'i' && x.speaker.pronoun !== 'we') x.resolved = openingPerson(doc, x.speaker, named) ?? namedBefore(named, x.speaker);
    if (!x.speaker && x.parent !== -1) {
      const p = segs[x.parent]!;
      x.speaker = p.speaker;
      x.resolved = p.resolved;
      x.name = p.name;
      x.actor = p.actor;
      continue;
    }
    // "it said": an institution or a country, never a person; the party named just before.
    // ("Halvard does not dispute it. It says ...": a party of the sentence before beats a source named further back.)
    if (x.speaker?.pronoun === 'it' && (!x.resolved || x.resolved.kind === 'person' || x.resolved.a < doc.sentences[Math.max(0, doc.tokenSentence[x.speaker.a]! - 1)]!.tokenStart)) {
      x.resolved = null;
      const party = partyBefore(doc, actors, x.speaker.a, true);
      if (party) {
        x.name = party.name;
        x.actor = party.id;
        continue;
      }
    }
    x.name = speakerName(doc, x.speaker, x.resolved);
    const who = x.resolved ?? x.speaker;
    x.actor = who ? speakerActor(doc, actors, who) : null;
    // "Its officials call ...", "Their newspapers accuse ...": the party named just before owns them.
    if (who && !x.actor && !who.name && POSSESSIVE_OPENERS.at(doc.tokens, who.a) && who.b - who.a >= 2) {
      const owner = partyBefore(doc, actors, who.a);
      if (owner) {
        x.actor = owner.id;
        x.name = `${owner.name}'s ${doc.text.slice(doc.tokens.start[who.a + 1]!, doc.tokens.end[who.b - 1]!)}`;
      }
    }
    // "the organisation said": the institution named just before.
    if (who && !x.actor && isBareInstitution(doc, who)) {
      const named = institutionBefore(doc, actors, who.a);
      if (named) {
        x.actor = named.id;
        x.name = named.name;
      }
    }
  }
}

const INSTITUTION_TYPES = new Set(['organisation', 'international-body', 'media', 'armed-group']);
const POSSESSIVE_OPENERS = wordSet('its their');
const PARTY_TYPES = new Set(['country', 'organisation', 'international-body', 'media', 'armed-group']);

/**
 * The actor of one of `types` last mentioned before token `at`, in its sentence or the one before;
 * null when none, or when two different ones compete in that window (then the reference is
 * ambiguous and stays as written). Named as the actors layer names it, or as the text writes the
 * mention (`asWritten`: "Red Crescent", not the gazetteer's canonical name).
 */
function actorBefore(doc: Doc, r: ActorAnalysis, at: number, types: ReadonlySet<string>, asWritten: boolean): { id: string; name: string } | null {
  const sentence = doc.tokenSentence[at]!;
  const from = r.offsets[Math.max(0, sentence - 1)]!;
  let found: { id: string; name: string } | null = null;
  for (let k = r.offsets[sentence + 1]! - 1; k >= from; k--) {
    const m = r.mentions[k]!;
    if (m.b > at) continue;
    const e = r.gazetteer.get(m.actor) ?? r.heuristic.get(m.actor);
    if (!e || !types.has(e.type)) continue;
    if (found && found.id !== e.id) return null;
    found ??= { id: e.id, name: asWritten ? doc.text.slice(doc.tokens.start[m.a]!, doc.tokens.end[m.b - 1]!) : e.name };
  }
  return found;
}

/** The party (a country or an institution) last mentioned before token `at` ("Its officials"). */
const partyBefore = (doc: Doc, r: ActorAnalysis, at: number, asWritten = false) => actorBefore(doc, r, at, PARTY_TYPES, asWritten);

/** "the organisation", "the agency", "the mission": an article and an institution's head noun, nothing else. */
function isBareInstitution(doc: Doc, p: SourcePhrase): boolean {
  return p.kind === 'organisation' && !p.name && !p.affiliation && !p.pronoun && p.b - p.a === 2 && lower(doc.tokens, p.a) === 'the';
}

/** The institution (organisation, international body, media, armed group) last mentioned before token `at` ("the organisation"). */
const institutionBefore = (doc: Doc, r: ActorAnalysis, at: number) => actorBefore(doc, r, at, INSTITUTION_TYPES, true);

/** The actor a speaker phrase names: the mention that is its name, else the first actor inside it that can speak. */
function speakerActor(doc: Doc, r: ActorAnalysis, p: SourcePhrase): string | null {
  const sentence = doc.tokenSentence[p.a]!;
  let first: string | null = null;
  for (let k = r.offsets[sentence]!; k < r.offsets[sentence + 1]!; k++) {
    const m = r.mentions[k]!;
    if (m.a < p.a || m.b > p.b) continue;
    // The mention's text is the name (compared in place: no string per mention).
    if (p.name && doc.tokens.end[m.b - 1]! - doc.tokens.start[m.a]! === p.name.length && doc.text.startsWith(p.name, doc.tokens.start[m.a]!)) return m.actor;
    // "Farmers in the lower Serel valley say": a place or an event inside the phrase does not speak.
    const type = (r.gazetteer.get(m.actor) ?? r.heuristic.get(m.actor))?.type;
    if (type === 'place' || type === 'event') continue;
    // "Brenna's main opposition alliance said": the opposition (residents, rebels ...) does not speak for the state.
    if (type === 'country' && nonStateAfter(doc, m.b, p.b)) continue;
    first ??= m.actor;
  }
  return first;
}


/** Is there a noun of a non-state group (opposition, residents, rebels, ...) in tokens [a, b)? */
function nonStateAfter(doc: Doc, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (GROUP_NOUNS.at(doc.tokens, i) || PEOPLE_NOUNS.at(doc.tokens, i) || ARMED_NOUNS.at(doc.tokens, i)) return true;
  return false;
}
