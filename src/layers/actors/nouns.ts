import { builtinLexiconSections } from '../../lexicon/builtin.js';
import { WordSet, wordSet } from '../../lexicon/word-sets.js';

// Place words are the sourcing layer's too (a place in a speaker's name is nobody's name): kept there, one list.
export { LOCATIVE, PLACE_HEADS, PLACE_OPENERS } from '../sourcing/cues.js';

/**
 * Word classes that decide what an actor mention is. Lowercased token forms, interned at load.
 * A demonym ("Sylvanian", or an unknown "Korvani") names a different actor depending on the noun
 * after it: the state ("Sylvanian forces"), its people ("Sylvanian shepherds"), an armed group
 * ("Korvani militias"), its media ("Tarvian outlets") or a group ("the Tarvian diaspora").
 */

/** Nouns that make a demonym name the state: "Azerbaijani government", "Sylvanian forces". */
export const STATE_NOUNS = wordSet(
  'government authorities army military forces troops soldiers officials ministry president leadership regime ' +
    'administration side state navy police diplomats embassy parliament delegation leaders leader units positions ' +
    'artillery drones jets warplanes tanks commanders commander officers defence defense minister spokesman ' +
    'spokeswoman spokesperson envoy ambassador foreign interior border security special armed air prime cabinet ' +
    'negotiators premier chancellor court courts prosecutors prosecutor regulators regulator agency agencies guards guard ' +
    'patrols patrol sentries gunboats ships warships coastguard border-guards ministers diplomacy envoys lawmakers senators',
);
/** Nouns that make a demonym name its people: "Armenian civilians", "Dastrian shepherds". */
export const PEOPLE_NOUNS = wordSet(
  'people civilians villagers residents refugees citizens population children women families community communities ' +
    'minority majority nation workers students prisoners captives hostages victims men elderly farmers pilgrims ' +
    'settlers migrants inhabitants public mothers fathers youth journalists shepherds herders fishermen miners nurses ' +
    'doctors teachers pensioners voters fans players athletes protesters demonstrators settlers peasants laborers ' +
    'labourers taxpayers consumers households townspeople evacuees detainees survivors orphans widows monks clergy ' +
    'believers worshippers tribes tribesmen clans nomads',
);
/** Nouns that make a demonym name an armed group: "Korvani militias", "Sylvanian rebels". */
export const ARMED_NOUNS = wordSet(
  'militia militias rebels rebel insurgents insurgent separatists separatist guerrillas guerrilla paramilitaries ' +
    'paramilitary gunmen fighters mercenaries irregulars partisans jihadists extremists gangs gang cartel cartels',
);
/** Nouns that make a demonym name its media: "Tarvian outlets", "Sylvanian press". */
export const MEDIA_NOUNS = wordSet('media outlets outlet press newspapers newspaper broadcasters broadcaster television tv channels channel bloggers');
/** Nouns that make a demonym name a group: "the Tarvian diaspora", "Sylvanian activists". */
export const GROUP_NOUNS = wordSet('diaspora opposition activists campaigners lobby lobbyists nationalists exiles emigres clergy unions unionists parties groups organisations organizations');

/** Heads that make a capitalised run an event: "Second Karabakh War", "the Minsk process". */
export const EVENT_HEADS = wordSet(
  'war wars conflict crisis process talks accords accord agreement agreements summit offensive operation revolution ' +
    'uprising election elections referendum games olympics olympiad cup championship championships treaty protocol ' +
    'declaration ceasefire truce format initiative massacre famine pogrom protests insurrection intifada blockade siege ' +
    'negotiations conference convention pact memorandum tournament league festival act deal directive', // laws: "the Clean Horizon Act", "Green Deal"
);
/** Words that open an event name: "Operation Dawn", "Battle of the Ridge". */
export const EVENT_OPENERS = wordSet('operation battle siege treaty war');
/** Compass words that make a capitalised run a region: "South Caucasus", "Western Balkans". */
export const COMPASS = wordSet('north south east west northern southern eastern western central upper lower northeast northwest southeast southwest middle far greater');
/** Heads that make a run a media outlet: "The Valley Herald", "Korvani State Television". */
export const MEDIA_HEADS = wordSet('times post news herald gazette tribune journal telegraph chronicle courier daily radio tv television broadcasting broadcaster press today observer review weekly magazine agency wire');
/** Heads that make a run an armed group: "Ridge Brigade", "Coastal Militia". */
export const ARMED_HEADS = wordSet('brigade brigades battalion battalions militia militias legion regiment army corps guard guards rebels commandos');

/** Common English words with a demonym's ending, which start sentences before group nouns ("Human rights groups"). */
export const NOT_DEMONYMS = wordSet(
  'human urban veteran civilian suburban partisan vegetarian republican metropolitan guardian librarian ' +
    'historian technician musician physician politician magician comedian median mean clean green certain main plain ' +
    'local several rival foreign armed angry masked unidentified senior junior top ' +
    'young old many most some other western eastern northern southern central national regional international official ' +
    'unofficial common public private royal ruling governing opposition pro-government anti-government islamist secular ' +
    'leftist rightist liberal conservative radical militant moderate hardline religious ethnic tribal rural coastal ' +
    'mountain border frontline frontier exiled displaced wounded fleeing grieving striking protesting protest state ' +
    // Determiners and pronouns with a demonym's ending ("Neither government has published ...").
    'neither either another whether other either each whichever whatever former latter further',
);
/** Endings of demonyms and country names, for words the gazetteer does not know. */
export const DEMONYM_ENDINGS = /(?:ian|ans|ians|an|ese|i|is|ish|ic|er|ers|ite|ites|ot|ots)$/;
export const COUNTRY_ENDINGS = /(?:ia|land|stan|istan|ania|onia)$/;

/** Verbs whose object is a place, as a preposition of place tells one ("visited Tessin", "toured Varo"). */
export const PLACE_VERBS = wordSet('visited visiting visit visits toured touring evacuated shelled');

/**
 * Religious adjectives and nouns ("Orthodox", "Sunni", "Catholic"): capitalised, but a name of
 * neither a place nor a person ("the mainly Orthodox valley" is no place called "Orthodox valley").
 */
export const RELIGION_WORDS = new WordSet(
  [...builtinLexiconSections('religions-ethnicities')].filter(([title]) => /^religion/i.test(title)).flatMap(([, terms]) => terms),
);

/** Quantities before "of" that name nobody: "Thousands of Korvani villagers". */
export const QUANTITIES = new Set(['thousands', 'hundreds', 'dozens', 'millions', 'tens', 'scores', 'some', 'many', 'most', 'all', 'several']);

/** Capitalised words that are no part of a name: days, months, titles, quantifiers, sentence-opening prepositions. */
export const NOT_NAMES = wordSet(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december god mr mrs ms dr i since several many most some few various numerous both each every other such ' +
    // Prepositions that open a sentence: "Without Western weapons ..." names nobody called "Without Western".
    'without with within after before during despite under over through across against among amid between beyond unlike following ' +
    'neighbouring neighboring nearby fellow outgoing incoming embattled beleaguered landlocked war-torn', // "Neighbouring Ostrelia congratulated ..." 
);
