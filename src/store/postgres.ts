import pg from 'pg';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { reportJson, type ReportEncoding, type SerialisedReport } from './encoding.js';
import { filterIsEmpty, pageOf, prepareDocument, preparePatch, type PreparedDocument } from './common.js';
import { POSTGRES_STORIES_MIGRATION, PostgresStories } from './postgres-stories.js';
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
 * Migrations, applied in order and recorded in `schema_migrations`, under an advisory lock so that
 * many workers starting at once migrate exactly once. Never edit a shipped migration: append one.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        id BIGSERIAL PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        title TEXT, outlet TEXT, author TEXT, published_at TEXT, url TEXT, language TEXT, origin TEXT,
        tags TEXT[] NOT NULL DEFAULT '{}',
        text TEXT NOT NULL,
        words INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX documents_outlet ON documents(outlet);
      CREATE INDEX documents_author ON documents(author);
      CREATE INDEX documents_published ON documents(published_at);
      CREATE INDEX documents_tags ON documents USING GIN (tags);
      CREATE TABLE analyses (
        document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        engine_key TEXT NOT NULL,
        report JSONB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (document_id, engine_key)
      );
      CREATE INDEX analyses_engine ON analyses(engine_key, document_id);
    `,
  },
  { version: 2, sql: POSTGRES_STORIES_MIGRATION },
];

/** Any lock id will do as long as it is constant: it serialises migrations across processes. */
const MIGRATION_LOCK = 7_461_023;

// BIGINT ids and counts come back as numbers (ids stay far below 2^53), for this pool only.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

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
  tags: string[];
  words: number;
  created_at: string;
  text?: string;
  analysed?: boolean;
  report?: Report;
}

const SUMMARY_COLUMNS = 'd.id, d.hash, d.title, d.outlet, d.author, d.published_at, d.url, d.language, d.origin, d.tags, d.words, d.created_at';

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
    tags: r.tags ?? [],
  };
}

/**
 * WHERE clause for a DocumentFilter over `documents d`, with parameters numbered from `first`.
 * Semantics match the SQLite store (the contract suite checks both).
 */
function whereOf(filter: DocumentFilter | undefined, first = 1): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${first + params.length - 1}`;
  };
  if (!filter) return { sql: 'TRUE', params };
  if (filter.outlet !== undefined) parts.push(`d.outlet = ${p(filter.outlet)}`);
  if (filter.author !== undefined) parts.push(`d.author = ${p(filter.author)}`);
  if (filter.tag !== undefined) parts.push(`d.tags @> ARRAY[${p(filter.tag)}::text]`);
  if (filter.q !== undefined && filter.q !== '') {
    // Case folding as JavaScript's toLowerCase does it, whatever the cluster's locale: ICU collation.
    const q = p(filter.q.toLowerCase());
    parts.push(`(strpos(lower(coalesce(d.title, '') COLLATE "und-x-icu"), ${q}) > 0 OR strpos(lower(d.text COLLATE "und-x-icu"), ${q}) > 0)`);
  }
  if (filter.from !== undefined) parts.push(`d.published_at COLLATE "C" >= ${p(filter.from)}`);
  if (filter.to !== undefined) {
    // Inclusive at the precision given: to=2024-03-01 keeps 2024-03-01T18:00.
    const to = p(filter.to);
    parts.push(`left(d.published_at, length(${to})) COLLATE "C" <= ${to}`);
  }
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) parts.push('FALSE');
    else {
      for (const id of filter.ids) if (!Number.isInteger(id)) throw new UserError(`ids: expected integers, got ${String(id)}`, { field: 'ids' });
      parts.push(`d.id = ANY(${p(filter.ids)}::bigint[])`);
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  max?: number;
}

/** The team store: PostgreSQL through a connection pool (pg 8). */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly reportEncoding: ReportEncoding = 'json';
  private readonly pool: pg.Pool;
  private readonly where: string;
  private readonly stories = new PostgresStories(
    (sql, params) => this.query(sql, params),
    (fn) => this.tx(fn),
  );

  constructor(url: string, options: PostgresStoreOptions = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    // An idle client losing its connection (server restart) must not crash the process.
    this.pool.on('error', () => {});
    this.where = redactUrl(url);
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (e) {
      throw new UserError(`cannot connect to PostgreSQL at ${this.where}: ${(e as Error).message}`, { field: 'db' });
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    const c = await this.connect();
    try {
      return await c.query<R>(sql, params);
    } finally {
      c.release();
    }
  }

  async migrate(): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const applied = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
      const newer = [...applied].find((v) => v > latest);
      if (newer !== undefined) throw new UserError(`database ${this.where} has schema version ${newer}, newer than this framewise (${latest}); upgrade framewise`, { field: 'db' });
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  /** Inserts prepared rows in one statement; rows whose hash exists already are reported, not duplicated. */
  private async insertPrepared(c: pg.PoolClient, rows: PreparedDocument[]): Promise<InsertResult[]> {
    if (rows.length === 0) return [];
    const cols = {
      hash: rows.map((r) => r.hash),
      title: rows.map((r) => r.title),
      outlet: rows.map((r) => r.outlet),
      author: rows.map((r) => r.author),
      published: rows.map((r) => r.publishedAt),
      url: rows.map((r) => r.url),
      language: rows.map((r) => r.language),
      origin: rows.map((r) => r.origin),
      // Arrays of arrays do not travel as parameters: tags go as a JSON array of arrays.
      tags: JSON.stringify(rows.map((r) => r.tags)),
      text: rows.map((r) => r.text),
      words: rows.map((r) => r.words),
      created: rows.map((r) => r.createdAt),
    };
    const inserted = await c.query<{ id: number; hash: string }>(
      `INSERT INTO documents (hash, title, outlet, author, published_at, url, language, origin, tags, text, words, created_at)
       SELECT u.hash, u.title, u.outlet, u.author, u.published, u.url, u.language, u.origin,
              ARRAY(SELECT jsonb_array_elements_text(($9::jsonb) -> (u.ord::int - 1))), u.text, u.words, u.created
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $10::text[], $11::int[], $12::text[])
            WITH ORDINALITY AS u(hash, title, outlet, author, published, url, language, origin, text, words, created, ord)
       ORDER BY u.ord
       ON CONFLICT (hash) DO NOTHING
       RETURNING id, hash`,
      [cols.hash, cols.title, cols.outlet, cols.author, cols.published, cols.url, cols.language, cols.origin, cols.tags, cols.text, cols.words, cols.created],
    );
    const created = new Map(inserted.rows.map((r) => [r.hash, r.id]));
    const missing = [...new Set(rows.map((r) => r.hash).filter((h) => !created.has(h)))];
    const existing = new Map<string, number>();
    if (missing.length > 0) {
      const found = await c.query<{ id: number; hash: string }>('SELECT id, hash FROM documents WHERE hash = ANY($1::text[])', [missing]);
      for (const r of found.rows) existing.set(r.hash, r.id);
    }
    const seen = new Set<string>();
    return rows.map((r) => {
      const id = created.get(r.hash);
      if (id !== undefined && !seen.has(r.hash)) {
        seen.add(r.hash);
        return { id, created: true };
      }
      return { id: id ?? existing.get(r.hash)!, created: false };
    });
  }

  async insertDocument(doc: NewDocument): Promise<InsertResult> {
    const p = prepareDocument(doc);
    return (await this.tx((c) => this.insertPrepared(c, [p])))[0]!;
  }

  async insertDocuments(docs: NewDocument[]): Promise<InsertResult[]> {
    // Validate everything first so that one bad document writes nothing.
    const prepared = docs.map((d, i) => {
      try {
        return prepareDocument(d);
      } catch (e) {
        if (e instanceof UserError) throw new UserError(`document ${i}: ${e.message}`, e.details);
        throw e;
      }
    });
    return this.tx((c) => this.insertPrepared(c, prepared));
  }

  async getDocument(id: number): Promise<StoredDocument | null> {
    if (!Number.isSafeInteger(id)) return null;
    const r = (await this.query<DocRow>(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = $1`, [id])).rows[0];
    return r ? { ...toSummaryBase(r), text: r.text! } : null;
  }

  /** Several documents in one round trip, in the order of `ids` (missing ones left out). */
  async getDocuments(ids: number[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = (await this.query<DocRow>(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = ANY($1::bigint[])`, [ids])).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ ...toSummaryBase(r), text: r.text! }] : [];
    });
  }

  async getDocumentByHash(hash: string): Promise<StoredDocument | null> {
    const r = (await this.query<DocRow>(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.hash = $1`, [hash])).rows[0];
    return r ? { ...toSummaryBase(r), text: r.text! } : null;
  }

  async listDocuments(filter?: DocumentFilter, page?: Page): Promise<{ total: number; items: DocumentSummary[] }> {
    const { limit, offset } = pageOf(page);
    if (filterIsEmpty(filter)) return { total: 0, items: [] };
    const w = whereOf(filter);
    const total = (await this.query<{ n: number }>(`SELECT count(*) AS n FROM documents d WHERE ${w.sql}`, w.params)).rows[0]!.n;
    const n = w.params.length;
    const rows = (
      await this.query<DocRow>(
        `SELECT ${SUMMARY_COLUMNS}, EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id) AS analysed
         FROM documents d WHERE ${w.sql} ORDER BY d.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...w.params, limit, offset],
      )
    ).rows;
    return { total, items: rows.map((r) => ({ ...toSummaryBase(r), analysed: r.analysed === true })) };
  }

  async deleteDocument(id: number): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    return ((await this.query('DELETE FROM documents WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async countDocuments(filter?: DocumentFilter): Promise<number> {
    if (filterIsEmpty(filter)) return 0;
    const w = whereOf(filter);
    return (await this.query<{ n: number }>(`SELECT count(*) AS n FROM documents d WHERE ${w.sql}`, w.params)).rows[0]!.n;
  }

  async updateDocument(id: number, meta: MetadataPatch): Promise<StoredDocument | null> {
    if (!Number.isSafeInteger(id)) return null;
    const patch = preparePatch(meta);
    const sets = patch.columns.map((c, i) => `${c.column} = $${i + 2}`);
    const params: unknown[] = [id, ...patch.columns.map((c) => c.value)];
    if (patch.tags) {
      params.push(patch.tags);
      sets.push(`tags = $${params.length}::text[]`);
    }
    const sql = sets.length > 0 ? `UPDATE documents SET ${sets.join(', ')} WHERE id = $1` : 'SELECT 1 FROM documents WHERE id = $1';
    const found = ((await this.query(sql, params)).rowCount ?? 0) > 0;
    return found ? this.getDocument(id) : null;
  }

  async saveAnalysis(key: AnalysisKey, report: Report): Promise<void> {
    await this.saveAnalyses([{ key, report }]);
  }

  async saveAnalyses(items: Array<{ key: AnalysisKey; report: Report | SerialisedReport }>): Promise<void> {
    if (items.length === 0) return;
    // One row per key (the last wins), as if saved one after the other.
    const byKey = new Map<string, { key: AnalysisKey; report: Report | SerialisedReport }>();
    for (const it of items) byKey.set(`${it.key.documentId}\u0000${it.key.engineKey}`, it);
    const rows = [...byKey.values()];
    const now = new Date().toISOString();
    await this.tx(async (c) => {
      const ids = [...new Set(rows.map((r) => r.key.documentId))];
      const found = new Set((await c.query<{ id: number }>('SELECT id FROM documents WHERE id = ANY($1::bigint[])', [ids.filter(Number.isSafeInteger)])).rows.map((r) => r.id));
      const absent = ids.find((id) => !found.has(id));
      if (absent !== undefined) throw new UserError(`cannot save analysis: no document ${absent}`, { field: 'documentId', status: 404 });
      await c.query(
        `INSERT INTO analyses (document_id, engine_key, report, created_at)
         SELECT u.id, u.engine_key, u.report::jsonb, $4 FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, engine_key, report)
         ON CONFLICT (document_id, engine_key) DO UPDATE SET report = excluded.report, created_at = excluded.created_at`,
        [rows.map((r) => r.key.documentId), rows.map((r) => r.key.engineKey), rows.map((r) => reportJson(r.report)), now],
      );
    });
  }

  /**
   * Stores the analyses that do not exist yet and leaves existing ones untouched; returns the
   * document ids actually stored. Two workers that end up with the same job (a lock that expired
   * under load) then store each document once, whatever the timing.
   */
  async saveAnalysesIfAbsent(items: Array<{ key: AnalysisKey; report: Report | SerialisedReport }>): Promise<number[]> {
    if (items.length === 0) return [];
    const now = new Date().toISOString();
    const res = await this.query<{ id: number }>(
      `INSERT INTO analyses (document_id, engine_key, report, created_at)
       SELECT u.id, u.engine_key, u.report::jsonb, $4 FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, engine_key, report)
       WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = u.id)
       ON CONFLICT (document_id, engine_key) DO NOTHING
       RETURNING document_id AS id`,
      [items.map((r) => r.key.documentId), items.map((r) => r.key.engineKey), items.map((r) => reportJson(r.report)), now],
    );
    return res.rows.map((r) => r.id);
  }

  async getAnalysis(documentId: number, engineKey: string): Promise<StoredAnalysis | null> {
    if (!Number.isSafeInteger(documentId)) return null;
    const r = (await this.query<{ report: Report; created_at: string }>('SELECT report, created_at FROM analyses WHERE document_id = $1 AND engine_key = $2', [documentId, engineKey])).rows[0];
    return r ? { documentId, engineKey, report: r.report, createdAt: r.created_at } : null;
  }

  /** Which of `ids` already have an analysis for this engine key (one round trip). */
  async analysedAmong(ids: number[], engineKey: string): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.query<{ id: number }>('SELECT document_id AS id FROM analyses WHERE engine_key = $1 AND document_id = ANY($2::bigint[])', [engineKey, ids])).rows;
    return new Set(rows.map((r) => r.id));
  }

  async documentsNeedingAnalysis(engineKey: string, filter?: DocumentFilter, limit?: number): Promise<number[]> {
    if (filterIsEmpty(filter)) return [];
    const w = whereOf(filter, 2);
    const lim = limit === undefined ? 'ALL' : `$${w.params.length + 2}`;
    const rows = (
      await this.query<{ id: number }>(
        `SELECT d.id FROM documents d WHERE ${w.sql}
         AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id AND a.engine_key = $1)
         ORDER BY d.id LIMIT ${lim}`,
        limit === undefined ? [engineKey, ...w.params] : [engineKey, ...w.params, limit],
      )
    ).rows;
    return rows.map((r) => r.id);
  }

  async *iterateAnalysed(engineKey: string, filter?: DocumentFilter, batchSize = 200): AsyncIterable<{ doc: DocumentSummary; report: Report }> {
    if (filterIsEmpty(filter)) return;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`batchSize: expected a positive integer, got ${batchSize}`);
    const w = whereOf(filter, 2);
    const n = w.params.length;
    const sql = `SELECT ${SUMMARY_COLUMNS}, a.report FROM documents d JOIN analyses a ON a.document_id = d.id AND a.engine_key = $1
       WHERE ${w.sql} AND d.id > $${n + 2} ORDER BY d.id LIMIT $${n + 3}`;
    // Keyset paging: each page is one short query, so memory stays flat over any corpus size.
    let last = 0;
    for (;;) {
      const rows = (await this.query<DocRow>(sql, [engineKey, ...w.params, last, batchSize])).rows;
      for (const r of rows) yield { doc: { ...toSummaryBase(r), analysed: true }, report: r.report! };
      if (rows.length < batchSize) return;
      last = rows[rows.length - 1]!.id;
    }
  }

  async *iterateDocuments(filter?: DocumentFilter, batchSize = 200): AsyncIterable<StoredDocument> {
    if (filterIsEmpty(filter)) return;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`batchSize: expected a positive integer, got ${batchSize}`);
    const w = whereOf(filter);
    const n = w.params.length;
    const sql = `SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE ${w.sql} AND d.id > $${n + 1} ORDER BY d.id LIMIT $${n + 2}`;
    let last = 0;
    for (;;) {
      const rows = (await this.query<DocRow>(sql, [...w.params, last, batchSize])).rows;
      for (const r of rows) yield { ...toSummaryBase(r), text: r.text! };
      if (rows.length < batchSize) return;
      last = rows[rows.length - 1]!.id;
    }
  }

  // Stories: src/store/postgres-stories.ts.
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

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the given PostgreSQL URL';
  }
}

/** Opens a PostgreSQL store and runs pending migrations. */
export async function openPostgresStore(url: string, options?: PostgresStoreOptions): Promise<PostgresStore> {
  const store = new PostgresStore(url, options);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
