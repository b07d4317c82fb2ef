import { UserError } from '../../core/errors.js';
import { utf8Stream } from '../inputs.js';
import { recordToDocument } from '../record.js';
import type { ReadItem } from '../types.js';

/** Splits a byte stream into lines (without the newline), numbered from 1, without decoding. */
export async function* byteLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ line: number; bytes: Buffer; end: number }> {
  let consumed = 0;
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of chunks) {
    let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let at = 0;
    for (let nl = buf.indexOf(10, at); nl !== -1; nl = buf.indexOf(10, at)) {
      yield { line: ++line, bytes: buf.subarray(at, nl), end: consumed + nl + 1 };
      at = nl + 1;
    }
    consumed += at;
    rest = Buffer.from(buf.subarray(at));
    buf = rest;
  }
  if (rest.length) yield { line: ++line, bytes: rest, end: consumed + rest.length };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON Lines corpus: one JSON object per line with a "text" field and optional metadata. A bad
 * line (invalid UTF-8, invalid JSON, no text) is reported as file:line and skipped.
 */
export async function* readJsonlFile(file: string, maxBytes: number): AsyncGenerator<ReadItem> {
  let stream;
  try {
    stream = utf8Stream(file);
    for await (const { line, bytes, end: offset } of byteLines(stream as AsyncIterable<Buffer>)) {
      const where = `${file}:${line}`;
      let end = bytes.length;
      if (end > 0 && bytes[end - 1] === 13) end--;
      let start = 0;
      if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
      const raw = bytes.subarray(start, end);
      if (raw.length === 0 || raw.every((b) => b === 32 || b === 9)) continue;
      if (raw.length > maxBytes) {
        yield { kind: 'problem', offset, location: where, message: `line is ${raw.length} bytes, over the per-document limit of ${maxBytes}` };
        continue;
      }
      if (raw.includes(0)) {
        yield { kind: 'problem', offset, location: where, message: 'binary data (NUL bytes), not a JSON line' };
        continue;
      }
      let text: string;
      try {
        text = utf8.decode(raw);
      } catch {
        yield { kind: 'problem', offset, location: where, message: 'not valid UTF-8' };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        yield { kind: 'problem', offset, location: where, message: `invalid JSON (${(e as Error).message})` };
        continue;
      }
      try {
        const { doc, warnings } = recordToDocument(value, where);
        for (const w of warnings) yield { kind: 'warning', location: where, message: w };
        yield { kind: 'doc', offset, location: where, doc };
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        yield { kind: 'problem', offset, location: where, message: e.message.replace(`${where}: `, '') };
      }
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return yield { kind: 'problem', location: file, message: `cannot read (${code})` };
    if (e instanceof UserError) return yield { kind: 'problem', location: file, message: e.message };
    throw e;
  } finally {
    stream?.destroy();
  }
}
