import { parse, type CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { UserError } from '../../core/errors.js';
import { fieldOfColumn, recordToDocument } from '../record.js';
import type { ReadItem } from '../types.js';

/** Decodes UTF-8 strictly (a bad byte fails the stream with its offset) instead of inserting U+FFFD. */
function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        const s = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        done(null, s);
      } catch {
        done(new UserError(`not valid UTF-8 (in the bytes after offset ${offset})`));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new UserError('not valid UTF-8 (at the end of the file)'));
      }
    },
  });
}

/**
 * A CSV corpus with a header row naming its columns (text plus optional title, outlet, author,
 * date, url, tags, language). A malformed row or one without text is reported as file:line and
 * skipped; the rest of the file still loads.
 */
export async function* readCsvFile(file: string, maxBytes: number): AsyncGenerator<ReadItem> {
  const skipped: ReadItem[] = [];
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
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
      skipped.push({ kind: 'problem', location: line ? `${file}:${line}` : file, message: (err?.message ?? 'malformed row').replace(/^Invalid Record Length: /, '') });
      return undefined;
    },
  });
  const decode = strictUtf8();
  const fail = (e: Error) => parser.destroy(e);
  source.on('error', fail);
  decode.on('error', fail);
  source.pipe(decode).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      while (skipped.length) yield skipped.shift()!;
      const where = `${file}:${item.info.lines}`;
      try {
        const { doc, warnings } = recordToDocument(item.record, where);
        for (const w of warnings) yield { kind: 'warning', location: where, message: w };
        yield { kind: 'doc', location: where, doc };
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
