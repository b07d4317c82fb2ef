import { parse, type CsvError } from 'csv-parse';
import { Transform } from 'node:stream';
import { UserError } from '../../core/errors.js';
import { utf8Stream } from '../inputs.js';
import { fieldOfColumn, recordToDocument } from '../record.js';
import type { ReadItem } from '../types.js';

/**
 * Decodes UTF-8, marking bad bytes with U+FFFD so that only the rows holding them are rejected
 * (see below); refuses a file whose first chunk holds NUL bytes (binary data).
 */
function utf8Decoder(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first && chunk.subarray(0, 8192).includes(0)) return done(new UserError('looks like a binary file (NUL bytes), not CSV text'));
      first = false;
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

function rowMessage(err: CsvError | undefined): string {
  if (!err) return 'malformed row';
  const m = /columns length is (\d+), got (\d+)/.exec(err.message);
  if (m) return `row has ${m[2]} fields, the header has ${m[1]}`;
  return err.message.replace(/^Invalid Record Length: /, '');
}

/**
 * A CSV corpus with a header row naming its columns (text plus optional title, outlet, author,
 * date, url, tags, language). A malformed row or one without text is reported as file:line and
 * skipped; the rest of the file still loads.
 */
export async function* readCsvFile(file: string, maxBytes: number): AsyncGenerator<ReadItem> {
  const skipped: ReadItem[] = [];
  const source = utf8Stream(file);
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      if (!header.some((h) => fieldOfColumn(h) === 'text')) {
        throw new UserError(`no text column in the header (columns: ${header.join(', ')}); name one "text", "body" or "content"`);
      }
      return header.map((h) => h.trim());
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxBytes,
    info: true,
    on_skip: (err: CsvError | undefined) => {
      const line = (err as (CsvError & { lines?: number }) | undefined)?.lines;
      skipped.push({ kind: 'problem', location: line ? `${file}:${line}` : file, message: rowMessage(err) });
      return undefined;
    },
  });
  const decode = utf8Decoder();
  const fail = (e: Error) => parser.destroy(e);
  source.on('error', fail);
  decode.on('error', fail);
  source.pipe(decode).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      while (skipped.length) yield skipped.shift()!;
      const where = `${file}:${item.info.lines}`;
      const offset = item.info.bytes;
      if (Object.values(item.record).some((v) => typeof v === 'string' && v.includes('\uFFFD'))) {
        yield { kind: 'problem', offset, location: where, message: 'not valid UTF-8' };
        continue;
      }
      try {
        const { doc, warnings } = recordToDocument(item.record, where);
        for (const w of warnings) yield { kind: 'warning', location: where, message: w };
        yield { kind: 'doc', offset, location: where, doc };
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        yield { kind: 'problem', location: where, message: e.message.replace(`${where}: `, '') };
      }
    }
    while (skipped.length) yield skipped.shift()!;
  } catch (e) {
    while (skipped.length) yield skipped.shift()!;
    const err = e as Error & { code?: string; lines?: number };
    if (err instanceof UserError) return yield { kind: 'problem', location: file, message: err.message };
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') return yield { kind: 'problem', location: file, message: `cannot read (${err.code})` };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      return yield { kind: 'problem', location: err.lines ? `${file}:${err.lines}` : file, message: `${err.message}; the rest of the file was skipped` };
    }
    throw e;
  } finally {
    source.destroy();
  }
}
