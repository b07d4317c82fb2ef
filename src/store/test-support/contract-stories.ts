import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDocument, Store } from '../types.js';

/**
 * The story part of the store contract (src/store/contract.ts runs it for every implementation).
 * Semantics pinned here:
 * - a document belongs to at most one story: a second assignment is skipped, not an error;
 * - members come back by document id ascending, with their scores;
 * - listStories orders by the latest document date, newest first, undated last, then id descending;
 *   `from` keeps stories whose last date is on or after it, `to` those whose first date is on or
 *   before it at the precision given, `q` is a case-insensitive substring of the title;
 * - deleting a document removes it from its story; a story left without documents is not listed;
 * - iterateDocuments yields documents with their text in id order across pages, for a filter.
 */
export function runStoryStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Story store contract: ${name}`, () => {
    let store: Store;
    let ids: number[];
    const docs: NewDocument[] = [
      { text: 'Korvani artillery shelled the Dastra valley on Monday.', outlet: 'Meridian Wire', publishedAt: '2024-05-06T09:00:00Z', tags: ['camp:wire'] },
      { text: 'About 120,000 residents fled the Dastra valley, officials said.', outlet: 'Velin Courier', publishedAt: '2024-05-07', tags: ['camp:dastra'] },
      { text: 'Envoys met in Almaro for ceasefire talks on Thursday.', outlet: 'Korva Today', publishedAt: '2024-05-09T18:00:00Z', tags: ['camp:korva'] },
      { text: 'Velin United beat Korva City in the cup semi-final.', outlet: 'Velin Courier' },
    ];

    beforeEach(async () => {
      store = await makeStore();
      ids = (await store.insertDocuments(docs)).map((r) => r.id);
    });
    afterEach(async () => {
      await store.close();
    });

    const twoStories = async () =>
      store.saveStories({
        create: [
          { title: 'Dastra valley shelling', firstAt: '2024-05-06T09:00:00Z', lastAt: '2024-05-07', members: [{ documentId: ids[1]!, score: 0.5 }, { documentId: ids[0]!, score: 1 }] },
          { title: 'Almaro talks', firstAt: '2024-05-09T18:00:00Z', lastAt: '2024-05-09T18:00:00Z', members: [{ documentId: ids[2]!, score: 1 }] },
        ],
        update: [],
      });

    it('creates stories and reads them back with their members by document id', async () => {
      const [a, b] = await twoStories();
      expect(a).toBeGreaterThan(0);
      expect(b).not.toBe(a);
      const got = await store.getStory(a!);
      expect(got).toMatchObject({ id: a, title: 'Dastra valley shelling', firstAt: '2024-05-06T09:00:00Z', lastAt: '2024-05-07' });
      expect(got!.members).toEqual([{ documentId: ids[0], score: 1 }, { documentId: ids[1], score: 0.5 }]);
      expect(Number.isNaN(Date.parse(got!.createdAt))).toBe(false);
      expect(await store.getStory(a! + b! + 1000)).toBeNull();
      expect(await store.storyOf()).toEqual(new Map([[ids[0], a], [ids[1], a], [ids[2], b]]));
      expect(await store.storyOf([ids[2]!, ids[3]!, 999_999])).toEqual(new Map([[ids[2], b]]));
    });

    it('adds documents to a story, keeps one story per document, and skips missing stories and documents', async () => {
      const [a, b] = await twoStories();
      await store.saveStories({
        create: [{ title: 'Stolen', firstAt: null, lastAt: null, members: [{ documentId: ids[0]!, score: 0.9 }] }],
        update: [
          { id: b!, title: 'Almaro talks and the cup', firstAt: '2024-05-09T18:00:00Z', lastAt: '2024-05-09T18:00:00Z', add: [{ documentId: ids[3]!, score: 0.3 }, { documentId: ids[1]!, score: 0.4 }, { documentId: 999_999, score: 0.2 }] },
          { id: a! + b! + 1000, title: 'gone', firstAt: null, lastAt: null, add: [{ documentId: ids[3]!, score: 0.1 }] },
        ],
      });
      const story = await store.getStory(b!);
      expect(story!.title).toBe('Almaro talks and the cup');
      expect(story!.members).toEqual([{ documentId: ids[2], score: 1 }, { documentId: ids[3], score: 0.3 }]);
      expect((await store.storyOf([ids[0]!, ids[1]!])).get(ids[0]!)).toBe(a);
      expect((await store.storyOf([ids[1]!])).get(ids[1]!)).toBe(a);
      // The story that got no document is not listed.
      expect((await store.listStories()).items.map((s) => s.title)).not.toContain('Stolen');
    });

    it('lists newest first and filters by dates, title and document', async () => {
      const [a, b] = await twoStories();
      const [c] = await store.saveStories({ create: [{ title: 'Cup semi-final', firstAt: null, lastAt: null, members: [{ documentId: ids[3]!, score: 1 }] }], update: [] });
      const all = await store.listStories();
      expect(all.total).toBe(3);
      expect(all.items.map((s) => s.id)).toEqual([b, a, c]);
      const idsOf = async (f: Parameters<Store['listStories']>[0]) => (await store.listStories(f)).items.map((s) => s.id);
      expect(await idsOf({ from: '2024-05-08' })).toEqual([b]);
      expect(await idsOf({ to: '2024-05-06' })).toEqual([a]);
      expect(await idsOf({ from: '2024-05-07', to: '2024-05-09' })).toEqual([b, a]);
      expect(await idsOf({ q: 'DASTRA' })).toEqual([a]);
      expect(await idsOf({ documentId: ids[2]! })).toEqual([b]);
      expect(await idsOf({ documentId: 999_999 })).toEqual([]);
      const page = await store.listStories({}, { limit: 1, offset: 1 });
      expect(page).toMatchObject({ total: 3 });
      expect(page.items.map((s) => s.id)).toEqual([a]);
      await expect(store.listStories({}, { limit: 0 })).rejects.toThrow(/limit/);
    });

    it('drops a deleted document from its story, and the story once it is empty', async () => {
      const [a, b] = await twoStories();
      await store.deleteDocument(ids[0]!);
      expect((await store.getStory(a!))!.members.map((m) => m.documentId)).toEqual([ids[1]]);
      await store.deleteDocument(ids[2]!);
      expect(await store.getStory(b!)).toBeNull();
      expect((await store.listStories()).items.map((s) => s.id)).toEqual([a]);
    });

    it('deletes every story and leaves the documents', async () => {
      await twoStories();
      expect(await store.deleteStories()).toBe(2);
      expect((await store.listStories()).total).toBe(0);
      expect(await store.storyOf()).toEqual(new Map());
      expect(await store.countDocuments()).toBe(docs.length);
    });

    it('iterates documents with their text in id order across pages', async () => {
      const seen: Array<[number, string]> = [];
      for await (const d of store.iterateDocuments(undefined, 3)) seen.push([d.id, d.text]);
      expect(seen).toEqual(ids.map((id, i) => [id, docs[i]!.text]));
      const from: number[] = [];
      for await (const d of store.iterateDocuments({ from: '2024-05-07' }, 1)) from.push(d.id);
      expect(from).toEqual([ids[1], ids[2]]);
      const none: number[] = [];
      for await (const d of store.iterateDocuments({ ids: [] })) none.push(d.id);
      expect(none).toEqual([]);
    });
  });
}
