import { closeSync, createReadStream, lstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { extname, join } from 'node:path';
import { UserError } from '../core/errors.js';

export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

export interface InputText {
  /** File path, or "-" for standard input. */
  file: string;
  text: string;
}

/** Why a path cannot be read, in words (a dangling link, a link loop, a missing file...). */
function unreadable(path: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  let why = `cannot read (${code ?? (e as Error).message})`;
  if (code === 'ENOENT') {
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {
      // not there at all
    }
    why = link ? 'a symbolic link to nothing (dangling)' : 'no such file or directory';
  } else if (code === 'ELOOP') why = 'a loop of symbolic links';
  else if (code === 'EACCES' || code === 'EPERM') why = 'permission denied';
  else if (code === 'ENOTDIR') why = 'a path through something that is not a directory';
  return new UserError(`${path}: ${why}`, { file: path });
}

/**
 * Expands files and directories (recursively, text files only, sorted) into a list of paths. A path
 * that cannot be read (a dangling symbolic link, a loop of links, no permission) becomes an entry
 * with its error and the rest go on; a directory reached twice through links is read once.
 */
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
    } catch (e) {
      out.push({ file: p, error: unreadable(p, e) });
      continue;
    }
    if (st.isDirectory()) {
      const found: Array<{ file: string; error?: UserError }> = [];
      const seen = new Set<string>();
      const walk = (dir: string) => {
        let real: string;
        let names: string[];
        try {
          real = realpathSync(dir);
          names = readdirSync(dir).sort();
        } catch (e) {
          found.push({ file: dir, error: unreadable(dir, e) });
          return;
        }
        if (seen.has(real)) return;
        seen.add(real);
        for (const name of names) {
          if (name.startsWith('.') || name === 'node_modules') continue;
          const full = join(dir, name);
          let s;
          try {
            s = statSync(full);
          } catch (e) {
            // Only inputs it would have read are worth a word: a broken link named like one.
            if (extensions.has(extname(name).toLowerCase()) || (e as NodeJS.ErrnoException).code === 'ELOOP') found.push({ file: full, error: unreadable(full, e) });
            continue;
          }
          if (s.isDirectory()) walk(full);
          else if (extensions.has(extname(name).toLowerCase())) found.push({ file: full });
        }
      };
      walk(p);
      if (found.length === 0) out.push({ file: p, error: new UserError(`${p}: directory holds no text files (${[...extensions].join(', ')})`, { file: p }) });
      out.push(...found);
    } else out.push({ file: p });
  }
  return out;
}

/** The encoding a byte order mark announces, with the mark's length; null without one (UTF-8 is the default). */
export function utf16Bom(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; length: 2 } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes bytes as text: UTF-8, or UTF-16 when a byte order mark says so (its NUL bytes are not
 * binary data). Refuses binary data and invalid sequences with a message naming the file.
 */
export function decodeText(file: string, bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length > maxBytes) {
    throw new UserError(`${file}: ${bytes.length} bytes is over the input limit of ${maxBytes} bytes (raise it with --max-bytes)`, { file });
  }
  const bom = utf16Bom(bytes);
  if (bom) {
    try {
      return new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom.length));
    } catch {
      throw new UserError(`${file}: starts with a ${bom.encoding.toUpperCase()} byte order mark but is not valid ${bom.encoding.toUpperCase()} text`, { file });
    }
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new UserError(`${file}: looks like a binary file (NUL bytes), not text`, { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${file}: is not valid UTF-8 text`, { file });
  }
}

/**
 * Reads one input for `analyze`. An empty (or blank) input is refused as `ingest` refuses it: one
 * rule, exit code 2, the other inputs go on.
 */
export function readInput(file: string, maxBytes: number): InputText {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  const text = decodeText(file, bytes, maxBytes);
  if (text.trim() === '') throw new UserError(`${file}: empty file (nothing to analyse)`, { file });
  return { file, text };
}

/**
 * A file's bytes as UTF-8, for the line and row readers (JSONL, CSV): a file that starts with a
 * UTF-16 byte order mark is decoded and re-encoded as it streams (invalid UTF-16 fails the stream).
 */
export function utf8Stream(file: string): Readable {
  const head = Buffer.alloc(2);
  let n = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      n = readSync(fd, head, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not readable: the plain stream reports why, as a stream error, where the readers expect it.
    return createReadStream(file, { highWaterMark: 1 << 20 });
  }
  const bom = n === 2 ? utf16Bom(head) : null;
  if (!bom) return createReadStream(file, { highWaterMark: 1 << 20 });
  const decoder = new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true });
  const transcode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
      } catch {
        done(new UserError(`not valid ${bom.encoding.toUpperCase()} text after its byte order mark`));
      }
    },
    flush(done) {
      try {
        done(null, Buffer.from(decoder.decode(), 'utf8'));
      } catch {
        done(new UserError(`not valid ${bom.encoding.toUpperCase()} text after its byte order mark`));
      }
    },
  });
  const source = createReadStream(file, { highWaterMark: 1 << 20, start: 2 });
  source.on('error', (e) => transcode.destroy(e));
  return source.pipe(transcode);
}
