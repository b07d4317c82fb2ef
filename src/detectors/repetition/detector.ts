import { K_WORD, tokenLower } from '../../text/tokenise.js';
import { vocab } from '../../text/vocab.js';
import type { Detector, DetectorContext } from '../engine/contract.js';
import { builtinLexicons } from '../lexicons.js';

const MIN_WORD_LENGTH = 4;
/** A single content word must recur this many times in one document to count as repetition. */
const WORD_MIN_OCCURRENCES = 3;
/** A phrase of 2..4 words needs only to recur once. */
const MAX_PHRASE = 4;

let stopIds: Set<number> | null = null;
function stopwords(): Set<number> {
  stopIds ??= new Set((builtinLexicons().get('stopwords') ?? []).map((w) => vocab.intern(w)));
  return stopIds;
}

/**
 * Repetition: the same content word or phrase hammered home. Reports every occurrence after the
 * first of (a) a content word used at least three times, outside quotations' attribution boilerplate,
 * (b) a 2..4-word phrase used at least twice, (c) a word doubled for emphasis ("never, never").
 */
export const repetitionDetector: Detector = {
  meta: {
    id: 'repetition/recurring-phrase',
    technique: 'repetition',
    description: 'Content words and phrases that recur within a document, and words doubled for emphasis.',
    source: 'code',
  },
  create(ctx: DetectorContext) {
    const { doc } = ctx;
    const t = doc.tokens;
    const stops = stopwords();
    const isContent = (i: number) =>
      t.kind[i] === K_WORD && !stops.has(t.id[i]!) && t.end[i]! - t.start[i]! >= MIN_WORD_LENGTH;

    // (c) Emphatic doubling: "very, very", "never, never, never".
    for (let i = 1; i < t.count; i++) {
      if (t.kind[i] !== K_WORD) continue;
      const prev = i >= 2 && t.kind[i - 1] !== K_WORD && doc.text.slice(t.start[i - 1]!, t.end[i - 1]!) === ',' ? i - 2 : i - 1;
      if (prev >= 0 && t.kind[prev] === K_WORD && t.id[prev] === t.id[i] && doc.tokenSentence[prev] === doc.tokenSentence[i]) {
        ctx.report({
          start: t.start[prev]!,
          end: t.end[i]!,
          confidence: 0.7,
          ruleId: 'repetition/emphatic-doubling',
          message: `"${tokenLower(t, i)}" is repeated back to back for emphasis.`,
        });
      }
    }

    // (a) Content words used three or more times.
    const positions = new Map<number, number[]>();
    for (let i = 0; i < t.count; i++) {
      if (!isContent(i)) continue;
      const id = t.id[i]!;
      let list = positions.get(id);
      if (!list) positions.set(id, (list = []));
      list.push(i);
    }
    const words = doc.words;
    for (const [, list] of positions) {
      // In long documents a topic word naturally recurs; require more occurrences as length grows.
      const needed = Math.max(WORD_MIN_OCCURRENCES, Math.ceil(words / 250));
      if (list.length < needed) continue;
      // Capitalised names recurring are reporting, not rhetoric: skip words always capitalised.
      if (list.every((i) => doc.text.charCodeAt(t.start[i]!) < 97)) continue;
      for (let k = 1; k < list.length; k++) {
        const i = list[k]!;
        ctx.report({
          start: t.start[i]!,
          end: t.end[i]!,
          confidence: Math.min(0.35 + 0.05 * list.length, 0.6),
          ruleId: 'repetition/recurring-word',
          message: `"${tokenLower(t, i)}" appears ${list.length} times in the text.`,
        });
      }
    }

    // (b) Phrases of 2..4 words, at least two of them content words, used twice or more.
    for (let len = MAX_PHRASE; len >= 2; len--) {
      const seen = new Map<string, number[]>();
      for (let i = 0; i + len <= t.count; i++) {
        if (!isContent(i) || !isContent(i + len - 1)) continue;
        if (doc.tokenSentence[i] !== doc.tokenSentence[i + len - 1]) continue;
        let key = '';
        let ok = true;
        for (let k = 0; k < len; k++) {
          if (t.kind[i + k] !== K_WORD) {
            ok = false;
            break;
          }
          key += `${t.id[i + k]},`;
        }
        if (!ok) continue;
        let list = seen.get(key);
        if (!list) seen.set(key, (list = []));
        if (list.length === 0 || list[list.length - 1]! + len <= i) list.push(i);
      }
      for (const [, list] of seen) {
        if (list.length < 2) continue;
        for (let k = 1; k < list.length; k++) {
          const i = list[k]!;
          ctx.report({
            start: t.start[i]!,
            end: t.end[i + len - 1]!,
            confidence: Math.min(0.5 + 0.05 * list.length, 0.8),
            ruleId: 'repetition/recurring-phrase',
            message: `The phrase "${doc.text.slice(t.start[i]!, t.end[i + len - 1]!)}" is used ${list.length} times.`,
          });
        }
      }
    }
  },
};
