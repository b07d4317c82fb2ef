import type { Stance, Voice, VoiceMode } from '../../core/voice.js';
import { isCap, isNumber, isWord, lower, punctChar, wordSet } from '../../lexicon/word-sets.js';

const ARTICLES = wordSet('the a an');
const DETERMINERS = wordSet('this that these those its his her their our some many several');
/** Words that open a subordinate clause at the start of a sentence ("If X believes that ..., "). */
const SUBORDINATORS = wordSet('if unless whether although though because since when whenever while once until');
import type { Doc } from '../../text/segment.js';
import { arenaInt32 } from '../../text/tokenise.js';
import type { ActorAnalysis } from '../actors/layer.js';
import type { SourcingAnalysis } from '../sourcing/analyse.js';
import type { Attribution } from '../sourcing/attribution.js';
import type { SourcePhrase } from '../sourcing/noun-phrase.js';
import { parsePhrase, phraseBefore } from '../sourcing/noun-phrase.js';
import { tokenAtOrAfter, type QuoteInfo } from '../sourcing/quotations.js';
import { LISTENER_WORDS, TIME_LEADS, TIME_SUBORDINATORS } from '../sourcing/cues.js';
import { ACCUSE_LEMMAS, CLAUSE_CONJUNCTIONS, CONTENT_NOUNS, HEADLINE_HEADS, HEADLINE_VERBS, PUT_FORWARD_VERBS, REJECT_PHRASES } from './cues.js';
import { afterDateline } from './dateline.js';
import { asNamings, joinedToPrevious, namingSpeaker, subjectEnd as subjectEndBefore, usedWords } from './naming.js';
import { findStances } from './stance.js';
import { resolveSpeakers } from './speakers.js';

/** One reported part of a document, in tokens [a, b) of the canonical text. */
export interface VoiceSeg {
  a: number;
  b: number;
  sentence: number;
  mode: VoiceMode;
  quoted: boolean;
  /** The speaker as written (a pronoun stays a pronoun) and the named source it resolves to. */
  speaker: SourcePhrase | null;
  resolved: SourcePhrase | null;
  /** Display name ("Ilse Varga", "the Tarvian foreign minister", "critics"). */
  name: string | null;
  actor: string | null;
  /** Reporting words [cueA, cueB) ("said", "according to"); -1 when none. */
  cueA: number;
  cueB: number;
  stance: Stance | null;
  /** Tokens of the words that show the stance; -1 when none. */
  stanceA: number;
  stanceB: number;
  denied: boolean;
  /** Index of the enclosing segment, -1 at the top. */
  parent: number;
  attribution: Attribution | null;
  quote: QuoteInfo | null;
}

/** Everything the voice layer knows about a document. */
export interface VoiceAnalysis {
  /** Sorted by start, enclosing segments before the segments they enclose. */
  segments: VoiceSeg[];
  /** Innermost segment of each token, -1 for the author's words; null when the document has no segment. */
  tokenSeg: Int32Array | null;
  /** The public Voice of each segment, made on first use (see voiceOfSegment). */
  voices: Array<Voice | undefined>;
}

/**
 * A segment with every field in one literal (one object shape for all segments: spreading the
 * given fields over the defaults made a differently shaped object per call site, slow to build and read).
 */
function seg(partial: Partial<VoiceSeg> & Pick<VoiceSeg, 'a' | 'b' | 'sentence' | 'mode' | 'quoted'>): VoiceSeg {
  return {
    a: partial.a,
    b: partial.b,
    sentence: partial.sentence,
    mode: partial.mode,
    quoted: partial.quoted,
    speaker: partial.speaker ?? null,
    resolved: partial.resolved ?? null,
    name: partial.name ?? null,
    actor: partial.actor ?? null,
    cueA: partial.cueA ?? -1,
    cueB: partial.cueB ?? -1,
    stance: partial.stance ?? null,
    stanceA: partial.stanceA ?? -1,
    stanceB: partial.stanceB ?? -1,
    denied: partial.denied ?? false,
    parent: partial.parent ?? -1,
    attribution: partial.attribution ?? null,
    quote: partial.quote ?? null,
  };
}

/** Nouns of speech whose words may follow a colon without "that": "have an answer to all of this: ...". */
const COLON_NOUNS = wordSet('answer answers explanation explanations story version line message argument narrative verdict');
const HAVE = wordSet('have has had');
/** A verb that puts the noun at `i` forward, within four words before it ("have an answer", "offered one explanation"). */
function putForwardBefore(doc: Doc, i: number, start: number): boolean {
  for (let k = i - 1; k >= Math.max(start, i - 4); k--) if (PUT_FORWARD_VERBS.at(doc.tokens, k) || HAVE.at(doc.tokens, k)) return true;
  return false;
}

/** Prepositions before a "that" that is a determiner, not the report's "that": "for that purpose". */
const PREP_BEFORE_THAT = wordSet('for of in on at with by about from to into under over after before');

/** Words that open a denial between a reporting verb and its "that": "found no (little) evidence that". */
const NO_EVIDENCE_OPENERS = new Set(['no', 'nothing', 'little', 'scant', 'neither']);

/** Modals and auxiliaries that open a relative clause after "that" ("claims that were made"). */
const RELATIVE_OPENERS = wordSet('may might could would will can should must shall was were is are has have had');

/** Verbs of speech in the past that, after "and", start the speaker's next act ("... and called it a farce"). */
const SPEECH_AFTER_AND = wordSet(
  'called said added accused blamed described dismissed denied insisted claimed warned urged demanded branded labelled labeled termed dubbed',
);

/** The last word of "said as much", "said so", "said this": nothing reported of their own. */
const POINTING_BACK = new Set(['much', 'so', 'this', 'that', 'it', 'otherwise']);

/** "said so too", "said as much again": words after a pointing-back report that add nothing of its own. */
const ALSO_WORDS = wordSet('too also again repeatedly publicly themselves');

/** Words that open a phrase of when or where after a verb of speech ("said on Wednesday", "said in a statement"). */
const ADJUNCT_OPENERS = wordSet('on in at yesterday today tonight overnight last this late early earlier during after before from');

/** Drops trailing punctuation and conjunctions from [a, b): "..., and" -> "...". */
function trimEnd(doc: Doc, a: number, b: number): number {
  while (b > a) {
    const c = punctChar(doc, b - 1);
    if (c === '"' && closesInside(doc, a, b - 1)) break;
    if (c !== '' || CLAUSE_CONJUNCTIONS.at(doc.tokens, b - 1)) b--;
    // A footnote marker: "[2]".
    else if (isNumber(doc.tokens, b - 1) && b - 2 >= a && punctChar(doc, b - 2) === '[') b -= 2;
    else break;
  }
  return b;
}
/** Does the quote mark at token `at` close one opened in [a, at)? (An odd number of marks before it.) */
function closesInside(doc: Doc, a: number, at: number): boolean {
  let n = 0;
  for (let i = a; i < at; i++) if (punctChar(doc, i) === '"') n++;
  return n % 2 === 1;
}

function trimStart(doc: Doc, a: number, b: number): number {
  while (a < b && (punctChar(doc, a) === ',' || punctChar(doc, a) === ':' || punctChar(doc, a) === '-' || punctChar(doc, a) === '\u2014')) a++;
  return a;
}

/**
 * The words an attribution reports, as a token range, or null when a quotation already carries them
 * (its own segment) or there are none. "X said (on Monday) (that) ...", "..., X said.", "..., said X",
 * "According to X, ...", "..., according to X.", "X accused Y of ...".
 */
/** Is there a ", which" in tokens [from, to) (a relative clause between a source and its verb)? */
function relativeWhich(doc: Doc, from: number, to: number): boolean {
  for (let j = Math.max(1, from); j < to; j++) if (lower(doc.tokens, j) === 'which' && punctChar(doc, j - 1) === ',') return true;
  return false;
}

function reported(doc: Doc, at: Attribution, all: readonly Attribution[], k: number, tokenQuote: Int32Array, quotes: readonly QuoteInfo[], quotedBefore: ReadonlySet<Attribution>): [number, number] | null {
  const s = doc.sentences[at.sentence]!;
  let lo = s.tokenStart;
  let hi = s.tokenEnd;
  if (at.inQuote) {
    // Speech within speech: bounded by the quotation it stands in.
    const q = quotes[tokenQuote[at.verb]!]!;
    lo = Math.max(lo, tokenAtOrAfter(doc, q.span.contentStart));
    hi = Math.min(hi, tokenAtOrAfter(doc, q.span.contentEnd));
  }
  const quoted = (i: number) => tokenQuote[i] !== -1 && (at.inQuote ? tokenQuote[i] !== tokenQuote[at.verb] || punctChar(doc, i) === '"' : true);
  if (at.info.lemma === 'according to') {
    if (at.a <= lo + 1) {
      const a = trimStart(doc, at.b, hi);
      const b = trimEnd(doc, a, hi);
      return b > a && !quoted(a) ? [a, b] : null;
    }
    // Between commas inside the sentence ("villages where, according to X, 300 families remain"):
    // what follows is what X reports.
    if (punctChar(doc, at.a - 1) === ',' && punctChar(doc, at.b) === ',') {
      const a = trimStart(doc, at.b, hi);
      const b = trimEnd(doc, a, hi);
      if (b - a >= 3 && !quoted(a)) return [a, b];
    }
    const from = afterDateline(doc, lo, at.a);
    const b = trimEnd(doc, from, at.a);
    return b > from ? [from, b] : null;
  }
  if (at.side === 'after') {
    // "..., said X": what comes before the verb group, unless a quotation carries it.
    const from = afterDateline(doc, lo, Math.min(at.a, at.verb));
    const b = trimEnd(doc, from, Math.min(at.a, at.verb));
    if (b <= from || quoted(b - 1) || (b < at.verb && punctChar(doc, b) === '"')) return null;
    return [from, b];
  }
  // "X said (on Monday) that ...": skip to the "that" when it comes within a few words.
  let a = at.verbEnd;
  const nextVerb = k + 1 < all.length && all[k + 1]!.sentence === at.sentence ? all[k + 1]!.verb : hi;
  let that = false;
  // "found no evidence that P": P is what the source does not say; its words start at "no".
  let denial = -1;
  for (let j = a; j < Math.min(hi, a + 11, nextVerb); j++) {
    const c = punctChar(doc, j);
    if (c !== '' && c !== ',') break;
    const w = lower(doc.tokens, j);
    if (denial < 0 && NO_EVIDENCE_OPENERS.has(w)) denial = j;
    // ("says the seepage was caught by a system built for that purpose": a determiner, the words began at the verb.)
    if (w === 'that' && j > a && PREP_BEFORE_THAT.at(doc.tokens, j - 1)) break;
    if (w === 'that') { a = denial >= 0 ? denial : j + 1; that = true; break; }
  }
  // '"...," X said on Monday.', '"...," X told reporters in the capital.': a quotation carries what
  // was said; the words after the verb say when, where or to whom.
  if (!that && quotedBefore.has(at)) return null;
  if (!that && at.info.lemma === 'tell' && LISTENER_WORDS.at(doc.tokens, a) && !ARTICLES.at(doc.tokens, a)) a++;
  a = trimStart(doc, a, hi);
  let b = hi;
  // "If X believes that P, Q": the report ends with the clause it stands in; Q is the author's.
  // ("When the commission says the flow has fallen, it is measuring ...": the same without "that".)
  if (SUBORDINATORS.at(doc.tokens, lo) && at.a > lo) for (let j = a; j < b; j++) if (punctChar(doc, j) === ',' && tokenQuote[j] === -1) { b = j; break; }
  // "The report, which claims that P, was published": a clause opened by ", which" inside the
  // subject ends at its comma (after an object, "comes from X, which alleges that P, Q and R", it runs on).
  if (at.source.a <= lo + 1 && at.source.b < at.verb && relativeWhich(doc, at.source.b, at.verb)) for (let j = a; j < b; j++) if (punctChar(doc, j) === ',' && tokenQuote[j] === -1) { b = j; break; }
  // The next attribution of the same sentence (and level) starts another voice.
  for (let n = k + 1; n < all.length; n++) {
    const x = all[n]!;
    if (x.sentence !== at.sentence) break;
    if (x.inQuote !== at.inQuote) continue;
    // Coordinated ("..., and the board said"), not embedded ("said rebels claimed"): a clause break before it.
    if (x.a > a && x.a < b && (punctChar(doc, x.a - 1) !== '' || CLAUSE_CONJUNCTIONS.at(doc.tokens, x.a - 1))) { b = x.a; break; }
    // "..., hours after the commission confirmed ...", "alleges fraud as commission confirms ...": a clause of time ends the report.
    if (x.a > a + 1 && x.a < b && !x.inQuote && TIME_SUBORDINATORS.at(doc.tokens, x.a - 1)) {
      b = x.a - 1;
      while (b > a + 1 && TIME_LEADS.at(doc.tokens, b - 1)) b--;
      break;
    }
  }
  for (let j = a; j < b; j++) if (punctChar(doc, j) === ';') { b = j; break; }
  // "accused X of Y and called Z ...": a second verb of speech after "and" is the speaker's next act.
  // "accuse X of Y while refusing to explain Z": the participle clause describes the accusers, in the author's words.
  if (ACCUSE_LEMMAS.has(at.info.lemma)) {
    for (let j = a + 2; j + 1 < b; j++) if (lower(doc.tokens, j) === 'while' && tokenQuote[j] === -1 && lower(doc.tokens, j + 1).endsWith('ing')) { b = j; break; }
  }
  // ("and called on X to ...", "and called for ..." is the demand itself: it stays the speaker's words.)
  for (let j = a + 1; j + 1 < b; j++) {
    if (lower(doc.tokens, j) !== 'and' || tokenQuote[j] !== -1 || !SPEECH_AFTER_AND.at(doc.tokens, j + 1)) continue;
    const next = j + 2 < b ? lower(doc.tokens, j + 2) : '';
    if (next === 'on' || next === 'upon' || next === 'for') continue;
    b = j;
    break;
  }
  b = trimEnd(doc, a, b);
  // "have said as much", "said so": the words point back, and report nothing of their own.
  if (!that && b > a) {
    const w = lower(doc.tokens, a);
    const end = w === 'so' || w === 'otherwise' ? a + 1 : w === 'as' && a + 1 < b && lower(doc.tokens, a + 1) === 'much' ? a + 2 : b - a === 1 && POINTING_BACK.has(w) ? a + 1 : -1;
    if (end !== -1 && (end >= b || ADJUNCT_OPENERS.at(doc.tokens, end) || ALSO_WORDS.at(doc.tokens, end))) return null;
  }
  if (b > a && quoted(a) && !at.inQuote) {
    // The words are a quotation, which has its own segment; keep what follows it, if anything.
    const q = quotes[tokenQuote[a]!]!;
    const qb = tokenAtOrAfter(doc, q.span.end);
    a = trimStart(doc, qb, b);
    if (q.attribution === at || a >= b) return null;
  }
  // "..., the energy ministry said on Wednesday.": after the verb only when or where it was said.
  const whenOnly = !that && b > a && b - a <= 10 && ADJUNCT_OPENERS.at(doc.tokens, a) && b >= trimEnd(doc, a, hi);
  if (b > a && !(whenOnly && at.source.a > lo && punctChar(doc, at.source.a - 1) === ',')) return [a, b];
  // "..., the UN said.": the words before the source.
  if (at.source.a > lo && punctChar(doc, at.source.a - 1) === ',') {
    const from = afterDateline(doc, lo, at.source.a - 1);
    const e = trimEnd(doc, from, at.source.a - 1);
    if (e > from && !quoted(e - 1)) return [from, e];
  }
  return null;
}

/** A headline, banner or post as speaker of a quotation with none: "...", one headline read. */
function headlineSpeaker(doc: Doc, q: QuoteInfo): { phrase: SourcePhrase; verb: number } | null {
  const t = doc.tokens;
  const s = doc.sentences[q.lastSentence]!;
  // After the quotation: ', one headline read'.
  let j = q.b;
  while (j < s.tokenEnd && punctChar(doc, j) === ',') j++;
  for (let v = j + 1; v < Math.min(s.tokenEnd, j + 6); v++) {
    if (!isWord(t, v)) break;
    if (HEADLINE_VERBS.at(t, v)) {
      for (let h = j; h < v; h++) {
        if (HEADLINE_HEADS.at(t, h)) {
          const p = parsePhrase(doc, j, v);
          return p ? { phrase: p, verb: v } : null;
        }
      }
      break;
    }
  }
  // Before it: 'one headline read: "..."'.
  const f = doc.sentences[q.firstSentence]!;
  let v = q.a - 1;
  while (v > f.tokenStart && (punctChar(doc, v) === ':' || punctChar(doc, v) === ',')) v--;
  if (v > f.tokenStart && HEADLINE_VERBS.at(t, v)) {
    const p = phraseBefore(doc, v, f.tokenStart);
    if (p && HEADLINE_HEADS.at(t, p.b - 1)) return { phrase: p, verb: v };
  }
  return null;
}

/**
 * "the claim that ...", "Sylvania's accusation that ...", "officials have repeated one explanation
 * for the closure: that ...": reported content after a noun of speech, with its owner where the text
 * says it (a possessive, or the subject of a verb that puts the claim forward).
 */
function nominalSegments(doc: Doc, tokenQuote: Int32Array, verbs: ReadonlySet<number>, out: VoiceSeg[]): void {
  const t = doc.tokens;
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i + 2 < s.tokenEnd; i++) {
      const content = CONTENT_NOUNS.at(t, i);
      if ((!content && !COLON_NOUNS.at(t, i)) || tokenQuote[i] !== -1 || verbs.has(i)) continue;
      // "said in a statement that ...": the verb's own report, not the noun's.
      // (Within the sentence: "..., the monitors said. Claims that P are false." is a report of its own.)
      let spoken = false;
      for (let d = 1; d <= 4 && i - d >= s.tokenStart; d++) if (verbs.has(i - d)) spoken = true;
      if (spoken) continue;
      // "that" right after the noun, or after a colon that ends the noun phrase ("one explanation for the closure: that").
      let that = i + 1;
      let colon = false;
      // "the central claim of the Ardesian campaign, that ...,": its owner after "of", the content between commas.
      const owner = content && lower(t, i + 1) === 'of' ? ownerBeforeComma(doc, i + 2, s.tokenEnd) : -1;
      if (owner !== -1) that = owner + 1;
      else if (!content || lower(t, that) !== 'that') {
        let c = i + 1;
        while (c < Math.min(s.tokenEnd, i + 10) && isWord(t, c)) c++;
        if (c + 1 >= s.tokenEnd || punctChar(doc, c) !== ':') continue;
        // "the foreign press has an answer to all of this: the government is ...": put forward, the words follow the colon.
        if (content && lower(t, c + 1) === 'that') that = c + 1;
        else if (COLON_NOUNS.at(t, i) && putForwardBefore(doc, i, s.tokenStart)) { that = c; colon = true; }
        else continue;
      }
      // "statements that may inflame tensions": a relative clause (a verb right after "that"), not content.
      if (RELATIVE_OPENERS.at(t, that + 1)) continue;
      const a = that + 1;
      let b = s.tokenEnd;
      for (let j = a; j < b; j++) {
        if (punctChar(doc, j) === ';') { b = j; break; }
        // "the X statement that P and the Y statement that Q": Q is another owner's.
        if (lower(t, j) === 'and' && j + 2 < b && (CONTENT_NOUNS.at(t, j + 2) || CONTENT_NOUNS.at(t, j + 3)) && lower(t, CONTENT_NOUNS.at(t, j + 2) ? j + 3 : j + 4) === 'that') { b = j; break; }
      }
      let judged = -1;
      if (owner !== -1) {
        // The clause closes at the next comma; the sentence's verb after it may judge it ("rests on almost nothing").
        let c = a;
        while (c < b && punctChar(doc, c) !== ',') c++;
        if (c < b && REJECT_PHRASES.match(t, c + 1, s.tokenEnd)) judged = c + 1;
        b = c;
      }
      b = trimEnd(doc, a, b);
      if (b <= a) continue;
      let speaker: SourcePhrase | null = null;
      let k = i - 1;
      while (k > s.tokenStart && isWord(t, k) && lower(t, k) !== "'s" && !PUT_FORWARD_VERBS.at(t, k) && !(colon && HAVE.at(t, k))) k--;
      if (k > s.tokenStart && lower(t, k) === "'s") speaker = phraseBefore(doc, k, s.tokenStart);
      else if (k > s.tokenStart && (PUT_FORWARD_VERBS.at(t, k) || (colon && HAVE.at(t, k))) && i - k <= 4) speaker = phraseBefore(doc, subjectEndBefore(doc, k, s.tokenStart), s.tokenStart);
      // "the Velmaran statement that ...": a capitalised word right before the noun names its owner.
      else if (i - 1 > s.tokenStart && isCap(t, i - 1) && ARTICLES.at(t, i - 2)) speaker = parsePhrase(doc, i - 1, i);
      if (owner !== -1) speaker = parsePhrase(doc, i + 2, owner);
      const x = seg({ a, b, sentence: s.index, mode: 'indirect', quoted: false, speaker, resolved: speaker, cueA: i, cueB: that + 1 });
      if (judged !== -1) Object.assign(x, { stance: 'rejects', stanceA: judged, stanceB: judged + REJECT_PHRASES.match(t, judged, s.tokenEnd) });
      out.push(x);
      i = that;
    }
  }
}

/** "of the Ardesian campaign, that": the comma before "that" when a short phrase (no verb of speech) follows "of", else -1. */
function ownerBeforeComma(doc: Doc, from: number, end: number): number {
  const t = doc.tokens;
  let c = from;
  while (c < Math.min(end, from + 6) && isWord(t, c)) c++;
  return c > from && c + 1 < end && punctChar(doc, c) === ',' && lower(t, c + 1) === 'that' ? c : -1;
}

/**
 * Finds the reported parts of a document: quotations (with their speakers), indirect speech and
 * "according to" (from the sourcing layer's attributions), accusations, headlines of others and
 * reported content after nouns ("the claim that ..."). Then nests them, resolves speakers to actors
 * and reads the author's stance toward each.
 */
export function analyseVoice(doc: Doc, sourcing: SourcingAnalysis, actors: ActorAnalysis): VoiceAnalysis {
  const { tokenQuote, attributions, quotes } = sourcing;
  const segs: VoiceSeg[] = [];
  let lastNamed: VoiceSeg | null = null;
  for (const q of quotes) {
    const a = tokenAtOrAfter(doc, q.span.contentStart);
    const b = trimEnd(doc, a, tokenAtOrAfter(doc, q.span.contentEnd));
    if (b <= a) continue;
    const x = seg({ a, b, sentence: q.firstSentence, mode: q.kind === 'speech' ? 'quote' : 'phrase', quoted: true, quote: q, attribution: q.attribution, speaker: q.speaker, resolved: q.resolved });
    if (q.attribution) { x.cueA = q.attribution.verb; x.cueB = q.attribution.verbEnd; }
    // A colon before a quotation names its speaker in headlines ("Minister: ..."), but a headline
    // of another outlet after it is the surer reading ('The card is played: "...", one headline read').
    if ((!q.speaker || q.via === 'colon') && !q.nested) {
      const h = headlineSpeaker(doc, q);
      if (h) { x.speaker = h.phrase; x.resolved = h.phrase; x.cueA = h.verb; x.cueB = h.verb + 1; }
    }
    if (x.speaker && HEADLINE_HEADS.at(doc.tokens, x.speaker.b - 1)) x.mode = 'headline';
    // 'X speaks of "..."', 'X described it as "..."' (and '"..." and even "..."' after it): X's words;
    // also a longer quotation with no speaker of its own ('X calls the protesters "hooligans paid from abroad"').
    if (!x.speaker && !q.nested) {
      const named = namingSpeaker(doc, q.a, doc.sentences[q.firstSentence]!.tokenStart);
      if (named) Object.assign(x, { speaker: named.speaker, resolved: named.speaker, cueA: named.verb, cueB: named.verb + 1 });
      else if (lastNamed && lastNamed.quote && joinedToPrevious(doc, lastNamed.quote.b - 1, q.a)) Object.assign(x, { speaker: lastNamed.speaker, resolved: lastNamed.resolved, cueA: lastNamed.cueA, cueB: lastNamed.cueB });
      if (x.speaker) lastNamed = x;
    }
    // 'Several outlets have used headlines such as "..."': the outlets' words.
    if (!x.speaker && !q.nested) {
      const used = usedWords(doc, q.a, doc.sentences[q.firstSentence]!.tokenStart);
      if (used) Object.assign(x, { speaker: used.speaker, resolved: used.speaker, cueA: used.verb, cueB: used.verb + 1, mode: used.headline ? 'headline' : x.mode });
    }
    segs.push(x);
  }
  const verbs = new Set<number>();
  // Attributions of a quotation that ends before their verb, found once rather than by a scan of
  // the quotations per attribution (quadratic in a long text of quoted speech).
  const quotedBefore = new Set<Attribution>();
  for (const q of quotes) if (q.attribution && q.b <= q.attribution.verb) quotedBefore.add(q.attribution);
  for (let k = 0; k < attributions.length; k++) {
    const at = attributions[k]!;
    verbs.add(at.verb);
    // Only something that can speak: "as if faith explained a land dispute" reports nobody's words
    // (a bare singular noun with no article, name or affiliation).
    const src = at.source;
    if (src.kind === 'unknown' && !src.name && !src.affiliation && !src.pronoun && !src.vague && !src.hearsay && !ARTICLES.at(doc.tokens, src.a) && !DETERMINERS.at(doc.tokens, src.a) && !lower(doc.tokens, src.b - 1).endsWith('s')) continue;
    const r = reported(doc, at, attributions, k, tokenQuote, quotes, quotedBefore);
    if (!r) continue;
    const lemma = at.info.lemma;
    const mode: VoiceMode = lemma === 'according to' ? 'according-to' : ACCUSE_LEMMAS.has(lemma) ? 'accusation' : HEADLINE_HEADS.at(doc.tokens, at.source.b - 1) ? 'headline' : 'indirect';
    segs.push(seg({ a: r[0], b: r[1], sentence: at.sentence, mode, quoted: false, attribution: at, speaker: at.source, cueA: at.verb, cueB: at.verbEnd, denied: lemma === 'deny' }));
  }
  nominalSegments(doc, tokenQuote, verbs, segs);
  // 'Korvani officials describe it as an occupation': the words after "as" are theirs.
  for (const n of asNamings(doc, tokenQuote, verbs)) {
    segs.push(seg({ a: n.a, b: n.b, sentence: doc.tokenSentence[n.a]!, mode: 'indirect', quoted: false, speaker: n.speaker, resolved: n.speaker, cueA: n.verb, cueB: n.verb + 1 }));
  }
  if (segs.length === 0) return { segments: segs, tokenSeg: null, voices: [] };
  segs.sort((x, y) => x.a - y.a || y.b - x.b || (x.quoted === y.quoted ? 0 : x.quoted ? 1 : -1));
  // One segment per range: a quotation and the indirect speech that introduces it can coincide.
  const kept: VoiceSeg[] = [];
  for (const x of segs) {
    const prev = kept[kept.length - 1];
    if (prev && prev.a === x.a && prev.b === x.b) {
      if (x.quoted) { prev.quoted = true; prev.quote = x.quote; prev.mode = prev.mode === 'indirect' ? 'quote' : prev.mode; }
      continue;
    }
    kept.push(x);
  }
  // A per-token array of the document: carved from the token arena (an ArrayBuffer per document costs more than filling it).
  const tokenSeg = arenaInt32(doc.tokens.count).fill(-1);
  for (let i = 0; i < kept.length; i++) {
    const x = kept[i]!;
    let p = tokenSeg[x.a]!;
    while (p !== -1 && kept[p]!.b < x.b) p = kept[p]!.parent;
    x.parent = p;
    tokenSeg.fill(i, x.a, x.b);
  }
  inheritAfterAnd(doc, kept);
  resolveSpeakers(doc, kept, actors);
  findStances(doc, kept, tokenSeg);
  return { segments: kept, tokenSeg, voices: [] };
}

/**
 * 'She accused X of "..." and called the audit "a farce."': a quoted phrase with no speaker, named by
 * a verb of speech right after "and", is the words of whoever spoke just before the "and".
 */
function inheritAfterAnd(doc: Doc, segs: VoiceSeg[]): void {
  const t = doc.tokens;
  for (const x of segs) {
    if (x.speaker || x.parent !== -1 || !x.quoted) continue;
    const from = doc.sentences[x.sentence]!.tokenStart;
    for (let v = x.a - 2; v > from && v >= x.a - 7; v--) {
      if (!SPEECH_AFTER_AND.at(t, v) || lower(t, v - 1) !== 'and') continue;
      const before = segs.find((y) => y !== x && y.speaker && y.parent === -1 && y.sentence === x.sentence && y.b <= v - 1 && y.b >= v - 3);
      if (before) Object.assign(x, { speaker: before.speaker, resolved: before.resolved, cueA: v, cueB: v + 1 });
      break;
    }
  }
}

/** The innermost segment of token i, or -1 (the author's words). */
export function segmentAt(v: VoiceAnalysis, i: number): number {
  return v.tokenSeg === null || i < 0 || i >= v.tokenSeg.length ? -1 : v.tokenSeg[i]!;
}
