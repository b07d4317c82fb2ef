import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missing, startPostgres, type PostgresService } from '../test-support/services.js';
import { runStoreContract } from './test-support/contract.js';
import { openStore } from './open.js';
import { openPostgresStore, PostgresStore, redactUrl } from './postgres.js';
import type { Report } from '../core/report.js';

const skip = missing('postgres');
let pg: PostgresService;

describe.skipIf(skip)('PostgreSQL store', () => {
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  // One fresh database per store keeps the contract cases independent.
  runStoreContract('postgres', async () => openPostgresStore(await pg.freshUrl()));

  describe('PostgresStore specifics', () => {
    it('openStore picks PostgreSQL for postgres:// URLs', async () => {
      const store = await openStore(await pg.createDatabase());
      expect(store.kind).toBe('postgres');
      expect(store).toBeInstanceOf(PostgresStore);
      await store.close();
    });

    it('migrates once when many processes start at the same moment', async () => {
      const url = await pg.freshUrl();
      const stores = Array.from({ length: 6 }, () => new PostgresStore(url));
      await Promise.all(stores.map((s) => s.migrate()));
      await stores[0]!.insertDocument({ text: 'Northland and Southland signed the accord on Tuesday.' });
      expect(await stores[5]!.countDocuments()).toBe(1);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refuses a database from a newer framewise', async () => {
      const url = await pg.freshUrl();
      const store = await openPostgresStore(url);
      const raw = new (await import('pg')).default.Client({ connectionString: url });
      await raw.connect();
      await raw.query("INSERT INTO schema_migrations VALUES (99, 'x')");
      await raw.end();
      await expect(store.migrate()).rejects.toThrow(/schema version 99.*newer/);
      await store.close();
    });

    it('fetches many documents at once and tells which are analysed, in one round trip each', async () => {
      const store = await openPostgresStore(await pg.freshUrl());
      const [a, b, c] = await store.insertDocuments([
        { text: 'Freedonia opened the border crossing at dawn.' },
        { text: 'Sylvania closed two ports after the storm.' },
        { text: 'The council of Northland met in the evening.' },
      ]);
      const docs = await store.getDocuments([c!.id, a!.id, 999_999, b!.id]);
      expect(docs.map((d) => d.id)).toEqual([c!.id, a!.id, b!.id]);
      expect(docs[0]!.text).toBe('The council of Northland met in the evening.');
      const report = { engine: { name: 'framewise', version: 't', rules: 'r', model: null }, findings: [] } as unknown as Report;
      await store.saveAnalyses([{ key: { documentId: b!.id, engineKey: 'k1' }, report }]);
      expect([...(await store.analysedAmong([a!.id, b!.id, c!.id], 'k1'))]).toEqual([b!.id]);
      expect((await store.analysedAmong([a!.id, b!.id], 'k2')).size).toBe(0);
      await store.close();
    });

    it('saveAnalysesIfAbsent stores only what is new, atomically, even when racing', async () => {
      const store = await openPostgresStore(await pg.freshUrl());
      const ids = (await store.insertDocuments(['one', 'two', 'three'].map((w) => ({ text: `Item ${w} from the Harbour Herald.` })))).map((r) => r.id);
      const report = (n: number) => ({ engine: { name: 'framewise', version: 't', rules: String(n), model: null }, findings: [] }) as unknown as Report;
      const items = (n: number) => ids.map((id) => ({ key: { documentId: id, engineKey: 'k' }, report: report(n) }));
      const [a, b] = await Promise.all([store.saveAnalysesIfAbsent(items(1)), store.saveAnalysesIfAbsent(items(2))]);
      expect([...a, ...b].sort()).toEqual([...ids].sort());
      const winner = a.length === 3 ? '1' : '2';
      expect((await store.getAnalysis(ids[0]!, 'k'))!.report.engine.rules).toBe(winner);
      // Existing analyses are left alone; a deleted document is skipped, not an error.
      await store.deleteDocument(ids[2]!);
      expect(await store.saveAnalysesIfAbsent(items(3))).toEqual([]);
      expect((await store.getAnalysis(ids[1]!, 'k'))!.report.engine.rules).toBe(winner);
      await store.close();
    });

    it('folds non-ASCII case in text search whatever the cluster locale', async () => {
      const store = await openPostgresStore(await pg.freshUrl());
      await store.insertDocument({ text: 'ÉLECTIONS À SYLVANIA: the ÜBER-LOYAL press cheered.' });
      expect(await store.countDocuments({ q: 'élections à' })).toBe(1);
      expect(await store.countDocuments({ q: 'über-loyal' })).toBe(1);
      await store.close();
    });

    it('says where it failed to connect, without the password', async () => {
      const store = new PostgresStore('postgres://someone:secret@127.0.0.1:1/nowhere');
      await expect(store.migrate()).rejects.toThrow(/cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/);
      await store.close();
      expect(redactUrl('not a url')).toBe('the given PostgreSQL URL');
    });
  });
});
