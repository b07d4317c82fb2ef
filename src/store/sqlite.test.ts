import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreContract } from './test-support/contract.js';
import { openStore, resolveDbLocation } from './open.js';
import { openSqliteStore, SqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreContract('sqlite', async () => openSqliteStore(join(dir, `contract-${n++}.db`)));

describe('SqliteStore specifics', () => {
  it('creates the file and its folder on first use, in WAL mode, with a migrations table', async () => {
    const path = join(dir, 'nested', 'deeper', 'fw.db');
    const store = await openSqliteStore(path);
    await store.insertDocument({ text: 'Kept across reopen.', outlet: 'Meridian Wire' });
    await store.close();

    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }]);
    raw.close();

    const again = await openSqliteStore(path);
    expect((await again.listDocuments()).items.map((d) => d.outlet)).toEqual(['Meridian Wire']);
    expect(again.migrateSync()).toEqual([]);
    await again.close();
  });

  it('stores reports deflated, reads them back intact, and still reads reports stored as JSON text', async () => {
    const path = join(dir, 'deflated.db');
    const store = await openSqliteStore(path);
    const id = (await store.insertDocument({ text: 'The council met on Monday.' })).id;
    const report = { engine: { name: 'framewise' }, findings: Array.from({ length: 50 }, (_, i) => ({ technique: 'doubt', start: i, end: i + 3, message: 'the same words again and again' })) };
    await store.saveAnalysis({ documentId: id, engineKey: 'k1' }, report as never);
    await store.saveAnalysis({ documentId: id, engineKey: 'k2' }, report as never);
    await store.close();

    const raw = new Database(path);
    const row = raw.prepare("SELECT typeof(report) AS t, length(report) AS n FROM analyses WHERE engine_key = 'k1'").get() as { t: string; n: number };
    expect(row.t).toBe('blob');
    expect(row.n).toBeLessThan(JSON.stringify(report).length / 5);
    // A row as an earlier framewise wrote it: plain JSON text.
    raw.prepare("UPDATE analyses SET report = ? WHERE engine_key = 'k2'").run(JSON.stringify(report));
    raw.close();

    const again = await openSqliteStore(path);
    expect((await again.getAnalysis(id, 'k1'))!.report).toEqual(report);
    expect((await again.getAnalysis(id, 'k2'))!.report).toEqual(report);
    const seen = [];
    for await (const r of again.iterateAnalysed('k2')) seen.push(r.report);
    expect(seen).toEqual([report]);
    await again.close();
  });

  it('refuses a database from a newer framewise', async () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    raw.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (99, 'x')");
    raw.close();
    await expect(openSqliteStore(path)).rejects.toThrow(/schema version 99.*newer/);
  });

  it('says which file is not a database', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'this is plain text, not SQLite '.repeat(200));
    await expect(openSqliteStore(path)).rejects.toThrow(/not-a-db\.db/);
  });

  it('openStore picks SQLite for paths and sqlite: URLs, and resolves the location', async () => {
    const s1 = await openStore(join(dir, 'open1.db'));
    expect(s1.kind).toBe('sqlite');
    expect(s1).toBeInstanceOf(SqliteStore);
    await s1.close();
    const s2 = await openStore(`sqlite:${join(dir, 'open2.db')}`);
    expect((s2 as SqliteStore).path).toBe(join(dir, 'open2.db'));
    await s2.close();
    expect(resolveDbLocation('a.db', { FRAMEWISE_DB: 'b.db' })).toBe('a.db');
    expect(resolveDbLocation(undefined, { FRAMEWISE_DB: 'b.db' })).toBe('b.db');
    expect(resolveDbLocation(undefined, {})).toBe('./framewise.db');
  });
});
