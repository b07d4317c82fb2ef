/**
 * The intensity vocabulary: which words and phrases add to a text's intensity, of which kind and
 * weight. Read by the intensity layer and by detectors (misleading-headline) alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors.js';
import { builtinLexicon } from '../builtin.js';
import { TermMatcher } from '../term-matcher.js';
import { INTENSITY_KINDS, type IntensityKind } from '../../core/intensity.js';

export { INTENSITY_KINDS, type IntensityKind } from '../../core/intensity.js';

export const INTENSITY_LEXICONS_DIR = fileURLToPath(new URL('./lists/', import.meta.url));

/** What a word-list entry adds: its kind, and a weight on that kind's points. */
export interface IntensityTerm {
  kind: IntensityKind;
  weight: number;
}

/** The intensity layer's own word lists (in lists/): kind, file name, weight. Later lists take precedence. */
export const LEXICON_KINDS: ReadonlyArray<[IntensityKind, string, number]> = [
  ['loaded-term', 'mild-terms', 0.7],
  ['intensifier', 'intensifiers', 1],
  ['loaded-term', 'loaded-terms', 1],
  ['absolute', 'absolutes', 1],
  ['call-to-action', 'calls-to-action', 1],
  ['threat', 'threats', 1],
  ['atrocity', 'atrocity', 1],
  ['dehumanising', 'dehumanising', 1],
  ['eliminationist', 'eliminationist', 1],
];

/** Kinds a user word list (intensity-<kind>.txt) may extend. */
export const USER_LIST_KINDS: readonly IntensityKind[] = ['loaded-term', 'name-calling', 'absolute', 'intensifier', 'atrocity', 'dehumanising', 'eliminationist', 'call-to-action', 'threat'];

function readList(file: string): string {
  return readFileSync(file, 'utf8');
}

/**
 * One matcher for every intensity word list: the shared loaded terms and intensifiers
 * (src/lexicon/lists), the intensity lists (src/lexicon/intensity/lists), then user lists named `intensity-<kind>.txt` in the
 * config's lexicon directories (those take precedence over the built-in ones).
 */
export function loadIntensityMatcher(extraDirs: readonly string[] = []): TermMatcher<IntensityTerm> {
  const m = new TermMatcher<IntensityTerm>();
  // Shared lists first (lowest precedence): name-calling labels stand in for the name-calling
  // detector when its findings are absent; its findings replace these hits when present.
  for (const name of ['name-calling-labels', 'name-calling-ideology']) for (const term of builtinLexicon(name)) m.add(term, { kind: 'name-calling', weight: 1 });
  for (const term of builtinLexicon('loaded-terms')) m.add(term, { kind: 'loaded-term', weight: 1 });
  for (const term of builtinLexicon('intensifiers')) m.add(term, { kind: 'intensifier', weight: 1 });
  for (const [kind, name, weight] of LEXICON_KINDS) m.addList(readList(join(INTENSITY_LEXICONS_DIR, `${name}.txt`)), () => ({ kind, weight }));
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
