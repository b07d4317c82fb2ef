/**
 * Disk per stored article in SQLite (reports deflated) and PostgreSQL (reports as jsonb, TOAST),
 * for the same generated 5 KB articles analysed with the default engine (rules, layers, model).
 * Usage: npx tsx bench/store-disk.ts [--docs 2000]. Starts its own PostgreSQL (Debian packages).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Analyzer } from '../src/analysis/analyzer.js';
import { openStore } from '../src/store/open.js';
import { engineKeyOf, type Store } from '../src/store/types.js';
import { startPostgres } from '../src/test-support/services.js';
import { article, rng } from './corpus.mjs';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' } } });
const n = Number(values.docs);
const r = rng(2026);
const texts = Array.from({ length: n }, () => article(r, 5000));
const textBytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const analyzer = new Analyzer();
const reports = texts.map((t) => analyzer.analyze(t));
const engineKey = engineKeyOf(analyzer.engine);

async function fill(store: Store): Promise<void> {
  await store.migrate();
  for (let i = 0; i < n; i += 200) {
    const ids = await store.insertDocuments(texts.slice(i, i + 200).map((text) => ({ text, outlet: 'Bench Herald' })));
    await store.saveAnalyses(ids.map((x, k) => ({ key: { documentId: x.id, engineKey }, report: reports[i + k]! })));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'framewise-disk-'));
const pgService = await startPostgres();
try {
  const file = join(dir, 'disk.db');
  const sqlite = await openStore(file);
  await fill(sqlite);
  await sqlite.close();
  const sqliteBytes = statSync(file).size;

  const url = await pgService.createDatabase();
  const store = await openStore(url);
  await fill(store);
  await store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  const size = async (sql: string) => Number((await client.query(sql)).rows[0].n);
  const pgDb = await size('SELECT pg_database_size(current_database()) AS n');
  const pgDocs = await size("SELECT pg_total_relation_size('documents') AS n");
  const pgAnalyses = await size("SELECT pg_total_relation_size('analyses') AS n");
  await client.end();

  const kb = (b: number) => Math.round(b / n / 100) / 10;
  console.log(
    JSON.stringify(
      {
        docs: n,
        textKBPerDoc: kb(textBytes),
        sqliteKBPerDoc: kb(sqliteBytes),
        postgres: { databaseKBPerDoc: kb(pgDb), documentsKBPerDoc: kb(pgDocs), analysesKBPerDoc: kb(pgAnalyses) },
      },
      null,
      2,
    ),
  );
} finally {
  await pgService.stop();
  rmSync(dir, { recursive: true, force: true });
}
