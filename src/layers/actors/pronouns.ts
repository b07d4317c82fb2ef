import type { Doc } from '../../text/segment.js';
import { isCap, isWord, punctChar, WordLookup, wordSet } from '../../lexicon/word-sets.js';
import type { ActorType } from '../../core/actors.js';
import type { HeuristicActor, Mention } from './mentions.js';

/**
 * Subject pronouns that follow an actor from one sentence to the next: "The interior minister calls
 * the protesters hooligans. He has never produced a single name." Framing evidence next to "He"
 * belongs to the minister. The rule is deliberately narrow, because a wrong antecedent would cast
 * the wrong party: only subject pronouns (at a sentence's start, after a conjunction or a
 * subordinator), only to an actor of a fitting type mentioned earlier in the same sentence or in the
 * one before, and only when exactly one actor of the previous sentences fits (two candidates: no
 * mention). "It" before a copula or a verb of seeming is usually the empty "it" ("it is clear that",
 * "it seems") and is left alone.
 */

const OPENERS = wordSet('and but yet so if when because although though while unless until once after before since whereas that');
const EMPTY_IT_VERBS = wordSet("is was 's are were be been being seems seemed appears appeared remains remained matters mattered takes took makes made happens happened means meant follows followed");

/**
 * Offices a person holds, written as a common noun: "When the Hungarian prime minister travelled to
 * Moscow, he was denounced" makes "he" that unnamed minister, not the last person named before.
 */
const OFFICES = wordSet(
  'president minister chancellor premier king queen leader spokesman spokeswoman spokesperson ambassador envoy mayor ' +
    'governor senator commander chairman chairwoman ceo prosecutor judge secretary general',
);

type Kind = 'person' | 'thing' | 'plural';
const KINDS: Record<string, Kind> = { he: 'person', she: 'person', it: 'thing', they: 'plural' };
/** The pronoun kind of a token, memoised per word (no string per token). */
const KIND = new WordLookup<Kind>((w) => (Object.hasOwn(KINDS, w) ? KINDS[w] : undefined));

/** Which pronoun an actor of this type (and this last word: plural heads) can be. */
function kindOf(type: ActorType, name: string): Kind | null {
  if (type === 'person') return 'person';
  if (type === 'people' || type === 'armed-group') return 'plural';
  if (type === 'place' || type === 'event') return null;
  if (type === 'unknown') return null;
  // "the authorities", "the forces": a plural head makes an organisation or a government "they".
  return /s$/.test(name) && !/(?:ss|us|is|news)$/.test(name) ? 'plural' : 'thing';
}

/** Is token i a subject position: a sentence's first word (after quotes), or right after a comma, a conjunction or a subordinator? */
function subjectPosition(doc: Doc, i: number, sentenceStart: number): boolean {
  const t = doc.tokens;
  let k = i - 1;
  while (k >= sentenceStart && !isWord(doc.tokens, k) && /["'\u201c\u2018(]/.test(punctChar(doc, k))) k--;
  if (k < sentenceStart) return true;
  // After a clause: "If the Bloc won, it has nothing to fear."
  if (punctChar(doc, k) === ',') return true;
  return isWord(t, k) && OPENERS.at(t, k);
}

/** Adds pronoun mentions of actors (in document order) to `mentions`, which is in document order. */
export function addPronouns(doc: Doc, mentions: readonly Mention[], heuristic: ReadonlyMap<string, HeuristicActor>, typeOf: (id: string) => { type: ActorType; name: string } | undefined): Mention[] {
  const t = doc.tokens;
  const out: Mention[] = [];
  let n = 0;
  /** The pronoun kind of each actor asked about (undefined: not an actor), once per document rather than per pronoun and candidate. */
  const kinds = new Map<string, Kind | null | undefined>();
  const kindOfActor = (id: string): Kind | null | undefined => {
    if (kinds.has(id)) return kinds.get(id);
    const info = heuristic.get(id) ?? typeOf(id);
    const k = info ? kindOf(info.type, info.name.toLowerCase()) : undefined;
    kinds.set(id, k);
    return k;
  };
  /** Candidates: actors mentioned in the previous sentence, then earlier in this one (one array, refilled per sentence). */
  const window: Mention[] = [];
  for (const s of doc.sentences) {
    window.length = 0;
    // An office named in this sentence before a "he" or "she" (not a title before a name: "President Vell").
    let office = false;
    for (let k = out.length - 1; k >= 0 && out[k]!.sentence >= s.index - 1; k--) window.push(out[k]!);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      for (; n < mentions.length && mentions[n]!.a <= i; n++) {
        out.push(mentions[n]!);
        window.push(mentions[n]!);
      }
      if (!isWord(t, i)) continue;
      if (OFFICES.at(t, i) && !(i + 1 < s.tokenEnd && isCap(t, i + 1))) {
        // An office inside a person's own mention ("the interior minister", an actor) is that person.
        const last = out[out.length - 1];
        if (!(last && last.a <= i && i < last.b && kindOfActor(last.actor) === 'person')) office = true;
      }
      const kind = KIND.at(t, i);
      if (kind === undefined || !subjectPosition(doc, i, s.tokenStart)) continue;
      if (kind === 'thing' && i + 1 < s.tokenEnd && EMPTY_IT_VERBS.at(t, i + 1)) continue;
      let actor: string | null = null;
      let ambiguous = kind === 'person' && office;
      for (const m of window) {
        if (kindOfActor(m.actor) !== kind) continue;
        if (actor === null) actor = m.actor;
        else if (actor !== m.actor) ambiguous = true;
      }
      if (actor !== null && !ambiguous) {
        const m: Mention = { actor, a: i, b: i + 1, sentence: s.index };
        out.push(m);
        window.push(m);
      }
    }
  }
  for (; n < mentions.length; n++) out.push(mentions[n]!);
  return out;
}
