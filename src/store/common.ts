import { createHash } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { normalise } from '../text/normalise.js';
import { K_NUMBER, K_WORD, tokenise } from '../text/tokenise.js';
import { illFormedReason } from '../text/unicode.js';
import type { DocumentFilter, MetadataPatch, NewDocument, Page } from './types.js';
import { Vocab } from '../text/vocab.js';

/**
 * Pieces every Store implementation shares, so that SQLite and PostgreSQL agree on hashing,
 * word counts, tag clean-up and paging limits (the contract suite checks the results).
 */

/** sha256 (hex) of the text exactly as given: the dedupe key. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Words as the analyzer counts them (word and number tokens of the normalised text). */
export function countWords(text: string): number {
  const tokens = tokenise(normalise(text).text, new Vocab());
  let n = 0;
  for (let k = 0; k < tokens.count; k++) if (tokens.kind[k] === K_WORD || tokens.kind[k] === K_NUMBER) n++;
  return n;
}

/** Trimmed, non-empty, unique, sorted: the form in which tags are stored and returned. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  if (!tags) return [];
  return [...new Set(tags.map((t) => String(t).trim()).filter(Boolean))].sort();
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 1000;

export function pageOf(page: Page | undefined): { limit: number; offset: number } {
  const limit = page?.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = page?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) throw new UserError(`limit: expected an integer from 1 to ${MAX_PAGE_LIMIT}, got ${limit}`, { field: 'limit' });
  if (!Number.isInteger(offset) || offset < 0) throw new UserError(`offset: expected a non-negative integer, got ${offset}`, { field: 'offset' });
  return { limit, offset };
}

/** A document row ready to insert: validated, with hash, word count and cleaned metadata. */
export interface PreparedDocument {
  hash: string;
  text: string;
  words: number;
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  origin: string | null;
  tags: string[];
  createdAt: string;
}

const opt = (v: string | null | undefined): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/**
 * Text that is not well-formed Unicode (a lone surrogate) cannot be stored as given: SQLite would
 * replace it, PostgreSQL refuse it, and the stored text would differ from the one analysed.
 */
function checkWellFormed(value: string, field: string): void {
  const bad = illFormedReason(value);
  if (bad) throw new UserError(`document ${field} is ${bad}`, { field });
}

export function prepareDocument(doc: NewDocument, now = new Date()): PreparedDocument {
  if (typeof doc?.text !== 'string') throw new UserError('document text must be a string', { field: 'text' });
  if (doc.text.trim() === '') throw new UserError('document text is empty', { field: 'text' });
  checkWellFormed(doc.text, 'text');
  for (const field of ['title', 'outlet', 'author', 'publishedAt', 'url', 'language', 'origin'] as const) {
    const v = doc[field];
    if (typeof v === 'string') checkWellFormed(v, field);
  }
  for (const t of doc.tags ?? []) checkWellFormed(String(t), 'tags');
  return {
    hash: contentHash(doc.text),
    text: doc.text,
    words: countWords(doc.text),
    title: opt(doc.title),
    outlet: opt(doc.outlet),
    author: opt(doc.author),
    publishedAt: opt(doc.publishedAt),
    url: opt(doc.url),
    language: opt(doc.language),
    origin: opt(doc.origin),
    tags: cleanTags(doc.tags),
    createdAt: now.toISOString(),
  };
}

/** True when the filter can match nothing without asking the database (an empty id list). */
export function filterIsEmpty(filter: DocumentFilter | undefined): boolean {
  return Array.isArray(filter?.ids) && filter.ids.length === 0;
}

/** Column values of a metadata patch: only the fields given, cleaned as on insert. */
export interface PreparedPatch {
  columns: Array<{ column: 'title' | 'outlet' | 'author' | 'published_at' | 'url' | 'language'; value: string | null }>;
  /** Replacement tag list, when tags were given. */
  tags?: string[];
}

const PATCH_COLUMNS = { title: 'title', outlet: 'outlet', author: 'author', publishedAt: 'published_at', url: 'url', language: 'language' } as const;

export function preparePatch(meta: MetadataPatch): PreparedPatch {
  const columns: PreparedPatch['columns'] = [];
  for (const [field, column] of Object.entries(PATCH_COLUMNS) as Array<[keyof typeof PATCH_COLUMNS, PreparedPatch['columns'][number]['column']]>) {
    if (!(field in meta) || meta[field] === undefined) continue;
    const v = meta[field];
    if (v !== null && typeof v !== 'string') throw new UserError(`${field}: expected a string or null`, { field });
    if (typeof v === 'string') checkWellFormed(v, field);
    columns.push({ column, value: opt(v) });
  }
  if (meta.tags === undefined) return { columns };
  if (!Array.isArray(meta.tags)) throw new UserError('tags: expected a list of strings', { field: 'tags' });
  for (const t of meta.tags) checkWellFormed(String(t), 'tags');
  return { columns, tags: cleanTags(meta.tags) };
}
