import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articles } from '../../../bench/corpus.mjs';
import { openSqliteStore } from '../../store/sqlite.js';
import { runCli } from '../test-support/io.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-ac-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('framewise analyze-corpus', () => {
  it('analyses the stored documents in threads, then has nothing left to do', async () => {
    const db = join(dir, 'cli.db');
    const store = await openSqliteStore(db);
    await store.insertDocuments([...articles({ count: 6, bytes: 700, seed: 41 })]);
    await store.close();

    const first = await runCli(['analyze-corpus', '--db', db, '--threads', '1', '--no-model', '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ total: 6, analysed: 6, failed: [], threads: 1 });
    expect(summary.engineKey).toMatch(/\+rules$/);

    const second = await runCli(['analyze-corpus', '--db', db, '--threads', '1', '--no-model']);
    expect(second.stdout).toMatch(/^analysed 0 of 0 documents in [\d.]+ s \(0\.0 docs\/s, 1 threads\), 0 failed; engine /);
  }, 120_000);

  it('rejects bad flags with the flag named', async () => {
    const bad = await runCli(['analyze-corpus', '--db', join(dir, 'x.db'), '--threads', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threads: expected an integer from 1 to 256, got "0"/);
    expect((await runCli(['analyze-corpus', '--db', join(dir, 'x.db'), '--limit', '-3'])).stderr).toMatch(/--limit: expected a positive integer/);
  });
});
