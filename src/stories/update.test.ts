import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../store/postgres.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { NewDocument, Store } from '../store/types.js';
import { missing, startPostgres, type PostgresService } from '../test-support/services.js';
import { parseDate, parseWindow, spanOf, updateStories } from './update.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-stories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// Written for this test: one event in three versions, a later development, an unrelated text.
const SHELLING: NewDocument[] = [
  { title: 'Shelling empties Dastra valley', outlet: 'Meridian Wire', tags: ['camp:wire'], publishedAt: '2024-05-06T09:00:00Z', text: 'Korvani artillery shelled hamlets in the Dastra valley on Monday, and about 120,000 residents fled towards Velin, officials said. A school in Orlen was hit.' },
  { title: 'Guns drive 120,000 from Dastra valley', outlet: 'Dastrian Voice', tags: ['camp:dastra'], publishedAt: '2024-05-06T20:00:00Z', text: 'Korvani guns pounded the hamlets of the Dastra valley on Monday, forcing 120,000 residents to flee to Velin. Monitors said a school in Orlen was struck.' },
  { title: 'Army answers raid', outlet: 'Korva Today', tags: ['camp:korva'], publishedAt: '2024-05-07T08:00:00Z', text: 'Korvani artillery struck militia positions in the Dastra valley hamlets on Monday after a raid on a border post. Some residents left for Velin.' },
];
const LATER: NewDocument = { title: 'More flee the Dastra valley', outlet: 'Velin Courier', tags: ['camp:dastra'], publishedAt: '2024-05-07T18:00:00Z', text: 'Residents kept arriving in Velin from the Dastra valley hamlets on Tuesday after Monday\'s Korvani shelling; officials counted 120,000.' };
const OTHER: NewDocument = { title: 'Cup semi-final', outlet: 'Velin Courier', tags: ['camp:dastra'], publishedAt: '2024-05-07T21:00:00Z', text: 'Velin United beat Korva City 2-1 in the cup semi-final on Wednesday night in front of a half-empty stadium.' };

function runUpdateTests(name: string, makeStore: () => Promise<Store>): void {
  describe(`updateStories (${name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(() => store.close());

    it('groups stored documents into stories, with titles from shared phrases and a time span', async () => {
      const ids = (await store.insertDocuments([...SHELLING, OTHER])).map((r) => r.id);
      const r = await updateStories(store);
      expect(r).toMatchObject({ read: 4, assigned: 4 });
      expect(r.created).toHaveLength(2);
      const { items } = await store.listStories();
      const shelling = items.find((s) => s.members.length === 3)!;
      expect(shelling.members.map((m) => m.documentId)).toEqual(ids.slice(0, 3));
      expect(shelling).toMatchObject({ firstAt: '2024-05-06T09:00:00Z', lastAt: '2024-05-07T08:00:00Z' });
      expect(shelling.title).toMatch(/Dastra valley/);
      expect(items.find((s) => s.members.length === 1)!.title).toBe('Cup semi-final');
    });

    it('is incremental: a rerun writes nothing, new documents join the stored story', async () => {
      await store.insertDocuments(SHELLING);
      await updateStories(store);
      const before = (await store.listStories()).items;
      expect(await updateStories(store)).toMatchObject({ assigned: 0, created: [], updated: [] });
      expect((await store.listStories()).items).toEqual(before);

      const later = (await store.insertDocument(LATER)).id;
      const r = await updateStories(store);
      expect(r).toMatchObject({ assigned: 1, created: [], updated: [before[0]!.id] });
      const after = (await store.getStory(before[0]!.id))!;
      expect(after.members.map((m) => m.documentId)).toContain(later);
      expect(after.lastAt).toBe('2024-05-07T18:00:00Z');
    });

    it('with since, assigns only documents from that date, using earlier stories as context', async () => {
      await store.insertDocuments(SHELLING.slice(0, 2));
      await updateStories(store);
      const [story] = (await store.listStories()).items;
      await store.insertDocuments([SHELLING[2]!, OTHER]);
      // The cup report (2024-05-07T21:00) is after since; so is the Korva Today version.
      const r = await updateStories(store, { since: '2024-05-07' });
      expect(r.assigned).toBe(2);
      expect((await store.getStory(story!.id))!.members).toHaveLength(3);
    });

    it('reads only the neighbourhood in time of the documents without a story', async () => {
      const far: NewDocument = { ...OTHER, text: 'A ferry strike closed the port of Selm for a day.', publishedAt: '2024-09-01T10:00:00Z' };
      await store.insertDocuments([...SHELLING, far]);
      await updateStories(store);
      const r = await updateStories(store).then(async () => {
        await store.insertDocument({ ...far, text: 'Ferry workers in Selm went back to work after a one-day strike.', publishedAt: '2024-09-02T08:00:00Z' });
        return updateStories(store);
      });
      // The September document and its neighbour, not the May story.
      expect(r).toMatchObject({ read: 2, assigned: 1 });
    });
  });
}

runUpdateTests('sqlite', async () => openSqliteStore(join(dir, `u-${n++}.db`)));

describe.skipIf(missing('postgres'))('on PostgreSQL', () => {
  let pg: PostgresService;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });
  runUpdateTests('postgres', async () => openPostgresStore(await pg.freshUrl()));
});

describe('windows, dates and spans', () => {
  it('says what is wrong with a window or date', async () => {
    const store = await openSqliteStore(join(dir, `u-${n++}.db`));
    expect(parseWindow('3d')).toBe(3 * 86_400_000);
    expect(parseWindow('36h')).toBe(36 * 3_600_000);
    expect(parseWindow('1w')).toBe(7 * 86_400_000);
    expect(() => parseWindow('3 days')).toThrow(/--window: expected a number and a unit/);
    expect(() => parseWindow('0d')).toThrow(/more than zero/);
    expect(() => parseDate('yesterday', 'since')).toThrow(/--since: expected a date/);
    await expect(updateStories(store, { window: 'soon' })).rejects.toThrow(/--window/);
    await store.close();
  });

  it('spans dated documents only', () => {
    expect(spanOf([{ publishedAt: null }, { publishedAt: '2024-05-07' }, { publishedAt: '2024-05-06T10:00:00Z' }])).toEqual({ firstAt: '2024-05-06T10:00:00Z', lastAt: '2024-05-07' });
    expect(spanOf([{ publishedAt: null }])).toEqual({ firstAt: null, lastAt: null });
  });
});
