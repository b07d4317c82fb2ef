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
