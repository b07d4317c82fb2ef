import { isWord, lower, punctChar, wordSet } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import { phraseBefore, type SourcePhrase } from '../sourcing/noun-phrase.js';
import { HEADLINE_HEADS } from './cues.js';

/*
 * Words a source gives a name to: 'X speaks of "genocide"', 'Y described the closure as "collective
 * punishment"', 'Z describe it as an occupation', 'outlets used headlines such as "..."'. The named
 * words are the source's, not the author's, although no verb of saying introduces them.
 */

/** Verbs by which a subject names something, the quoted words following within the clause. */
const NAMING_VERBS = wordSet(
  'describe describes described describing call calls called calling label labels labelled labeled labelling labeling ' +
    'brand brands branded branding term terms termed dub dubs dubbed denounce denounces denounced denouncing decry decries ' +
    'decried characterise characterises characterised characterize characterizes characterized portray portrays portrayed ' +
    'refer refers referred use uses used using',
);
/** Verbs that name only with "of" or "about" after them ("speak of", "talk about", "warn of"). */
const SPEAK_OF = wordSet('speak speaks spoke speaking talk talks talked talking warn warns warned warning');
const OF_ABOUT = wordSet('of about');
/** "describe X as Z" without quotation marks: Z is the subject's word. */
const AS_VERBS = wordSet(
  'describe describes described describing label labels labelled labeled brand brands branded characterise characterises ' +
    'characterised characterize characterizes characterized portray portrays portrayed denounce denounces denounced decry decries decried dismiss dismisses dismissed',
);
const AS = wordSet('as');
/** "used" names only with an object that is words: "used the word", "use headlines such as". */
const USE = wordSet('use uses used using');
const WORD_NOUNS = wordSet('word words term terms phrase phrases language label labels expression expressions slogan slogans');
/** "called on", "called for": not a naming. */
const CALL = wordSet('call calls called calling');
const CALL_PARTICLES = wordSet('on for off up in upon');
/** Between a subject and its verb: auxiliaries and a few adverbs ("has repeatedly described"). */
const VERB_FILLERS = wordSet('has have had is are was were will would also even repeatedly openly now already routinely often publicly loudly have been not never');
const CLAUSE_WORDS = wordSet('said says told that which who because while whereas although though but');

/** A naming: the subject (first conjunct of "X and Y"), the verb's tokens, and whether the words are a headline. */
export interface Naming {
  speaker: SourcePhrase;
  verb: number;
  verbEnd: number;
  headline: boolean;
}

/** The subject of the verb at `verb`, within [limit, verb): "X", "X, the spokeswoman,", "X and Y" (X). */
function subjectBefore(doc: Doc, verb: number, limit: number): SourcePhrase | null {
  let g = verb;
  while (g - 1 >= limit && VERB_FILLERS.at(doc.tokens, g - 1)) g--;
  const p = phraseBefore(doc, g, limit);
  if (!p || p.b < g - 1) return null;
  if (p.a - 1 > limit && lower(doc.tokens, p.a - 1) === 'and') return phraseBefore(doc, p.a - 1, limit) ?? p;
  return p;
}

/**
 * The naming that introduces a quotation opening at token `open` (its first mark), when no verb of
 * saying does: the naming verb is at most ten words back in the same clause (other quotations,
 * "and", "even" may stand between: 'speak of "ethnic cleansing" and even "genocide"').
 */
export function namingBefore(doc: Doc, open: number, sentenceStart: number, tokenQuote: Int32Array): Naming | null {
  const t = doc.tokens;
  let words = 0;
  let hasWordNoun = false;
  for (let i = open - 1; i >= sentenceStart && words <= 10; i--) {
    if (tokenQuote[i] !== -1) continue;
    if (!isWord(t, i)) {
      const c = punctChar(doc, i);
      if (c === '"' || c === '\u201c' || c === '\u201d' || c === "'") continue;
      if (c !== '' && c !== '-') return null;
      continue;
    }
    if (CLAUSE_WORDS.at(t, i)) return null;
    if (WORD_NOUNS.at(t, i) || HEADLINE_HEADS.at(t, i)) hasWordNoun = true;
    let verbEnd = -1;
    if (SPEAK_OF.at(t, i) && i + 1 < open && OF_ABOUT.at(t, i + 1)) verbEnd = i + 2;
    else if (NAMING_VERBS.at(t, i)) {
      if (USE.at(t, i) && !hasWordNoun) return null;
      if (CALL.at(t, i) && i + 1 < open && CALL_PARTICLES.at(t, i + 1)) return null;
      verbEnd = i + 1;
    }
    if (verbEnd !== -1) {
      const speaker = subjectBefore(doc, i, sentenceStart);
      if (!speaker) return null;
      let headline = false;
      for (let j = i + 1; j < open; j++) if (HEADLINE_HEADS.at(t, j)) headline = true;
      return { speaker, verb: i, verbEnd, headline };
    }
    words++;
  }
  return null;
}

/**
 * Unquoted namings: 'Kestrian officials describe it as an occupation'. Returns [speaker, verb, a, b)
 * for each, where [a, b) are the named words (after "as", to the clause's end).
 */
export function asNamings(doc: Doc, tokenQuote: Int32Array, verbs: ReadonlySet<number>): Array<{ speaker: SourcePhrase; verb: number; a: number; b: number }> {
  const t = doc.tokens;
  const out: Array<{ speaker: SourcePhrase; verb: number; a: number; b: number }> = [];
  for (const s of doc.sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd - 2; i++) {
      if (!AS_VERBS.at(t, i) || verbs.has(i) || tokenQuote[i] !== -1) continue;
      // "as" within six words, in the same clause.
      let as = -1;
      for (let j = i + 1; j < Math.min(s.tokenEnd - 1, i + 7); j++) {
        if (!isWord(t, j)) break;
        if (AS.at(t, j)) { as = j; break; }
      }
      if (as === -1 || tokenQuote[as + 1] !== -1 || punctChar(doc, as + 1) !== '') continue;
      let b = as + 1;
      while (b < s.tokenEnd && (isWord(t, b) || punctChar(doc, b) === '-' || punctChar(doc, b) === "'") && !CLAUSE_WORDS.at(t, b) && lower(t, b) !== 'and') b++;
      if (b <= as + 1) continue;
      const speaker = subjectBefore(doc, i, s.tokenStart);
      if (speaker) out.push({ speaker, verb: i, a: as + 1, b });
    }
  }
  return out;
}
