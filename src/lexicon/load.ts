import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Word lists, one term per line, `#` starts a comment. */
export function parseWordList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) out.push(line);
  }
  return out;
}

/** Loads every `*.txt` word list of a directory as a named lexicon (name = file name without .txt). */
export function loadLexiconDir(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.txt')) continue;
    out.set(basename(f, '.txt'), parseWordList(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}
