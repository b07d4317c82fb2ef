import type { Stance } from '../../core/voice.js';
import { isWord, lower, wordSet } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import { arenaInt32 } from '../../text/tokenise.js';
import type { VoiceSeg } from './analyse.js';
import { HABIT } from '../sourcing/attribution.js';
import {
  ANAPHORS, CONCESSIVE_ADVERBS, CONTRARY, COPULAS, DENIAL_PHRASES, DESPITE, DOUBT_WORDS, ELLIPSIS_AUXILIARIES, ELLIPSIS_SUBJECTS, ENDORSE_ADVERBS, ENDORSE_PHRASES, ENDORSE_WORDS, INTENSIFIERS, REJECT_ADVERBS,
  REJECT_PHRASES, REJECT_WORDS, REPORT_NOUNS,
} from './cues.js';

const BECAUSE = wordSet('because');

/** Strength of each stance, so that a clearer one replaces a weaker ("claimed" doubts; "Such claims are baseless" rejects). */
const RANK: Record<Stance, number> = { doubts: 1, endorses: 2, rejects: 3 };

function set(x: VoiceSeg, stance: Stance, a: number, b: number): void {
  if (x.stance && RANK[x.stance] >= RANK[stance]) return;
  x.stance = stance;
  x.stanceA = a;
  x.stanceB = b;
}

/**
 * A sentence of the author's that judges what was just reported: "Such claims are baseless.",
 * "These accusations are false.", "None of this is true.", "They are right." Returns the stance,
 * or null. Only the sentence's first words may point back (an anaphor and a noun of speech), so
 * that "the claims of the report are baseless" later in a long sentence about something else does
 * not count.
 */
export function judgementOf(doc: Doc, sentence: number): Stance | null {
  const t = doc.tokens;
  const s = doc.sentences[sentence]!;
  const end = s.tokenEnd;
  for (let i = s.tokenStart; i < Math.min(end, s.tokenStart + 3); i++) {
    if (REJECT_PHRASES.match(t, i, end)) return 'rejects';
    if (ENDORSE_PHRASES.match(t, i, end)) return 'endorses';
  }
  // "It deserves a close look, because it is false.": a closing reason that rejects.
  for (let i = s.tokenStart + 1; i < end; i++) {
    // A set read by id: every word of the sentence is tried.
    if (!BECAUSE.at(t, i - 1)) continue;
    const n = REJECT_PHRASES.match(t, i, end);
    if (n && (i + n >= end || !isWord(t, i + n))) return 'rejects';
  }
  const noun = backNoun(doc, sentence);
  // "Such claims are baseless", "The accusations are lies", "Their words ring hollow" (not listed: too open).
  const from = noun !== -1 ? s.tokenStart : -1;
  if (from === -1) return null;
  for (let i = noun + 1; i < end; i++) {
    if (!isWord(t, i)) continue;
    if (REJECT_WORDS.at(t, i) || REJECT_PHRASES.match(t, i, end)) return 'rejects';
    if (ENDORSE_WORDS.at(t, i) && i > noun + 1 && (COPULAS.at(t, i - 1) || INTENSIFIERS.at(t, i - 1))) return 'endorses';
  }
  // A judgement word before the noun: "Such baseless claims deserve no answer."
  for (let i = s.tokenStart; i < noun; i++) if (REJECT_WORDS.at(t, i)) return 'rejects';
  return null;
}

/** Does the sentence open by pointing back at what was reported ("These are serious charges.", "Such claims...")? */
const pointsBack = (doc: Doc, sentence: number): boolean => backNoun(doc, sentence) !== -1;

/**
 * The noun of speech a sentence opens by pointing back with ("Such claims", "These are serious
 * charges", "The accusations"): an anaphor among its first three words and the noun within the
 * three after it; -1 when none.
 */
function backNoun(doc: Doc, sentence: number): number {
  const t = doc.tokens;
  const s = doc.sentences[sentence]!;
  const end = s.tokenEnd;
  for (let i = s.tokenStart; i < Math.min(end, s.tokenStart + 3); i++) {
    if (!ANAPHORS.at(t, i)) continue;
    for (let j = i + 1; j < Math.min(end, i + 4); j++) if (REPORT_NOUNS.at(t, j)) return j;
  }
  // "It is a wonderfully simple story.": a pronoun, a copula, and the noun within five words.
  if (s.tokenStart + 2 < end && BACK_PRONOUNS.has(lower(t, s.tokenStart)) && COPULAS.at(t, s.tokenStart + 1)) {
    for (let j = s.tokenStart + 2; j < Math.min(end, s.tokenStart + 7); j++) if (REPORT_NOUNS.at(t, j)) return j;
  }
  return -1;
}

const BACK_PRONOUNS = new Set(['they', 'these', 'those', 'it', 'such']);

/** "They are also not supported by the record.", "They are false.": a pronoun subject and a rejection. */
function pronounRejects(doc: Doc, sentence: number): boolean {
  const t = doc.tokens;
  const s = doc.sentences[sentence]!;
  if (!BACK_PRONOUNS.has(lower(t, s.tokenStart)) || s.tokenEnd - s.tokenStart > 16) return false;
  for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) if (REJECT_WORDS.at(t, i) || REJECT_PHRASES.match(t, i, s.tokenEnd)) return true;
  return false;
}

/** Words (not punctuation) in a sentence, up to `max` + 1. */
function wordsIn(doc: Doc, sentence: number, max: number): number[] {
  const s = doc.sentences[sentence]!;
  const out: number[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd && out.length <= max; i++) if (isWord(doc.tokens, i)) out.push(i);
  return out;
}

/**
 * A short sentence of the author's that flatly denies the report right before it: an elliptical
 * negation ("It did not.", "They were not.") or a denial that the thing exists ("The mission made
 * no such finding.", "They are nothing of the kind."). Only right after the report: at a distance
 * "It did not." answers whatever came between.
 */
export function rebuttalOf(doc: Doc, sentence: number): boolean {
  const t = doc.tokens;
  const w = wordsIn(doc, sentence, 10);
  if (w.length > 10) return false;
  // "It did not.", "They did not, in fact.", "It didn't.": subject, auxiliary, "not", at most one word more.
  if (w.length >= 2 && w.length <= 4 && ELLIPSIS_SUBJECTS.at(t, w[0]!) && ELLIPSIS_AUXILIARIES.at(t, w[1]!)) {
    const negated = lower(t, w[1]!).endsWith("n't") ? 2 : w.length >= 3 && lower(t, w[2]!) === 'not' ? 3 : 0;
    // "That is not nothing.", "It is not trivial.": a double negative concedes, it does not deny.
    if (negated && w.length > negated && LITOTES.has(lower(t, w[negated]!))) return false;
    if (negated && w.length - negated <= 1) return true;
  }
  const s = doc.sentences[sentence]!;
  for (const i of w) if (DENIAL_PHRASES.match(t, i, s.tokenEnd)) return true;
  return false;
}

/** Words that a negation turns into a concession ("not nothing", "not negligible"). */
const LITOTES = new Set(['nothing', 'none', 'trivial', 'negligible', 'insignificant', 'small', 'minor', 'untrue', 'unfounded', 'baseless', 'wrong', 'false', 'irrelevant', 'meaningless']);

const PERFECT = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are']);

/**
 * The author's next sentence negates the report's own verb with the same subject: "X stated that the
 * board had approved the plan. The board has not approved any plan." (a short sentence, and the
 * subject's head word before the negation).
 */
export function negatesReport(doc: Doc, x: VoiceSeg, sentence: number): boolean {
  const t = doc.tokens;
  const w = wordsIn(doc, sentence, 12);
  if (w.length > 12) return false;
  for (let k = 1; k < w.length - 1; k++) {
    const neg = lower(t, w[k]!);
    if (neg !== 'not' && neg !== 'never') continue;
    const verb = lower(t, w[k + 1]!);
    for (let j = x.a + 2; j < x.b; j++) {
      if (lower(t, j) !== verb || !PERFECT.has(lower(t, j - 1))) continue;
      const head = lower(t, j - 2);
      for (let h = 0; h < k - 1; h++) if (lower(t, w[h]!) === head) return true;
    }
  }
  return false;
}

/**
 * The author's stance toward each segment, where the text shows one: adverbs on the reporting verb
 * ("falsely claimed", "rightly warned"), words of doubt around it ("supposedly"), loaded reporting
 * verbs (claim and allege doubt; admit and reveal endorse), "contrary to X", a judgement right after
 * the reported words in the same sentence ("the claim that ... is false"), or a judgement of the
 * author's in the next sentence ("Such claims are baseless."). Scare quotes in the author's voice doubt.
 */
export function findStances(doc: Doc, segs: VoiceSeg[], tokenSeg: Int32Array): void {
  const t = doc.tokens;
  for (const x of segs) {
    const at = x.attribution;
    const s = doc.sentences[x.sentence]!;
    if (at && !x.quote?.nested) {
      const lo = Math.max(s.tokenStart, Math.min(at.a, at.verb) - 3);
      const hi = Math.min(s.tokenEnd, at.verbEnd + 2);
      for (let i = lo; i < hi; i++) {
        if (i >= x.a && i < x.b) continue;
        if (REJECT_ADVERBS.at(t, i)) set(x, 'rejects', i, i + 1);
        else if (ENDORSE_ADVERBS.at(t, i)) set(x, 'endorses', i, i + 1);
        else if (DOUBT_WORDS.at(t, i)) set(x, 'doubts', i, i + 1);
      }
      // "X nevertheless report ...": the author concedes the report against facts of its own.
      if (at.side === 'before') for (let i = at.source.b; i < at.verb; i++) if (CONCESSIVE_ADVERBS.at(t, i)) set(x, 'doubts', i, i + 1);
      // "Critics like to say that ...": a habit of speech, told with a sneer.
      if (at.verb - 2 >= s.tokenStart && lower(t, at.verb - 1) === 'to' && HABIT.has(lower(t, at.verb - 2))) set(x, 'doubts', at.verb - 2, at.verbEnd);
      if (at.info.note === 'casts doubt') set(x, 'doubts', at.verb, at.verbEnd);
      else if (at.info.note === 'presupposes truth') set(x, 'endorses', at.verb, at.verbEnd);
      // "Contrary to what the ministry claims", "Despite Sylvania's claims".
      for (let i = Math.max(s.tokenStart, Math.min(at.a, x.a) - 5); i < Math.min(at.a, x.a); i++) {
        const n = CONTRARY.match(t, i, s.tokenEnd);
        if (n) set(x, 'rejects', i, i + n);
        else if (DESPITE.at(t, i)) set(x, 'doubts', i, i + 1);
      }
    }
    if (x.mode === 'phrase' && x.speaker === null && x.parent === -1 && x.b - x.a <= 4) set(x, 'doubts', x.a - 1, x.b + 1);
    // "the claim that ... is baseless": the judgement closes the sentence; the report stops before it.
    if (!x.quoted) {
      for (let i = x.b - 1; i > x.a + 1; i--) {
        if (!isWord(t, i)) continue;
        const judged = REJECT_WORDS.at(t, i) ? 'rejects' : ENDORSE_WORDS.at(t, i) ? 'endorses' : null;
        if (!judged) break;
        let c = i - 1;
        while (c > x.a && INTENSIFIERS.at(t, c)) c--;
        if (COPULAS.at(t, c) && x.cueA !== -1 && x.attribution === null) {
          set(x, judged, c, i + 1);
          x.b = c;
        }
        break;
      }
    }
  }
  // A judgement of the author's after the reports ("These charges are not supported by any
  // evidence."): it judges every top-level report that ends in the sentence before, and in a run of
  // up to three sentences of reports before it ("X speaks of ... . Y has described ... . These
  // charges are ..."): a plural noun of speech looks back over all of them. One sentence of the
  // author's may stand between, and the judgement may open the next paragraph.
  // 1 where a top-level report ends; from the token arena (an ArrayBuffer per document costs more).
  const reportIn = arenaInt32(doc.sentences.length);
  // A sentence that names its own claim ("the central claim of X, that P, rests on nothing") judges that claim, not earlier ones.
  const ownClaim = arenaInt32(doc.sentences.length);
  for (const x of segs) {
    if (x.parent === -1) reportIn[doc.tokenSentence[x.b - 1]!] = 1;
    if (x.parent === -1 && x.attribution === null && !x.quoted && x.cueA !== -1 && x.cueA < x.a) ownClaim[x.sentence] = 1;
  }
  const judged = new Map<number, { stance: Stance; sentence: number } | null>();
  for (const x of segs) {
    if (x.parent !== -1) continue;
    const last = doc.tokenSentence[x.b - 1]!;
    let j = judged.get(last);
    if (j === undefined) {
      j = null;
      const para = doc.sentences[last]!.paragraph;
      let skipped = false;
      for (let n = last + 1; n < doc.sentences.length && n <= last + 3; n++) {
        const sn = doc.sentences[n]!;
        // The next paragraph may open with the judgement ("These charges are not supported..."), nothing after it.
        const opensNext = sn.paragraph === para + 1 && doc.paragraphs[sn.paragraph]!.sentenceStart === n;
        if (sn.paragraph !== para && !opensNext) break;
        const authors = tokenSeg[sn.tokenStart] === -1;
        const stance = !authors || ownClaim[n] ? null : n === last + 1 && rebuttalOf(doc, n) ? 'rejects' : judgementOf(doc, n);
        if (stance) { j = { stance, sentence: n }; break; }
        // "These are serious charges. They are also not supported by the record.": a sentence that
        // points back at the reports without judging them, then a judgement about "they".
        if (authors && pointsBack(doc, n)) {
          const m = n + 1;
          if (m < doc.sentences.length && doc.sentences[m]!.paragraph === sn.paragraph && tokenSeg[doc.sentences[m]!.tokenStart] === -1 && pronounRejects(doc, m)) { j = { stance: 'rejects', sentence: m }; break; }
        }
        if (opensNext) break;
        // More reports continue the run, unless a sentence of the author's came first: then a
        // judgement after them is theirs.
        if (reportIn[n]) {
          if (skipped) break;
          continue;
        }
        // One sentence of the author's own may stand right before the judgement ("No attack has been documented.").
        if (!authors || skipped) break;
        skipped = true;
      }
      judged.set(last, j);
    }
    if (j) set(x, j.stance, doc.sentences[j.sentence]!.tokenStart, doc.sentences[j.sentence]!.tokenEnd);
    else {
      const n = last + 1;
      if (n < doc.sentences.length && doc.sentences[n]!.paragraph === doc.sentences[last]!.paragraph && tokenSeg[doc.sentences[n]!.tokenStart] === -1 && negatesReport(doc, x, n)) set(x, 'rejects', doc.sentences[n]!.tokenStart, doc.sentences[n]!.tokenEnd);
    }
  }
}
