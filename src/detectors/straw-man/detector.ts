import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Doc, Sentence } from '../../text/segment.js';
import type { Detector } from '../engine/contract.js';
import { firstWordIndex, sentenceHas } from '../sentence-words.js';

const SUBJECTS = new Set(['they', 'he', 'she']);
const NEGATIONS = new Set(['not', "n't", 'never']);
const AUX = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't"]);
const WANT = new Set(['want', 'wants', 'wanted', 'care']);
/** Reported speech: the denial is the group's own stated position, not the writer's restatement. */
const REPORTING = new Set(['said', 'says', 'say', 'told', 'according', 'stated', 'insisted', 'argued', 'argues']);

const word = (doc: Doc, i: number) => (doc.tokens.kind[i] === K_WORD || doc.text[doc.tokens.start[i]!] === "'" ? tokenLower(doc.tokens, i) : '');

const firstWord = firstWordIndex;
const has = (doc: Doc, s: Sentence, words: ReadonlySet<string>) => sentenceHas(doc, s, words, s.tokenStart, word);

/** "They do not want water" at the sentence start: returns the subject, else null. */
function deniedWant(doc: Doc, s: Sentence): string | null {
  const i = firstWord(doc, s);
  const subj = word(doc, i);
  if (!SUBJECTS.has(subj)) return null;
  let k = i + 1;
  if (!AUX.has(word(doc, k))) return null;
  k++;
  if (NEGATIONS.has(word(doc, k))) k++;
  else if (!/n't$/.test(word(doc, k - 1))) return null;
  if (word(doc, k) === 'really') k++;
  return WANT.has(word(doc, k)) ? subj : null;
}

/** Words that turn the replacement aim against the writer's side ("our valley", "us to kneel"). */
const AGAINST_US = new Set(['our', 'us', 'we', 'ours']);

/** "They want our valley": the replacement aim, with the same subject, aimed at us. */
function assertedWant(doc: Doc, s: Sentence, subj: string): boolean {
  const i = firstWord(doc, s);
  if (word(doc, i) !== subj) return false;
  let k = i + 1;
  if (['only', 'just', 'simply', 'really'].includes(word(doc, k))) k++;
  return WANT.has(word(doc, k)) && has(doc, s, AGAINST_US);
}

/**
 * The opponent's stated aim denied and replaced by the writer's version, across two sentences:
 * "They do not want water. They want our valley." The new aim must be aimed at "us/our", so a
 * defence ("He does not want a war. He wants a fair deal.") is not flagged. Reported speech ("..., the union said") is the
 * group's own position and is not flagged.
 */
export const deniedAimDetector: Detector = {
  meta: {
    id: 'straw-man/denied-aim',
    technique: 'straw-man',
    description: '"They do not want X. They want Y.": the other side\'s aim denied and replaced by the writer\'s version.',
    source: 'code',
  },
  create(ctx) {
    const { doc } = ctx;
    const ss = doc.sentences;
    for (let k = 0; k + 1 < ss.length; k++) {
      const a = ss[k]!;
      const b = ss[k + 1]!;
      if (a.paragraph !== b.paragraph) continue;
      const subj = deniedWant(doc, a);
      if (subj === null || !assertedWant(doc, b, subj)) continue;
      if (has(doc, a, REPORTING) || has(doc, b, REPORTING)) continue;
      ctx.report({
        start: a.start,
        end: b.end,
        confidence: 0.45,
        message: 'The passage denies what the other side says it wants and substitutes the writer\'s version of its aim.',
        evidence: [{ label: 'trigger', text: doc.text.slice(a.start, a.end) }],
      });
    }
  },
};
