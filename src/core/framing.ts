/**
 * Entity framing: the roles a text casts its actors in, after the taxonomy of Mahmoud et al. (2025),
 * SemEval-2025 Task 10 subtask 1. Three main roles and 22 fine-grained archetypes, each under one
 * main role (an actor may fit several archetypes of its main role). An actor the text mentions
 * without casting it is `unframed`. Ids are stable: they appear in stored analyses and APIs.
 * Definitions and examples are this project's own.
 */

export const MAIN_ROLES = ['protagonist', 'antagonist', 'innocent'] as const;
export type MainRole = (typeof MAIN_ROLES)[number];
export const FRAMING_ROLES = [...MAIN_ROLES, 'unframed'] as const;
export type FramingRole = (typeof FRAMING_ROLES)[number];

export interface ArchetypeInfo {
  id: string;
  main: MainRole;
  name: string;
  definition: string;
  /** Sentences that cast an actor (in brackets) in this archetype. */
  examples: string[];
}

export const ARCHETYPES = [
  // protagonist
  { id: 'guardian', main: 'protagonist', name: 'Guardian', definition: 'Protects others, the nation or a cause from harm; defends, shields, rescues.', examples: ['[The border guards] held the bridge through the night so that the convoy could cross.', 'Without [the volunteer fire brigade], the whole valley would have burned.'] },
  { id: 'martyr', main: 'protagonist', name: 'Martyr', definition: 'Suffers or dies for a cause, and the suffering is honoured as a sacrifice rather than pitied.', examples: ['[Doctor Lena Maris] gave her life so that the clinic could stay open.', '[The fallen rangers] will be remembered as the price of our freedom.'] },
  { id: 'peacemaker', main: 'protagonist', name: 'Peacemaker', definition: 'Seeks to end conflict: mediates, negotiates, reconciles, brokers a truce.', examples: ['[The envoy] spent three weeks shuttling between the camps until both signed.', '[The council of elders] brought the feuding clans to one table.'] },
  { id: 'rebel', main: 'protagonist', name: 'Rebel', definition: 'Stands up against an unjust power or order, and the defiance is shown as admirable.', examples: ['[The striking miners] refused to bow to the company\'s threats.', '[A handful of students] defied the curfew to keep the free radio on air.'] },
  { id: 'underdog', main: 'protagonist', name: 'Underdog', definition: 'Weaker side that is shown as brave or admirable for taking on a stronger one.', examples: ['[The tiny island state] took the shipping giant to court, and won.', 'Outspent ten to one, [the village team] still reached the final.'] },
  { id: 'virtuous', main: 'protagonist', name: 'Virtuous', definition: 'Praised for good character or conduct: honest, generous, principled, competent in a good cause.', examples: ['[The mayor] returned the donation the moment she learned where it came from.', '[The garrison] shared its rations with the families who stayed.'] },
  // antagonist
  { id: 'instigator', main: 'antagonist', name: 'Instigator', definition: 'Starts or escalates conflict or harm: attacks, provokes, invades, shells.', examples: ['[Korvani militias] shelled the ridge hamlets at dawn.', 'It was [the ministry] that first closed the sluices and started the water war.'] },
  { id: 'conspirator', main: 'antagonist', name: 'Conspirator', definition: 'Plots in secret with others to manipulate events or gain power.', examples: ['[The two firms] quietly agreed to split the contracts before the tender opened.', 'Behind closed doors, [the cabal of advisers] drafted the purge list.'] },
  { id: 'tyrant', main: 'antagonist', name: 'Tyrant', definition: 'Rules or commands by force and oppression; crushes dissent; abuses power over others.', examples: ['[The junta] jailed every editor who printed the word "strike".', '[The governor] rules the province like a private fief.'] },
  { id: 'foreign-adversary', main: 'antagonist', name: 'Foreign adversary', definition: 'An outside power shown as hostile to us: meddling, threatening, undermining from abroad.', examples: ['[Tarvia] is pouring money into our elections to weaken us from within.', 'Once again [foreign capitals] try to dictate our water policy.'] },
  { id: 'traitor', main: 'antagonist', name: 'Traitor', definition: 'Betrays its own side, country or people; sells out; defects to the enemy.', examples: ['[The senator] sold the port to the very people who shelled it.', '[Those officers] switched sides the night before the offensive.'] },
  { id: 'spy', main: 'antagonist', name: 'Spy', definition: 'Gathers information in secret for a hostile party; an agent or informant.', examples: ['[The attache] was caught photographing the dam\'s control room.', '[The so-called researchers] were mapping our pipelines for a foreign service.'] },
  { id: 'saboteur', main: 'antagonist', name: 'Saboteur', definition: 'Deliberately damages, obstructs or undermines infrastructure, processes or efforts.', examples: ['[The opposition] blocked every vote on the flood budget for a year.', '[Unknown saboteurs] cut the pipeline in three places.'] },
  { id: 'corrupt', main: 'antagonist', name: 'Corrupt', definition: 'Abuses position for gain: bribery, embezzlement, fraud, self-dealing.', examples: ['[The club\'s board] pocketed the stadium grant.', '[The minister] handed the contract to his brother-in-law\'s firm.'] },
  { id: 'incompetent', main: 'antagonist', name: 'Incompetent', definition: 'Fails through ineptitude or negligence; mismanages; cannot do the job.', examples: ['[The water board] ignored three warnings before the levee broke.', '[The organisers] lost the ballots of an entire district.'] },
  { id: 'terrorist', main: 'antagonist', name: 'Terrorist', definition: 'Uses or threatens violence against civilians to spread fear for political ends.', examples: ['[The cell] planted the bomb in a crowded market.', '[The Ridge Front] kidnaps aid workers to terrorise the valley.'] },
  { id: 'deceiver', main: 'antagonist', name: 'Deceiver', definition: 'Lies, misleads, spreads disinformation or propaganda; hides the truth.', examples: ['[The ministry] claims the river is clean while its own tests say otherwise.', 'The figures [the company] published were invented.'] },
  { id: 'bigot', main: 'antagonist', name: 'Bigot', definition: 'Shows prejudice or hatred against a group for who they are: religion, ethnicity, origin, sex.', examples: ['[The councillor] called the newcomers vermin at a public meeting.', '[Those fans] chanted slurs at the visiting players.'] },
  // innocent
  { id: 'forgotten', main: 'innocent', name: 'Forgotten', definition: 'Suffers unnoticed; ignored or neglected by the world, the media or those in power.', examples: ['No one asks what became of [the hill villages] after the cameras left.', '[The miners\' widows] have waited eleven years for an answer.'] },
  { id: 'exploited', main: 'innocent', name: 'Exploited', definition: 'Used or taken advantage of by others for their gain: labour, resources, votes, bodies.', examples: ['[The pickers] work fourteen hours for a wage that buys one meal.', '[The river towns] lost their water so the resort could fill its pools.'] },
  { id: 'victim', main: 'innocent', name: 'Victim', definition: 'Suffers harm, violence, loss or injustice through no fault of its own.', examples: ['[Dastrian shepherds] fled north as the shells fell.', 'Three [children] were among the wounded.'] },
  { id: 'scapegoat', main: 'innocent', name: 'Scapegoat', definition: 'Unfairly blamed for problems it did not cause.', examples: ['[Migrant workers] are blamed for a shortage that the drought caused.', 'Once more [the referee] takes the fall for the board\'s decisions.'] },
] as const satisfies readonly ArchetypeInfo[];

export type ArchetypeId = (typeof ARCHETYPES)[number]['id'];
export const ARCHETYPE_IDS: readonly ArchetypeId[] = ARCHETYPES.map((a) => a.id);
export const ARCHETYPES_OF: Record<MainRole, ArchetypeId[]> = {
  protagonist: ARCHETYPES.filter((a) => a.main === 'protagonist').map((a) => a.id),
  antagonist: ARCHETYPES.filter((a) => a.main === 'antagonist').map((a) => a.id),
  innocent: ARCHETYPES.filter((a) => a.main === 'innocent').map((a) => a.id),
};
export const MAIN_OF: Record<ArchetypeId, MainRole> = Object.fromEntries(ARCHETYPES.map((a) => [a.id, a.main])) as Record<ArchetypeId, MainRole>;
export const isArchetypeId = (x: string): x is ArchetypeId => (ARCHETYPE_IDS as readonly string[]).includes(x);
export const isMainRole = (x: string): x is MainRole => (MAIN_ROLES as readonly string[]).includes(x);
