/**
 * Role cues for the narrative model: who a sentence casts as aggressor, victim or authority, read
 * from harm, suffering, accusation and authority verbs around actor mentions. These were the actors
 * layer's portrayal cues before entity framing replaced portrayal in the report; the narrative packs'
 * role patterns and their trained weights read exactly these, so they live on here, as features of
 * this layer only. (Moving the packs to the framing layer's roles means retraining them.)
 */
import type { Doc } from '../../text/segment.js';
import type { SourcingAnalysis } from '../sourcing/analyse.js';

import { WordSet } from '../../lexicon/word-sets.js';
import { PerVocab } from '../../lexicon/per-vocab.js';
import { isWord, lower, punctChar, wordSet } from '../../lexicon/word-sets.js';
import { ATTRIBUTION_FORMS } from '../sourcing/cues.js';
import type { Mention } from '../actors/mentions.js';
import { mentionOffsets } from '../actors/layer.js';
import type { ActiveRole } from './roles.js';

/** One piece of evidence for a role: the cue and the token range of the clause it rests on. */
export interface RoleCue {
  actor: string;
  role: ActiveRole;
  weight: number;
  cue: string;
  a: number;
  b: number;
}

/** Verbs of harm: the subject is cast as doing harm, the object as suffering it. */
const HARM_VERBS = wordSet(
  'attack attacks attacked attacking shell shells shelled shelling bomb bombs bombed bombing bombard bombards bombarded ' +
    'strike strikes struck hit hits kill kills killed killing murder murders murdered massacre massacred slaughter ' +
    'slaughtered execute executed invade invades invaded invading occupy occupies occupied seize seizes seized raid ' +
    'raids raided target targets targeted destroy destroys destroyed burn burns burned burnt loot looted torture tortured ' +
    'abduct abducted kidnap kidnapped expel expels expelled deport deported displace displaced besiege besieged ' +
    'blockade blockaded shoot shoots shot wound wounded injure injured ambush ambushed assault assaulted terrorise ' +
    'terrorised terrorize terrorized persecute persecuted oppress oppressed annex annexed starve starved rape raped ' +
    'provoke provoked violate violates violated fire fired block blocks blocked ram rammed harass harassed intercept intercepted',
);
/** Nouns of harm: "the shelling of X" (X suffers), "X's invasion" or "X aggression" (X does harm). */
const HARM_NOUNS = wordSet(
  'attack attacks shelling bombing bombardment strike strikes invasion occupation siege blockade killing killings ' +
    'massacre aggression war genocide crimes offensive assault raid raids persecution oppression annexation ' +
    'ethnic cleansing deportation deportations expulsion torture atrocities incursion provocation provocations',
);
/** What an actor suffers in its own clause: "Sylvanians fled", "the Freedonian people mourned". */
const SUFFER_VERBS = wordSet('died die dies fled flee flees perished starved starve suffered suffer suffers mourned mourn mourns lost wept grieve grieved');
/** Doing the work of an authority: verifying, ruling, mediating, documenting. */
const AUTHORITY_VERBS = wordSet(
  'confirmed verified documented investigated monitored mediated brokered ruled found concluded inspected certified ' +
    'recorded reported urged called condemned',
);
const ACCUSE_VERBS = wordSet('accused accuses accuse blamed blames blame');
/** Participles that, right after an actor and before a preposition or the end, read as passive ("Three Sylvanians killed in raid"). */
const ELLIPTIC_PASSIVE = wordSet('killed wounded injured shot displaced abducted kidnapped executed massacred murdered tortured expelled deported targeted besieged raped slaughtered detained');
const HARM_VERB = 1;
const HARM_NOUN = 2;
const SUFFER_VERB = 4;
const ACCUSE_VERB = 8;
const AUTHORITY_VERB = 16;
/** Per vocab id, which of the role-casting sets above the word is in (ids of the tokens' vocabulary, bound with the sets). */
const CUE_BITS = new PerVocab((vocab): Uint8Array => {
  const sets: Array<[WordSet, number]> = [[HARM_VERBS, HARM_VERB], [HARM_NOUNS, HARM_NOUN], [SUFFER_VERBS, SUFFER_VERB], [ACCUSE_VERBS, ACCUSE_VERB], [AUTHORITY_VERBS, AUTHORITY_VERB]];
  return WordSet.union(vocab, sets);
});
const PASSIVE_AUX = wordSet('was were been being is are be got');
const AGAINST = wordSet('on against of upon');
const CLAUSE_BREAK = wordSet('and but while whereas which who that after before because although though when where as');

function clauseWindowBack(doc: Doc, from: number, limit: number, max: number): number {
  let k = from;
  while (k - 1 >= limit && from - k < max) {
    const c = punctChar(doc, k - 1);
    if (c && c !== '-' && !(c === "'" )) break;
    if (isWord(doc.tokens, k - 1) && (CLAUSE_BREAK.at(doc.tokens, k - 1) || ATTRIBUTION_FORMS.at(doc.tokens, k - 1))) break;
    k--;
  }
  return k;
}

function clauseWindowFwd(doc: Doc, from: number, limit: number, max: number): number {
  let k = from;
  while (k < limit && k - from < max) {
    const c = punctChar(doc, k);
    if (c && c !== '-') break;
    if (isWord(doc.tokens, k) && CLAUSE_BREAK.at(doc.tokens, k)) break;
    k++;
  }
  return k;
}

/**
 * Collects role cues from every sentence. The rules look only at positions (who stands before or
 * after a verb of harm, who is the object of "attack on", who is a source), never at which actor it
 * is, so swapping two actors' names swaps their cues. A sentence's mentions are the range [lo, hi)
 * of `mentions`.
 */
export function portrayalCues(doc: Doc, mentions: readonly Mention[], sourcing: SourcingAnalysis, offsets: Int32Array = mentionOffsets(doc.sentences.length, mentions)): RoleCue[] {
  const t = doc.tokens;
  const cues: RoleCue[] = [];
  const tokenQuote = sourcing.tokenQuote;
  /** The mention ending last in [from, to] (the first of equals). */
  const lastBefore = (lo: number, hi: number, from: number, to: number) => {
    let best: Mention | null = null;
    for (let k = lo; k < hi; k++) {
      const m = mentions[k]!;
      if (m.b <= to && m.b >= from && (!best || m.b > best.b)) best = m;
    }
    return best;
  };
  /** The mention starting first in [from, to). */
  const firstAfter = (lo: number, hi: number, from: number, to: number) => {
    let best: Mention | null = null;
    for (let k = lo; k < hi; k++) {
      const m = mentions[k]!;
      if (m.a >= from && m.a < to && (!best || m.a < best.a)) best = m;
    }
    return best;
  };
  const inside = (lo: number, hi: number, i: number) => {
    for (let k = lo; k < hi; k++) if (mentions[k]!.a <= i && i < mentions[k]!.b) return true;
    return false;
  };
  const add = (m: Mention | null, role: ActiveRole, weight: number, i: number, s: { tokenStart: number; tokenEnd: number }) => {
    if (!m) return;
    cues.push({ actor: m.actor, role, weight, cue: lower(t, i), a: s.tokenStart, b: s.tokenEnd });
  };
  const cueBits = CUE_BITS.of(t.vocab);
  for (const s of doc.sentences) {
    const lo = offsets[s.index]!;
    const hi = offsets[s.index + 1]!;
    if (lo === hi) continue;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      // One read decides whether the word can cast a role at all: most words cannot.
      const id = t.id[i]!;
      const cue = id >= 0 && id < cueBits.length ? cueBits[id]! : 0;
      if (cue === 0 || !isWord(t, i) || tokenQuote[i] !== -1) continue;
      if (cue & HARM_VERB && !inside(lo, hi, i)) {
        // Set words are interned: a token is in one exactly when its id is (no strings compared).
        const passiveAux = i > s.tokenStart && PASSIVE_AUX.at(t, i - 1);
        const back = clauseWindowBack(doc, passiveAux ? i - 1 : i, s.tokenStart, 7);
        const fwd = clauseWindowFwd(doc, i + 1, s.tokenEnd, 6);
        const subject = lastBefore(lo, hi, back, passiveAux ? i - 1 : i);
        const next = i + 1 < s.tokenEnd ? lower(t, i + 1) : '';
        const passive = passiveAux || (subject !== null && ELLIPTIC_PASSIVE.at(t, i) && (next === 'by' || next === 'in' || next === 'when' || next === 'as' || next === 'during' || !next || punctChar(doc, i + 1) !== ''));
        if (passive) {
          add(subject, 'victim', 1, i, s);
          if (next === 'by') add(firstAfter(lo, hi, i + 2, clauseWindowFwd(doc, i + 2, s.tokenEnd, 5)), 'aggressor', 1, i, s);
        } else {
          add(subject, 'aggressor', 1, i, s);
          const onto = next === 'on' || next === 'at' || next === 'upon' ? i + 2 : i + 1;
          add(firstAfter(lo, hi, onto, fwd), 'victim', 1, i, s);
        }
        continue;
      }
      if (cue & HARM_NOUN && !inside(lo, hi, i)) {
        // "attack on X", "shelling of X": X suffers; "X's attack", "Sylvanian aggression", "... by X": X does harm.
        const next = i + 1 < s.tokenEnd ? lower(t, i + 1) : '';
        if (AGAINST.has(next)) add(firstAfter(lo, hi, i + 2, clauseWindowFwd(doc, i + 2, s.tokenEnd, 4)), 'victim', 1, i, s);
        if (next === 'by') add(firstAfter(lo, hi, i + 2, clauseWindowFwd(doc, i + 2, s.tokenEnd, 4)), 'aggressor', 1, i, s);
        let before: Mention | null = null;
        for (let k = lo; k < hi; k++) {
          const m = mentions[k]!;
          if (m.b === i || (m.b === i - 1 && lower(t, i - 1) === "'s")) { before = m; break; }
        }
        if (before) add(before, 'aggressor', 1, i, s);
        continue;
      }
      if (cue & SUFFER_VERB) {
        const subject = lastBefore(lo, hi, clauseWindowBack(doc, i, s.tokenStart, 5), i);
        add(subject, 'victim', 1, i, s);
        continue;
      }
      if (cue & ACCUSE_VERB) {
        add(firstAfter(lo, hi, i + 1, clauseWindowFwd(doc, i + 1, s.tokenEnd, 5)), 'aggressor', 0.5, i, s);
        continue;
      }
      if (cue & AUTHORITY_VERB) {
        const subject = lastBefore(lo, hi, clauseWindowBack(doc, i, s.tokenStart, 4), i);
        if (subject) add(subject, 'authority', 0.5, i, s);
      }
    }
  }
  // Sources: an actor whose words are reported with a neutral verb is cast as an authority.
  // Anonymous or second-hand sources lend no authority.
  for (const at of sourcing.attributions) {
    if (at.inQuote || at.source.pronoun || at.source.vague || at.source.hearsay) continue;
    const lemma = at.info.lemma;
    if (at.info.tone !== 'neutral' || lemma === 'accuse' || lemma === 'blame' || lemma === 'deny') continue;
    const s = doc.sentences[at.sentence]!;
    const a = at.source.a;
    const b = at.source.b;
    for (let k = offsets[at.sentence]!; k < offsets[at.sentence + 1]!; k++) {
      const m = mentions[k]!;
      if (m.a >= a && m.b <= b) {
        cues.push({ actor: m.actor, role: 'authority', weight: 0.5, cue: lemma, a: s.tokenStart, b: s.tokenEnd });
        break;
      }
    }
  }
  return cues;
}
