import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UserError } from '../core/errors.js';

export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

export interface InputText {
  /** File path, or "-" for standard input. */
  file: string;
  text: string;
}

/** Expands files and directories (recursively, text files only, sorted) into a list of paths. */
export function expandInputs(paths: readonly string[], extensions: ReadonlySet<string> = TEXT_EXTENSIONS): Array<{ file: string; error?: UserError }> {
  const out: Array<{ file: string; error?: UserError }> = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ file: '-' });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push({ file: p, error: new UserError(`${p}: no such file or directory`, { file: p }) });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir).sort()) {
          if (name.startsWith('.') || name === 'node_modules') continue;
          const full = join(dir, name);
          const s = statSync(full);
          if (s.isDirectory()) walk(full);
          else if (extensions.has(extname(name).toLowerCase())) found.push(full);
        }
      };
      walk(p);
      if (found.length === 0) out.push({ file: p, error: new UserError(`${p}: directory holds no text files (${[...extensions].join(', ')})`, { file: p }) });
      for (const f of found) out.push({ file: f });
    } else out.push({ file: p });
  }
  return out;
}

/** Decodes bytes as UTF-8 text, refusing binary data and invalid UTF-8 with a message naming the file. */
export function decodeText(file: string, bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length > maxBytes) {
    throw new UserError(`${file}: ${bytes.length} bytes is over the input limit of ${maxBytes} bytes (raise it with --max-bytes)`, { file });
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new UserError(`${file}: looks like a binary file (NUL bytes), not text`, { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${file}: is not valid UTF-8 text`, { file });
  }
}

export function readInput(file: string, maxBytes: number): InputText {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`, { file });
  }
  return { file, text: decodeText(file, bytes, maxBytes) };
}
