/**
 * What a cue around a mention can show a reader, whatever weight the classifier learned for it: harm
 * done BY an actor ("X shelled") can show it as antagonist, harm done TO it ("the shelling of X",
 * "a smear campaign against X") only as innocent; suffering ("X fled") only as innocent; help, peace
 * and praise given by it only as protagonist. The report's evidence rule (aggregate.ts) uses this so
 * that a casting never cites a cue that says the opposite. Same classes for every party.
 */
import type { MainRole } from '../../core/framing.js';
import { CUE_CLASSES } from './cues.js';
import { key, keyParts, keyTemplate, T, VALUE_RANGE } from './features.js';

const NEGATIVE_ACTS = new Set(['betray', 'conspire', 'exploit', 'harm', 'lie', 'oppress', 'sabotage', 'scapegoat', 'terror', 'neglect', 'spy']);
const SUFFERING = new Set(['suffer', 'vulnerable', 'martyr', 'underdog']);
const POSITIVE_ACTS = new Set(['help', 'peace', 'praise']);

/** The only role a cue can show, or null when it may show any (labels, techniques, speakers, ...): the rule as written. */
export function roleShownByPlain(key: number): MainRole | null {
  const { tpl, value } = keyParts(key);
  if (tpl !== T.AGENT && tpl !== T.PATIENT) return null;
  const cls = CUE_CLASSES[value];
  if (cls === undefined) return null;
  if (tpl === T.AGENT) {
    if (NEGATIVE_ACTS.has(cls)) return 'antagonist';
    if (SUFFERING.has(cls)) return 'innocent';
    if (POSITIVE_ACTS.has(cls)) return 'protagonist';
    return null;
  }
  // Done to it: a victim of a harmful act; what else is done to it says nothing checkable alone.
  return NEGATIVE_ACTS.has(cls) ? 'innocent' : null;
}

/**
 * roleShownByPlain read from a table made once from it (the report asks for every cue behind every
 * casting): the answer depends only on the key's template and cue class.
 */
const SHOWN: ReadonlyArray<MainRole | null> = [null, 'protagonist', 'antagonist', 'innocent'];
const shownCode = new Uint8Array(2 * CUE_CLASSES.length);
for (let v = 0; v < CUE_CLASSES.length; v++) {
  shownCode[v] = SHOWN.indexOf(roleShownByPlain(key(T.AGENT, 0, v)));
  shownCode[CUE_CLASSES.length + v] = SHOWN.indexOf(roleShownByPlain(key(T.PATIENT, 0, v)));
}

/** The only role a cue can show, or null when it may show any (labels, techniques, speakers, ...). */
export function roleShownBy(k: number): MainRole | null {
  const tpl = keyTemplate(k);
  if (tpl !== T.AGENT && tpl !== T.PATIENT) return null;
  const value = k % VALUE_RANGE;
  if (value >= CUE_CLASSES.length) return null;
  return SHOWN[shownCode[(tpl === T.AGENT ? 0 : CUE_CLASSES.length) + value]!]!;
}

/**
 * Can a valence cue (a word's general valence near the mention, template VAL) be shown as evidence
 * of `role`? Only when its sign agrees: a negative word for an antagonist or an innocent, a positive
 * one for a protagonist. "Prices they could only dream of" is no reason a reader could check for
 * casting the buyer as the antagonist, whatever weight the classifier gave it. Other cues: true.
 */
export function valenceFits(k: number, role: MainRole): boolean {
  if (keyTemplate(k) !== T.VAL) return true;
  const negative = (k % VALUE_RANGE & 2) !== 0;
  return role === 'protagonist' ? !negative : negative;
}
