/**
 * Where training data lives and how the word knowledge for a new model is gathered. Data is read
 * from ../shared/data relative to the repository root (FRAMEWISE_DATA overrides), never copied in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import wordListPath from 'word-list';
import { UserError } from '../core/errors.js';
import { builtinLexicons } from '../lexicon/builtin.js';
import { buildLexiconTable, loadVader, type LexiconTable } from './lexicon-table.js';

/** The repository root: the nearest folder above this module with a package.json named framewise. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'framewise') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('framewise repository root not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function dataDir(): string {
  return process.env.FRAMEWISE_DATA ? resolve(process.env.FRAMEWISE_DATA) : resolve(repoRoot(), '..', 'shared', 'data');
}

export function dataFile(rel: string): string {
  const file = join(dataDir(), rel);
  if (!existsSync(file)) throw new UserError(`${file}: not found (set FRAMEWISE_DATA to the folder holding the annotated data)`, { file });
  return file;
}

/** Word lists from the data folder's lexicons (npm-*.txt, MIT), one entry a line; '#' comments. */
function dataWordLists(dir: string): Array<[string, string[]]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^npm-.*\.txt$/.test(f))
    .sort()
    .map((f) => [basename(f, '.txt'), readFileSync(join(dir, f), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))]);
}

/** The MIT `word-list` package: 274k lowercase English words (no proper names), read at training time only. */
function ordinaryEnglishWords(): string[] {
  return readFileSync(wordListPath, 'utf8').split('\n');
}

/** Lowercase words that mark a religious side as much as its name does. */
const PLACES_OF_WORSHIP = ['church', 'churches', 'mosque', 'mosques', 'synagogue', 'synagogues', 'temple', 'temples', 'cathedral', 'cathedrals'];

/** VADER valence plus the engine's lexicons and the npm word lists, frozen into a table. */
export function trainingLexiconTable(): LexiconTable {
  const lexDir = join(dataDir(), 'lexicons');
  const vader = loadVader(dataFile('lexicons/vader_lexicon.txt'));
  const lists: Array<[string, readonly string[]]> = [...builtinLexicons()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  lists.push(...dataWordLists(lexDir));
  const lex = builtinLexicons();
  const party = ['religions-ethnicities', 'flag-waving-demonyms', 'flag-waving-countries'].flatMap((name) => lex.get(name) ?? []).concat(PLACES_OF_WORSHIP);
  return buildLexiconTable(vader, lists.slice(0, 31), party, ordinaryEnglishWords());
}
