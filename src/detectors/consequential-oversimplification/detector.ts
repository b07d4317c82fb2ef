import type { Doc, Sentence } from '../../text/segment.js';
import type { Detector } from '../engine/contract.js';
import { firstWordIndex, sentenceHas, wordAt } from '../sentence-words.js';

/** Openers of the first step of a spelled-out chain ("First they take the water."). */
const FIRST_STEP = new Set(['first', 'today', 'now', 'yesterday']);
/** Openers of a later step ("Then they will take the fields.", "Tomorrow they will demand..."). */
const LATER_STEP = new Set(['then', 'next', 'tomorrow', 'soon', 'later', 'after']);
/** Two-word openers of a later step. */
const LATER_STEP_2 = ['after that', 'the day', 'the next', 'before long', 'and then', 'next year', 'next week', 'next month', 'in time'];
/** Verbs of taking and escalating: the steps are losses, not a timetable. */
const ESCALATION = new Set([
  'take', 'takes', 'demand', 'demands', 'seize', 'seizes', 'grab', 'grabs', 'claim', 'claims', 'want', 'wants',
  'come', 'march', 'occupy', 'annex', 'swallow', 'ban', 'banning', 'confiscate', 'control', 'standing', 'stand',
  'destroy', 'erase', 'lose', 'losing', 'gone', 'finished', 'dictate', 'rule', 'own',
]);

const word = wordAt;
const firstWord = firstWordIndex;
const has = (doc: Doc, s: Sentence, words: ReadonlySet<string>) => sentenceHas(doc, s, words);

const WILL = new Set(['will', "'ll", 'shall', 'would']);

type Step = 'first' | 'later' | null;

/** First words of the two-word openers: the pair is built only for a sentence opening with one. */
const LATER_STEP_2_FIRST = new Set(LATER_STEP_2.map((x) => x.split(' ')[0]!));

function stepOf(doc: Doc, s: Sentence): Step {
  const i = firstWord(doc, s);
  const w = word(doc, i);
  if (FIRST_STEP.has(w)) return 'first';
  if (!LATER_STEP.has(w) && !(LATER_STEP_2_FIRST.has(w) && LATER_STEP_2.includes(`${w} ${word(doc, i + 1)}`))) return null;
  // A later step predicts: it needs "will" ("Then they will take the fields").
  return has(doc, s, WILL) ? 'later' : null;
}

/**
 * The slippery slope spelled out across sentences: a first step followed by predicted later steps
 * in the same paragraph ("First they take the water. Then they will take the fields."; "Today they
 * shout about X. Tomorrow they will demand Y."). At least one later step must name a loss or a
 * seizure, so a timetable ("First the committee meets. Then it will vote.") is not flagged.
 */
export const chainOfStepsDetector: Detector = {
  meta: {
    id: 'consequential-oversimplification/chain-of-steps',
    technique: 'consequential-oversimplification',
    description: 'A chain of predicted steps spelled out sentence by sentence ("First they take X. Then they will take Y.").',
    source: 'code',
  },
  create(ctx) {
    const { doc } = ctx;
    const ss = doc.sentences;
    for (let k = 0; k < ss.length; k++) {
      const start = stepOf(doc, ss[k]!);
      if (start === null) continue;
      let j = k + 1;
      while (j < ss.length && ss[j]!.paragraph === ss[k]!.paragraph && stepOf(doc, ss[j]!) === 'later') j++;
      const later = j - k - 1 + (start === 'later' ? 1 : 0);
      const steps = j - k;
      // A first step and one later step, or two later steps in a row.
      if (steps < 2 || later < 1) continue;
      let escalates = false;
      for (let m = start === 'later' ? k : k + 1; m < j; m++) if (has(doc, ss[m]!, ESCALATION)) escalates = true;
      if (!escalates) continue;
      const opener = (m: number) => {
        const i = firstWord(doc, ss[m]!);
        return doc.text.slice(doc.tokens.start[i]!, doc.tokens.end[i]!);
      };
      const openers = Array.from({ length: steps }, (_, m) => opener(k + m));
      ctx.report({
        start: ss[k]!.start,
        end: ss[j - 1]!.end,
        confidence: steps >= 3 ? 0.55 : 0.45,
        message: `The passage predicts a chain of steps (${openers.join(' ... ')}) as if each led inevitably to the next.`,
        evidence: [{ label: 'trigger', text: openers.join(' ... ') }],
      });
      k = j - 1;
    }
  },
};
