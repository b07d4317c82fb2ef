import { isContentWord } from '../../lexicon/content-words.js';
import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';
import { stem } from '../../lexicon/stem.js';

/** Lowercased stem of a content word token, or null for function words, numbers and punctuation. */
export function featureOf(doc: Doc, i: number): string | null {
  const t = doc.tokens;
  if (t.kind[i] !== K_WORD) return null;
  const w = tokenLower(t, i);
  return isContentWord(w) ? stem(w) : null;
}

/** Length of the prefix feature that lets "refugee", "refuge" and "refugees" share evidence. */
export const PREFIX_LENGTH = 5;

/** The features of one content-word stem: the stem itself, and its prefix when the stem is longer. */
export function expandFeature(stemmed: string): string[] {
  return stemmed.length > PREFIX_LENGTH + 1 ? [stemmed, `${stemmed.slice(0, PREFIX_LENGTH)}~`] : [stemmed];
}

const expanded = new Map<string, string[]>();

/** Content-word features of the token range [from, to), with the token index of each. */
export function featuresOf(doc: Doc, from: number, to: number): Array<{ f: string; token: number }> {
  const out: Array<{ f: string; token: number }> = [];
  for (let i = from; i < to; i++) {
    const s = featureOf(doc, i);
    if (s === null) continue;
    let fs = expanded.get(s);
    if (!fs) {
      if (expanded.size >= 100_000) expanded.clear();
      expanded.set(s, (fs = expandFeature(s)));
    }
    for (const f of fs) out.push({ f, token: i });
  }
  return out;
}
