import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open.js';
import { asNewDocuments, loadStoryFixtures } from '../../stories/test-support/corpus.js';
import { runCli } from '../test-support/io.js';

let dir: string;
let db: string;
// The Dastra topic of the story fixtures: two events three days apart, and two unrelated reports.
const docs = loadStoryFixtures('tuning').documents.filter((d) => d.topic === 'dastra');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-stories-cli-'));
  db = join(dir, 'fw.db');
  const store = await openStore(db);
  await store.insertDocuments(asNewDocuments(docs));
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('framewise stories', () => {
  it('groups the stored documents and prints every story as JSON, with versions, facts and omissions', async () => {
    const r = await runCli(['stories', '--db', db, '--no-model', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${docs.length} documents placed: 4 new stories`);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(4);
    const sizes = out.stories.map((s: { documents: unknown[] }) => s.documents.length).sort();
    expect(sizes).toEqual([1, 1, 5, 5]);
    const talks = out.stories.find((s: { documents: Array<{ outlet: string; title: string }> }) => s.documents.some((d) => d.title === 'Almaro talks free 80 prisoners'));
    expect(talks.groups.map((g: { group: string }) => g.group)).toEqual(['dastra', 'foreign', 'korva', 'wire']);
    const knb = talks.documents.find((d: { outlet: string }) => d.outlet === 'KNB News');
    expect(knb.headline).toMatchObject({ supported: false });
    expect(knb.omits.length).toBeGreaterThan(0);
    for (const o of knb.omits) expect(o.evidence.length).toBeGreaterThanOrEqual(2);
    expect(talks.facts[0]).toMatchObject({ id: 'f1', carriedBy: 5 });
    expect(Array.isArray(out.blindSpots)).toBe(true);
  });

  it('reruns without placing anything and prints a table; --rebuild starts over', async () => {
    const r = await runCli(['stories', '--db', db, '--no-model', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^4 stories, newest 2 shown/);
    expect(r.stdout).toMatch(/omits: /);
    expect(r.stdout).toMatch(/misleading headline: "Almaro talks free 80 prisoners": "80" appears in no version's body/);
    const again = await runCli(['stories', '--db', db, '--no-model', '--rebuild', '--format', 'json']);
    expect(again.stderr).toContain('forgot 4 stored stories');
    expect(JSON.parse(again.stdout).total).toBe(4);
  });

  it('keeps to --since', async () => {
    const r = await runCli(['stories', '--db', db, '--no-model', '--since', '2024-05-09', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.stories.every((s: { lastAt: string }) => s.lastAt >= '2024-05-09')).toBe(true);
    expect(out.total).toBe(1);
  });

  it.each([
    [['--window', 'soon'], /--window: expected a number and a unit/],
    [['--since', 'last week'], /--since: expected a date/],
    [['--limit', '0'], /--limit: expected an integer/],
    [['--threshold', '2'], /--threshold: expected a number between 0 and 1/],
  ])('%s is a user error', async (args, message) => {
    const r = await runCli(['stories', '--db', db, '--no-model', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
