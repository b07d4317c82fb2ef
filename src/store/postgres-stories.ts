import type pg from 'pg';
import { UserError } from '../core/errors.js';
import { pageOf } from './common.js';
import type { Page, StoryChanges, StoryFilter, StoryMember, StoryRecord } from './types.js';

/** Migration 2 of the PostgreSQL store: stories and their documents (src/stories). */
export const POSTGRES_STORIES_MIGRATION = `
  CREATE TABLE stories (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    first_at TEXT,
    last_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_last ON stories(last_at);
  -- One story per document: the document id is the key.
  CREATE TABLE story_documents (
    document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    score DOUBLE PRECISION NOT NULL
  );
  CREATE INDEX story_documents_story ON story_documents(story_id, document_id);
`;

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;
type Tx = <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

interface StoryRow {
  id: number;
  title: string;
  first_at: string | null;
  last_at: string | null;
  created_at: string;
  updated_at: string;
}

/** WHERE clause over `stories s`, parameters numbered from 1; the same semantics as the SQLite store. */
function whereOf(filter: StoryFilter | undefined): { sql: string; params: unknown[] } {
  const parts = ['EXISTS (SELECT 1 FROM story_documents m WHERE m.story_id = s.id)'];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter?.from !== undefined) parts.push(`s.last_at COLLATE "C" >= ${p(filter.from)}`);
  if (filter?.to !== undefined) {
    const to = p(filter.to);
    parts.push(`left(s.first_at, length(${to})) COLLATE "C" <= ${to}`);
  }
  if (filter?.q !== undefined && filter.q !== '') parts.push(`strpos(lower(s.title COLLATE "und-x-icu"), ${p(filter.q.toLowerCase())}) > 0`);
  if (filter?.documentId !== undefined) {
    if (!Number.isInteger(filter.documentId)) throw new UserError(`documentId: expected an integer, got ${String(filter.documentId)}`, { field: 'documentId' });
    parts.push(`EXISTS (SELECT 1 FROM story_documents d WHERE d.story_id = s.id AND d.document_id = ${p(filter.documentId)})`);
  }
  return { sql: parts.join(' AND '), params };
}

/** Story storage over the PostgreSQL store's pool (the store delegates to it). */
export class PostgresStories {
  constructor(
    private readonly query: Query,
    private readonly tx: Tx,
  ) {}

  private async withMembers(rows: StoryRow[]): Promise<StoryRecord[]> {
    if (rows.length === 0) return [];
    const members = new Map<number, StoryMember[]>(rows.map((r) => [r.id, []]));
    const got = await this.query<{ story_id: number; document_id: number; score: number }>(
      'SELECT story_id, document_id, score FROM story_documents WHERE story_id = ANY($1::bigint[]) ORDER BY story_id, document_id',
      [rows.map((r) => r.id)],
    );
    for (const m of got.rows) members.get(m.story_id)!.push({ documentId: m.document_id, score: m.score });
    return rows.map((r) => ({ id: r.id, title: r.title, firstAt: r.first_at, lastAt: r.last_at, createdAt: r.created_at, updatedAt: r.updated_at, members: members.get(r.id)! }));
  }

  async storyOf(documentIds?: number[]): Promise<Map<number, number>> {
    const res =
      documentIds === undefined
        ? await this.query<{ document_id: number; story_id: number }>('SELECT document_id, story_id FROM story_documents')
        : await this.query<{ document_id: number; story_id: number }>('SELECT document_id, story_id FROM story_documents WHERE document_id = ANY($1::bigint[])', [documentIds.filter(Number.isSafeInteger)]);
    return new Map(res.rows.map((r) => [r.document_id, r.story_id]));
  }

  async saveStories(changes: StoryChanges): Promise<number[]> {
    const now = new Date().toISOString();
    const addMembers = async (c: pg.PoolClient, story: number, list: StoryMember[]) => {
      if (list.length === 0) return;
      await c.query(
        `INSERT INTO story_documents (document_id, story_id, score)
         SELECT u.doc, $1, u.score FROM unnest($2::bigint[], $3::float8[]) AS u(doc, score)
         WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = u.doc)
         ON CONFLICT (document_id) DO NOTHING`,
        [story, list.map((m) => m.documentId), list.map((m) => m.score)],
      );
    };
    return this.tx(async (c) => {
      const ids: number[] = [];
      for (const s of changes.create) {
        const id = (await c.query<{ id: number }>('INSERT INTO stories (title, first_at, last_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id', [s.title, s.firstAt, s.lastAt, now])).rows[0]!.id;
        await addMembers(c, id, s.members);
        ids.push(id);
      }
      for (const u of changes.update) {
        const res = await c.query('UPDATE stories SET title = $1, first_at = $2, last_at = $3, updated_at = $4 WHERE id = $5', [u.title, u.firstAt, u.lastAt, now, u.id]);
        if ((res.rowCount ?? 0) > 0) await addMembers(c, u.id, u.add);
      }
      return ids;
    });
  }

  async listStories(filter?: StoryFilter, page?: Page): Promise<{ total: number; items: StoryRecord[] }> {
    const { limit, offset } = pageOf(page);
    const w = whereOf(filter);
    const n = w.params.length;
    const total = (await this.query<{ n: number }>(`SELECT count(*) AS n FROM stories s WHERE ${w.sql}`, w.params)).rows[0]!.n;
    const rows = (
      await this.query<StoryRow>(`SELECT s.* FROM stories s WHERE ${w.sql} ORDER BY s.last_at COLLATE "C" DESC NULLS LAST, s.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, limit, offset])
    ).rows;
    return { total, items: await this.withMembers(rows) };
  }

  async getStory(id: number): Promise<StoryRecord | null> {
    if (!Number.isSafeInteger(id)) return null;
    const row = (await this.query<StoryRow>('SELECT s.* FROM stories s WHERE s.id = $1 AND EXISTS (SELECT 1 FROM story_documents m WHERE m.story_id = s.id)', [id])).rows[0];
    return row ? (await this.withMembers([row]))[0]! : null;
  }

  async deleteStories(): Promise<number> {
    return this.tx(async (c) => {
      const n = (await c.query<{ n: number }>('SELECT count(*) AS n FROM stories')).rows[0]!.n;
      await c.query('DELETE FROM story_documents');
      await c.query('DELETE FROM stories');
      return n;
    });
  }
}
