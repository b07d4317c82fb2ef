/**
 * Whose words a quoted phrase is when the text names who uses it: 'Tarvian officials speak of
 * "ethnic cleansing"', 'the spokeswoman has described the closure as "collective punishment"',
 * 'critics call it "a land grab"'. The quotation marks there are not the author's scare quotes but
 * the accuser's words, and a finding inside them is in the accuser's voice. A phrase coordinated
 * with such a phrase ('"ethnic cleansing" and even "genocide"') has the same speaker.
 */
import { isCap, isWord, lower, punctChar, wordSet } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import { timePhraseStart } from '../../lexicon/dates.js';
import { phraseAfter, phraseBefore, type SourcePhrase } from '../sourcing/noun-phrase.js';

/** Verbs whose "of" introduces the words used: "speak of", "talk of", "warn of". */
const OF_VERBS = wordSet('speak speaks spoke spoken speaking talk talks talked talking');
/** Verbs whose "as" introduces the words used: "described the closure as". */
const AS_VERBS = wordSet(
  'describe describes described describing characterise characterises characterised characterising characterize ' +
    'characterizes characterized characterizing portray portrays portrayed portraying depict depicts depicted depicting ' +
    'paint paints painted painting denounce denounces denounced denouncing decry decries decried decrying condemn condemns ' +
    'condemned condemning brand brands branded branding label labels labelled labeled labelling labeling refer refers ' +
    'referred referring cast casts casting dismiss dismisses dismissed dismissing',
);
/** Verbs followed by the words themselves within a few words: "call it", "dubbed the plan". */
const NAME_VERBS = wordSet('call calls called calling term terms termed terming dub dubs dubbed dubbing brand brands branded label labels labelled labeled');
/** Words between a subject and its verb: "has described", "have repeatedly spoken". */
const AUXILIARIES = wordSet(
  'has have had is are was were be been being also repeatedly openly now even already often routinely publicly then ' +
    'loudly regularly increasingly still again long will would may might',
);
/** Words that join two quoted phrases of one list ('"a" and even "b"'). */
const JOINERS = wordSet('and or even also then later nor');

const MAX_BACK = 14;

/**
 * Where the subject of the verb at `verb` ends, skipping auxiliaries and adverbs between them:
 * "has described", "have at times spoken", "has repeatedly and loudly described".
 */
export function subjectEnd(doc: Doc, verb: number, from: number): number {
  const t = doc.tokens;
  let end = verb;
  for (;;) {
    const w = end > from ? lower(t, end - 1) : '';
    if (end > from && (AUXILIARIES.at(t, end - 1) || (isWord(t, end - 1) && w.length > 4 && w.endsWith('ly')))) end--;
    else if (end - 1 > from && w === 'and' && lower(t, end - 2).endsWith('ly')) end--;
    else if (end - 1 > from && w === 'times' && lower(t, end - 2) === 'at') end -= 2;
    else if (timePhraseStart(doc, end, from) < end) end = timePhraseStart(doc, end, from);
    else return end;
  }
}

/** Auxiliaries that make a naming verb passive: "he was denounced as a traitor". */
const PASSIVE_AUX = wordSet('was were is are been being be get gets got');
const QUOTE_MARKS = new Set(['"', '\u201d', '\u201c', "'", '\u2019']);

/**
 * The speaker of a passive naming, whose subject is the one named, not the one naming: the agent
 * after "by" ("the plan was branded a land grab by critics"), or a capital after "in" standing for
 * its government ("he was denounced in Brussels as a traitor"); null when the sentence names none.
 * Undefined when the verb at `v` is not passive. Looks at tokens (v, until).
 */
export function passiveSpeaker(doc: Doc, v: number, until: number, from: number, quoteOpen = -1): SourcePhrase | null | undefined {
  const t = doc.tokens;
  let k = v - 1;
  while (k > from && isWord(t, k) && lower(t, k).length > 4 && lower(t, k).endsWith('ly')) k--;
  if (k < from || !PASSIVE_AUX.at(t, k)) return undefined;
  // Words inside the quotation opening at `quoteOpen` are the quoted ones' ('"killed by the army"').
  let inQuote = false;
  for (let j = v + 1; j + 1 < until; j++) {
    if (j === quoteOpen) inQuote = true;
    else if (inQuote && QUOTE_MARKS.has(punctChar(doc, j))) inQuote = false;
    if (inQuote) continue;
    const w = lower(t, j);
    if (w === 'by' || (w === 'in' && isCap(t, j + 1))) {
      const p = phraseAfter(doc, j + 1, until);
      if (p) return p;
    }
  }
  return null;
}

export interface NamedPhrase {
  speaker: SourcePhrase;
  verb: number;
}

/**
 * The speaker of a quoted phrase whose opening mark is token `open`, read from the words before it
 * in the same sentence [from, open); null when no naming verb governs it.
 */
export function namingSpeaker(doc: Doc, open: number, from: number): NamedPhrase | null {
  const t = doc.tokens;
  const lo = Math.max(from, open - MAX_BACK);
  for (let v = open - 1; v >= lo; v--) {
    const c = punctChar(doc, v);
    // Another clause or sentence part: the verb would not govern the phrase.
    if (c === ';' || c === ':' || c === '.' || c === '!' || c === '?') return null;
    let governs = false;
    if (OF_VERBS.at(t, v)) {
      // "speak of", and with an adverb between: "spoken carelessly of".
      const of = lower(t, v + 1) === 'of' ? v + 1 : lower(t, v + 1).endsWith('ly') && lower(t, v + 2) === 'of' ? v + 2 : -1;
      governs = of !== -1 && open <= of + 2;
    }
    else if (AS_VERBS.at(t, v)) governs = open - 1 > v && lower(t, open - 1) === 'as';
    if (!governs && NAME_VERBS.at(t, v)) governs = open - v <= 4;
    if (!governs) continue;
    // A passive's agent may follow the quotation: 'described as "..." by the envoy'.
    const passive = passiveSpeaker(doc, v, doc.sentences[doc.tokenSentence[open]!]!.tokenEnd, from, open);
    if (passive !== undefined) return passive ? { speaker: passive, verb: v } : null;
    const end = subjectEnd(doc, v, from);
    let speaker = phraseBefore(doc, end, from);
    // "Tarvian officials and their supporters speak of": the first named stands for the list.
    while (speaker && speaker.a - 1 > from && (lower(t, speaker.a - 1) === 'and' || lower(t, speaker.a - 1) === 'or')) {
      const first = phraseBefore(doc, speaker.a - 1, from);
      if (!first) break;
      speaker = first;
    }
    return speaker ? { speaker, verb: v } : null;
  }
  return null;
}

/** Is the quotation opening at token `open` joined to one closing at token `prevClose` ('"a" and even "b"')? */
export function joinedToPrevious(doc: Doc, prevClose: number, open: number): boolean {
  if (prevClose < 0 || open <= prevClose || open - prevClose > 4) return false;
  for (let i = prevClose + 1; i < open; i++) if (!JOINERS.at(doc.tokens, i) && punctChar(doc, i) !== ',') return false;
  return true;
}

/** Words that end the named words of an unquoted naming ("describe it as an occupation and ..."). */
const CLAUSE_WORDS = wordSet('and but that which who because while whereas although though said says');

/**
 * Unquoted namings: 'Korvani officials describe it as an occupation'. For each, the subject, the
 * verb, and the named words [a, b) (after "as", to the clause's end): they are the subject's words.
 */
export function asNamings(doc: Doc, tokenQuote: Int32Array, verbs: ReadonlySet<number>): Array<{ speaker: SourcePhrase; verb: number; a: number; b: number }> {
  const t = doc.tokens;
  const out: Array<{ speaker: SourcePhrase; verb: number; a: number; b: number }> = [];
  for (const s of doc.sentences) {
    for (let v = s.tokenStart + 1; v < s.tokenEnd - 2; v++) {
      if (!AS_VERBS.at(t, v) || verbs.has(v) || tokenQuote[v] !== -1) continue;
      let as = -1;
      for (let j = v + 1; j < Math.min(s.tokenEnd - 1, v + 7); j++) {
        if (!isWord(t, j)) break;
        if (lower(t, j) === 'as') { as = j; break; }
      }
      if (as === -1 || tokenQuote[as + 1] !== -1 || punctChar(doc, as + 1) !== '') continue;
      let b = as + 1;
      while (b < s.tokenEnd && (isWord(t, b) || punctChar(doc, b) === '-' || punctChar(doc, b) === "'") && !CLAUSE_WORDS.at(t, b)) b++;
      // 'as an attempt to "strangle the valley"': the naming runs on through a quotation it opens into.
      if (b > as + 1 && b < s.tokenEnd && tokenQuote[b] !== -1) {
        const q = tokenQuote[b]!;
        while (b < s.tokenEnd && tokenQuote[b] === q) b++;
        while (b > as + 1 && punctChar(doc, b - 1) !== '' && punctChar(doc, b - 1) !== '"') b--;
      }
      if (b <= as + 1) continue;
      const passive = passiveSpeaker(doc, v, as, s.tokenStart);
      if (passive !== undefined) {
        if (passive) out.push({ speaker: passive, verb: v, a: as + 1, b });
        continue;
      }
      const end = subjectEnd(doc, v, s.tokenStart);
      let speaker = phraseBefore(doc, end, s.tokenStart);
      if (speaker && speaker.a - 1 > s.tokenStart && lower(t, speaker.a - 1) === 'and') speaker = phraseBefore(doc, speaker.a - 1, s.tokenStart) ?? speaker;
      if (speaker) out.push({ speaker, verb: v, a: as + 1, b });
    }
  }
  return out;
}

const USE = wordSet(
  'use uses used using ran run runs carried carries settle settles settled settling chose choose chooses chosen choosing ' +
    'adopt adopts adopted adopting coin coins coined coining pick picks picked picking',
);
const WORD_NOUNS = wordSet('word words term terms phrase phrases language label labels expression expressions slogan slogans');
const HEADLINE_NOUNS = wordSet('headline headlines banner banners title titles');

/**
 * 'Several outlets have used headlines such as "..."', 'they use words like "..."', 'they settled on
 * one word for it: "..."': the quoted words
 * are the subject's (a headline when the noun says so). `open` is the quotation's opening mark.
 */
export function usedWords(doc: Doc, open: number, from: number): (NamedPhrase & { headline: boolean }) | null {
  const t = doc.tokens;
  let noun = -1;
  // 'settled on one phrase for the operation: "..."': after a colon the noun phrase may be longer.
  const colon = open - 1 >= from && punctChar(doc, open - 1) === ':';
  for (let v = open - 1; v >= Math.max(from, open - (colon ? 16 : 8)); v--) {
    const c = punctChar(doc, v);
    if (c !== '' && c !== ',' && !(c === ':' && v === open - 1)) return null;
    if (WORD_NOUNS.at(t, v) || HEADLINE_NOUNS.at(t, v)) noun = v;
    if (!USE.at(t, v)) continue;
    if (noun === -1) return null;
    const end = subjectEnd(doc, v, from);
    let speaker = phraseBefore(doc, end, from);
    // "Officials and their allies settled on": the first named stands for the list.
    while (speaker && speaker.a - 1 > from && (lower(t, speaker.a - 1) === 'and' || lower(t, speaker.a - 1) === 'or')) {
      const first = phraseBefore(doc, speaker.a - 1, from);
      if (!first) break;
      speaker = first;
    }
    return speaker ? { speaker, verb: v, headline: HEADLINE_NOUNS.at(t, noun) } : null;
  }
  return null;
}
