import type Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import { pageOf } from './common.js';
import type { Page, StoryChanges, StoryFilter, StoryMember, StoryRecord } from './types.js';

/** Migration 2 of the SQLite store: stories and their documents (src/stories). */
export const SQLITE_STORIES_MIGRATION = `
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    first_at TEXT,
    last_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_last ON stories(last_at);
  -- One story per document: the document id is the key.
  CREATE TABLE story_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    score REAL NOT NULL
  );
  CREATE INDEX story_documents_story ON story_documents(story_id, document_id);
`;

interface StoryRow {
  id: number;
  title: string;
  first_at: string | null;
  last_at: string | null;
  created_at: string;
  updated_at: string;
}

function whereOf(filter: StoryFilter | undefined): { sql: string; params: unknown[] } {
  const parts = ['EXISTS (SELECT 1 FROM story_documents m WHERE m.story_id = s.id)'];
  const params: unknown[] = [];
  if (filter?.from !== undefined) {
    parts.push('s.last_at >= ?');
    params.push(filter.from);
  }
  if (filter?.to !== undefined) {
    parts.push('substr(s.first_at, 1, ?) <= ?');
    params.push(filter.to.length, filter.to);
  }
  if (filter?.q !== undefined && filter.q !== '') {
    parts.push('instr(fw_lower(s.title), ?) > 0');
    params.push(filter.q.toLowerCase());
  }
  if (filter?.documentId !== undefined) {
    if (!Number.isInteger(filter.documentId)) throw new UserError(`documentId: expected an integer, got ${String(filter.documentId)}`, { field: 'documentId' });
    parts.push('EXISTS (SELECT 1 FROM story_documents d WHERE d.story_id = s.id AND d.document_id = ?)');
    params.push(filter.documentId);
  }
  return { sql: parts.join(' AND '), params };
}

/** Story storage over the SQLite store's connection (the store delegates to it). */
export class SqliteStories {
  constructor(private readonly db: Database.Database) {}

  private withMembers(rows: StoryRow[]): StoryRecord[] {
    if (rows.length === 0) return [];
    const members = new Map<number, StoryMember[]>(rows.map((r) => [r.id, []]));
    const got = this.db
      .prepare(`SELECT story_id, document_id, score FROM story_documents WHERE story_id IN (${rows.map(() => '?').join(',')}) ORDER BY story_id, document_id`)
      .all(...rows.map((r) => r.id)) as Array<{ story_id: number; document_id: number; score: number }>;
    for (const m of got) members.get(m.story_id)!.push({ documentId: m.document_id, score: m.score });
    return rows.map((r) => ({ id: r.id, title: r.title, firstAt: r.first_at, lastAt: r.last_at, createdAt: r.created_at, updatedAt: r.updated_at, members: members.get(r.id)! }));
  }

  storyOf(documentIds?: number[]): Map<number, number> {
    const out = new Map<number, number>();
    if (documentIds === undefined) {
      for (const r of this.db.prepare('SELECT document_id, story_id FROM story_documents').all() as Array<{ document_id: number; story_id: number }>) out.set(r.document_id, r.story_id);
      return out;
    }
    const stmt = this.db.prepare('SELECT story_id FROM story_documents WHERE document_id = ?');
    for (const id of documentIds) {
      const r = stmt.get(id) as { story_id: number } | undefined;
      if (r) out.set(id, r.story_id);
    }
    return out;
  }

  saveStories(changes: StoryChanges): number[] {
    const now = new Date().toISOString();
    const member = this.db.prepare(
      `INSERT INTO story_documents (document_id, story_id, score)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?) AND EXISTS (SELECT 1 FROM stories WHERE id = ?)
       ON CONFLICT (document_id) DO NOTHING`,
    );
    const addMembers = (story: number, list: StoryMember[]) => {
      for (const m of list) member.run(m.documentId, story, m.score, m.documentId, story);
    };
    return this.db
      .transaction(() => {
        const ids: number[] = [];
        const create = this.db.prepare('INSERT INTO stories (title, first_at, last_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
        for (const s of changes.create) {
          const id = Number(create.run(s.title, s.firstAt, s.lastAt, now, now).lastInsertRowid);
          addMembers(id, s.members);
          ids.push(id);
        }
        const update = this.db.prepare('UPDATE stories SET title = ?, first_at = ?, last_at = ?, updated_at = ? WHERE id = ?');
        for (const u of changes.update) {
          if (update.run(u.title, u.firstAt, u.lastAt, now, u.id).changes === 0) continue;
          addMembers(u.id, u.add);
        }
        return ids;
      })
      .immediate();
  }

  listStories(filter?: StoryFilter, page?: Page): { total: number; items: StoryRecord[] } {
    const { limit, offset } = pageOf(page);
    const w = whereOf(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM stories s WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT s.* FROM stories s WHERE ${w.sql} ORDER BY s.last_at IS NULL, s.last_at DESC, s.id DESC LIMIT ? OFFSET ?`)
      .all(...w.params, limit, offset) as StoryRow[];
    return { total, items: this.withMembers(rows) };
  }

  getStory(id: number): StoryRecord | null {
    if (!Number.isSafeInteger(id)) return null;
    const row = this.db.prepare('SELECT s.* FROM stories s WHERE s.id = ? AND EXISTS (SELECT 1 FROM story_documents m WHERE m.story_id = s.id)').get(id) as StoryRow | undefined;
    return row ? this.withMembers([row])[0]! : null;
  }

  deleteStories(): number {
    return this.db.transaction(() => {
      const n = (this.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
      this.db.prepare('DELETE FROM story_documents').run();
      this.db.prepare('DELETE FROM stories').run();
      return n;
    })();
  }
}
