import { builtinLexicon } from '../../lexicon/builtin.js';
import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';
import { stem } from '../../lexicon/stem.js';

/** Reporting boilerplate that says nothing about a frame (beyond the shared stopwords). */
const NEWS_STOPWORDS = [
  'since', 'said', 'says', 'say', 'told', 'also', 'would', 'could', 'may', 'might', 'will', 'shall', 'one', 'two', 'three', 'four',
  'five', 'first', 'last', 'new', 'year', 'years', 'week', 'weeks', 'day', 'days', 'month', 'months', 'today', 'yesterday', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'according', 'including', 'percent', 'per', 'cent', 'already',
  'still', 'yet', 'just', 'many', 'much', 'more', 'most', 'several', 'since', 'whether', 'another', 'other', 'others',
];

let stops: Set<string> | null = null;
function stopwords(): Set<string> {
  stops ??= new Set([...builtinLexicon('stopwords'), ...NEWS_STOPWORDS]);
  return stops;
}

/** Lowercased stem of a content word token, or null for function words, numbers and punctuation. */
export function featureOf(doc: Doc, i: number): string | null {
  const t = doc.tokens;
  if (t.kind[i] !== K_WORD) return null;
  const w = tokenLower(t, i);
  return isContentWord(w) ? stem(w) : null;
}

/** True for a lowercased word token that is no function word (featureOf gives its stem). */
export function isContentWord(w: string): boolean {
  return w.length >= 2 && !stopwords().has(w);
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
