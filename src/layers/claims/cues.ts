import { PhraseSet, wordSet } from '../../lexicon/word-sets.js';

/** Cue lists for check-worthy claims. Lowercased token forms. */

/** Quantities in words. Small numbers ("two sides") are too common to make a sentence a number claim. */
export const NUMBER_WORDS = wordSet('hundred hundreds thousand thousands million millions billion billions dozen dozens percent per-cent scores tens');
export const CASUALTY_WORDS = wordSet(
  'killed dead died deaths death casualties wounded injured fatalities bodies massacred executed murdered slain perished ' +
    'killing killings wounding injuries',
);
export const CASUALTY_PHRASES = new PhraseSet(['death toll', 'lost their lives', 'lost his life', 'lost her life']);
export const DISPLACEMENT_WORDS = wordSet(
  'displaced displacement refugees refugee fled flee fleeing evacuated evacuation evacuate expelled expulsion deported ' +
    'deportation exodus homeless uprooted asylum',
);
export const DISPLACEMENT_PHRASES = new PhraseSet(['forced from their homes', 'forced to leave', 'forced out', 'driven from', 'left their homes']);
export const EVENT_WORDS = wordSet(
  'attacked shelled bombed struck fired captured seized occupied invaded launched destroyed signed agreed announced ' +
    'arrested detained withdrew met voted approved passed resigned elected declared entered crossed raided ambushed ' +
    'shot downed sank burned looted abducted kidnapped released exchanged imposed banned closed reopened suspended ' +
    'blockaded besieged annexed deployed mobilised mobilized retreated surrendered took withdrawn taken fallen fell ' +
    'begun started ended collapsed exploded blocked intercepted',
);

/** Charge terms and the charge they stand for. */
export const CHARGES: Record<string, string[]> = {
  'genocide': ['genocide', 'genocidal'],
  'ethnic-cleansing': ['ethnic cleansing', 'ethnically cleansed', 'ethnically cleanse'],
  'war-crimes': ['war crime', 'war crimes', 'war criminal', 'war criminals'],
  'crimes-against-humanity': ['crimes against humanity', 'crime against humanity'],
  'terrorism': ['terrorism', 'terrorist', 'terrorists', 'terror attack', 'terror attacks', 'act of terror', 'acts of terror', 'terror'],
  'aggression': ['aggression', 'aggressor', 'act of aggression', 'aggressive war'],
  'occupation': ['occupation', 'occupier', 'occupiers', 'occupying forces', 'occupying power'],
  'apartheid': ['apartheid'],
  'massacre': ['massacre', 'massacres', 'massacred'],
  'torture': ['torture', 'tortured', 'torturing'],
  'atrocities': ['atrocity', 'atrocities'],
  'provocation': ['provocation', 'provocations'],
  'ceasefire-violation': ['violated the ceasefire', 'violating the ceasefire', 'ceasefire violation', 'ceasefire violations', 'broke the ceasefire', 'breaking the ceasefire', 'breach of the ceasefire', 'breaches of the ceasefire', 'violated the truce', 'broke the truce'],
  'human-rights-abuses': ['human rights abuses', 'human rights violations', 'rights abuses'],
  'disinformation': ['disinformation', 'propaganda', 'fake news'],
  'sabotage': ['sabotage'],
  'annexation': ['annexation', 'illegal annexation'],
  'hostage-taking': ['hostage-taking', 'taking hostages', 'took hostages'],
};
export const CHARGE_PHRASES = new PhraseSet(Object.values(CHARGES).flat());
export const CHARGE_OF = new Map<string, string>();
for (const [id, terms] of Object.entries(CHARGES)) for (const term of terms) CHARGE_OF.set(term, id);

/** Verbs that make the accusation explicit ("accused X of", "blamed X for"). */
export const ACCUSE_VERBS = wordSet('accused accuses accuse accusing blamed blames blame blaming charged');
/** Verbs that pin a label on someone; an accusation when the label is a charge ("called X a terrorist regime"). */
export const LABEL_VERBS = wordSet('called calls call branded brands labelled labeled labels described describes denounced denounces');
/** Verbs that commit the subject to a charge ("committed war crimes", "is waging aggression"). */
export const COMMIT_VERBS = wordSet('committed commits committing perpetrated perpetrates carried carrying waged waging wages engaged engaging conducting conducted guilty responsible practising practicing');

/** Hedges: words that lower the author's or the source's commitment to the claim. */
export const HEDGE_WORDS = wordSet(
  'may might could possibly possible perhaps probably likely unlikely apparently appears appear appeared seems seem ' +
    'seemed suggests suggest suggested reportedly allegedly purportedly supposedly unconfirmed unverified estimated ' +
    'approximately roughly preliminary unclear believed thought presumably',
);
export const HEDGE_PHRASES = new PhraseSet([
  'could not be independently verified', 'could not be verified', 'cannot be verified', 'not independently verified',
  'not clear', 'it is unclear', 'according to preliminary', 'up to', 'an estimated', 'as many as',
]);
/** Approximators count as hedges only before a number ("about 40", "some 300"). */
export const APPROXIMATORS = wordSet('about around some nearly almost roughly approximately');
export const CONDITIONAL_WORDS = wordSet('if unless whether');
export const CONDITIONAL_PHRASES = new PhraseSet(['in case', 'provided that', 'in the event', 'as long as', 'on condition that']);

/** Where a sentence states the grounds for an accusation. */
export const EVIDENCE_CUES = new PhraseSet([
  'citing', 'cited', 'pointing to', 'pointed to', 'based on', 'on the basis of', 'referring to', 'with evidence',
  'supported by', 'backed by', 'presenting', 'presented', 'showing', 'as shown by', 'documented by',
]);
export const EVIDENCE_NOUNS = wordSet(
  'evidence photographs photos images footage video videos satellite testimony testimonies documents witnesses ' +
    'investigation report findings forensic intercepts recordings',
);
