/**
 * The intensity vocabulary: which words and phrases add to a text's intensity, of which kind and
 * weight. Read by the intensity layer and by detectors (misleading-headline) alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors.js';
import { builtinLexicon, LEXICONS_DIR } from '../builtin.js';
import { TermMatcher } from '../term-matcher.js';
import { INTENSITY_KINDS, type IntensityKind } from '../../core/intensity.js';

export { INTENSITY_KINDS, type IntensityKind } from '../../core/intensity.js';

export const INTENSITY_LEXICONS_DIR = fileURLToPath(new URL('./lists/', import.meta.url));

/** What a word-list entry adds: its kind, and a weight on that kind's points. */
export interface IntensityTerm {
  kind: IntensityKind;
  weight: number;
}

/**
 * The intensity word lists (in lists/): kind and file name. Their weights are the intensity scale's
 * (src/layers/intensity/scale.yaml, under the file name), passed to loadIntensityMatcher. Later lists
 * take precedence.
 */
export const LEXICON_KINDS: ReadonlyArray<[IntensityKind, string]> = [
  ['loaded-term', 'mild-terms'],
  ['loaded-term', 'opinion-terms'],
  ['call-to-action', 'demands'],
  ['intensifier', 'intensifiers'],
  ['loaded-term', 'loaded-terms'],
  ['absolute', 'absolutes'],
  ['call-to-action', 'calls-to-action'],
  ['threat', 'threats'],
  ['atrocity', 'atrocity'],
  ['dehumanising', 'dehumanising'],
  ['eliminationist', 'eliminationist'],
];

/** Kinds a user word list (intensity-<kind>.txt) may extend. */
export const USER_LIST_KINDS: readonly IntensityKind[] = ['loaded-term', 'name-calling', 'absolute', 'intensifier', 'atrocity', 'dehumanising', 'eliminationist', 'call-to-action', 'threat'];

function readList(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The sections of the shared loaded-terms list, by a word of their header. */
const SHARED_SECTIONS: ReadonlyArray<[RegExp, string]> = [
  [/label/i, 'labels'],
  [/violence|atrocit/i, 'violence'],
  [/condemn/i, 'moral'],
  [/scorn|ridicule/i, 'scorn'],
  [/fear|disaster|doom/i, 'fear'],
  [/glorif|sanctif/i, 'glory'],
  [/verbs/i, 'verbs'],
];

/**
 * The shared loaded terms (src/lexicon/lists/loaded-terms.txt) by section: labels, violence, moral
 * condemnation, scorn, fear, glorification, charged verbs, and `more` for the rest. Their weights
 * differ: a label heats a sentence more than a charged verb of speech (the rating guide's bands).
 */
function sharedLoadedTerms(): Array<[string, string]> {
  const file = join(LEXICONS_DIR, 'loaded-terms.txt');
  if (!existsSync(file)) return builtinLexicon('loaded-terms').map((t) => [t, 'more']);
  const out: Array<[string, string]> = [];
  let section = 'more';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# ---')) {
      section = SHARED_SECTIONS.find(([re]) => re.test(line))?.[1] ?? 'more';
      continue;
    }
    const term = line.replace(/#.*$/, '').trim();
    if (term) out.push([term, section]);
  }
  return out;
}

/**
 * One matcher for every intensity word list: the shared loaded terms and intensifiers
 * (src/lexicon/lists), the intensity lists (src/lexicon/intensity/lists), then user lists named
 * `intensity-<kind>.txt` in the config's lexicon directories (those take precedence over the
 * built-in ones). `weights`: per list name (`mild-terms`, `shared/labels`...), the weight of its
 * entries; a list it does not name weighs 1 (what readers of the kinds alone, such as the
 * misleading-headline detector, need).
 */
export function loadIntensityMatcher(extraDirs: readonly string[] = [], weights: Readonly<Record<string, number>> = {}): TermMatcher<IntensityTerm> {
  const w = (name: string) => weights[name] ?? 1;
  const m = new TermMatcher<IntensityTerm>();
  // Shared lists first (lowest precedence): name-calling labels stand in for the name-calling
  // detector; its findings add what no list names.
  const labels = new Set<string>();
  for (const name of ['name-calling-labels', 'name-calling-ideology']) {
    for (const term of builtinLexicon(name)) {
      m.add(term, { kind: 'name-calling', weight: w(name) });
      labels.add(term.toLowerCase());
    }
  }
  // A word that is a label for people ("cowards") weighs as a label, whatever section it is also in.
  for (const [term, section] of sharedLoadedTerms()) if (!labels.has(term.toLowerCase())) m.add(term, { kind: 'loaded-term', weight: w(`shared/${section}`) });
  for (const term of builtinLexicon('intensifiers')) m.add(term, { kind: 'intensifier', weight: w('shared/intensifiers') });
  for (const [kind, name] of LEXICON_KINDS) {
    const weight = w(name);
    m.addList(readList(join(INTENSITY_LEXICONS_DIR, `${name}.txt`)), () => ({ kind, weight }));
  }
  for (const dir of extraDirs) {
    if (!existsSync(dir)) throw new UserError(`${dir}: intensity lexicon directory not found`, { file: dir });
    for (const name of readdirSync(dir).sort()) {
      if (!name.startsWith('intensity-') || !name.endsWith('.txt')) continue;
      const kind = basename(name, '.txt').slice('intensity-'.length);
      if (!(USER_LIST_KINDS as readonly string[]).includes(kind)) {
        throw new UserError(`${join(dir, name)}: "${kind}" is not an intensity word-list kind; name files intensity-<kind>.txt with one of ${USER_LIST_KINDS.join(', ')}`, {
          file: join(dir, name),
        });
      }
      m.addList(readList(join(dir, name)), () => ({ kind: kind as IntensityKind, weight: 1 }));
    }
  }
  return m;
}

/** Verbs that make a nearby "you"/"your" a threat. */
export function threatVerbs(): Set<string> {
  return new Set(readList(join(INTENSITY_LEXICONS_DIR, 'threat-verbs.txt')).split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean));
}
