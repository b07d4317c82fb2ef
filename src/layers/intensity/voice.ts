import type { Doc } from '../../text/segment.js';
import type { VoiceAnalysis } from '../voice/product.js';

/**
 * Whether the word at a canonical offset is a source's, reported without quotation marks
 * (indirect speech, "according to X", an accusation, another outlet's headline): such heat is what
 * someone else said, so it counts less (the rating guide: one band lower, as quoted words, which
 * the scorer finds from the quotation marks itself). null when no word is reported.
 */
export type ReportedAt = ((at: number) => boolean) | null;

/** The reported words of a document, from the voice layer's segments. */
export function reportedWords(doc: Doc, voice: VoiceAnalysis): ReportedAt {
  const seg = voice.tokenSeg;
  if (seg === null || !voice.segments.some((s) => !s.quoted)) return null;
  const starts = doc.tokens.start;
  const n = doc.tokens.count;
  return (at) => {
    // The last token that starts at or before `at`.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const k = n > 0 ? seg[lo]! : -1;
    return k !== -1 && !voice.segments[k]!.quoted;
  };
}
