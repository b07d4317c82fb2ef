import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { decodeReport, reportDeflated, type ReportEncoding, type SerialisedReport } from './encoding.js';
import { filterIsEmpty, pageOf, prepareDocument, preparePatch, type PreparedDocument } from './common.js';
import { SQLITE_STORIES_MIGRATION, SqliteStories } from './sqlite-stories.js';
import type {
  AnalysisKey,
  DocumentFilter,
  DocumentSummary,
  InsertResult,
  MetadataPatch,
  NewDocument,
  Page,
  Store,
  StoredAnalysis,
  StoredDocument,
  StoryChanges,
  StoryFilter,
  StoryRecord,
} from './types.js';

/**
 * Schema migrations, applied in order and recorded in `schema_migrations`. Never edit a shipped
 * migration: append a new one.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        hash TEXT NOT NULL UNIQUE,
        title TEXT, outlet TEXT, author TEXT, published_at TEXT, url TEXT, language TEXT, origin TEXT,
        text TEXT NOT NULL,
        words INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX documents_outlet ON documents(outlet);
      CREATE INDEX documents_author ON documents(author);
      CREATE INDEX documents_published ON documents(published_at);
      CREATE TABLE document_tags (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (document_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX document_tags_tag ON document_tags(tag, document_id);
      -- A rowid table (reports are large, tens of KB): key lookups stay in the small indexes.
      CREATE TABLE analyses (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        engine_key TEXT NOT NULL,
        report TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX analyses_document_engine ON analyses(document_id, engine_key);
      CREATE INDEX analyses_engine ON analyses(engine_key, document_id);
    `,
  },
  { version: 2, sql: SQLITE_STORIES_MIGRATION },
];

interface DocRow {
  id: number;
  hash: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
  origin: string | null;
  words: number;
  created_at: string;
  tags: string | null;
  text?: string;
  analysed?: number;
  report?: string | Buffer;
}

const SUMMARY_COLUMNS = `d.id, d.hash, d.title, d.outlet, d.author, d.published_at, d.url, d.language, d.origin, d.words, d.created_at,
  (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM document_tags WHERE document_id = d.id ORDER BY tag)) AS tags`;

function toSummaryBase(r: DocRow): Omit<StoredDocument, 'text'> {
  return {
    id: r.id,
    hash: r.hash,
    title: r.title,
    outlet: r.outlet,
    author: r.author,
    publishedAt: r.published_at,
    url: r.url,
    language: r.language,
    origin: r.origin,
    words: r.words,
    createdAt: r.created_at,
    tags: r.tags ? r.tags.split('\u001f') : [],
  };
}

/** WHERE clause and parameters for a DocumentFilter over `documents d`. */
function whereOf(filter: DocumentFilter | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (!filter) return { sql: '1=1', params };
  if (filter.outlet !== undefined) {
    parts.push('d.outlet = ?');
    params.push(filter.outlet);
  }
  if (filter.author !== undefined) {
    parts.push('d.author = ?');
    params.push(filter.author);
  }
  if (filter.tag !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = ?)');
    params.push(filter.tag);
  }
  if (filter.q !== undefined && filter.q !== '') {
    // fw_lower is JavaScript's toLowerCase: SQLite's lower() folds ASCII only.
    parts.push('(instr(fw_lower(coalesce(d.title, \'\')), ?) > 0 OR instr(fw_lower(d.text), ?) > 0)');
    const q = filter.q.toLowerCase();
    params.push(q, q);
  }
  if (filter.from !== undefined) {
    parts.push('d.published_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    // Inclusive at the precision given: to=2024-03-01 keeps 2024-03-01T18:00.
    parts.push('substr(d.published_at, 1, ?) <= ?');
    params.push(filter.to.length, filter.to);
  }
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) parts.push('0');
    else {
      for (const id of filter.ids) if (!Number.isInteger(id)) throw new UserError(`ids: expected integers, got ${String(id)}`, { field: 'ids' });
      parts.push(`d.id IN (${filter.ids.map(() => '?').join(',')})`);
      params.push(...filter.ids);
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1=1', params };
}

/** The embedded default store: one SQLite file in WAL mode. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly reportEncoding: ReportEncoding = 'deflate';
  readonly path: string;
  private readonly db: Database.Database;
  private readonly stories: SqliteStories;

  /** Opens (creating the file and its folder when missing). Call migrate() before use. */
  constructor(path: string) {
    this.path = path === ':memory:' ? path : resolve(path);
    let db: Database.Database | undefined;
    try {
      // A folder that cannot be made (a regular file on the way, no permission) is the user's to fix.
      if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
      db = new Database(this.path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    } catch (e) {
      db?.close();
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its folder path is a file, not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
      throw new UserError(`--db: cannot open database ${path}: ${why}`, { file: path, field: 'db' });
    }
    this.db = db;
    this.stories = new SqliteStories(db);
    this.db.function('fw_lower', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s));
  }

  async migrate(): Promise<void> {
    this.migrateSync();
  }

  /** Applies pending migrations in one transaction; returns the versions applied. */
  migrateSync(): number[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
    const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    const newer = [...applied].find((v) => v > latest);
    if (newer !== undefined) throw new UserError(`database ${this.path} has schema version ${newer}, newer than this framewise (${latest}); upgrade framewise`, { file: this.path });
    const done: number[] = [];
    this.db.transaction(() => {
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
        done.push(m.version);
      }
    }).immediate();
    return done;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private insertPrepared(p: PreparedDocument): InsertResult {
    const existing = this.db.prepare('SELECT id FROM documents WHERE hash = ?').get(p.hash) as { id: number } | undefined;
    if (existing) return { id: existing.id, created: false };
    const info = this.db
      .prepare(
        `INSERT INTO documents (hash, title, outlet, author, published_at, url, language, origin, text, words, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.hash, p.title, p.outlet, p.author, p.publishedAt, p.url, p.language, p.origin, p.text, p.words, p.createdAt);
    const id = Number(info.lastInsertRowid);
    const tag = this.db.prepare('INSERT INTO document_tags (document_id, tag) VALUES (?, ?)');
    for (const t of p.tags) tag.run(id, t);
    return { id, created: true };
  }

  async insertDocument(doc: NewDocument): Promise<InsertResult> {
    const p = prepareDocument(doc);
    return this.db.transaction(() => this.insertPrepared(p)).immediate();
  }

  async insertDocuments(docs: NewDocument[]): Promise<InsertResult[]> {
    // Validate everything first so that one bad document rolls back nothing half-written.
    const prepared = docs.map((d, i) => {
      try {
        return prepareDocument(d);
      } catch (e) {
        if (e instanceof UserError) throw new UserError(`document ${i}: ${e.message}`, e.details);
        throw e;
      }
    });
    return this.db.transaction(() => prepared.map((p) => this.insertPrepared(p))).immediate();
  }

  async getDocument(id: number): Promise<StoredDocument | null> {
    const r = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = ?`).get(id) as DocRow | undefined;
    return r ? { ...toSummaryBase(r), text: r.text! } : null;
  }

  async getDocumentByHash(hash: string): Promise<StoredDocument | null> {
    const r = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.hash = ?`).get(hash) as DocRow | undefined;
    return r ? { ...toSummaryBase(r), text: r.text! } : null;
  }

  async listDocuments(filter?: DocumentFilter, page?: Page): Promise<{ total: number; items: DocumentSummary[] }> {
    const { limit, offset } = pageOf(page);
    if (filterIsEmpty(filter)) return { total: 0, items: [] };
    const w = whereOf(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id) AS analysed
         FROM documents d WHERE ${w.sql} ORDER BY d.id DESC LIMIT ? OFFSET ?`,
      )
      .all(...w.params, limit, offset) as DocRow[];
    return { total, items: rows.map((r) => ({ ...toSummaryBase(r), analysed: r.analysed === 1 })) };
  }

  async deleteDocument(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
  }

  async countDocuments(filter?: DocumentFilter): Promise<number> {
    if (filterIsEmpty(filter)) return 0;
    const w = whereOf(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  }

  async updateDocument(id: number, meta: MetadataPatch): Promise<StoredDocument | null> {
    const patch = preparePatch(meta);
    const found = this.db
      .transaction(() => {
        if (!this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) return false;
        if (patch.columns.length > 0) {
          this.db.prepare(`UPDATE documents SET ${patch.columns.map((c) => `${c.column} = ?`).join(', ')} WHERE id = ?`).run(...patch.columns.map((c) => c.value), id);
        }
        if (patch.tags) {
          this.db.prepare('DELETE FROM document_tags WHERE document_id = ?').run(id);
          const tag = this.db.prepare('INSERT INTO document_tags (document_id, tag) VALUES (?, ?)');
          for (const t of patch.tags) tag.run(id, t);
        }
        return true;
      })
      .immediate();
    return found ? this.getDocument(id) : null;
  }

  private saveStatements?: { exists: Statement; insert: Statement };

  private saveOne(key: AnalysisKey, report: Report | SerialisedReport, now: string): void {
    this.saveStatements ??= {
      exists: this.db.prepare('SELECT 1 FROM documents WHERE id = ?'),
      insert: this.db.prepare(
        `INSERT INTO analyses (document_id, engine_key, report, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (document_id, engine_key) DO UPDATE SET report = excluded.report, created_at = excluded.created_at`,
      ),
    };
    const exists = this.saveStatements.exists.get(key.documentId);
    if (!exists) throw new UserError(`cannot save analysis: no document ${key.documentId}`, { field: 'documentId', status: 404 });
    this.saveStatements.insert.run(key.documentId, key.engineKey, reportDeflated(report), now);
  }

  async saveAnalysis(key: AnalysisKey, report: Report): Promise<void> {
    this.saveOne(key, report, new Date().toISOString());
  }

  async saveAnalyses(items: Array<{ key: AnalysisKey; report: Report | SerialisedReport }>): Promise<void> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const it of items) this.saveOne(it.key, it.report, now);
    }).immediate();
  }

  async getAnalysis(documentId: number, engineKey: string): Promise<StoredAnalysis | null> {
    const r = this.db.prepare('SELECT report, created_at FROM analyses WHERE document_id = ? AND engine_key = ?').get(documentId, engineKey) as
      | { report: string | Buffer; created_at: string }
      | undefined;
    return r ? { documentId, engineKey, report: decodeReport(r.report), createdAt: r.created_at } : null;
  }

  async documentsNeedingAnalysis(engineKey: string, filter?: DocumentFilter, limit?: number): Promise<number[]> {
    if (filterIsEmpty(filter)) return [];
    const w = whereOf(filter);
    const lim = limit === undefined ? -1 : limit;
    const rows = this.db
      .prepare(
        `SELECT d.id FROM documents d WHERE ${w.sql}
         AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id AND a.engine_key = ?)
         ORDER BY d.id LIMIT ?`,
      )
      .all(...w.params, engineKey, lim) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  async *iterateAnalysed(engineKey: string, filter?: DocumentFilter, batchSize = 200): AsyncIterable<{ doc: DocumentSummary; report: Report }> {
    if (filterIsEmpty(filter)) return;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`batchSize: expected a positive integer, got ${batchSize}`);
    const w = whereOf(filter);
    // Ordered by the index (engine_key, document_id): no sort of the remaining rows per page.
    const stmt = this.db.prepare(
      `SELECT ${SUMMARY_COLUMNS}, a.report FROM analyses a JOIN documents d ON d.id = a.document_id
       WHERE a.engine_key = ? AND a.document_id > ? AND ${w.sql} ORDER BY a.engine_key, a.document_id LIMIT ?`,
    );
    // Keyset paging: each page is a fresh, short read, so writers are never blocked for long.
    let last = 0;
    for (;;) {
      const rows = stmt.all(engineKey, last, ...w.params, batchSize) as DocRow[];
      for (const r of rows) yield { doc: { ...toSummaryBase(r), analysed: true }, report: decodeReport(r.report!) };
      if (rows.length < batchSize) return;
      last = rows[rows.length - 1]!.id;
    }
  }

  async *iterateDocuments(filter?: DocumentFilter, batchSize = 200): AsyncIterable<StoredDocument> {
    if (filterIsEmpty(filter)) return;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`batchSize: expected a positive integer, got ${batchSize}`);
    const w = whereOf(filter);
    const stmt = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id > ? AND ${w.sql} ORDER BY d.id LIMIT ?`);
    let last = 0;
    for (;;) {
      const rows = stmt.all(last, ...w.params, batchSize) as DocRow[];
      for (const r of rows) yield { ...toSummaryBase(r), text: r.text! };
      if (rows.length < batchSize) return;
      last = rows[rows.length - 1]!.id;
    }
  }

  // Stories: src/store/sqlite-stories.ts.
  async storyOf(documentIds?: number[]): Promise<Map<number, number>> {
    return this.stories.storyOf(documentIds);
  }

  async saveStories(changes: StoryChanges): Promise<number[]> {
    return this.stories.saveStories(changes);
  }

  async listStories(filter?: StoryFilter, page?: Page): Promise<{ total: number; items: StoryRecord[] }> {
    return this.stories.listStories(filter, page);
  }

  async getStory(id: number): Promise<StoryRecord | null> {
    return this.stories.getStory(id);
  }

  async deleteStories(): Promise<number> {
    return this.stories.deleteStories();
  }
}

/** Opens a SQLite store at `path` and runs pending migrations. */
export async function openSqliteStore(path: string): Promise<SqliteStore> {
  const store = new SqliteStore(path);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

