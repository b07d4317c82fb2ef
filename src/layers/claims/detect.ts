import type { Doc } from '../../text/segment.js';
import type { ActorAnalysis } from '../actors/layer.js';
import { sentenceMentions } from '../actors/layer.js';
import type { Mention } from '../actors/mentions.js';
import { segmentAt, type VoiceAnalysis } from '../voice/analyse.js';
import type { SourcePhrase } from '../sourcing/noun-phrase.js';
import { phraseAfter, phraseBefore } from '../sourcing/noun-phrase.js';
import { BLAME_AS_OBJECT, VERB_GROUP_FILLERS } from '../sourcing/cues.js';
import { timePhraseStart } from '../../lexicon/dates.js';
import { PhraseSet, WordSet } from '../../lexicon/word-sets.js';
import { PerVocab } from '../../lexicon/per-vocab.js';
import { isDateNumber, isDateWord } from '../../lexicon/dates.js';
import { isCap, isNumber, isWord, lower, punctChar } from '../../lexicon/word-sets.js';
import { ACCUSE_VERBS, APPROXIMATORS, CASUALTY_PHRASES, CASUALTY_WORDS, CHARGE_OF, CHARGE_PHRASES, COMMIT_VERBS, CONDITIONAL_PHRASES, CONDITIONAL_WORDS, DISPLACEMENT_PHRASES, DISPLACEMENT_WORDS, EVENT_WORDS, EVIDENCE_CUES, EVIDENCE_NOUNS, HEDGE_PHRASES, HEDGE_WORDS, LABEL_VERBS, NUMBER_WORDS } from './cues.js';

/** Per vocab id: is the word in a claim cue set, or does a cue phrase start with it? */
const CUE_START = new PerVocab((vocab) => WordSet.union(vocab,
  [NUMBER_WORDS, CASUALTY_WORDS, CASUALTY_PHRASES, DISPLACEMENT_WORDS, DISPLACEMENT_PHRASES, EVENT_WORDS, CHARGE_PHRASES, ACCUSE_VERBS,
    LABEL_VERBS, HEDGE_WORDS, HEDGE_PHRASES, CONDITIONAL_WORDS, CONDITIONAL_PHRASES].map((set) => [set, 1] as [WordSet | PhraseSet, number]),
));

import { CLAIM_TYPES, type ClaimType, type Hedging } from '../../core/claims.js';

export { CLAIM_TYPES, type ClaimType, type Hedging } from '../../core/claims.js';

/** A party to an accusation: the actor mentioned, or the words that name it. Token range [a, b). */
export interface PartyInfo {
  a: number;
  b: number;
  actor: string | null;
}

export interface AccusationInfo {
  accuser: PartyInfo | null;
  accused: PartyInfo | null;
  charges: string[];
  charge: [number, number];
  evidence: [number, number] | null;
}

export interface ClaimInfo {
  sentence: number;
  types: ClaimType[];
  hedging: Hedging;
  hedges: Array<[number, number]>;
  /** Token ranges of the words that made it check-worthy. */
  cues: Array<[number, number]>;
  accusation: AccusationInfo | null;
}

/** A four-digit number from 1800 to 2100 (read from the characters: no substring per number). */
const isYear = (doc: Doc, i: number) => {
  const a = doc.tokens.start[i]!;
  if (doc.tokens.end[i]! - a !== 4) return false;
  let v = 0;
  for (let k = a; k < a + 4; k++) {
    const c = doc.text.charCodeAt(k) - 48;
    // Not four digits ("3.5e"): the number as JavaScript reads the text, as before.
    if (c < 0 || c > 9) { const n = +doc.text.slice(a, a + 4); return n >= 1800 && n <= 2100; }
    v = v * 10 + c;
  }
  return v >= 1800 && v <= 2100;
};

const mentionIn = (ms: readonly Mention[], a: number, b: number) => ms.find((m) => m.a >= a && m.b <= b) ?? null;

function party(ms: readonly Mention[], p: SourcePhrase | null, fallback?: Mention | null, doc?: Doc): PartyInfo | null {
  if (p) {
    const b = doc ? withoutTrailingTime(doc, p.a, p.b) : p.b;
    return { a: p.a, b, actor: mentionIn(ms, p.a, b)?.actor ?? null };
  }
  return fallback ? { a: fallback.a, b: fallback.b, actor: fallback.actor } : null;
}

const ARTICLE_WORDS = new Set(['the', 'a', 'an']);
/** [a, b) without a time phrase at its end: "Prosecutors in Velda last month" -> "Prosecutors in Velda". */
function withoutTrailingTime(doc: Doc, a: number, b: number): number {
  return timePhraseStart(doc, b, a + 1);
}

/** The preposition that brings the charge after an accusing verb: "accused X of", "blamed X for", "charged X with". */
function chargePreposition(verb: string): string {
  return verb.startsWith('charg') ? 'with' : verb.startsWith('blam') ? 'for' : 'of';
}

/** Claim types as bits, in CLAIM_TYPES order. */
const T_ACCUSATION = 1;
const T_CASUALTIES = 2;
const T_DISPLACEMENT = 4;
const T_NUMBER = 8;
const T_EVENT = 16;
/** Per set of type bits, the types in CLAIM_TYPES order (copied per claim). */
const TYPES_OF: ClaimType[][] = Array.from({ length: 32 }, (_, bits) => CLAIM_TYPES.filter((_x, k) => (bits & (1 << k)) !== 0));

/**
 * Finds check-worthy claims: sentences that assert something verifiable (numbers, casualties,
 * displacement, events, accusations). Questions are not claims; neither are sentences with nothing
 * but evaluation; nor are title lines (headings, section numbers, bylines, date lines).
 */
export function detectClaims(doc: Doc, actors: ActorAnalysis, voice: VoiceAnalysis): ClaimInfo[] {
  const t = doc.tokens;
  const out: ClaimInfo[] = [];
  let nextTitle = 0;
  for (const s of doc.sentences) {
    if (doc.titleLines[nextTitle] === s.index) {
      nextTitle++;
      continue;
    }
    // Questions assert nothing.
    let last = s.tokenEnd - 1;
    while (last > s.tokenStart && (punctChar(doc, last) === '"' || punctChar(doc, last) === "'")) last--;
    if (punctChar(doc, last) === '?') continue;
    // Most sentences are no claim: their lists are made on the first entry.
    let types = 0;
    let cues: Array<[number, number]> | null = null;
    let hedges: Array<[number, number]> | null = null;
    let conditional = false;
    let charges: Array<[number, number, string]> | null = null;
    let accuseVerb = -1;
    let labelVerb = -1;
    const cueStart = CUE_START.of(t.vocab);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (isNumber(t, i)) {
        // Years and the days of dates ("on May 28") count nothing.
        // Nor does the number of a list item ("3. the crossings reopen").
        if (!isYear(doc, i) && !isDateNumber(doc, i) && !isListNumber(doc, i, s.tokenStart)) { types |= T_NUMBER; (cues ??= []).push([i, i + 1]); }
        if (i > s.tokenStart && APPROXIMATORS.at(t, i - 1)) (hedges ??= []).push([i - 1, i]);
        continue;
      }
      if (!isWord(t, i)) continue;
      // One read rules out words that are in no cue set and start no cue phrase.
      const id = t.id[i]!;
      if (id < 0 || id >= cueStart.length || cueStart[id] === 0) continue;
      if (NUMBER_WORDS.at(t, i)) {
        types |= T_NUMBER;
        (cues ??= []).push([i, i + 1]);
        if (i > s.tokenStart && APPROXIMATORS.at(t, i - 1)) (hedges ??= []).push([i - 1, i]);
      }
      const cas = CASUALTY_WORDS.at(t, i) ? 1 : CASUALTY_PHRASES.match(t, i, s.tokenEnd);
      if (cas) { types |= T_CASUALTIES; (cues ??= []).push([i, i + cas]); }
      const dis = DISPLACEMENT_WORDS.at(t, i) ? 1 : DISPLACEMENT_PHRASES.match(t, i, s.tokenEnd);
      if (dis) { types |= T_DISPLACEMENT; (cues ??= []).push([i, i + dis]); }
      if (EVENT_WORDS.at(t, i)) { types |= T_EVENT; (cues ??= []).push([i, i + 1]); }
      const ch = CHARGE_PHRASES.match(t, i, s.tokenEnd);
      // "fled in terror" names a fear, not a charge.
      if (ch === 1 && i > s.tokenStart && lower(t, i) === 'terror' && lower(t, i - 1) === 'in') continue;
      // "the genocide charge", "the term genocide": the charge named as a term the text discusses, not made.
      if (ch && mentionedTerm(doc, i, i + ch, s.tokenStart, s.tokenEnd)) { i += ch - 1; continue; }
      if (ch) {
        const term = doc.text.slice(t.start[i]!, t.end[i + ch - 1]!).toLowerCase().replace(/\s+/g, ' ');
        (charges ??= []).push([i, i + ch, CHARGE_OF.get(term) ?? term]);
        i += ch - 1;
        continue;
      }
      if (ACCUSE_VERBS.at(t, i) && accuseVerb === -1 && !negatedAccusation(doc, i, s.tokenStart, s.tokenEnd) && !blamesNoParty(doc, actors, i, s.index)) accuseVerb = i;
      if (LABEL_VERBS.at(t, i) && labelVerb === -1) labelVerb = i;
      if (HEDGE_WORDS.at(t, i)) {
        // "may" as in "on May 28", "in May": a month, not a hedge.
        if (!isDateWord(doc, i)) (hedges ??= []).push([i, i + 1]);
      }
      else {
        const h = HEDGE_PHRASES.match(t, i, s.tokenEnd);
        if (h) (hedges ??= []).push([i, i + h]);
      }
      if (CONDITIONAL_WORDS.at(t, i) || CONDITIONAL_PHRASES.match(t, i, s.tokenEnd)) conditional = true;
    }
    let accusation: AccusationInfo | null = null;
    if (charges !== null || accuseVerb !== -1) {
      types |= T_ACCUSATION;
      const ch = charges ?? [];
      // "X called Y a terrorist regime": a label verb before a charge accuses like "accused".
      const verb = accuseVerb !== -1 ? accuseVerb : ch.length && labelVerb !== -1 && labelVerb < ch[0]![0] ? labelVerb : -1;
      accusation = accusationOf(doc, s.index, ch, verb, voice, partyMentions(actors, s.index));
      if (accusation) (cues ??= []).push(accusation.charge);
      else types &= ~T_ACCUSATION;
    }
    if (types === 0) continue;
    out.push({ sentence: s.index, types: TYPES_OF[types]!.slice(), hedging: conditional ? 'conditional' : hedges ? 'hedged' : 'certain', hedges: hedges ?? [], cues: cues ?? [], accusation });
  }
  return out;
}

/** A list item's number: first in its sentence, at the start of a line, followed by "." or ")". */
function isListNumber(doc: Doc, i: number, start: number): boolean {
  if (i !== start || i + 1 >= doc.tokens.count) return false;
  const c = punctChar(doc, i + 1);
  if (c !== '.' && c !== ')') return false;
  for (let k = doc.tokens.start[i]! - 1; k >= 0; k--) {
    const ch = doc.text.charCodeAt(k);
    if (ch === 10) return true;
    if (ch !== 32 && ch !== 9) return false;
  }
  return true;
}

/** Nouns after which a charge term is the name of a charge, not one made: "the genocide charge". */
const TERM_NOUNS = new Set(['charge', 'charges', 'accusation', 'accusations', 'allegation', 'allegations', 'claim', 'claims', 'label', 'labels', 'narrative', 'narratives', 'rhetoric', 'question', 'debate']);
const TERM_MARKERS = new Set(['word', 'term', 'label', 'phrase', 'words', 'terms']);

/** Is the charge term [a, b) named rather than made ("the genocide charge", "the word genocide", '"genocide" label')? */
function mentionedTerm(doc: Doc, a: number, b: number, start: number, end: number): boolean {
  const t = doc.tokens;
  let after = b;
  while (after < end && (punctChar(doc, after) === '"' || punctChar(doc, after) === "'")) after++;
  if (after < end && TERM_NOUNS.has(lower(t, after))) return true;
  let before = a - 1;
  while (before >= start && (punctChar(doc, before) === '"' || punctChar(doc, before) === "'")) before--;
  if (before >= start && TERM_MARKERS.has(lower(t, before)) && before - 1 >= start && lower(t, before - 1) === 'the') return true;
  // "The charge of ethnic cleansing is the gravest ...": a charge named in general, nobody's ("Tarsia's charge of" is one made).
  // ("the accusations of genocide against Dorvia" name whom they accuse: one made.)
  const against = after < end && (lower(t, after) === 'against' || lower(t, after) === 'by');
  return !against && before - 2 >= start && lower(t, before) === 'of' && TERM_NOUNS.has(lower(t, before - 1)) && GENERAL_DETERMINERS.has(lower(t, before - 2));
}
const GENERAL_DETERMINERS = new Set(['the', 'this', 'that', 'such', 'any']);
/** An accused named only in general: "A state engaged in ethnic cleansing does not do these things." */
const GENERIC_OPENERS = new Set(['a', 'an', 'any', 'every', 'no']);

/** "the drought is to blame": blame laid on something that is no party of the sentence is no accusation. */
function blamesNoParty(doc: Doc, actors: ActorAnalysis, verb: number, sentence: number): boolean {
  const t = doc.tokens;
  const s = doc.sentences[sentence]!;
  if (lower(t, verb) !== 'blame' || verb - 2 < s.tokenStart || lower(t, verb - 1) !== 'to') return false;
  const be = lower(t, verb - 2);
  if (be !== 'is' && be !== 'are' && be !== 'was' && be !== 'were' && be !== 'be') return false;
  if (partyMentions(actors, sentence).some((m) => m.b <= verb)) return false;
  // A name the actors layer did not keep (seen once) may still be the party: "Officials say Kelvaria is to blame".
  for (let k = s.tokenStart + 1; k < verb; k++) if (isCap(t, k)) return false;
  return true;
}

const NO_ONE = new Set(['nobody', 'none', 'neither', 'no-one']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const DECLINING = new Set(['refused', 'declined', 'refuses', 'declines', 'refuse', 'decline', 'avoided', 'avoids']);
const GERUND_COPULAS = new Set(['is', 'was', 'are', 'were', 'would', 'will', 'seems', 'remains', 'makes']);

/**
 * '"Blaming a modern operation for a legacy of fifty years is convenient"': a gerund that opens the
 * sentence (or its quotation) as the subject of a verb to be names the act; nobody accuses here.
 * ("Accusing the council of fraud, protesters marched": a participle with its subject after the comma.)
 */
function gerundSubject(doc: Doc, verb: number, start: number, end: number): boolean {
  const t = doc.tokens;
  if (!lower(t, verb).endsWith('ing')) return false;
  if (verb !== start && !(punctChar(doc, verb - 1) === '"' && (verb - 1 === start || punctChar(doc, verb - 2) !== ''))) return false;
  for (let k = verb + 2; k < end && k < verb + 20; k++) {
    const c = punctChar(doc, k);
    if (c === '.' || c === ';' || c === ':' || c === '"') return false;
    if (GERUND_COPULAS.has(lower(t, k))) return punctChar(doc, k - 1) !== ',';
  }
  return false;
}

/**
 * "blamed nobody", "accused no one", "did not accuse", "never blamed", "declined to blame": the verb
 * is there, the accusation is not.
 */
function negatedAccusation(doc: Doc, verb: number, start: number, end: number): boolean {
  const t = doc.tokens;
  if (verb > start && BLAME_AS_OBJECT.has(lower(t, verb - 1))) return true; // "the sides trade blame"
  if (gerundSubject(doc, verb, start, end)) return true;
  if (verb + 1 < end) {
    const next = lower(t, verb + 1);
    if (NO_ONE.has(next) || (next === 'no' && verb + 2 < end && (lower(t, verb + 2) === 'one' || lower(t, verb + 2) === 'party' || lower(t, verb + 2) === 'side'))) return true;
  }
  for (let k = verb - 1; k >= Math.max(start, verb - 3); k--) {
    const w = lower(t, k);
    if (NEGATORS.has(w)) return true;
    if (w === 'to' && k - 1 >= start && DECLINING.has(lower(t, k - 1))) return true;
    if (punctChar(doc, k) !== '') break;
  }
  return false;
}

/** The sentence's mentions of actors that can accuse or be accused: no place or event ("Prosecutors in Velda"). */
function partyMentions(actors: ActorAnalysis, sentence: number): Mention[] {
  return sentenceMentions(actors, sentence).filter((m) => {
    const type = (actors.gazetteer.get(m.actor) ?? actors.heuristic.get(m.actor))?.type;
    return type !== 'place' && type !== 'event';
  });
}

function accusationOf(
  doc: Doc,
  sentence: number,
  charges: Array<[number, number, string]>,
  accuseVerb: number,
  voice: VoiceAnalysis,
  ms: readonly Mention[],
): AccusationInfo | null {
  const t = doc.tokens;
  const s = doc.sentences[sentence]!;
  const ids = [...new Set(charges.map((c) => c[2]))];
  let accuser: PartyInfo | null = null;
  let accused: PartyInfo | null = null;
  let charge: [number, number] = charges[0] ? [charges[0][0], charges[0][1]] : [accuseVerb, accuseVerb + 1];
  if (accuseVerb !== -1) {
    // "X accused Y of Z" / "X blamed Y for Z".
    // The voice layer's speaker of the verb when it has one ("The council filed two complaints,
    // accusing ...", a pronoun resolved); else the words before it, past its auxiliaries ("are accusing").
    const said = voice.segments.find((x) => x.cueA === accuseVerb && x.speaker !== null);
    const who = said ? (said.speaker!.pronoun && said.resolved ? said.resolved : said.speaker!) : null;
    if (said && who) {
      const a = who.b - who.a > 1 && ARTICLE_WORDS.has(lower(t, who.a)) ? who.a + 1 : who.a;
      accuser = { a, b: withoutTrailingTime(doc, a, who.b), actor: said.actor };
    }
    else {
      let g = accuseVerb;
      while (g - 1 >= s.tokenStart && VERB_GROUP_FILLERS.at(t, g - 1)) g--;
      accuser = party(ms, phraseBefore(doc, g, s.tokenStart), null, doc);
    }
    let of = accuseVerb + 1;
    const stop = charges[0] && charges[0][0] > accuseVerb ? charges[0][0] : s.tokenEnd;
    // "charged two officials of a firm with bribery": the verb's own preposition ends the accused.
    const prep = chargePreposition(lower(t, accuseVerb));
    while (of < stop && of - accuseVerb < 14 && lower(t, of) !== prep) of++;
    if (of >= stop || of - accuseVerb >= 14) {
      of = accuseVerb + 1;
      while (of < stop && of - accuseVerb < 10 && lower(t, of) !== 'of' && lower(t, of) !== 'for' && !(of > accuseVerb + 1 && (lower(t, of) === 'a' || lower(t, of) === 'an' || lower(t, of) === 'as'))) of++;
    }
    const m = ms.find((x) => x.a > accuseVerb && x.a < of) ?? null;
    // The words up to the preposition, when they hold more than the mention: "accused Korvani
    // engineers of" names the engineers (of Korvan), not Korvan.
    let from = accuseVerb + 1;
    while (from < of - 1 && ARTICLE_WORDS.has(lower(t, from))) from++;
    if (m && (of >= s.tokenEnd || (m.a <= from && m.b >= of))) accused = { a: m.a, b: m.b, actor: m.actor };
    else if (of > accuseVerb + 1 && of < s.tokenEnd) accused = { a: m ? Math.min(m.a, from) : accuseVerb + 1, b: of, actor: m?.actor ?? null };
    else if (m) accused = { a: m.a, b: m.b, actor: m.actor };
    if (!charges.length && of < s.tokenEnd) {
      // 'accused X of "starving the villages"', 'of a "war on bread"': quotation marks do not end the charge.
      const quote = (k: number) => punctChar(doc, k) === '"' || punctChar(doc, k) === "'";
      let c = of + 1;
      while (c < s.tokenEnd && quote(c)) c++;
      let e = c;
      // Opened by a quotation mark: up to its closing mark; else up to punctuation, a quoted phrase inside.
      if (c > of + 1) while (e < s.tokenEnd && !punctChar(doc, e)) e++;
      else while (e < s.tokenEnd && (!punctChar(doc, e) || quote(e))) e++;
      // "accuse the company of something much worse: of knowingly releasing ...": the colon spells the charge out.
      if (punctChar(doc, e) === ':' && e + 2 < s.tokenEnd && lower(t, e + 1) === lower(t, of)) {
        c = e + 2;
        e = c;
        while (e < s.tokenEnd && (!punctChar(doc, e) || quote(e))) e++;
      }
      if (e > c) charge = [c, e];
    }
  } else {
    // Whose words the charge is in accuses: a quoted or reported source, or the author when none.
    const k = segmentAt(voice, charge[0]);
    const vs = k === -1 ? null : voice.segments[k]!;
    const src = vs ? (vs.resolved ?? vs.speaker) : null;
    accuser = src && vs ? { a: src.a, b: src.b, actor: vs.actor } : null;
    const [ca, cb] = charge;
    // "Sylvanian aggression", "Freedonia's genocide", "genocide by X", "X committed war crimes".
    const adjacent = ms.find((m) => m.b === ca || (m.b === ca - 1 && lower(t, ca - 1) === "'s"));
    let agent: Mention | null = adjacent ?? null;
    let agentPhrase: SourcePhrase | null = null;
    if (!agent && cb < s.tokenEnd && lower(t, cb) === 'by') {
      agent = ms.find((m) => m.a === cb + 1 || m.a === cb + 2) ?? null;
      if (!agent) agentPhrase = phraseAfter(doc, cb + 1, s.tokenEnd);
    }
    if (!agent && !agentPhrase) {
      for (let k = ca - 1; k >= Math.max(s.tokenStart, ca - 6); k--) {
        if (COMMIT_VERBS.at(t, k)) {
          agent = [...ms].reverse().find((m) => m.b <= k && m.b >= k - 5 && !(src && m.a >= src.a && m.b <= src.b)) ?? null;
          if (!agent) {
            // The subject of "committed", skipping auxiliaries: "Southland troops had committed".
            let g = k;
            while (g - 1 >= s.tokenStart && VERB_GROUP_FILLERS.at(t, g - 1)) g--;
            const p = phraseBefore(doc, g, src ? Math.max(s.tokenStart, src.b) : s.tokenStart);
            if (p && !(src && p.a < src.b)) agentPhrase = p;
          }
          break;
        }
      }
    }
    // A general case ("a state engaged in ethnic cleansing", "any army that commits war crimes") accuses nobody.
    if (agentPhrase && !agentPhrase.name && GENERIC_OPENERS.has(lower(t, agentPhrase.a)) && !src) return null;
    if (agentPhrase) accused = { a: agentPhrase.a, b: agentPhrase.b, actor: null };
    // "called X terrorists", "X is a terrorist state": the nearest mention in the same clause.
    if (!agent) agent = [...ms].reverse().find((m) => m.b <= ca && m.b >= ca - 4 && !(src && m.a >= src.a && m.b <= src.b)) ?? null;
    if (!accused && agent && !(accuser && accuser.a <= agent.a && agent.b <= accuser.b)) accused = { a: agent.a, b: agent.b, actor: agent.actor };
  }
  // Stated evidence: "citing ...", "based on ...", or a clause naming evidence.
  let evidence: [number, number] | null = null;
  const cue = EVIDENCE_CUES.find(t, s.tokenStart, s.tokenEnd);
  const clauseEnd = (from: number) => {
    let e = from;
    while (e < s.tokenEnd && !(punctChar(doc, e) && punctChar(doc, e) !== '-' && punctChar(doc, e) !== "'" && punctChar(doc, e) !== '"')) e++;
    return e;
  };
  if (cue) evidence = [cue[0], clauseEnd(cue[0] + cue[1])];
  else {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      // ("of hiding the evidence": evidence hidden or destroyed is part of the charge, none stated for it.)
      if (isWord(t, i) && EVIDENCE_NOUNS.at(t, i) && !evidenceOfCharge(doc, i, s.tokenStart)) {
        let a = i;
        while (a > s.tokenStart && !punctChar(doc, a - 1) && i - a < 4) a--;
        evidence = [a, clauseEnd(i + 1)];
        break;
      }
    }
  }
  return { accuser, accused, charges: ids, charge, evidence };
}

const CONCEALING = new Set(['hiding', 'hide', 'hid', 'hidden', 'concealing', 'conceal', 'concealed', 'destroying', 'destroy', 'destroyed', 'fabricating', 'fabricate', 'fabricated', 'planting', 'planted', 'tampering', 'tampered', 'suppressing', 'suppressed', 'doctoring', 'doctored', 'falsifying', 'falsified']);

/** "hiding the evidence", "destroyed evidence": an evidence noun that a concealing verb governs is the charge's. */
function evidenceOfCharge(doc: Doc, i: number, start: number): boolean {
  for (let k = i - 1; k >= Math.max(start, i - 3); k--) if (CONCEALING.has(lower(doc.tokens, k))) return true;
  return false;
}
