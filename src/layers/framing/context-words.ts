import { builtinLexicon } from '../../lexicon/builtin.js';
import { WordMemo } from '../../lexicon/word-memo.js';
import { WordSet, wordSet } from '../../lexicon/word-sets.js';
import { cueClassIndex } from './cues.js';

/**
 * The word classes the framing featurizer reads around a mention (features.ts): what ends a clause,
 * what makes a verb passive, what makes a cue word a noun, whose a mention is.
 */

/** Function words and reporting boilerplate: no stem features. */
export const STOP = new WordSet([...builtinLexicon('stopwords'), 'said', 'say', 'says', 'told', 'according', 'also', 'would', 'could', 'will', 'one', 'two', 'three']);
export const CLAUSE_BREAK = wordSet('and but while whereas which who that after before because although though when where as since until unless if');
export const PASSIVE_AUX = wordSet('was were been being is are be got gets get');
/** Adverbs that may stand between a mention and its passive auxiliary ("have already been driven out"). */
export const NOT_ADVERBS = new Set(['family', 'rally', 'supply', 'ally', 'italy', 'july', 'fly', 'reply', 'assembly', 'apply', 'comply', 'rely', 'belly', 'bully']);
export const ADVERB = new WordMemo<number>((w) => (w === 'already' || w === 'never' || w === 'once' || (w.length > 3 && w.endsWith('ly') && !NOT_ADVERBS.has(w)) ? 1 : 0));
export const BY = wordSet('by');
/**
 * Words that negate the verb or noun after them ("did not shell", "never protected", "has no
 * support", "won't negotiate"): the cue word they govern is read as negated (features.ts).
 */
export const NEGATOR = new WordMemo<number>((w) => (w === 'not' || w === 'never' || w === 'no' || w === 'nor' || w === 'cannot' || w.endsWith("n't") || w.endsWith('n\u2019t') ? 1 : 0));
export const AND_OR = wordSet('and or');
/** Cue classes of help, peace and praise given (bits of a cue mask). */
export const POSITIVE_MASK = ['help', 'peace', 'praise'].reduce((m, c) => m | (1 << cueClassIndex(c)), 0);
/** Words after which a cue word is a noun: "the aid", "two houses", "its support". */
export const NOUN_OPENERS = wordSet('the a an two three four five several many its their his her our this that these those some');
/** "Details of the attacks": a cue after "of" is what something else is about, not the mention's act. */
export const OF = wordSet('of about');
/**
 * Prepositions whose object a mention can be ("power from France and burning gas", "drones launched
 * from Ukraine hit a refinery"): the verb after such a mention is not its act. Not "by", whose
 * object is the agent of a passive ("shelled by X"), nor "of"/"about" (OF).
 */
export const PREP_OBJECT = wordSet('from to with for into at on in against toward towards over under through across between among near via onto upon within without');
export const AGAINST = wordSet('on against of upon at toward towards');
export const DETERMINERS = wordSet("the a an this that these those its his her their our some several many all both such");
/** The first word of a mention that says whose it is: "our volunteers", "their leaders", "my mother". */
export const OWNERS = ['the', 'a', 'an', 'our', 'their', 'my', 'his', 'her', 'its', 'these', 'those', 'this', 'that', 'your', 'some', 'many', 'all'];
export const OWNER_SET = wordSet(OWNERS.join(' '));
export const FIRST_PERSON = wordSet('i we our us my me ourselves');

