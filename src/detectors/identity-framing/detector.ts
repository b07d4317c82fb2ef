import { F_CAP, K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';
import type { Detector } from '../engine/contract.js';
import { builtinLexicon } from '../../lexicon/builtin.js';
import { WordInts } from '../../lexicon/word-memo.js';

/** Nouns for places and polities: "the mainly Christian enclave", "the Muslim nation". */
const PLACE_NOUNS = new Set([
  'enclave', 'enclaves', 'state', 'states', 'nation', 'nations', 'country', 'countries', 'republic', 'region',
  'regions', 'province', 'provinces', 'village', 'villages', 'town', 'towns', 'city', 'cities', 'district',
  'districts', 'area', 'areas', 'neighbourhood', 'neighbourhoods', 'neighborhood', 'neighborhoods', 'quarter',
  'quarters', 'territory', 'territories', 'land', 'lands', 'world', 'heartland', 'stronghold', 'strongholds',
  'homeland', 'suburb', 'suburbs', 'valley', 'island', 'north', 'south', 'east', 'west', 'side', 'camp',
  'bloc', 'nationhood', 'entity',
]);
/** Armed, political or collective actors: "Hindu nationalist government", "Kurdish militia". */
const ACTOR_NOUNS = new Set([
  'militia', 'militias', 'fighters', 'forces', 'army', 'armies', 'troops', 'gunmen', 'mob', 'mobs', 'rebels',
  'rebel', 'separatists', 'separatist', 'extremists', 'extremist', 'radicals', 'militants', 'militant',
  'insurgents', 'insurgency', 'nationalists', 'nationalist', 'government', 'governments', 'regime', 'regimes',
  'leader', 'leaders', 'leadership', 'president', 'politicians', 'lobby', 'hardliners', 'hordes', 'horde',
  'invaders', 'settlers', 'attackers', 'terrorists', 'terrorist', 'thugs', 'gangs', 'paramilitaries',
  'paramilitary', 'authorities', 'rulers', 'establishment', 'elite', 'elites', 'killers', 'youths',
]);
/** Demographic nouns: often descriptive, so a lower confidence. */
const GROUP_NOUNS = new Set([
  'population', 'populations', 'community', 'communities', 'majority', 'minority', 'minorities', 'people',
  'peoples', 'residents', 'inhabitants', 'neighbours', 'neighbors', 'families', 'voters', 'immigrants',
  'migrants', 'refugees', 'men', 'women', 'boys', 'youth', 'masses', 'crowd', 'crowds',
]);
/** "mainly Christian", "predominantly Muslim": the framing is explicit. */
const DOMINANCE = new Set([
  'mainly', 'mostly', 'predominantly', 'largely', 'overwhelmingly', 'heavily', 'primarily', 'majority',
  'staunchly', 'devoutly', 'solidly', 'ethnic', 'ethnically', 'purely', 'exclusively', 'historically',
]);
/** Second halves of compounds: "Muslim-majority", "Serb-held", "Kurdish-led". */
const COMPOUND_TAILS = new Set([
  'majority', 'dominated', 'populated', 'inhabited', 'led', 'held', 'controlled', 'run', 'ruled', 'speaking',
]);
/**
 * Adjectives that are also plain nationality of a state ("Armenian forces" can simply mean the
 * Republic of Armenia's army): counted only with an explicit ethnic marker ("ethnic Armenian",
 * "mainly Armenian", "Armenian-populated").
 */
const NATIONALITIES = new Set([
  'armenian', 'armenians', 'azerbaijani', 'azerbaijanis', 'serbian', 'croatian', 'albanian', 'albanians',
  'turkish', 'persian', 'persians', 'uzbek', 'uzbeks', 'tajik', 'tajiks',
]);
/**
 * Words that make religion or ethnicity the topic of the sentence, where naming it is the news
 * (a church service, a festival, persecution for one's faith, a census).
 */
const TOPIC_WORDS = [
  'church', 'churches', 'mosque', 'mosques', 'synagogue', 'synagogues', 'temple', 'temples', 'worship',
  'worshippers', 'prayer', 'prayers', 'pray', 'prayed', 'faith', 'faiths', 'religious', 'religion', 'religions',
  'clergy', 'bishop', 'bishops', 'imam', 'imams', 'rabbi', 'rabbis', 'priest', 'priests', 'monk', 'monks',
  'pilgrim', 'pilgrims', 'pilgrimage', 'festival', 'holiday', 'easter', 'christmas', 'ramadan', 'eid', 'passover',
  'hanukkah', 'diwali', 'theology', 'theological', 'congregation', 'believers', 'convert', 'converts',
  'conversion', 'blasphemy', 'persecution', 'persecuted', 'discrimination', 'discriminated', 'sectarian',
  'antisemitism', 'antisemitic', 'islamophobia', 'islamophobic', 'census', 'scripture', 'bible', 'quran',
  'koran', 'torah', 'cemetery', 'heritage', 'cuisine', 'language', 'dialect', 'diaspora', 'interfaith',
  'hate', 'pope', 'papal', 'vatican', 'pontiff', 'pontificate', 'diocese', 'parish', 'nuns', 'monastics',
  'sermon', 'liturgy', 'saint', 'saints', 'holy',
];

interface Lists {
  identity: Set<string>;
  topic: Set<string>;
}
let lists: Lists | null = null;
function load(): Lists {
  lists ??= {
    identity: new Set(builtinLexicon('religions-ethnicities').map((w) => w.toLowerCase())),
    topic: new Set(TOPIC_WORDS),
  };
  return lists;
}

const NOT_IDENTITY = -1;
const PLAIN = 0;
const COMPOUND_HEAD = 1;
const COMPOUND_TAIL = 2;
let candidateCache: WordInts | null = null;
/** Per word: an identity word (PLAIN), "Serb-held" (COMPOUND_HEAD), "majority-Muslim" (COMPOUND_TAIL), or NOT_IDENTITY. */
function candidateKinds(): WordInts {
  if (!candidateCache) {
    const { identity } = load();
    candidateCache = new WordInts((w) => {
      const dash = w.indexOf('-');
      if (dash > 0) {
        const head = w.slice(0, dash);
        const tail = w.slice(dash + 1);
        if (identity.has(head) && COMPOUND_TAILS.has(tail)) return COMPOUND_HEAD;
        if (head === 'majority' && identity.has(tail)) return COMPOUND_TAIL;
        return NOT_IDENTITY;
      }
      return identity.has(w) ? PLAIN : NOT_IDENTITY;
    });
  }
  return candidateCache;
}

const isWord = (doc: Doc, i: number) => i >= 0 && i < doc.tokens.count && doc.tokens.kind[i] === K_WORD;
const isCap = (doc: Doc, i: number) => (doc.tokens.flags[i]! & F_CAP) !== 0;

/** The head noun kind of a word, or null. */
function nounKind(w: string): 'place' | 'actor' | 'group' | null {
  if (PLACE_NOUNS.has(w)) return 'place';
  if (ACTOR_NOUNS.has(w)) return 'actor';
  if (GROUP_NOUNS.has(w)) return 'group';
  return null;
}

const CONFIDENCE = { place: 0.6, actor: 0.55, group: 0.35 } as const;

/**
 * Identity framing: a religion or ethnicity adjective directly modifying a place, polity, armed or
 * collective actor ("the mainly Christian enclave", "the Muslim nation", "Hindu nationalist
 * government", "Serb-held villages"). Skips names of organisations and people (the identity word is
 * followed by a capitalised word: "Christian Democratic Union", "Muslim Brotherhood"), and sentences
 * where religion or ethnicity is the topic (worship, festivals, persecution, a census).
 */
export const identityFramingDetector: Detector = {
  meta: {
    id: 'identity-framing/identity-modifier',
    technique: 'identity-framing',
    description: 'A religious or ethnic label attached to a place, state or actor where it adds nothing to the facts.',
    source: 'code',
  },
  create(ctx) {
    const { doc } = ctx;
    const t = doc.tokens;
    const { topic } = load();
    const topicSentence = new Map<number, boolean>();
    const sentenceIsTopic = (s: number) => {
      let v = topicSentence.get(s);
      if (v === undefined) {
        const sent = doc.sentences[s]!;
        v = false;
        for (let k = sent.tokenStart; k < sent.tokenEnd && !v; k++) if (t.kind[k] === K_WORD && topic.has(tokenLower(t, k))) v = true;
        topicSentence.set(s, v);
      }
      return v;
    };

    const candidates = candidateKinds();
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== K_WORD) continue;
      // Most words are no identity word: decided once per word id.
      const cand = candidates.at(t, i);
      if (cand === NOT_IDENTITY) continue;
      const w = tokenLower(t, i);
      let idWord = w;
      let compound = false;
      if (cand === COMPOUND_HEAD) [idWord, compound] = [w.slice(0, w.indexOf('-')), true];
      else if (cand === COMPOUND_TAIL) [idWord, compound] = [w.slice(w.indexOf('-') + 1), true];
      const s = doc.tokenSentence[i]!;
      const sent = doc.sentences[s]!;
      // A name: "Christian Democratic Union", "Muslim Brotherhood", "Islamic State", "Christian Bale".
      if (!compound && isWord(doc, i + 1) && isCap(doc, i + 1) && doc.tokenSentence[i + 1] === s) continue;
      let start = i;
      let marked = compound;
      const prev = i - 1 >= sent.tokenStart && isWord(doc, i - 1) ? tokenLower(t, i - 1) : '';
      if (DOMINANCE.has(prev)) {
        start = i - 1;
        marked = true;
      }
      if (NATIONALITIES.has(idWord) && !marked) continue;
      // The head noun: next word, or the one after a single modifier ("Christian mountain enclave").
      let end = -1;
      let kind: 'place' | 'actor' | 'group' | null = null;
      for (let j = i + 1; j <= i + 2 && j < sent.tokenEnd; j++) {
        if (!isWord(doc, j)) break;
        if (isCap(doc, j)) break;
        kind = nounKind(tokenLower(t, j));
        if (kind) {
          end = j;
          break;
        }
      }
      if (kind === null) {
        if (!compound) continue;
        end = i; // "Serb-held" alone still frames.
      } else {
        // "Hindu nationalist government": extend over a second head noun.
        if (end + 1 < sent.tokenEnd && isWord(doc, end + 1) && !isCap(doc, end + 1) && nounKind(tokenLower(t, end + 1))) end++;
      }
      if (sentenceIsTopic(s)) continue;
      const confidence = Math.min(0.8, (kind ? CONFIDENCE[kind] : 0.5) + (marked ? 0.1 : 0));
      const text = doc.text.slice(t.start[start]!, t.end[end]!);
      ctx.report({
        start: t.start[start]!,
        end: t.end[end]!,
        confidence,
        message: `"${text}" labels a party by religion or ethnicity; check that this identity is relevant to the facts reported.`,
        evidence: [{ label: 'identity', text: doc.text.slice(t.start[i]!, t.end[i]!) }],
      });
      i = end;
    }
  },
};
