import type { Stance } from '../../core/voice.js';
import { isWord } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import type { VoiceSeg } from './analyse.js';
import {
  ANAPHORS, CONTRARY, COPULAS, DESPITE, DOUBT_WORDS, ENDORSE_ADVERBS, ENDORSE_PHRASES, ENDORSE_WORDS, INTENSIFIERS, REJECT_ADVERBS,
  REJECT_PHRASES, REJECT_WORDS, REPORT_NOUNS,
} from './cues.js';

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
  let noun = -1;
  for (let i = s.tokenStart; i < Math.min(end, s.tokenStart + 3); i++) {
    if (!ANAPHORS.at(t, i)) continue;
    for (let j = i + 1; j < Math.min(end, i + 4); j++) if (REPORT_NOUNS.at(t, j)) { noun = j; break; }
    if (noun !== -1) break;
  }
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
  const reportIn = new Uint8Array(doc.sentences.length);
  for (const x of segs) if (x.parent === -1) reportIn[doc.tokenSentence[x.b - 1]!] = 1;
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
        const stance = authors ? judgementOf(doc, n) : null;
        if (stance) { j = { stance, sentence: n }; break; }
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
  }
}
