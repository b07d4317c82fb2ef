import { extname } from 'node:path';
import type { ReadItem } from '../types.js';
import { readCsvFile } from './csv.js';
import { readHtmlFile } from './html.js';
import { readJsonlFile } from './jsonl.js';
import { readTextFile } from './text.js';

export type Reader = (file: string, maxBytes: number) => AsyncGenerator<ReadItem>;

/** Readers by file extension: the one place that says which inputs ingest understands. */
export const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ['.txt', readTextFile],
  ['.text', readTextFile],
  ['.md', readTextFile],
  ['.markdown', readTextFile],
  ['.html', readHtmlFile],
  ['.htm', readHtmlFile],
  ['.jsonl', readJsonlFile],
  ['.ndjson', readJsonlFile],
  ['.csv', readCsvFile],
]);

export const INGEST_EXTENSIONS: ReadonlySet<string> = new Set(READERS.keys());

export function readerFor(file: string): Reader | null {
  return READERS.get(extname(file).toLowerCase()) ?? null;
}
