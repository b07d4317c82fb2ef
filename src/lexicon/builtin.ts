import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLexiconDir } from './load.js';

export const LEXICONS_DIR = fileURLToPath(new URL('./lists/', import.meta.url));

let cache: Map<string, string[]> | null = null;

/** Shared word lists in src/lexicons, referable from any pattern as `@name`; loaded once. */
export function builtinLexicons(): Map<string, string[]> {
  cache ??= loadLexiconDir(LEXICONS_DIR);
  return cache;
}

export function builtinLexicon(name: string): string[] {
  return builtinLexicons().get(name) ?? [];
}

/**
 * A built-in list's sections: the terms under each `# --- title` line, by title (terms before the
 * first header under ""). Lists without headers give one section.
 */
export function builtinLexiconSections(name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let file: string;
  try {
    file = readFileSync(join(LEXICONS_DIR, `${name}.txt`), 'utf8');
  } catch {
    return out;
  }
  let title = '';
  for (const line of file.split('\n')) {
    if (line.startsWith('# ---')) {
      title = line.slice(5).trim();
      continue;
    }
    const term = line.replace(/#.*$/, '').trim();
    if (!term) continue;
    const list = out.get(title) ?? [];
    list.push(term);
    out.set(title, list);
  }
  return out;
}
