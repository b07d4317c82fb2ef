import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Detector } from '../engine/contract.js';
import { WordInts } from '../../lexicon/word-memo.js';
import { WordSet } from '../../lexicon/word-sets.js';

/** Copulas of a tautology: "X is X", "X are X", "X will be X". */
const COPULA = new Set(['is', 'are', 'was', 'were']);
const ARTICLES = new Set(['a', 'an', 'the']);
const WILL = 1;
const COPULA_WORD = 2;
/** Words that can follow the first X, by token id. */
const LINK = new WordInts((w) => (w === 'will' ? WILL : COPULA.has(w) ? COPULA_WORD : -1));
const BE = new WordSet(new Set(['be']));
const ARTICLE = new WordSet(ARTICLES);
/** "this is this" / "it is it" carry no closure; "that is that" does (it is listed in rules.yaml). */
const SKIP = new Set(['it', 'this', 'that', 'he', 'she', 'they', 'we', 'you', 'i', 'there', 'what', 'which', 'who', 'enough']);

/**
 * Tautologies as conversation killers: "rules are rules", "a deal is a deal", "boys will be boys",
 * "business is business". The shape (same word on both sides of the copula) is what ends the
 * discussion, so it is matched structurally rather than listed phrase by phrase.
 */
export const tautologyDetector: Detector = {
  meta: {
    id: 'conversation-killer/tautology',
    technique: 'conversation-killer',
    description: 'Tautologies ("rules are rules", "a deal is a deal") that close a question instead of answering it.',
    source: 'code',
  },
  create(ctx) {
    const { doc } = ctx;
    const t = doc.tokens;
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== K_WORD) continue;
      // The shape first (a copula, then the same word), by token id: most words fail it at once.
      let j = i + 1;
      if (j >= t.count) continue;
      const link = LINK.at(t, j);
      if (link === -1) continue;
      if (link === WILL) {
        if (j + 1 < t.count && BE.at(t, j + 1)) j += 2;
        else continue;
      } else if (link === COPULA_WORD) j += 1;
      else continue;
      if (j < t.count && ARTICLE.at(t, j)) j++;
      if (j >= t.count || doc.tokenSentence[j] !== doc.tokenSentence[i] || t.id[j] !== t.id[i]) continue;
      const w = tokenLower(t, i);
      // Adverbs ("actually is actually") are disfluencies, not tautologies; "enough is enough" is a slogan.
      if (w.length < 3 || SKIP.has(w) || w.endsWith('ly')) continue;
      const start = i > 0 && ARTICLE.at(t, i - 1) && doc.tokenSentence[i - 1] === doc.tokenSentence[i] ? i - 1 : i;
      // "X is X-like"/"X is X's" are not tautologies: the repeated word must end the clause or the phrase.
      const next = j + 1 < t.count && doc.tokenSentence[j + 1] === doc.tokenSentence[i] ? tokenLower(t, j + 1) : '';
      if (next === "'s" || next === 'of') continue;
      ctx.report({
        start: t.start[start]!,
        end: t.end[j]!,
        confidence: 0.45,
        message: `"${doc.text.slice(t.start[start]!, t.end[j]!)}" is a tautology that closes the question instead of answering it.`,
      });
    }
  },
};
