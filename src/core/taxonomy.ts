/**
 * The technique taxonomy: SemEval-2023 Task 3's 23 techniques in six categories, plus a seventh
 * category (sourcing and framing). Ids are stable: they appear in stored analyses, configs and APIs.
 */

export const CATEGORIES = [
  'attack-on-reputation',
  'justification',
  'simplification',
  'distraction',
  'call',
  'manipulative-wording',
  'sourcing-and-framing',
] as const;
export type CategoryId = (typeof CATEGORIES)[number];

/** The 14 labels of SemEval-2020 Task 11 (PTC), exactly as they appear in the data. */
export const PTC_LABELS = [
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Exaggeration,Minimisation',
  'Doubt',
  'Appeal_to_fear-prejudice',
  'Flag-Waving',
  'Causal_Oversimplification',
  'Slogans',
  'Appeal_to_Authority',
  'Black-and-White_Fallacy',
  'Thought-terminating_Cliches',
  'Bandwagon,Reductio_ad_hitlerum',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;
export type PtcLabel = (typeof PTC_LABELS)[number];

export interface TechniqueInfo {
  id: string;
  name: string;
  category: CategoryId;
  definition: string;
  /** The PTC label this technique is scored as, or null when PTC has no counterpart. */
  ptc: PtcLabel | null;
}

const t = (id: string, name: string, category: CategoryId, ptc: PtcLabel | null, definition: string): TechniqueInfo => ({
  id,
  name,
  category,
  definition,
  ptc,
});

export const TECHNIQUES = [
  t('name-calling', 'Name calling or labelling', 'attack-on-reputation', 'Name_Calling,Labeling',
    'Labels a person, group or idea with a term meant to make the audience despise, fear or admire it, instead of describing what it did.'),
  t('guilt-by-association', 'Guilt by association', 'attack-on-reputation', 'Bandwagon,Reductio_ad_hitlerum',
    'Discredits a target by linking it to a group, person or idea the audience already condemns (for example comparing it to Nazis or terrorists).'),
  t('doubt', 'Casting doubt', 'attack-on-reputation', 'Doubt',
    'Questions the credibility, motives or competence of someone, or the truth of a claim, without offering evidence against it.'),
  t('appeal-to-hypocrisy', 'Appeal to hypocrisy', 'attack-on-reputation', 'Whataboutism,Straw_Men,Red_Herring',
    'Attacks the target as a hypocrite (tu quoque) instead of answering the argument it made.'),
  t('questioning-reputation', 'Questioning the reputation', 'attack-on-reputation', 'Doubt',
    'Undermines the character or track record of a target with loosely supported negative claims, unrelated to the issue at hand.'),
  t('flag-waving', 'Flag waving', 'justification', 'Flag-Waving',
    'Justifies a position by appealing to national, group or patriotic pride and identity ("as true patriots we must").'),
  t('appeal-to-authority', 'Appeal to authority', 'justification', 'Appeal_to_Authority',
    'Presents a claim as true because an authority or expert backs it, without further support, or cites a doubtful authority.'),
  t('appeal-to-popularity', 'Appeal to popularity', 'justification', 'Bandwagon,Reductio_ad_hitlerum',
    'Argues that something is right because many or most people believe or do it ("everyone knows", "millions agree").'),
  t('appeal-to-values', 'Appeal to values', 'justification', 'Flag-Waving',
    'Justifies a position by linking it to values the audience holds dear (freedom, faith, tradition, justice) rather than to evidence.'),
  t('appeal-to-fear', 'Appeal to fear or prejudice', 'justification', 'Appeal_to_fear-prejudice',
    'Builds support by stoking anxiety, panic or prejudice about what will happen, or about a group, unless the audience acts.'),
  t('causal-oversimplification', 'Causal oversimplification', 'simplification', 'Causal_Oversimplification',
    'Blames a complex outcome on a single cause, or treats coincidence or sequence as proof of cause.'),
  t('false-dilemma', 'False dilemma', 'simplification', 'Black-and-White_Fallacy',
    'Presents two options as the only possibilities when more exist ("either you are with us or against us").'),
  t('consequential-oversimplification', 'Consequential oversimplification', 'simplification', 'Causal_Oversimplification',
    'Claims that a first step will inevitably lead to a chain of (usually dire) consequences: the slippery slope.'),
  t('straw-man', 'Straw man', 'distraction', 'Whataboutism,Straw_Men,Red_Herring',
    'Refutes a distorted or exaggerated version of an opponent\'s position instead of the position itself.'),
  t('red-herring', 'Red herring', 'distraction', 'Whataboutism,Straw_Men,Red_Herring',
    'Diverts attention from the issue under discussion to an unrelated one.'),
  t('whataboutism', 'Whataboutism', 'distraction', 'Whataboutism,Straw_Men,Red_Herring',
    'Deflects criticism by pointing at the wrongdoing of others ("what about...") instead of answering it.'),
  t('slogans', 'Slogans', 'call', 'Slogans',
    'A brief, striking phrase, often a chant or a hashtag, that stands in for an argument.'),
  t('conversation-killer', 'Conversation killer', 'call', 'Thought-terminating_Cliches',
    'A phrase that discourages thought or further discussion ("it is what it is", "end of story").'),
  t('appeal-to-time', 'Appeal to time', 'call', 'Slogans',
    'Urges immediate action because "now is the time" or "time is running out", rather than on the merits.'),
  t('loaded-language', 'Loaded language', 'manipulative-wording', 'Loaded_Language',
    'Words or phrases with strong emotional connotations, positive or negative, used to sway the reader.'),
  t('obfuscation', 'Obfuscation, intentional vagueness', 'manipulative-wording', null,
    'Deliberately vague or confusing wording that lets the audience read in what it wants or hides who did what.'),
  t('exaggeration-minimisation', 'Exaggeration or minimisation', 'manipulative-wording', 'Exaggeration,Minimisation',
    'Represents something as much larger, better or worse than it is, or downplays its significance.'),
  t('repetition', 'Repetition', 'manipulative-wording', 'Repetition',
    'Repeats the same word, phrase or message over and over so that the audience comes to accept it.'),
  t('hearsay', 'Hearsay', 'sourcing-and-framing', null,
    'Presents a claim that rests on unnamed or unverifiable sources ("reportedly", "sources say", "according to reports").'),
  t('weasel-attribution', 'Weasel attribution', 'sourcing-and-framing', null,
    'Attributes a view to vague, unidentified groups to lend it weight ("some say", "critics argue", "it is widely believed").'),
  t('identity-framing', 'Identity framing', 'sourcing-and-framing', null,
    'Invokes the religion or ethnicity of a party where it adds nothing to the facts ("the mainly Christian enclave", "the Muslim nation").'),
  t('misleading-headline', 'Misleading headline', 'sourcing-and-framing', null,
    'A headline that asserts more than the body supports: a different claim, stronger certainty, larger scale, or blame and loaded terms the body does not carry.'),
] as const satisfies readonly TechniqueInfo[];

export type TechniqueId = (typeof TECHNIQUES)[number]['id'];

export const TECHNIQUE_IDS: readonly TechniqueId[] = TECHNIQUES.map((x) => x.id);

const byId = new Map<string, TechniqueInfo>(TECHNIQUES.map((x) => [x.id, x]));

export function isTechniqueId(id: string): id is TechniqueId {
  return byId.has(id);
}

export function techniqueInfo(id: TechniqueId): TechniqueInfo {
  return byId.get(id)!;
}

export function categoryOf(id: TechniqueId): CategoryId {
  return byId.get(id)!.category;
}

export function techniquesInCategory(category: CategoryId): TechniqueId[] {
  return TECHNIQUES.filter((x) => x.category === category).map((x) => x.id);
}

/** PTC label a technique is scored as (null: not scored on PTC). */
export function toPtcLabel(id: TechniqueId): PtcLabel | null {
  return byId.get(id)!.ptc;
}

/**
 * The framewise technique a PTC label is predicted as when a model trained on PTC outputs it.
 * Several framewise techniques share one PTC label; this picks the most typical one.
 */
export const PTC_PRIMARY: Record<PtcLabel, TechniqueId> = {
  Loaded_Language: 'loaded-language',
  'Name_Calling,Labeling': 'name-calling',
  Repetition: 'repetition',
  'Exaggeration,Minimisation': 'exaggeration-minimisation',
  Doubt: 'doubt',
  'Appeal_to_fear-prejudice': 'appeal-to-fear',
  'Flag-Waving': 'flag-waving',
  Causal_Oversimplification: 'causal-oversimplification',
  Slogans: 'slogans',
  Appeal_to_Authority: 'appeal-to-authority',
  'Black-and-White_Fallacy': 'false-dilemma',
  'Thought-terminating_Cliches': 'conversation-killer',
  'Bandwagon,Reductio_ad_hitlerum': 'appeal-to-popularity',
  'Whataboutism,Straw_Men,Red_Herring': 'whataboutism',
};

export function isPtcLabel(label: string): label is PtcLabel {
  return (PTC_LABELS as readonly string[]).includes(label);
}
