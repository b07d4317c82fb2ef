import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Doc, Sentence } from '../../text/segment.js';
import type { Detector } from '../engine/contract.js';

/** Words that show the question points at someone's misdeeds ("what about their prisons?"). */
const WRONGDOING = new Set([
  'their', 'own', 'themselves', 'crime', 'crimes', 'bombing', 'bombings', 'bombed', 'killed', 'killing', 'killings',
  'massacre', 'massacres', 'invasion', 'invaded', 'occupation', 'occupied', 'war', 'wars', 'torture', 'tortured',
  'abuse', 'abuses', 'jails', 'jailed', 'prisons', 'prisoners', 'camps', 'atrocities', 'shelling', 'shelled',
  'dead', 'victims', 'record', 'hypocrisy', 'sanctions', 'blockade', 'siege', 'drones', 'strikes', 'corruption',
  'lies', 'propaganda', 'censorship', 'refugees', 'displaced', 'genocide', 'executions', 'rigged',
]);
/** Words of accusation in the sentence before: the question answers a criticism. */
const ACCUSATION = new Set([
  'accuse', 'accuses', 'accused', 'criticise', 'criticises', 'criticised', 'criticize', 'criticizes', 'criticized',
  'condemn', 'condemns', 'condemned', 'blame', 'blames', 'blamed', 'attack', 'attacks', 'attacked', 'denounce',
  'denounces', 'denounced', 'complain', 'complains', 'complained', 'outrage', 'outraged', 'protest', 'protests',
  'sanction', 'sanctions', 'charge', 'charges', 'charged', 'allege', 'alleges', 'alleged', 'claims', 'say', 'says',
]);

const word = (doc: Doc, i: number) => (doc.tokens.kind[i] === K_WORD ? tokenLower(doc.tokens, i) : '');

function hasWord(doc: Doc, s: Sentence, set: Set<string>, from = s.tokenStart): boolean {
  for (let k = from; k < s.tokenEnd; k++) if (set.has(word(doc, k))) return true;
  return false;
}

/**
 * "What about ...?" / "How about ...?" as a reply: a question opening with it (after at most an
 * "and/but/so/well") that names the other side's misdeeds, or follows a sentence of accusation in
 * the same paragraph. A bare "what about the weather?" is not flagged.
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
    for (const s of doc.sentences) {
      let i = s.tokenStart;
      while (i < s.tokenEnd && doc.tokens.kind[i] !== K_WORD) i++;
      if (['and', 'but', 'so', 'well', 'yes', 'ok', 'okay'].includes(word(doc, i))) i++;
      while (i < s.tokenEnd && doc.tokens.kind[i] !== K_WORD) i++;
      const first = word(doc, i);
      if ((first !== 'what' && first !== 'how') || word(doc, i + 1) !== 'about') continue;
      if (!text.slice(s.start, s.end).trimEnd().endsWith('?')) continue;
      const wrongdoing = hasWord(doc, s, WRONGDOING, i + 2);
      const prev = s.index > 0 ? doc.sentences[s.index - 1]! : null;
      const answersAccusation = prev !== null && prev.paragraph === s.paragraph && hasWord(doc, prev, ACCUSATION);
      if (!wrongdoing && !answersAccusation) continue;
      const trigger = text.slice(doc.tokens.start[i]!, doc.tokens.end[i + 1]!);
      ctx.report({
        start: s.start,
        end: s.end,
        confidence: wrongdoing && answersAccusation ? 0.75 : wrongdoing ? 0.6 : 0.5,
        message: `The question "${trigger} ..." turns attention to another party's conduct instead of answering the criticism.`,
        evidence: [{ label: 'trigger', text: trigger }],
      });
    }
  },
};
