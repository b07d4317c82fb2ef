import type { NarrativeExplanation } from '../../core/narratives.js';
import type { SpanRef } from '../../core/report.js';
import type { Doc } from '../../text/segment.js';
import { K_NUMBER, K_WORD } from '../../text/tokenise.js';

export const MAX_EXPLANATION_WORDS = 80;

/** A sentence to quote, with the token range of its strongest cue (or -1). */
export interface ExplanationSource {
  sentence: number;
  cueA: number;
  cueB: number;
}

const isWordTok = (doc: Doc, i: number) => doc.tokens.kind[i] === K_WORD || doc.tokens.kind[i] === K_NUMBER;

/**
 * An extractive explanation: the evidence sentences in order of strength, whole while they fit in
 * `max` words; a sentence that does not fit is cut to a window of words around its cue, so that the
 * explanation is the text's own words, at most `max` of them, each part with its original offsets.
 */
export function explain(doc: Doc, sources: readonly ExplanationSource[], span: (start: number, end: number) => SpanRef, max = MAX_EXPLANATION_WORDS): NarrativeExplanation {
  const parts: SpanRef[] = [];
  let words = 0;
  for (const src of sources) {
    if (words >= max) break;
    const s = doc.sentences[src.sentence]!;
    const idx: number[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (isWordTok(doc, i)) idx.push(i);
    if (idx.length === 0) continue;
    const budget = max - words;
    let a = s.tokenStart;
    let b = s.tokenEnd;
    let used = idx.length;
    if (idx.length > budget) {
      if (parts.length > 0 && budget < 8) break;
      // A window of `budget` words centred on the cue.
      const cueAt = src.cueA >= 0 ? Math.max(0, idx.findIndex((i) => i >= src.cueA)) : 0;
      let from = Math.max(0, cueAt - Math.floor(budget / 3));
      const to = Math.min(idx.length, from + budget);
      from = Math.max(0, to - budget);
      a = from === 0 ? s.tokenStart : idx[from]!;
      b = to === idx.length ? s.tokenEnd : idx[to - 1]! + 1;
      used = to - from;
    }
    const sp = span(doc.tokens.start[a]!, doc.tokens.end[b - 1]!);
    if (sp.end <= sp.start) continue;
    parts.push(sp);
    words += used;
  }
  return { text: parts.map((p) => p.text.replace(/\s+/g, ' ').trim()).join(' … '), parts, words };
}
