import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TECHNIQUE_IDS } from '../../core/taxonomy.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { STABLE_TECHNIQUES } from '../../store/test-support/analyzer.js';
import { runCli } from '../test-support/io.js';

const FIX = fileURLToPath(new URL('../../ingest/fixtures/', import.meta.url));
let dir: string;
let cfg: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-ingest-cli-'));
  cfg = join(dir, 'cfg.json');
  writeFileSync(cfg, JSON.stringify({ model: false, techniques: Object.fromEntries(TECHNIQUE_IDS.map((t) => [t, STABLE_TECHNIQUES.includes(t)])) }));
  writeFileSync(join(dir, 'a.jsonl'), ['North', 'South'].map((o, i) => JSON.stringify({ text: `A ${i ? 'vile' : 'calm'} report from the ${o}.`, outlet: o })).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('framewise ingest', () => {
  it('stores and analyses good inputs, names each bad one, exits 2, and skips everything on a rerun', async () => {
    const db = join(dir, 'fw.db');
    const r = await runCli(['ingest', '--db', db, '-c', cfg, '--tag', 'run:1', '--tag', 'src:fixtures', FIX, join(dir, 'a.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('12 of 12 files: 12 documents read, 12 new, 0 already stored, 12 analysed, 12 failed');
    expect(r.stdout).toContain(`store: ${db}`);
    expect(r.stderr).toContain(`framewise: ${join(FIX, 'corpus.csv')}:3: row has 6 fields, the header has 5`);
    expect(r.stderr).toContain(`framewise: ${join(FIX, 'binary.txt')}: looks like a binary file`);
    expect(r.stderr).toContain(`framewise: warning: ${join(FIX, 'corpus.jsonl')}:7: date "sometime soon"`);

    const again = await runCli(['ingest', '--db', db, '-c', cfg, '--json', join(dir, 'a.jsonl')]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 2, added: 0, duplicates: 2, analysed: 0, failed: 0, db });

    const store = await openSqliteStore(db);
    expect(await store.countDocuments({ tag: 'src:fixtures' })).toBe(12);
    expect((await store.listDocuments({ outlet: 'South' })).items[0]!.tags).toEqual(['run:1', 'src:fixtures']);
    await store.close();
  });

  it('uses FRAMEWISE_DB when --db is absent, and stores without analysing on --no-analyze', async () => {
    const db = join(dir, 'env.db');
    process.env.FRAMEWISE_DB = db;
    try {
      const r = await runCli(['ingest', '--no-analyze', '--outlet', 'Desk', join(dir, 'a.jsonl')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('2 new, 0 already stored, 0 analysed, 0 failed');
    } finally {
      delete process.env.FRAMEWISE_DB;
    }
    const store = await openSqliteStore(db);
    expect((await store.listDocuments()).items.map((d) => [d.outlet, d.analysed])).toEqual([
      ['South', false],
      ['North', false],
    ]);
    await store.close();
  });

  it('re-ingesting with other metadata says so; --update-metadata applies it (fields replace, tags add)', async () => {
    const db = join(dir, 'meta.db');
    const file = join(dir, 'meta.jsonl');
    writeFileSync(file, JSON.stringify({ text: 'River talks between Ostrelia and Tarvia resumed.', outlet: 'Old Desk' }) + '\n');
    expect((await runCli(['ingest', '--db', db, '--no-analyze', '--tag', 'camp:a', file])).code).toBe(0);
    writeFileSync(file, JSON.stringify({ text: 'River talks between Ostrelia and Tarvia resumed.', outlet: 'Tarvia Daily', author: 'R. Lune' }) + '\n');
    const kept = await runCli(['ingest', '--db', db, '--no-analyze', '--tag', 'camp:b', file]);
    expect(kept.stdout).toContain("1 already stored (1 with other metadata, left as stored: --update-metadata applies the input's)");
    let store = await openSqliteStore(db);
    expect((await store.listDocuments()).items[0]).toMatchObject({ outlet: 'Old Desk', author: null, tags: ['camp:a'] });
    await store.close();
    const upd = await runCli(['ingest', '--db', db, '--no-analyze', '--tag', 'camp:b', '--update-metadata', '--json', file]);
    expect(JSON.parse(upd.stdout)).toMatchObject({ duplicates: 1, updated: 1, metadataKept: 0 });
    store = await openSqliteStore(db);
    expect((await store.listDocuments()).items[0]).toMatchObject({ outlet: 'Tarvia Daily', author: 'R. Lune', tags: ['camp:a', 'camp:b'] });
    await store.close();
    // Nothing new to apply: nothing said, nothing updated.
    const same = await runCli(['ingest', '--db', db, '--no-analyze', '--tag', 'camp:b', '--update-metadata', '--json', file]);
    expect(JSON.parse(same.stdout)).toMatchObject({ duplicates: 1, updated: 0, metadataKept: 0 });
  });

  it('refuses a record whose text is not well-formed Unicode (JSON escapes), naming file and line, and stores the rest', async () => {
    const db = join(dir, 'lone.db');
    const file = join(dir, 'lone.jsonl');
    writeFileSync(file, ['{"text":"A fine line about Tarvia."}', '{"text":"A broken \\ud800 line."}', '{"text":"Fine too, from Ostrelia.","title":"x\\udfff"}', '{"text":"Last fine line."}'].join('\n') + '\n');
    const r = await runCli(['ingest', '--db', db, '--no-analyze', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`framewise: ${file}:2: field "text" is not well-formed Unicode: a lone surrogate (U+D800) at index 9`);
    expect(r.stderr).toContain(`framewise: ${file}:3: field "title" is not well-formed Unicode`);
    expect(r.stdout).toContain('2 new');
  });

  it('refuses a bad batch size and a missing path list', async () => {
    expect((await runCli(['ingest', '--db', join(dir, 'x.db'), '--batch-size', '0', FIX])).stderr).toContain('--batch-size: expected a positive integer');
    expect((await runCli(['ingest'])).code).toBe(2);
  });
});

describe('framewise ingest --threads', () => {
  it('stores first, then analyses in worker threads', async () => {
    const db = join(dir, 'threads.db');
    const r = await runCli(['ingest', '--db', db, '-c', cfg, '--threads', '1', '--json', join(dir, 'a.jsonl')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, added: 2, analysed: 2, failed: 0 });
    const store = await openSqliteStore(db);
    expect((await store.listDocuments()).items.every((d) => d.analysed)).toBe(true);
    await store.close();
    expect((await runCli(['ingest', '--db', db, '--threads', 'many', join(dir, 'a.jsonl')])).stderr).toContain('--threads: expected an integer');
  });
});
