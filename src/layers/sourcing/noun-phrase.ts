import type { Doc } from '../../text/segment.js';
import type { Tokens } from '../../text/tokenise.js';
import { ATTRIBUTION_FORMS, DETERMINERS, DOCUMENT_HEADS, HEARSAY_HEADS, INDEFINITE, LOCATIVE, NP_BREAKERS, OFFICIAL_MEDIA, ORG_HEADS, PLACE_HEADS, PLACE_OPENERS, PRONOUNS, ROLE_WORDS, VAGUE_HEADS } from './cues.js';
import { isCap, isNumber, isWord, lower, punctChar, tokenText, wordSet } from '../../lexicon/word-sets.js';
import { isDateWord } from '../../lexicon/dates.js';

import type { SpeakerKind } from '../../core/sourcing.js';

/** A source noun phrase, split into the parts a reader asks about. Token range [a, b). */
export interface SourcePhrase {
  a: number;
  b: number;
  text: string;
  name: string | null;
  role: string | null;
  affiliation: string | null;
  /** The pronoun, when the source is one ("he", "they"). */
  pronoun: string | null;
  kind: SpeakerKind;
  /** Anonymous or unidentifiable ("officials", "a source", "critics"). */
  vague: boolean;
  /** Second-hand ("reports", "rumours", "local media"). */
  hearsay: boolean;
}

const PREPS = wordSet('of for at from with by in on near');
/** "on" before a day or a date says when, not where: "Dastrian television on Thursday night". */
const DAYS = wordSet('monday tuesday wednesday thursday friday saturday sunday weekend weekday');
const onDate = (doc: Doc, i: number) => lower(doc.tokens, i) === 'on' && i + 1 < doc.tokens.count && (DAYS.at(doc.tokens, i + 1) || isDateWord(doc, i + 1) || isNumber(doc.tokens, i + 1));
/** Reporting verbs that never stand inside a source's name: "the envoy said rebels claimed" has two sources. */
const SPEECH_VERBS = wordSet('said says told tells argued argues claimed insisted warned added stated declared alleged alleges accused');
const RELATIVE = wordSet('who which whose speaking asked asking citing quoted');
const POSSESSIVE = "'s";

/** Characters that /[\s,]/ matches. */
function isSpaceOrComma(c: number): boolean {
  return c === 32 || c === 44 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function clean(s: string): string | null {
  // Most phrases start and end with a word: no regex needed.
  if (s.length > 0 && !isSpaceOrComma(s.charCodeAt(0)) && !isSpaceOrComma(s.charCodeAt(s.length - 1))) return s;
  const t = s.replace(/^[\s,]+|[\s,]+$/g, '');
  return t ? t : null;
}

/** Splits "a spokesman for the UN refugee agency" into role and affiliation. */
function roleAndAffiliation(doc: Doc, a: number, b: number): { role: string | null; affiliation: string | null } {
  const t = doc.tokens;
  while (a < b && DETERMINERS.at(t, a)) a++;
  for (let i = a; i < b; i++) {
    if (PREPS.at(t, i) && i > a) {
      let c = i + 1;
      while (c < b && DETERMINERS.at(t, c)) c++;
      return { role: clean(tokenText(doc, a, i)), affiliation: clean(tokenText(doc, c, b)) };
    }
  }
  // A capitalised word before the role words: "the Sylvanian foreign minister" -> affiliation Sylvanian.
  let r = a;
  while (r < b && isCap(t, r) && !ROLE_WORDS.at(t, r)) r++;
  if (r > a && r < b && ROLE_WORDS.at(t, b - 1)) return { role: clean(tokenText(doc, r, b).toLowerCase()), affiliation: clean(tokenText(doc, a, r)) };
  return { role: clean(tokenText(doc, a, b)), affiliation: null };
}

/** Parses tokens [a, b) as a source phrase; an appositive after a comma gives role and affiliation. */
export function parsePhrase(doc: Doc, a: number, b: number): SourcePhrase | null {
  const t = doc.tokens;
  while (a < b && punctChar(doc, a) !== '') a++;
  while (b > a && punctChar(doc, b - 1) !== '') b--;
  if (b <= a) return null;
  const base: SourcePhrase = {
    a, b, text: tokenText(doc, a, b), name: null, role: null, affiliation: null, pronoun: null, kind: 'unknown', vague: false, hearsay: false,
  };
  // The phrase is built in place: one object per phrase.
  if (b - a === 1 && PRONOUNS.at(t, a)) {
    base.pronoun = lower(t, a);
    base.kind = base.pronoun === 'it' ? 'organisation' : 'person';
    return base;
  }
  // Core and appositive ("John Smith, a spokesman for the ministry").
  let coreEnd = b;
  for (let i = a; i < b; i++) if (punctChar(doc, i) === ',') { coreEnd = i; break; }
  let appositive: { role: string | null; affiliation: string | null } | null = null;
  // A bare name in apposition: "the Sylvanian foreign minister, Ana Petrov".
  let appositiveName: string | null = null;
  if (coreEnd < b) {
    let e = coreEnd + 1;
    while (e < b && punctChar(doc, e) !== ',') e++;
    appositive = roleAndAffiliation(doc, coreEnd + 1, e);
    if (isBareName(doc, coreEnd + 1, e)) appositiveName = clean(tokenText(doc, coreEnd + 1, e));
  }
  let s = a;
  let indefinite = false;
  while (s < coreEnd && (DETERMINERS.at(t, s) || INDEFINITE.at(t, s) || isNumber(t, s))) {
    if (INDEFINITE.at(t, s) || isNumber(t, s)) indefinite = true;
    s++;
  }
  // A preposition inside the core: "the head of the UN mission", "a spokesman for the ministry".
  let headEnd = coreEnd;
  let prepAffiliation: string | null = null;
  for (let i = indefinite ? s : s + 1; i < coreEnd; i++) {
    if (PREPS.at(t, i) && !onDate(doc, i) && !nameLink(doc, i, coreEnd)) {
      let c = i + 1;
      while (c < coreEnd && DETERMINERS.at(t, c)) c++;
      prepAffiliation = clean(tokenText(doc, c, coreEnd));
      headEnd = i;
      break;
    }
  }
  // A possessive: "Sylvania's foreign minister".
  let possessor: string | null = null;
  for (let i = s; i < headEnd; i++) {
    if (lower(t, i) === POSSESSIVE || (i + 1 < headEnd && pluralPossessive(doc, i))) {
      possessor = clean(tokenText(doc, s, i).replace(/^(the|a|an)\s+/i, ''));
      s = i + 1;
      break;
    }
  }
  // Nothing but quantifiers: "Many in the capital", "Some of the residents".
  if (s >= headEnd) {
    if (indefinite) {
      base.kind = 'group';
      base.vague = true;
      base.role = clean(tokenText(doc, a, headEnd).toLowerCase());
    } else base.affiliation = possessor ?? prepAffiliation;
    return base;
  }
  const head = lower(t, headEnd - 1);
  const out = base;
  out.affiliation = possessor ?? prepAffiliation ?? appositive?.affiliation ?? null;
  if (DOCUMENT_HEADS.at(t, headEnd - 1)) {
    out.kind = 'document';
    out.name = anyCap(t, s, headEnd) ? clean(tokenText(doc, s, headEnd)) : null;
    out.role = out.name ? null : clean(tokenText(doc, s, headEnd));
    return out;
  }
  const officialMedia = head === 'media' && headEnd - 1 > s && OFFICIAL_MEDIA.at(t, headEnd - 2);
  if (HEARSAY_HEADS.at(t, headEnd - 1) && !anyCapName(doc, s, headEnd - 1) && !officialMedia) {
    out.kind = 'group';
    out.hearsay = true;
    out.role = clean(tokenText(doc, s, headEnd));
    return out;
  }
  if (ORG_HEADS.at(t, headEnd - 1) || officialMedia) {
    out.kind = 'organisation';
    if (anyCap(t, s, headEnd)) out.name = clean(tokenText(doc, s, headEnd));
    else out.role = clean(tokenText(doc, s, headEnd));
    // "unnamed officials" is caught below; an indefinite organisation ("a militia") is vague.
    out.vague = indefinite;
    return out;
  }
  // A capital on the head itself only counts when it is not the phrase's first word ("Officials said").
  if (VAGUE_HEADS.at(t, headEnd - 1) && (!isCap(t, headEnd - 1) || headEnd - 1 === s)) {
    out.kind = 'group';
    out.vague = appositive?.role == null || indefinite;
    if (appositive) out.vague = false;
    // A role phrase before the head: "senior Sylvanian officials" -> affiliation Sylvanian.
    let capStart = -1;
    for (let i = s; i < headEnd; i++) if (isCap(t, i)) { capStart = i; break; }
    if (capStart !== -1 && !out.affiliation) {
      let ce = capStart;
      while (ce < headEnd && isCap(t, ce)) ce++;
      out.affiliation = clean(tokenText(doc, capStart, ce));
    }
    out.role = clean(tokenText(doc, s, headEnd));
    return out;
  }
  // Trailing run of capitalised non-role words is the name ("Foreign Minister Ana Petrova").
  let nameStart = headEnd;
  while (nameStart > s && ((isCap(t, nameStart - 1) && !ROLE_WORDS.at(t, nameStart - 1)) || (nameStart - 1 > s && nameLink(doc, nameStart - 1, headEnd)))) nameStart--;
  if (nameStart < headEnd) {
    out.name = clean(tokenText(doc, nameStart, headEnd));
    // Role words before the name, and a capitalised affiliation before those.
    let r = nameStart;
    while (r > s && (ROLE_WORDS.at(t, r - 1) || (!isCap(t, r - 1) && isWord(t, r - 1)))) r--;
    if (r < nameStart) out.role = clean(tokenText(doc, r, nameStart).toLowerCase());
    if (r > s && !out.affiliation) out.affiliation = clean(tokenText(doc, s, r));
    if (appositive?.role) out.role = appositive.role;
    const nameTokens = headEnd - nameStart;
    out.kind = out.role || (nameTokens >= 2 && !placeName(doc, nameStart, headEnd)) ? 'person' : 'unknown';
    if (ORG_HEADS.at(t, headEnd - 1) || (nameStart + 1 < headEnd && lower(t, nameStart + 1) !== POSSESSIVE && ORG_HEADS.at(t, nameStart) && nameLink(doc, nameStart + 1, headEnd))) out.kind = 'organisation';
    return out;
  }
  // A role without a name: "the foreign minister", "a spokesman" (named in apposition, if at all).
  let r = s;
  while (r < headEnd && isCap(t, r) && !ROLE_WORDS.at(t, r)) r++;
  if (r > s && !out.affiliation) out.affiliation = clean(tokenText(doc, s, r));
  if (appositiveName && ROLE_WORDS.at(t, headEnd - 1)) {
    out.name = appositiveName;
    out.role = clean(tokenText(doc, r, headEnd).toLowerCase());
    out.kind = 'person';
    return out;
  }
  out.role = clean(tokenText(doc, r, headEnd).toLowerCase()) ?? clean(tokenText(doc, s, headEnd).toLowerCase());
  out.kind = 'person';
  if (!ROLE_WORDS.at(t, headEnd - 1)) out.kind = 'unknown';
  out.vague = indefinite && !out.affiliation;
  return out;
}

function anyCap(t: Tokens, x: number, y: number): boolean {
  for (let i = x; i < y; i++) if (isCap(t, i)) return true;
  return false;
}

/**
 * Capitalised words that name a place, not a person: "River Sel", "Vesna Street", or a preposition
 * capitalised at a sentence's start ("In Dolsk, Terlan has stopped waiting").
 */
function placeName(doc: Doc, a: number, b: number): boolean {
  const t = doc.tokens;
  if (PREPS.at(t, a) || LOCATIVE.at(t, a) || PLACE_OPENERS.at(t, a)) return true;
  for (let i = a; i < b; i++) if (PLACE_HEADS.at(t, i)) return true;
  return false;
}

/** Tokens [a, b) are a person's name: one to four capitalised words, no role word ("Ana Petrov"). */
function isBareName(doc: Doc, a: number, b: number): boolean {
  const t = doc.tokens;
  if (b - a < 1 || b - a > 4) return false;
  for (let i = a; i < b; i++) if (!isWord(t, i) || !isCap(t, i) || ROLE_WORDS.at(t, i) || DETERMINERS.at(t, i)) return false;
  return true;
}

function anyCapName(doc: Doc, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isCap(doc.tokens, i) && !DETERMINERS.at(doc.tokens, i)) return true;
  return false;
}

/** Can token i be part of a source phrase (scanning in either direction)? */
function npToken(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  if (isWord(t, i)) return (!NP_BREAKERS.at(t, i) && !SPEECH_VERBS.at(t, i)) || PREPS.at(t, i);
  if (isNumber(t, i)) return true;
  const c = punctChar(doc, i);
  return c === '-' || c === '.' || pluralPossessive(doc, i);
}

/**
 * "of" or "for" inside one capitalised name, "the Ministry of Environment", "Bank of Korvan": the name
 * runs on through it. After a title ("the Minister of Energy") it still splits role and affiliation.
 */
function nameLink(doc: Doc, i: number, end: number): boolean {
  const t = doc.tokens;
  const w = lower(t, i);
  if ((w !== 'of' && w !== 'for') || i + 1 >= end || !isCap(t, i - 1) || !isCap(t, i + 1)) return false;
  return !ROLE_WORDS.at(t, i - 1);
}

/** The apostrophe of a plural possessive, "the bakers' association": after a plural, before a word. */
function pluralPossessive(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  const c = punctChar(doc, i);
  if ((c !== "'" && c !== '\u2019') || i === 0 || i + 1 >= t.count || t.end[i - 1] !== t.start[i] || !isWord(t, i + 1)) return false;
  const w = lower(t, i - 1);
  return isWord(t, i - 1) && w.length > 2 && w.endsWith('s');
}

/**
 * The source phrase that ends just before token `end` (a verb): scans back at most 9 tokens within
 * [limit, end). A determiner ends the phrase unless a preposition or possessive precedes it, so
 * "On Tuesday the ministry said" yields "the ministry". "X, the foreign minister, said" is handled.
 */
export function phraseBefore(doc: Doc, end: number, limit: number): SourcePhrase | null {
  const t = doc.tokens;
  let b = end;
  // Appositive before the verb.
  if (b - 1 >= limit && punctChar(doc, b - 1) === ',') {
    // The comma before: "X, the foreign minister, said" or "X, who heads the unit, said".
    let k = b - 2;
    while (k >= limit && k > b - 18 && punctChar(doc, k) !== ',') k--;
    if (k < limit || punctChar(doc, k) !== ',' || k === b - 2) return null;
    let plain = true;
    for (let i = k + 1; i < b - 1; i++) if (!npToken(doc, i) && lower(t, i) !== 'and') plain = false;
    // "X, a newspaper close to the mayor, said": an appositive that opens with an article describes X
    // (no verb of speech inside it: "X, the army said, ..." is another sentence part).
    let described = false;
    if (!plain && (INDEFINITE.at(t, k + 1) || lower(t, k + 1) === 'the')) {
      described = true;
      for (let i = k + 1; i < b - 1; i++) if (ATTRIBUTION_FORMS.at(t, i) || punctChar(doc, i) !== '') described = false;
    }
    const relative = RELATIVE.at(t, k + 1) || described;
    if (!plain && !relative) return null;
    const head = scanBack(doc, k, limit);
    if (head === null || head >= k) return null;
    return relative ? parsePhrase(doc, head, k) : parsePhrase(doc, head, b - 1);
  }
  const a = scanBack(doc, b, limit);
  if (a === null || a >= b) return null;
  // Coordinated sources: "The Red Cross and its partners said" is said on the named one's word.
  if (a - 1 > limit && lower(t, a - 1) === 'and') {
    const a0 = scanBack(doc, a - 1, limit);
    const first = a0 !== null && a0 < a - 1 ? parsePhrase(doc, a0, a - 1) : null;
    if (first?.name && !first.vague && !first.hearsay) return first;
  }
  // Lowercase words with no determiner, role or vague head are not a source ("the bridge was said").
  return parsePhrase(doc, a, b);
}

function scanBack(doc: Doc, b: number, limit: number): number | null {
  const t = doc.tokens;
  let a = b;
  while (a - 1 >= limit && b - a < 9 && npToken(doc, a - 1)) {
    a--;
    // Set words are interned at load: a token is in a set exactly when its id is.
    if (DETERMINERS.at(t, a) || INDEFINITE.at(t, a)) {
      if (!(a - 1 >= limit && (PREPS.at(t, a - 1) || lower(t, a - 1) === POSSESSIVE))) break;
    }
  }
  // Never start with a preposition.
  while (a < b && PREPS.at(t, a)) a++;
  // Sentence-initial capitalised function words ("Meanwhile") are not part of a name.
  return a < b ? a : null;
}

/**
 * The source phrase that starts at token `start` (after an inverted verb or "according to"), with an
 * appositive after a comma. Returns null when no plausible phrase starts there.
 */
export function phraseAfter(doc: Doc, start: number, limit: number, closedAppositive = false): SourcePhrase | null {
  const t = doc.tokens;
  if (start >= limit) return null;
  if (!(isCap(t, start) || DETERMINERS.at(t, start) || INDEFINITE.at(t, start) || PRONOUNS.at(t, start) || ROLE_WORDS.at(t, start) || VAGUE_HEADS.at(t, start) || HEARSAY_HEADS.at(t, start))) return null;
  if (PRONOUNS.at(t, start)) return parsePhrase(doc, start, start + 1);
  let b = start;
  while (b < limit && b - start < 10) {
    if (npToken(doc, b) && !(PREPS.at(t, b) && !(b + 1 < limit && (isCap(t, b + 1) || DETERMINERS.at(t, b + 1))))) {
      if (punctChar(doc, b) === '.' && b + 1 >= limit) break;
      b++;
      continue;
    }
    break;
  }
  if (b === start) return null;
  // Appositive: ", a spokesman for the ministry" up to the next comma or the end.
  if (b < limit && punctChar(doc, b) === ',' && b + 1 < limit) {
    if (DETERMINERS.at(t, b + 1) || INDEFINITE.at(t, b + 1) || ROLE_WORDS.at(t, b + 1) || (isCap(t, b + 1) && ROLE_WORDS.at(t, Math.min(b + 2, limit - 1)))) {
      let e = b + 1;
      while (e < limit && e - b < 14 && (npToken(doc, e) || lower(t, e) === POSSESSIVE)) e++;
      // It ends at a comma, or at the end when nothing must follow it; stopping at a word it was
      // a clause ("According to the commission, the flow has fallen by 6 percent since ...").
      const c = e < limit ? punctChar(doc, e) : '';
      const closed = c === ',' || (!closedAppositive && (e >= limit || (c !== '' && c !== '-')));
      if (closed) return parsePhrase(doc, start, e);
    }
  }
  return parsePhrase(doc, start, b);
}

/**
 * "The commission's chair, an engineer, declined to respond to what she described as ...": a he or
 * she later in a sentence that opens with a person, and no named source (of `named`) before it in
 * that sentence, is that person (the subject), not the last source named in an earlier sentence.
 */
export function openingPerson(doc: Doc, p: SourcePhrase, named: Iterable<SourcePhrase | null>): SourcePhrase | null {
  if (p.pronoun !== 'he' && p.pronoun !== 'she') return null;
  const s = doc.sentences[doc.tokenSentence[p.a]!]!;
  if (p.a <= s.tokenStart + 1) return null;
  for (const c of named) if (c && !c.pronoun && c.a >= s.tokenStart && c.a < p.a) return null;
  const subject = phraseAfter(doc, s.tokenStart, p.a);
  return subject && subject.kind === 'person' && !subject.pronoun && subject.b < p.a && (subject.name || subject.role) ? subject : null;
}
