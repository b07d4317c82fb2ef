import { franc } from 'franc';
import { UserError } from '../core/errors.js';
import type { NewDocument } from '../store/types.js';

/**
 * Turns one corpus record (a JSONL object or a CSV row) into a document. Column names are matched
 * case-insensitively, with the usual aliases, so that corpora from other tools load as they are.
 */
const ALIASES: Record<Exclude<keyof NewDocument, 'origin'>, readonly string[]> = {
  text: ['text', 'body', 'content', 'article'],
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'publisher', 'site'],
  author: ['author', 'byline', 'authors'],
  publishedAt: ['publishedat', 'published_at', 'published', 'date', 'pubdate'],
  url: ['url', 'link'],
  tags: ['tags', 'labels'],
  language: ['language', 'lang'],
};

export const METADATA_COLUMNS = Object.keys(ALIASES);

/** The canonical field a column name maps to, or null for a column framewise does not use. */
export function fieldOfColumn(column: string): keyof typeof ALIASES | null {
  const c = column.trim().toLowerCase();
  for (const [field, names] of Object.entries(ALIASES)) if (names.includes(c)) return field as keyof typeof ALIASES;
  return null;
}

function scalar(value: unknown, field: string, where: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UserError(`${where}: field "${field}" must be a string, got ${Array.isArray(value) ? 'an array' : typeof value}`, { field });
}

/** Tags from an array of strings or a string separated by ; | or commas. */
export function parseTags(value: unknown, where: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) {
    return value.map((v) => {
      if (typeof v !== 'string') throw new UserError(`${where}: field "tags" must hold strings`, { field: 'tags' });
      return v.trim();
    }).filter(Boolean);
  }
  if (typeof value === 'string') return value.split(/[;|,]/).map((s) => s.trim()).filter(Boolean);
  throw new UserError(`${where}: field "tags" must be a list or a string`, { field: 'tags' });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO dates stay as they are; other dates that JavaScript can read become YYYY-MM-DD (the calendar
 * day as written, without time zone shifts); anything else is null.
 */
export function normaliseDate(value: string): string | null {
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return Number.isNaN(Date.parse(s.replace(' ', 'T'))) ? null : s;
  if (/^\d{4}$/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO 639-3 codes franc returns, to the ISO 639-1 codes people write, for common languages. */
const ISO1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  arb: 'ar', heb: 'he', tur: 'tr', pes: 'fa', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', swe: 'sv', ces: 'cs',
};

/** English function words: a text full of them is English, and franc need not weigh 180 languages. */
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'with', 'was', 'it', 'as', 'by', 'at', 'said', 'are', 'from', 'has']);

/** True when the sample is plainly English: at least 20 words, a fifth of them function words, "the" among them. */
function plainlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < 20) return false;
  let hits = 0;
  let the = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) hits++;
    if (w === 'the') the++;
  }
  return the >= 2 && hits >= words.length * 0.2;
}

/**
 * Language of a text (ISO 639-1 where common), or null when too short to tell. Plain English, most
 * of what framewise reads, is recognised by its function words; anything else goes to franc, on
 * the first 1,000 characters (plenty for its trigrams; weighing every language was 80% of ingest).
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 1000);
  if (plainlyEnglish(sample)) return 'en';
  const code = franc(sample, { minLength: 40 });
  if (code === 'und') return null;
  return ISO1[code] ?? code;
}

export interface RecordResult {
  doc: NewDocument;
  warnings: string[];
}

/** Maps a parsed record to a document; throws UserError (naming `where`) when it has no usable text. */
export function recordToDocument(record: unknown, where: string): RecordResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new UserError(`${where}: expected an object with a "text" field`);
  const byField = new Map<string, unknown>();
  for (const [k, v] of Object.entries(record)) {
    const f = fieldOfColumn(k);
    if (f && !byField.has(f)) byField.set(f, v);
  }
  const text = byField.get('text');
  if (text === undefined || text === null) throw new UserError(`${where}: no "text" field (also accepted: ${ALIASES.text.slice(1).join(', ')})`, { field: 'text' });
  if (typeof text !== 'string') throw new UserError(`${where}: field "text" must be a string`, { field: 'text' });
  if (text.trim() === '') throw new UserError(`${where}: field "text" is empty`, { field: 'text' });
  const warnings: string[] = [];
  const rawDate = scalar(byField.get('publishedAt'), 'publishedAt', where);
  let publishedAt: string | null = null;
  if (rawDate) {
    publishedAt = normaliseDate(rawDate);
    if (!publishedAt) warnings.push(`date "${rawDate}" is not a date framewise can read; left empty`);
  }
  return {
    doc: {
      text,
      title: scalar(byField.get('title'), 'title', where),
      outlet: scalar(byField.get('outlet'), 'outlet', where),
      author: scalar(byField.get('author'), 'author', where),
      publishedAt,
      url: scalar(byField.get('url'), 'url', where),
      language: scalar(byField.get('language'), 'language', where),
      tags: parseTags(byField.get('tags'), where),
    },
    warnings,
  };
}
