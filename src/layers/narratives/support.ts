import type { Doc } from '../../text/segment.js';
import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { DocEvidence } from './evidence.js';

/**
 * How much a document's explicit evidence supports each item, and whether a narrative has the
 * support a long text needs before it can be chosen.
 *
 * Two ways a narrative came out on weak evidence (found by cross-validation over the training
 * documents, scripts/study-narratives-decision.ts):
 * - A one-word cue of the pack ("observers", "recognised", "inflation", "corruption") is often
 *   used in passing: an election wire mentions observers without telling a story of peace talks.
 *   Such a cue counts only where its sentence corroborates it: the sentence model leans to the same
 *   item there, or the sentence holds other evidence of it. Phrases ("peace talks", "kiev regime")
 *   and hyphenated compounds ("neo-nazi") count as they are.
 * - A long text has many sentences, so some narrative nearly always has one mid-scoring sentence.
 *   In a text of LONG_TEXT sentences or more, a narrative is chosen only with two sentences that
 *   lean to it, or a corroborated cue. A short text is judged by its scores alone.
 * The stacker and the thresholds are fitted with both in place, so the thresholds can be lower
 * where weak evidence no longer passes them. A pack opts in (`evidenceRules: true`): on CV they
 * raised the disputes and climate packs and lowered the URW pack (docs/evaluation.md, Narratives).
 */

/** From this many sentences, a text is long. */
export const LONG_TEXT = 15;

/** Is the hit a cue of one word without a hyphen (a word used in passing as often as in the story)? */
function oneWordCue(doc: Doc, kind: string, a: number, b: number): boolean {
  return kind === 'cue' && b - a === 1 && !tokenLower(doc.tokens, a).includes('-');
}

/**
 * A sentence shorter than this ("OBSERVERS DIVIDED", a crosshead) leans to whatever its one cue
 * says: the sentence model reads the cue itself there, so its lean corroborates nothing.
 */
const MIN_WORDS = 4;

function wordsIn(doc: Doc, s: number): number {
  const sent = doc.sentences[s]!;
  let n = 0;
  for (let i = sent.tokenStart; i < sent.tokenEnd && n < MIN_WORDS; i++) if (doc.tokens.kind[i] === K_WORD) n++;
  return n;
}

/**
 * Per item, the explicit evidence that counts (into `cues`) and whether some of it is corroborated
 * (into `corroborated`, 1): every hit except a one-word cue whose sentence neither leans to its item
 * (logit above 0 in z, sentence s and item l at s * L + l) nor holds other evidence of it.
 */
export function cueSupport(doc: Doc, ev: Pick<DocEvidence, 'hits' | 'hitOff'>, z: Float64Array, L: number, cues: Float64Array, corroborated: Uint8Array): void {
  cues.fill(0, 0, L);
  corroborated.fill(0, 0, L);
  const { hits, hitOff } = ev;
  const S = hitOff.length - 1;
  for (let s = 0; s < S; s++) {
    const h0 = hitOff[s]!;
    const h1 = hitOff[s + 1]!;
    for (let h = h0; h < h1; h++) {
      const hit = hits[h]!;
      const l = hit.item;
      let ok = !oneWordCue(doc, hit.kind, hit.a, hit.b) || (z[s * L + l]! > 0 && wordsIn(doc, s) >= MIN_WORDS);
      for (let k = h0; !ok && k < h1; k++) if (k !== h && hits[k]!.item === l) ok = true;
      if (!ok) continue;
      cues[l]!++;
      corroborated[l] = 1;
    }
  }
}

/**
 * Whether each label may be chosen (1) in a text of S sentences: always in a short text; in a long
 * one, with two sentences that lean to it (`count`) or a corroborated cue. `narrative[l]` is 1 for
 * the labels the rule applies to (sub-narratives are chosen only under a chosen narrative anyway).
 */
export function supportedLabels(S: number, count: ArrayLike<number>, corroborated: ArrayLike<number>, narrative: ArrayLike<number>, out: Uint8Array): Uint8Array {
  const L = out.length;
  for (let l = 0; l < L; l++) out[l] = S < LONG_TEXT || !narrative[l] || count[l]! >= 2 || corroborated[l] === 1 ? 1 : 0;
  return out;
}

/**
 * The explicit evidence counts the stacker reads (into `cues`) and which labels may be chosen (into
 * `eligible`; null: all) for a pack: with its `evidenceRules`, as above; without, every hit counts.
 */
export function documentSupport(
  evidenceRules: boolean,
  doc: Doc,
  ev: Pick<DocEvidence, 'hits' | 'hitOff'>,
  z: Float64Array,
  L: number,
  count: ArrayLike<number>,
  narrative: ArrayLike<number>,
  cues: Float64Array,
  corroborated: Uint8Array,
  eligible: Uint8Array,
): Uint8Array | null {
  if (!evidenceRules) {
    cues.fill(0, 0, L);
    for (const h of ev.hits) cues[h.item]!++;
    return null;
  }
  cueSupport(doc, ev, z, L, cues, corroborated);
  return supportedLabels(doc.sentences.length, count, corroborated, narrative, eligible);
}
