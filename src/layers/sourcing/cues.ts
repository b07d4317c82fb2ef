import { PhraseSet, WordSet, wordSet } from '../../lexicon/word-sets.js';

/**
 * Cue lists for sourcing. Kept as data in one place so a reviewer can see, and argue with, every
 * word that decides a class. Words are lowercased token forms.
 */

import type { VerbTone } from '../../core/sourcing.js';

export interface VerbInfo {
  lemma: string;
  tone: VerbTone;
  /** Why a loaded verb is loaded: it casts doubt, presupposes the statement is true, or colours the manner. */
  note?: 'casts doubt' | 'presupposes truth' | 'colours manner';
  /** Verbs that can take the speaker after them ("said the minister"). */
  inverts?: boolean;
  /** Forms that are also common nouns: they attribute only before "that" ("outlets report that"). */
  clause?: boolean;
}

function forms(lemma: string, list: string, info: Omit<VerbInfo, 'lemma'>, into: Map<string, VerbInfo>): void {
  for (const f of list.split(/\s+/)) into.set(f, { lemma, ...info });
}

/** Attribution verbs by inflected form. Neutral report verbs versus verbs that carry a judgement. */
export const ATTRIBUTION_VERBS = new Map<string, VerbInfo>();
{
  const V = ATTRIBUTION_VERBS;
  const n = { tone: 'neutral' as const };
  const ni = { tone: 'neutral' as const, inverts: true };
  forms('say', 'say says said saying', ni, V);
  forms('tell', 'tell tells told telling', n, V);
  forms('state', 'stated', ni, V);
  forms('answer', 'answered answers', ni, V);
  forms('add', 'added adds', ni, V);
  forms('note', 'noted notes', ni, V);
  forms('explain', 'explained explains', ni, V);
  forms('announce', 'announced announces', ni, V);
  forms('reply', 'replied replies', ni, V);
  forms('respond', 'responded responds', ni, V);
  forms('write', 'wrote writes', ni, V);
  forms('ask', 'asked asks', ni, V);
  forms('report', 'reported reports', n, V);
  forms('report', 'report', { tone: 'neutral', clause: true }, V);
  forms('suggest', 'suggest', { tone: 'neutral', clause: true }, V);
  forms('declare', 'declared declares declaring', ni, V);
  forms('comment', 'commented comments', ni, V);
  forms('continue', 'continued', ni, V);
  forms('remark', 'remarked remarks', ni, V);
  forms('tweet', 'tweeted tweets', ni, V);
  forms('post', 'posted', n, V);
  forms('confirm', 'confirm confirmed confirms', ni, V);
  forms('deny', 'deny denied denies', n, V);
  forms('argue', 'argue argued argues arguing', ni, V);
  forms('warn', 'warn warned warns warning', ni, V);
  forms('urge', 'urge urged urges', n, V);
  forms('accuse', 'accuse accused accuses accusing', n, V);
  forms('blame', 'blame blamed blames blaming', n, V);
  forms('condemn', 'condemned condemns', n, V);
  forms('testify', 'testified testifies', n, V);
  forms('recall', 'recalled recalls', ni, V);
  forms('assure', 'assured assures', n, V);
  forms('describe', 'described describes describing', n, V);
  forms('call', 'called', n, V);
  forms('quote', 'quoted', n, V);
  forms('find', 'found', n, V);
  forms('conclude', 'concluded concludes', n, V);
  forms('believe', 'believe believes', n, V);
  forms('fear', 'fear feared', n, V);
  forms('suspect', 'suspected', n, V);
  forms('estimate', 'estimated estimates', n, V);
  forms('estimate', 'estimate', { tone: 'neutral', clause: true }, V);
  const doubt = { tone: 'loaded' as const, note: 'casts doubt' as const, inverts: true };
  forms('claim', 'claim claims claimed claiming', doubt, V);
  forms('allege', 'allege alleged alleges alleging', doubt, V);
  forms('insist', 'insist insisted insists insisting', doubt, V);
  forms('maintain', 'maintain maintained maintains', doubt, V);
  forms('assert', 'asserted asserts', doubt, V);
  forms('contend', 'contended contends', doubt, V);
  forms('purport', 'purported', doubt, V);
  const truth = { tone: 'loaded' as const, note: 'presupposes truth' as const, inverts: true };
  forms('admit', 'admit admitted admits', truth, V);
  forms('concede', 'concede conceded concedes', truth, V);
  forms('confess', 'confessed confesses', truth, V);
  forms('acknowledge', 'acknowledge acknowledged acknowledges', truth, V);
  forms('reveal', 'revealed reveals', truth, V);
  const manner = { tone: 'loaded' as const, note: 'colours manner' as const, inverts: true };
  forms('boast', 'boasted boasts', manner, V);
  forms('brag', 'bragged brags', manner, V);
  forms('complain', 'complain complained complains', manner, V);
  forms('whine', 'whined whines', manner, V);
  forms('rant', 'ranted rants', manner, V);
  forms('snap', 'snapped snaps', manner, V);
  forms('retort', 'retorted retorts', manner, V);
  forms('scoff', 'scoffed scoffs', manner, V);
  forms('sneer', 'sneered sneers', manner, V);
  forms('grumble', 'grumbled grumbles', manner, V);
  forms('lament', 'lamented laments', manner, V);
  forms('shout', 'shouted shouts', manner, V);
  forms('scream', 'screamed screams', manner, V);
  forms('fume', 'fumed fumes', manner, V);
  forms('thunder', 'thundered', manner, V);
  forms('gloat', 'gloated gloats', manner, V);
}

/** Every attribution verb form, for a one-read check per token. */
export const ATTRIBUTION_FORMS = new WordSet([...ATTRIBUTION_VERBS.keys(), 'according', 'published', 'issued', 'compiled']);

/** Verbs that attribute only when their subject is a document or body of evidence ("the report found"). */
export const EVIDENCE_ONLY_VERBS = wordSet('found concluded estimated quoted believe believes');
export const DOCUMENT_HEADS = wordSet('report study investigation inquiry survey data figures statement analysis review assessment audit census communique communiqué findings');

/** Auxiliaries and adverbs allowed between a speaker and the verb ("has repeatedly said"). */
export const VERB_GROUP_FILLERS = wordSet(
  'has have had was were is are been be being will would also later earlier again previously repeatedly then once further publicly privately separately recently reportedly himself herself themselves itself only even now still already openly ' +
    'began begun started kept nevertheless falsely wrongly rightly correctly mistakenly baselessly accurately',
);

/** Heads that make a source anonymous or unidentifiable. */
export const VAGUE_HEADS = wordSet(
  'source sources official officials diplomat diplomats insider insiders people person critics critic observers observer experts expert analysts analyst some many others several witnesses witness residents resident commentators activists campaigners someone somebody anyone everyone everybody few most insiders aides aide figures ' +
    // Unnamed people in the plural: "aid workers said", "soldiers told us".
    'workers doctors nurses medics soldiers fighters villagers farmers survivors refugees protesters demonstrators volunteers teachers students locals citizens passengers parents relatives neighbours neighbors families mothers men women ' +
    // Unnamed bodies and unnamed research: "partners report", "aid agencies say", "studies suggest".
    'partners organisations organizations agencies ngos groups contacts interlocutors studies surveys interviews',
);

/** Heads that make a source second-hand: reports, rumours, accounts. */
export const HEARSAY_HEADS = wordSet('reports rumours rumors rumour rumor accounts posts media claims hearsay gossip word speculation');
/** Modifiers that make "media" an identifiable source: "state media said". */
export const OFFICIAL_MEDIA = wordSet('state official government public national');

/** Determiners that make a source indefinite ("an official", "some experts"). */
export const INDEFINITE = wordSet('a an some several one two three many few numerous various certain unnamed anonymous other');

export const DETERMINERS = wordSet('the a an this that these those its his her their our some several');

export const PRONOUNS = wordSet('he she they it we i');

/** Agentless or anonymous attribution: weasel wording. */
export const VAGUE_PHRASES = new PhraseSet([
  'it is believed', 'it is thought', 'it is said', 'it is understood', 'it is alleged', 'it is claimed', 'it is feared',
  'it is widely believed', 'it is widely thought', 'it is widely accepted', 'it is generally accepted', 'it is known',
  'it was believed', 'it was thought', 'it was said', 'it was understood', 'it has been said', 'it has been suggested',
  'it has been claimed', 'it has been argued', 'it is argued', 'it is suggested', 'it is estimated',
  'is widely believed', 'is widely seen', 'is widely regarded', 'is widely considered', 'are widely seen', 'are widely believed',
  'is seen by many', 'is believed to', 'are believed to', 'is thought to', 'are thought to', 'was believed to', 'were believed to',
  'some say', 'some argue', 'some believe', 'some claim', 'some would argue', 'many believe', 'many say', 'many argue', 'many fear',
  'people say', 'people are saying', 'critics say', 'critics argue', 'experts say', 'observers say', 'analysts say',
  'there are claims', 'there are fears', 'there is speculation', 'there are suggestions', 'there is a feeling',
  'questions have been raised', 'concerns have been raised', 'questions remain',
  'according to sources', 'according to a source', 'according to officials', 'according to insiders', 'according to experts',
  'on condition of anonymity', 'who asked not to be named', 'who declined to be named', 'who did not want to be named',
  'speaking anonymously', 'spoke anonymously', 'people familiar with', 'familiar with the matter', 'sources close to',
  'a source close to', 'sources say', 'sources said', 'a source said', 'insiders say',
]);

/** Second-hand reports: what others reportedly said or saw. */
/** Verbs that talk about rumours rather than relay one: "spreading rumours", "denied rumours". */
export const RUMOUR_TALK = wordSet('spread spreads spreading denied denies deny dismissed dismisses dismiss quashed quash dispelled dispel debunked debunk fighting combating');
export const HEARSAY_WORDS = wordSet('reportedly allegedly purportedly supposedly rumoured rumored ostensibly apparently rumour rumours rumor rumors hearsay');
export const HEARSAY_PHRASES = new PhraseSet([
  'is said to', 'are said to', 'was said to', 'were said to', 'is reported to', 'are reported to', 'was reported to',
  'were reported to', 'is alleged to', 'are alleged to', 'was alleged to', 'were alleged to', 'is rumoured to', 'is rumored to',
  'unconfirmed reports', 'unverified reports', 'according to reports', 'according to media reports', 'according to local media',
  'according to unconfirmed', 'according to rumours', 'according to rumors', 'according to accounts', 'according to social media',
  'according to posts', 'reports suggest', 'reports say', 'reports said', 'media reports', 'local media reported',
  'heard that', 'heard from', 'was told that', 'were told that', 'had been told', 'had heard', 'word of mouth', 'second-hand',
  'secondhand', 'circulating on social media', 'posts on social media', 'it is rumoured', 'it is rumored', 'rumours that',
  'rumors that', 'claims circulating', 'said they had heard', 'said she had heard', 'said he had heard',
]);

/** The author's own evaluation: stance adverbs, deontic modals, first person, evaluative adjectives. */
export const OPINION_WORDS = wordSet(
  'should must ought clearly obviously undoubtedly surely certainly sadly shamefully shockingly disgracefully thankfully ' +
    'unfortunately fortunately frankly arguably regrettably so-called insult travesty farce mockery outrageous disgraceful shameful unacceptable absurd ridiculous ' +
    'appalling deplorable despicable scandalous laughable pathetic brilliant heroic cowardly disgusting tragic senseless ' +
    'reckless foolish naive cynical hypocritical hypocrisy admirable courageous noble inexcusable intolerable unforgivable ' +
    'irresponsible deserve deserves deserved cowardice cowardly ashamed shame shameless i my me myself we our us ourselves',
);
export const OPINION_PHRASES = new PhraseSet([
  'in my view', 'in our view', 'in my opinion', 'it is time', 'it is high time', 'of course', 'no doubt', 'make no mistake',
  'the truth is', 'let us', "let's", 'we must', 'we should', 'there is no excuse', 'it is clear', 'it is obvious',
  'it is a shame', 'it is wrong', 'it is right', 'enough is enough', 'blood on their hands', 'blood on his hands',
  'blood on her hands', 'in their right mind', 'history will judge', 'at best', 'at worst',
]);

/**
 * Loaded terms that also name events (a massacre, a siege, looting): in a sentence without a source
 * they make an unattributed claim (often an accusation), not the author's opinion.
 */
export const EVENT_LOADED_TERMS = wordSet(
  'destroyed obliterated crushed crush crushing looted plundered plunder ransacked pillaged stole stolen grabbed sabotage ' +
    'sabotaged hijacked hijack exploited annex besieged siege starvation starve torture tortured rape raped massacre ' +
    'massacres massacred genocide slaughter slaughtered slaughtering decimated decimate annihilation extermination ' +
    'atrocity atrocities pogrom pogroms carnage bloodshed onslaught rampage terrorised terrorized bombardment',
);

/** Nouns that, after a demonstrative or role, name an institution rather than a person. */
export const ORG_HEADS = wordSet(
  'ministry government army military forces police office agency council committee commission mission party parliament ' +
    'court tribunal union organisation organization group movement front brigade battalion militia service embassy ' +
    'administration cabinet presidency department institute foundation watch monitor observatory centre center network ' +
    'coalition alliance fund bank press news media newspaper channel broadcaster television radio station authorities ' +
    'authority kremlin pentagon guard guards navy secretariat assembly senate congress regime junta leadership command ' +
    'headquarters staff directorate bureau board corps unit units troops outlet outlets newspapers forum association federation ' +
    'league club company corporation firm group institute society trust partnership consortium syndicate commission ' +
    'panel university college',
);

/** Titles and roles: "Foreign Minister", "a spokesman", "the UN envoy". */
export const ROLE_WORDS = wordSet(
  'president minister prime foreign defence defense interior deputy general colonel commander spokesman spokeswoman ' +
    'spokesperson ambassador secretary chancellor king queen prince princess senator governor mayor chief head director ' +
    'envoy representative officer adviser advisor ceo chairman chairwoman chair leader lieutenant captain major sergeant ' +
    'professor judge prosecutor lawyer attorney researcher rapporteur commissioner pope archbishop bishop imam rabbi sheikh ' +
    'patriarch emir sultan ombudsman premier vice speaker lawmaker mp legislator diplomat correspondent reporter journalist ' +
    'editor activist doctor nurse surgeon teacher worker resident villager farmer soldier fighter commander-in-chief ' +
    'negotiator mediator monitor inspector investigator historian economist scientist analyst expert official aide ' +
    'candidate councillor councilor columnist commentator blogger pundit mr mrs ms dr prof gen sen rep col capt lt sgt maj adm gov',
);

/** Tokens that never belong to a speaker noun phrase. */
export const NP_BREAKERS = wordSet(
  'and but or that which who whom whose when while as after before because if then than where why how what so yet though although ' +
    'since until unless not no never also however meanwhile later on in at for with from by to into about over under during',
);

/** Listeners that may follow "told": "told reporters", "told the BBC". */
export const LISTENER_WORDS = wordSet('reporters journalists us me him her them parliament lawmakers the a an');

/**
 * Words that open a clause of time before a second source: "X said P, hours after the commission
 * confirmed Q", "X alleges fraud as commission confirms victory". Q is not inside X's words.
 */
export const TIME_SUBORDINATORS = wordSet('after before as while when whenever since until once');
/** Time words that may stand before them: "hours after", "shortly before". */
export const TIME_LEADS = wordSet('hours days weeks months minutes moments shortly soon just only even');

export const QUESTION_OR_EXCLAIM = new Set(['?', '!']);

export { BLAME_AS_OBJECT } from '../../lexicon/blame.js';

/** Heads that make a capitalised run a place or region: "South Caucasus", "the Lowen valley". */
export const PLACE_HEADS = wordSet(
  'valley region province district mountains mountain river sea basin corridor gulf strait peninsula plateau ridge coast ' +
    'island islands highlands delta pass oblast county caucasus balkans sahel bay lake desert steppe enclave lowlands plain ' +
    'plains square street avenue airport bridge dam port harbour harbor crossing camp canal gorge heights hills forest ' +
    'territory territories strip bank governorate municipality prefecture',
);
/** Words that open a place name: "Port Alder", "Saint Orla", "New Tarrow", "Lake Ormen". */
export const PLACE_OPENERS = wordSet('port saint st san santa fort mount mt lake cape isle point glen new bay river');
/** Prepositions of place: a name seen mostly after them is a place ("in Eastvale", "near Dunmore"). */
export const LOCATIVE = wordSet('in at near outside inside across around into throughout');
