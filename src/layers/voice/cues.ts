import { PhraseSet, wordSet } from '../../lexicon/word-sets.js';

/**
 * Cue words of the voice layer, as data in one place: the words that show the author's stance
 * toward what a source says, and the nouns that report speech. Lowercased token forms; every set is
 * interned at load, before any document is tokenised.
 */

/** Adverbs on a reporting verb by which the author rejects the report ("falsely claimed"). */
export const REJECT_ADVERBS = wordSet(
  'falsely wrongly baselessly mistakenly erroneously absurdly dishonestly spuriously untruthfully groundlessly ludicrously ' +
    'preposterously laughably conveniently cynically deceitfully mendaciously speciously',
);
/** Adverbs by which the author agrees with the report ("rightly said", "as X correctly notes"). */
export const ENDORSE_ADVERBS = wordSet('rightly correctly accurately aptly justly rightfully wisely truthfully convincingly persuasively');
/** Words around a report that cast doubt on it without rejecting it. */
export const DOUBT_WORDS = wordSet('supposedly allegedly purportedly so-called ostensibly');

/** Nouns that name what a source says: "such claims", "the accusation that", "their lies". */
export const REPORT_NOUNS = wordSet(
  'claim claims accusation accusations allegation allegations charge charges assertion assertions statement statements ' +
    'words story stories narrative narratives report reports lie lies account accounts version figures numbers argument ' +
    'arguments rhetoric propaganda theory theories talk insinuation insinuations suggestion suggestions contention ' +
    'accusers allegers complaint complaints testimony testimonies warning warnings rumour rumours rumor rumors',
);
/** Nouns that, followed by "that", introduce reported content ("the claim that ...", "allegations that ..."). */
export const CONTENT_NOUNS = wordSet(
  'claim claims accusation accusations allegation allegations charge charges assertion assertions suggestion suggestions ' +
    'contention insinuation insinuations rumour rumours rumor rumors narrative story reports report explanation explanations ' +
    'justification argument statement',
);
/** Verbs whose subject puts forward a claim noun: "officials have repeated one explanation: that ...". */
export const PUT_FORWARD_VERBS = wordSet(
  'repeat repeats repeated repeating offer offers offered offering give gives gave given make makes made making spread spreads ' +
    'push pushes pushed pushing advance advances advanced level levels levelled leveled voice voices voiced raise raises raised ' +
    'peddle peddles peddled peddling circulate circulates circulated',
);
/** Words that, said of a report, reject it ("baseless", "a lie", "nonsense"). */
export const REJECT_WORDS = wordSet(
  'baseless false untrue unfounded groundless absurd nonsense lie lies lying fabricated fabrication fabrications fiction ' +
    'fictitious fantasy invented slander slanderous smear smears ridiculous preposterous ludicrous wrong misleading ' +
    'disinformation misinformation debunked bogus spurious hogwash rubbish propaganda hoax libel libellous falsehood ' +
    'falsehoods distortion distortions concocted fake unsubstantiated unsupported discredited',
);
/** Words that, said of a report, endorse it ("well-founded", "true"). */
export const ENDORSE_WORDS = wordSet('true accurate correct right well-founded justified confirmed vindicated borne credible substantiated undeniable');
/** Determiners and pronouns that point back at something just said ("such claims", "these accusations"). */
export const ANAPHORS = wordSet('such these those this that the their his her its all both');
/** Whole rejections in a few words ("This is nonsense.", "None of this is true."). */
export const REJECT_PHRASES = new PhraseSet([
  'nothing could be further from the truth', 'none of this is true', 'none of it is true', 'none of that is true', 'not so',
  'this is false', 'this is untrue', 'this is nonsense', 'this is a lie', 'that is false', 'that is untrue', 'that is nonsense',
  'that is a lie', 'it is false', 'it is untrue', 'it is nonsense', 'it is a lie', 'this is simply false', 'this is simply untrue',
  'that is simply false', 'that is simply untrue', 'the opposite is true', 'there is no evidence', 'there is no truth',
  'without any evidence', 'without evidence', 'no evidence', 'no basis', 'not supported by', 'not backed by', 'not borne out',
  'unsupported by', 'nothing of the kind', 'nothing of the sort', 'the figures do not support', 'the facts do not support',
  'the evidence does not support', 'the data do not support', 'the data does not support', 'the record does not support',
  'the numbers do not support', 'rests on nothing', 'rests on almost nothing', 'rests on little', 'does not hold up', 'falls apart',
  'has no basis', 'have no basis',
]);
/**
 * A short sentence of the author's that denies what was just reported, anywhere in it: "The mission
 * made no such finding.", "They are nothing of the kind."
 */
export const DENIAL_PHRASES = new PhraseSet(['no such', 'nothing of the kind', 'nothing of the sort', 'nothing like it', 'nothing like that']);
/** Subjects and auxiliaries of an elliptical denial right after a report: "It did not.", "They were not." */
export const ELLIPSIS_SUBJECTS = wordSet('it they he she this that none');
export const ELLIPSIS_AUXILIARIES = wordSet(
  'did does do was were is are has have had will would could can ' +
    "didn't doesn't don't wasn't weren't isn't aren't hasn't haven't hadn't won't wouldn't couldn't can't",
);
/** Adverbs that, between a source and its reporting verb, concede the report against the author's facts ("X nevertheless report"). */
export const CONCESSIVE_ADVERBS = wordSet('nevertheless nonetheless');
export const ENDORSE_PHRASES = new PhraseSet(['they are right', 'he is right', 'she is right', 'this is true', 'that is true', 'it is true', 'rightly so', 'with good reason']);
/** Copulas between a report and its judgement ("the claim is baseless"). */
export const COPULAS = wordSet('is are was were remains remain seems seem appears appear proved proves proven');
export const INTENSIFIERS = wordSet('simply plainly utterly completely entirely totally wholly patently clearly obviously demonstrably');
/** "Contrary to X's claims", "despite X's claims": the author sets the report aside. */
export const CONTRARY = new PhraseSet(['contrary to', 'unlike what']);
export const DESPITE = wordSet('despite notwithstanding');

/** Speakers whose words are a headline, a banner, a caption or a post ("one headline read"). */
export const HEADLINE_HEADS = wordSet('headline headlines banner title caption front-page tweet post posts slogan placard sign chyron tabloid tabloids');
/** Verbs that report a headline's or a sign's words ("one headline read", "the banner ran"). */
export const HEADLINE_VERBS = wordSet('read reads ran runs blared proclaimed declared screamed shouted announced');

/** Reporting verbs whose complement is a charge against someone: the accusation belongs to the speaker. */
export const ACCUSE_LEMMAS = new Set(['accuse', 'blame', 'condemn']);
/** Words that may sit between a reporting verb and its "that" ("said on Monday that", "told reporters that"). */
export const THAT = wordSet('that');
export const CLAUSE_CONJUNCTIONS = wordSet('and but while whereas although though yet');
