/** The word sets the misleading-headline detector reads a headline with (stems where it compares stems). */
import { stem } from '../../lexicon/stem.js';

/** Verbs by which a headline makes someone the agent of harm ("Sylvania shells...", "X behind..."). */
export const BLAME_VERBS = new Set(
  ['kill', 'bomb', 'shell', 'attack', 'strike', 'destroy', 'massacre', 'slaughter', 'murder', 'burn', 'shoot', 'cause', 'trigger',
    'spark', 'poison', 'behind', 'responsible', 'blame', 'loot', 'torture', 'invade', 'sabotage', 'hack', 'rig', 'steal', 'raid',
    'execute', 'abduct', 'kidnap', 'target', 'sink', 'down', 'leak', 'wreck', 'flood', 'starve', 'expel', 'evict', 'jail'].map(stem),
);
/** "blame each other", "accuse one another". */
export const RECIPROCALS = new Set(['each', 'one']);
/** All-or-nothing quantifiers: in a headline they claim a scale the body must also state. */
export const UNIVERSALS = new Set(['all', 'every', 'entire', 'whole', 'none', 'nobody', 'everyone', 'everybody', 'total', 'totally', 'completely', 'always', 'never', 'wiped']);
/** Universals that state an absence: any absence the body states ("no one", "no injuries") bears them out. */
export const NEGATIVE_UNIVERSALS = new Set(['none', 'nobody']);
/** Headline words that carry no claim of their own. */
export const HEADLINE_FILLER = new Set(
  ['amid', 'over', 'after', 'says', 'say', 'said', 'vows', 'vow', 'urges', 'urge', 'eyes', 'mulls', 'nears', 'new', 'report', 'update', 'live',
    'breaking', 'exclusive', 'watch', 'analysis', 'opinion', 'latest', 'news', 'first', 'set', 'week', 'day', 'today', 'year', 'time'].map(stem),
);
export const HEADLINE_HEDGES = new Set(['may', 'might', 'could', 'reportedly', 'allegedly', 'alleged', 'suspected', 'possible', 'possibly', 'likely', 'claims', 'claim', 'says', 'say', 'accuses', 'accused', 'blames', 'denies', 'probe', 'investigate', 'investigation']);
