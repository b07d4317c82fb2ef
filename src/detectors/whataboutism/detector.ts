import { K_NUMBER, K_WORD } from '../../text/tokenise.js';
import type { Doc, Sentence } from '../../text/segment.js';
import type { Detector } from '../engine/contract.js';
import { sentenceHas, wordAt } from '../sentence-words.js';
import { WordInts } from '../../lexicon/word-memo.js';

/** Words that show the question points at someone's misdeeds ("what about their prisons?", "the dam that drowned our fields?"). */
const WRONGDOING = new Set([
  'their', 'own', 'themselves', 'crime', 'crimes', 'bombing', 'bombings', 'bombed', 'killed', 'killing', 'killings',
  'massacre', 'massacres', 'invasion', 'invaded', 'occupation', 'occupied', 'war', 'wars', 'torture', 'tortured',
  'abuse', 'abuses', 'jails', 'jailed', 'prisons', 'prisoners', 'camps', 'atrocities', 'shelling', 'shelled',
  'dead', 'victims', 'record', 'hypocrisy', 'sanctions', 'blockade', 'siege', 'drones', 'strikes', 'corruption',
  'lies', 'propaganda', 'censorship', 'refugees', 'displaced', 'genocide', 'executions', 'rigged',
  // harm done to people, land or property, named as verbs or nouns
  'raid', 'raids', 'raided', 'arrested', 'arrests', 'detained', 'detentions', 'deported', 'expelled', 'evicted',
  'drowned', 'flooded', 'poisoned', 'poisoning', 'polluted', 'pollution', 'spill', 'spills', 'stole', 'stolen',
  'theft', 'seized', 'looted', 'looting', 'burned', 'burnt', 'destroyed', 'demolished', 'attacked', 'assaulted',
  'beat', 'beaten', 'murdered', 'murders', 'kidnapped', 'abducted', 'annexed', 'annexation', 'massacred',
  'persecuted', 'persecution', 'harassed', 'starved', 'cheated', 'bribes', 'bribery', 'fraud', 'smuggled',
]);
/** Words that point the question at another party: "the fences they built", "their bandits". */
const OTHER_PARTY = new Set(['they', 'their', 'them', 'theirs']);
/** Words of accusation in the sentence before: the question answers a criticism. */
const ACCUSATION = new Set([
  'accuse', 'accuses', 'accused', 'criticise', 'criticises', 'criticised', 'criticize', 'criticizes', 'criticized',
  'condemn', 'condemns', 'condemned', 'blame', 'blames', 'blamed', 'attack', 'attacks', 'attacked', 'denounce',
  'denounces', 'denounced', 'complain', 'complains', 'complained', 'outrage', 'outraged', 'protest', 'protests',
  'sanction', 'sanctions', 'charge', 'charges', 'charged', 'allege', 'alleges', 'alleged', 'claims', 'say', 'says',
]);
const LEADERS = new Set(['and', 'but', 'so', 'well', 'yes', 'ok', 'okay']);

const word = wordAt;
const hasWord = (doc: Doc, s: Sentence, set: ReadonlySet<string>, from = s.tokenStart) => sentenceHas(doc, s, set, from);

const isQuestion = (doc: Doc, s: Sentence) => doc.text.slice(s.start, s.end).trimEnd().endsWith('?');

/** The role of a word in a sentence opening "(And|But|...) what/how about", memoised per word. */
const LEADER = 1;
const WHAT = 2;
const ABOUT = 3;
const OPENING_WORDS = new WordInts((w) => (LEADERS.has(w) ? LEADER : w === 'what' || w === 'how' ? WHAT : w === 'about' ? ABOUT : 0));
/** The opening role of token i: 0 for a non-word (or past the last token) and for other words. */
const openingRole = (doc: Doc, i: number): number => (doc.tokens.kind[i] === K_WORD ? OPENING_WORDS.at(doc.tokens, i) : 0);

/** Token index of "what/how" when the sentence opens with "(And|But|...) what/how about", else -1. */
function whatAboutAt(doc: Doc, s: Sentence): number {
  let i = s.tokenStart;
  while (i < s.tokenEnd && doc.tokens.kind[i] !== K_WORD) i++;
  if (openingRole(doc, i) === LEADER) i++;
  while (i < s.tokenEnd && doc.tokens.kind[i] !== K_WORD) i++;
  return openingRole(doc, i) === WHAT && openingRole(doc, i + 1) === ABOUT && isQuestion(doc, s) ? i : -1;
}

/** "Where were the observers then?" / "Where was the outrage when...?": the companion of a what-about run. */
function isWhereWereQuestion(doc: Doc, s: Sentence): boolean {
  let i = s.tokenStart;
  while (i < s.tokenEnd && doc.tokens.kind[i] !== K_WORD) i++;
  if (LEADERS.has(word(doc, i))) i++;
  return word(doc, i) === 'where' && (word(doc, i + 1) === 'was' || word(doc, i + 1) === 'were') && isQuestion(doc, s)
    && (hasWord(doc, s, new Set(['then', 'when'])));
}

/** A past event named as a date or time: "in 2017", "back then", "last year". */
function hasPastAnchor(doc: Doc, s: Sentence, from: number): boolean {
  const t = doc.tokens;
  for (let k = from; k < s.tokenEnd; k++) {
    if (t.kind[k] === K_NUMBER) {
      const n = Number(doc.text.slice(t.start[k]!, t.end[k]!));
      if (n >= 1900 && n <= 2099) return true;
    }
    const w = word(doc, k);
    if (w === 'then' || w === 'ago' || w === 'once') return true;
    if ((w === 'last' || w === 'back') && ['year', 'years', 'month', 'summer', 'winter', 'spring', 'autumn', 'week', 'in', 'then', 'when'].includes(word(doc, k + 1))) return true;
  }
  return false;
}

/**
 * "What about ...?" / "How about ...?" as a reply: a question opening with it (after at most an
 * "and/but/so/well"). It is flagged when it names misdeeds, follows a sentence of accusation in the
 * same paragraph, or points at another party ("they", "their") at a past date or as one of a run of
 * such questions. A bare "what about the weather?" or a list of agenda questions is not flagged.
 */
export const whatAboutDetector: Detector = {
  meta: {
    id: 'whataboutism/what-about-question',
    technique: 'whataboutism',
    description: '"What about ...?" questions that answer criticism by pointing at another party.',
    source: 'code',
  },
  create(ctx) {
    const { doc } = ctx;
    const text = doc.text;
    const at = doc.sentences.map((s) => whatAboutAt(doc, s));
    // Two neighbouring deflecting questions in one paragraph ("What about X? What about Y? Where were they then?").
    const inRun = (k: number) => {
      const s = doc.sentences[k]!;
      for (const j of [k - 1, k + 1]) {
        const o = doc.sentences[j];
        if (o && o.paragraph === s.paragraph && (at[j]! >= 0 || isWhereWereQuestion(doc, o))) return true;
      }
      return false;
    };
    for (const s of doc.sentences) {
      const i = at[s.index]!;
      if (i < 0) continue;
      const wrongdoing = hasWord(doc, s, WRONGDOING, i + 2);
      const otherParty = hasWord(doc, s, OTHER_PARTY, i + 2);
      const past = hasPastAnchor(doc, s, i + 2);
      const run = inRun(s.index);
      const prev = s.index > 0 ? doc.sentences[s.index - 1]! : null;
      const answersAccusation = prev !== null && prev.paragraph === s.paragraph && hasWord(doc, prev, ACCUSATION);
      // Pointing at them in the past, or in a run of questions, deflects even without a misdeed word.
      const pointsAway = (otherParty && (past || run)) || (past && run);
      if (!wrongdoing && !answersAccusation && !pointsAway) continue;
      const signals = [wrongdoing, answersAccusation, otherParty, past, run].filter(Boolean).length;
      const trigger = text.slice(doc.tokens.start[i]!, doc.tokens.end[i + 1]!);
      ctx.report({
        start: s.start,
        end: s.end,
        confidence: Math.min(0.8, 0.4 + 0.1 * signals),
        message: `The question "${trigger} ..." turns attention to another party's conduct instead of answering the criticism.`,
        evidence: [{ label: 'trigger', text: trigger }],
      });
    }
  },
};
