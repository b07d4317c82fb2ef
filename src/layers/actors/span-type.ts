import type { Doc } from '../../text/segment.js';
import { ORG_HEADS, ROLE_WORDS } from '../sourcing/cues.js';
import { isCap, isWord, lower } from '../../lexicon/word-sets.js';
import { STOPWORDS } from '../../lexicon/stopwords.js';
import type { ActorType } from './gazetteer.js';
import { ARMED_HEADS, ARMED_NOUNS, COUNTRY_ENDINGS, EVENT_HEADS, GROUP_NOUNS, MEDIA_HEADS, MEDIA_NOUNS, PEOPLE_NOUNS, PLACE_HEADS, STATE_NOUNS } from './nouns.js';


/**
 * The type of a phrase the actors layer did not resolve (a mention given from outside, as in the
 * roles evaluation): by its head noun ("the herders" -> people, "the interior ministry" -> country,
 * "Tarvian television" -> media), titles and names ("Minister Pavo Kesh" -> person), or a country's
 * ending ("Ostrelia").
 */
export function spanType(doc: Doc, a: number, b: number): ActorType {
  const t = doc.tokens;
  let h = b - 1;
  // "the people of Serek": the head comes before "of".
  for (let i = a + 1; i < b - 1; i++) if (lower(t, i) === 'of' || lower(t, i) === 'who' || lower(t, i) === 'in') { h = i - 1; break; }
  while (h > a && !isWord(t, h)) h--;
  if (!isCap(t, h) || !isWord(t, h)) {
    if (ARMED_NOUNS.at(t, h)) return 'armed-group';
    if (MEDIA_NOUNS.at(t, h)) return 'media';
    if (PEOPLE_NOUNS.at(t, h) || GROUP_NOUNS.at(t, h)) return 'people';
    if (STATE_NOUNS.at(t, h)) return 'country';
    if (ORG_HEADS.at(t, h)) return 'organisation';
    if (ROLE_WORDS.at(t, h)) return 'person';
    if (EVENT_HEADS.at(t, h)) return 'event';
    if (PLACE_HEADS.at(t, h)) return 'place';
    return /s$/.test(lower(t, h)) ? 'people' : 'unknown';
  }
  if (MEDIA_HEADS.at(t, h) && h > a) return 'media';
  if (ARMED_HEADS.at(t, h)) return 'armed-group';
  if (ORG_HEADS.at(t, h)) return 'organisation';
  let caps = 0;
  let titled = false;
  for (let i = a; i <= h; i++) {
    if (isCap(t, i) && !STOPWORDS.at(t, i)) caps++;
    if (ROLE_WORDS.at(t, i)) titled = true;
  }
  if (titled) return 'person';
  if (caps === 1 && COUNTRY_ENDINGS.test(lower(t, h))) return 'country';
  if (caps === 1 && /(?:ians|ans|ese|is)$/.test(lower(t, h))) return 'people';
  if (caps >= 2) return a > 0 && lower(t, a) === 'the' ? 'organisation' : 'person';
  return 'unknown';
}
