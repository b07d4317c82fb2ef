import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { UserError } from '../../core/errors.js';
import { decodeText } from '../inputs.js';
import type { ReadItem } from '../types.js';

/**
 * The title of a plain or Markdown text: a leading `# heading`, else a short first line that does
 * not end like a sentence. null when the text starts with running prose.
 */
export function titleOfText(text: string, markdown: boolean): string | null {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '');
  if (!first) return null;
  const line = first.trim();
  if (markdown) {
    const m = /^#{1,6}\s+(.+?)\s*#*$/.exec(line);
    if (m) return m[1]!;
  }
  if (line.length > 200 || /[.:;,]$/.test(line)) return null;
  return line.replace(/^#+\s*/, '');
}

/** A .txt or .md file is one document; the file's text is stored exactly as it is. */
export async function* readTextFile(file: string, maxBytes: number): AsyncGenerator<ReadItem> {
  let text: string;
  try {
    // Refuse an oversized file before reading it into memory.
    const { size } = await stat(file);
    if (size > maxBytes) return yield { kind: 'problem', location: file, message: `${size} bytes is over the per-document limit of ${maxBytes} bytes` };
    text = decodeText(file, await readFile(file), maxBytes);
  } catch (e) {
    if (e instanceof UserError) return yield { kind: 'problem', location: file, message: e.message.replace(`${file}: `, '') };
    throw e;
  }
  if (text.trim() === '') return yield { kind: 'problem', location: file, message: 'empty file' };
  const markdown = ['.md', '.markdown'].includes(extname(file).toLowerCase());
  yield { kind: 'doc', location: file, doc: { text, title: titleOfText(text, markdown) } };
}
