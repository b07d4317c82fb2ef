import type { Doc } from '../../text/segment.js';
import { K_NUMBER, K_WORD, tokenLower } from '../../text/tokenise.js';

/**
 * Counts a headline or body states: digits with separators and multipliers ("1.5 million") and
 * number words ("dozens", "two thousand"); years and percentages are not counts.
 */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, thousand: 1000, dozen: 12, dozens: 24, scores: 40, hundreds: 200,
  thousands: 2000, millions: 2_000_000, billions: 2_000_000_000,
};
const MULTIPLIERS: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

export interface NumberMention {
  value: number;
  text: string;
}

/** Numbers in a token range: digits with separators and multipliers ("1.5 million"), and number words. */
export function numbersIn(doc: Doc, from: number, to: number): NumberMention[] {
  const t = doc.tokens;
  const out: NumberMention[] = [];
  for (let i = from; i < to; i++) {
    const kind = t.kind[i];
    const c = doc.text.charCodeAt(t.start[i]!);
    const digit = c >= 48 && c <= 57;
    // Only number tokens, words and tokens starting with a digit can be numbers.
    if (kind !== K_NUMBER && kind !== K_WORD && !digit) continue;
    const w = tokenLower(t, i);
    let value: number | null = null;
    let end = i;
    if (kind === K_NUMBER || (digit && /^\d[\d,.]*$/.test(w))) {
      const v = Number(w.replace(/,/g, ''));
      if (!Number.isFinite(v)) continue;
      // Years and percentages are not counts of people or things.
      if (Number.isInteger(v) && v >= 1900 && v <= 2100 && !w.includes(',')) continue;
      value = v;
    } else if (kind === K_WORD && w in NUMBER_WORDS) {
      value = NUMBER_WORDS[w]!;
      // "a hundred", "two thousand" read as one number below.
    } else continue;
    const next = i + 1 < to ? tokenLower(t, i + 1) : '';
    if (next in MULTIPLIERS) {
      value *= MULTIPLIERS[next]!;
      end = i + 1;
    } else if (next === 'hundred' && value < 100) {
      value *= 100;
      end = i + 1;
    }
    if (i + 1 < to && doc.text[t.start[i + 1]!] === '%') continue;
    out.push({ value, text: doc.text.slice(t.start[i]!, t.end[end]!) });
    i = end;
  }
  return out;
}
