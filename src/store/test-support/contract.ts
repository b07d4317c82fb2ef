import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../analysis/analyzer.js';
import type { Report } from '../../core/report.js';
import { contentHash, countWords } from '../common.js';
import { runStoryStoreContract } from './contract-stories.js';
import { serialiseReport } from '../encoding.js';
import { stableAnalyzer } from './analyzer.js';
import { engineKeyOf, type NewDocument, type Store } from '../types.js';

/**
 * The one contract every Store implementation must meet. Call it from a test file with a factory
 * that returns a fresh, EMPTY, migrated store each time (it is called before every test):
 *
 *   runStoreContract('sqlite', async () => openSqliteStore(join(tmp(), 'a.db')));
 *
 * Semantics pinned here (implementations must agree):
 * - identical text (byte for byte) is stored once; the second insert returns the first id with
 *   created=false and does not change its metadata;
 * - tags come back trimmed, unique and sorted; absent metadata comes back as null;
 * - listDocuments orders newest first (id descending); iterateAnalysed and
 *   documentsNeedingAnalysis order by id ascending;
 * - filter `q` is a case-insensitive substring of title or text; `from` is inclusive; `to` is
 *   inclusive at the precision given (to=2024-03-02 keeps 2024-03-02T18:00); an empty `ids`
 *   list matches nothing;
 * - `analysed` in a summary means the document has at least one stored analysis.
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  runStoryStoreContract(name, makeStore);
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let analyzer: Analyzer;
    const reportOf = (text: string): Report => analyzer.analyze(text);

    beforeAll(() => {
      analyzer = stableAnalyzer();
    });
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const docs: NewDocument[] = [
      {
        text: 'Freedonia opens the river locks after talks.\n\nOfficials from both capitals met on Tuesday.',
        title: 'Locks reopen',
        outlet: 'Meridian Wire',
        author: 'Ana Ortiz',
        publishedAt: '2024-03-01',
        url: 'https://example.test/a',
        language: 'en',
        tags: ['camp:neutral', 'topic:river'],
        origin: 'a.txt:1',
      },
      {
        text: 'The despicable Sylvanian regime lies again, as everyone knows.',
        title: 'Regime lies',
        outlet: 'Freedonian Herald',
        author: 'B. Kurz',
        publishedAt: '2024-03-02T18:00:00Z',
        tags: ['camp:freedonia'],
      },
      {
        text: 'The shameful Freedonian junta stole our valley. Über alles? No: État de droit!',
        title: 'Valley stolen',
        outlet: 'Sylvanian Voice',
        author: 'C. Mara',
        publishedAt: '2024-03-03',
        tags: ['camp:sylvania', ' topic:river '],
      },
    ];

    it('migrate is idempotent', async () => {
      await store.migrate();
      await store.migrate();
      expect(await store.countDocuments()).toBe(0);
    });

    it('round-trips a document with all metadata, hash, words and clean tags', async () => {
      const r = await store.insertDocument({ ...docs[0]!, tags: [' topic:river', 'camp:neutral', 'topic:river', ''] });
      expect(r.created).toBe(true);
      const got = await store.getDocument(r.id);
      expect(got).not.toBeNull();
      expect(got).toMatchObject({
        id: r.id,
        hash: contentHash(docs[0]!.text),
        text: docs[0]!.text,
        title: 'Locks reopen',
        outlet: 'Meridian Wire',
        author: 'Ana Ortiz',
        publishedAt: '2024-03-01',
        url: 'https://example.test/a',
        language: 'en',
        origin: 'a.txt:1',
        tags: ['camp:neutral', 'topic:river'],
        words: countWords(docs[0]!.text),
      });
      expect(got!.words).toBe(14);
      expect(Number.isNaN(Date.parse(got!.createdAt))).toBe(false);
      expect(await store.getDocumentByHash(contentHash(docs[0]!.text))).toEqual(got);
    });

    it('returns null for absent metadata and missing documents', async () => {
      const r = await store.insertDocument({ text: 'Only a text, nothing else.' });
      const got = await store.getDocument(r.id);
      expect(got).toMatchObject({ title: null, outlet: null, author: null, publishedAt: null, url: null, language: null, origin: null, tags: [] });
      expect(await store.getDocument(r.id + 999)).toBeNull();
      expect(await store.getDocumentByHash(contentHash('never stored'))).toBeNull();
    });

    it('keeps non-ASCII text exactly', async () => {
      const text = 'Sylvania’s “river” 🌊 — نهر — État. Ωmega\r\nsecond line';
      const r = await store.insertDocument({ text, title: 'Ünïcode' });
      expect((await store.getDocument(r.id))!.text).toBe(text);
      expect((await store.getDocument(r.id))!.title).toBe('Ünïcode');
    });

    it('treats q literally: % and _ are not wildcards', async () => {
      const a = await store.insertDocument({ text: 'Prices rose 50% overnight.' });
      await store.insertDocument({ text: 'Prices rose 500 overnight.' });
      await store.insertDocument({ text: 'A snake_case word.' });
      expect((await store.listDocuments({ q: '50%' })).items.map((d) => d.id)).toEqual([a.id]);
      expect(await store.countDocuments({ q: 'e_c' })).toBe(1);
      expect(await store.countDocuments({ q: '%' })).toBe(1);
      await expect(store.listDocuments({}, { limit: 1001 })).rejects.toThrow(/limit/);
    });

    it('stores identical text once and keeps the first metadata', async () => {
      const a = await store.insertDocument(docs[1]!);
      const b = await store.insertDocument({ ...docs[1]!, outlet: 'Other Outlet', tags: ['x'] });
      expect(b).toEqual({ id: a.id, created: false });
      expect((await store.getDocument(a.id))!.outlet).toBe('Freedonian Herald');
      expect(await store.countDocuments()).toBe(1);
      // A one-character difference is a different document.
      const c = await store.insertDocument({ text: docs[1]!.text + ' ' });
      expect(c.created).toBe(true);
      expect(c.id).not.toBe(a.id);
    });

    it('inserts a batch in order, deduping within the batch and against the store', async () => {
      const first = await store.insertDocument(docs[0]!);
      const res = await store.insertDocuments([docs[1]!, docs[0]!, docs[2]!, docs[1]!]);
      expect(res.map((r) => r.created)).toEqual([true, false, true, false]);
      expect(res[1]!.id).toBe(first.id);
      expect(res[3]!.id).toBe(res[0]!.id);
      expect(await store.countDocuments()).toBe(3);
    });

    it('rejects a batch with an empty text and stores none of it', async () => {
      await expect(store.insertDocuments([docs[0]!, { text: '   ' }])).rejects.toThrow(/empty/);
      expect(await store.countDocuments()).toBe(0);
      await expect(store.insertDocument({ text: '' })).rejects.toThrow(/empty/);
    });

    describe('with three documents', () => {
      let ids: number[];
      beforeEach(async () => {
        ids = (await store.insertDocuments(docs)).map((r) => r.id);
      });

      it('lists newest first with total, limit and offset', async () => {
        const all = await store.listDocuments();
        expect(all.total).toBe(3);
        expect(all.items.map((d) => d.id)).toEqual([...ids].reverse());
        expect('text' in all.items[0]!).toBe(false);
        const page = await store.listDocuments({}, { limit: 1, offset: 1 });
        expect(page.total).toBe(3);
        expect(page.items.map((d) => d.id)).toEqual([ids[1]]);
        expect((await store.listDocuments({}, { limit: 5, offset: 10 })).items).toEqual([]);
        await expect(store.listDocuments({}, { limit: 0 })).rejects.toThrow(/limit/);
        await expect(store.listDocuments({}, { offset: -1 })).rejects.toThrow(/offset/);
      });

      it('filters by outlet, author, tag, text, dates and ids', async () => {
        const idsOf = async (f: Parameters<Store['listDocuments']>[0]) => (await store.listDocuments(f)).items.map((d) => d.id).sort((a, b) => a - b);
        expect(await idsOf({ outlet: 'Freedonian Herald' })).toEqual([ids[1]]);
        expect(await idsOf({ author: 'C. Mara' })).toEqual([ids[2]]);
        expect(await idsOf({ tag: 'topic:river' })).toEqual([ids[0], ids[2]]);
        expect(await idsOf({ tag: 'camp:none' })).toEqual([]);
        expect(await idsOf({ q: 'REGIME' })).toEqual([ids[1]]);
        expect(await idsOf({ q: 'locks reopen' })).toEqual([ids[0]]);
        expect(await idsOf({ q: 'état' })).toEqual([ids[2]]);
        expect(await idsOf({ from: '2024-03-02' })).toEqual([ids[1], ids[2]]);
        expect(await idsOf({ to: '2024-03-02' })).toEqual([ids[0], ids[1]]);
        expect(await idsOf({ from: '2024-03-02', to: '2024-03-02' })).toEqual([ids[1]]);
        expect(await idsOf({ ids: [ids[2]!, ids[0]!, 99999] })).toEqual([ids[0], ids[2]]);
        expect(await idsOf({ ids: [] })).toEqual([]);
        expect(await idsOf({ tag: 'topic:river', outlet: 'Sylvanian Voice' })).toEqual([ids[2]]);
        expect(await store.countDocuments({ tag: 'topic:river' })).toBe(2);
        expect(await store.countDocuments({ ids: [] })).toBe(0);
      });

      it('saves, replaces and reads analyses per engine key', async () => {
        const report = reportOf(docs[1]!.text);
        const key = engineKeyOf(report.engine);
        await store.saveAnalysis({ documentId: ids[1]!, engineKey: key }, report);
        const got = await store.getAnalysis(ids[1]!, key);
        expect(got!.report).toEqual(report);
        expect(got!.documentId).toBe(ids[1]);
        expect(got!.engineKey).toBe(key);
        expect(Number.isNaN(Date.parse(got!.createdAt))).toBe(false);
        expect(await store.getAnalysis(ids[1]!, 'other-engine')).toBeNull();

        const changed = { ...report, ratePer1000Words: 123.5 };
        await store.saveAnalysis({ documentId: ids[1]!, engineKey: key }, changed);
        expect((await store.getAnalysis(ids[1]!, key))!.report.ratePer1000Words).toBe(123.5);
        await store.saveAnalysis({ documentId: ids[1]!, engineKey: 'v2' }, report);
        expect((await store.getAnalysis(ids[1]!, key))!.report.ratePer1000Words).toBe(123.5);
        expect((await store.getAnalysis(ids[1]!, 'v2'))!.report).toEqual(report);

        await expect(store.saveAnalysis({ documentId: 999999, engineKey: key }, report)).rejects.toThrow(/999999/);
      });

      it('saves reports serialised by analysis threads, in its own encoding or the other', async () => {
        const report = reportOf(docs[2]!.text);
        const other = store.reportEncoding === 'json' ? 'deflate' : 'json';
        await store.saveAnalyses([
          { key: { documentId: ids[2]!, engineKey: 'own' }, report: serialiseReport(report, store.reportEncoding) },
          { key: { documentId: ids[2]!, engineKey: 'other' }, report: serialiseReport(report, other) },
        ]);
        expect((await store.getAnalysis(ids[2]!, 'own'))!.report).toEqual(report);
        expect((await store.getAnalysis(ids[2]!, 'other'))!.report).toEqual(report);
      });

      it('tracks which documents need analysis for an engine key', async () => {
        expect(await store.documentsNeedingAnalysis('k1')).toEqual(ids);
        await store.saveAnalyses(ids.slice(0, 2).map((id) => ({ key: { documentId: id, engineKey: 'k1' }, report: reportOf(docs[0]!.text) })));
        expect(await store.documentsNeedingAnalysis('k1')).toEqual([ids[2]]);
        expect(await store.documentsNeedingAnalysis('k2')).toEqual(ids);
        expect(await store.documentsNeedingAnalysis('k2', { tag: 'topic:river' })).toEqual([ids[0], ids[2]]);
        expect(await store.documentsNeedingAnalysis('k2', undefined, 1)).toEqual([ids[0]]);
        const list = await store.listDocuments();
        expect(list.items.map((d) => d.analysed)).toEqual([false, true, true]);
      });

      it('rolls back a batch of analyses when one document is missing', async () => {
        const report = reportOf(docs[0]!.text);
        await expect(
          store.saveAnalyses([
            { key: { documentId: ids[0]!, engineKey: 'k' }, report },
            { key: { documentId: 999999, engineKey: 'k' }, report },
          ]),
        ).rejects.toThrow(/999999/);
        expect(await store.getAnalysis(ids[0]!, 'k')).toBeNull();
      });

      it('updates metadata, never the text: given fields replace, null clears, tags replace, the rest stays', async () => {
        await store.saveAnalysis({ documentId: ids[1]!, engineKey: 'k' }, reportOf(docs[1]!.text));
        const before = (await store.getDocument(ids[1]!))!;
        const after = await store.updateDocument(ids[1]!, { outlet: '  Corrected Outlet ', author: null, tags: ['camp:b', ' camp:a', 'camp:b'] });
        expect(after).toEqual({ ...before, outlet: 'Corrected Outlet', author: null, tags: ['camp:a', 'camp:b'] });
        expect(await store.getDocument(ids[1]!)).toEqual(after);
        expect(await store.countDocuments({ outlet: 'Corrected Outlet' })).toBe(1);
        expect(await store.countDocuments({ tag: 'camp:freedonia' })).toBe(0);
        expect(await store.countDocuments({ tag: 'camp:a' })).toBe(1);
        // The analysis stays: the text (and so its hash) did not change.
        expect(await store.getAnalysis(ids[1]!, 'k')).not.toBeNull();
        // Nothing given changes nothing; a missing document is null; other documents are untouched.
        expect(await store.updateDocument(ids[1]!, {})).toEqual(after);
        expect(await store.updateDocument(ids[2]! + 999, { title: 'x' })).toBeNull();
        expect((await store.getDocument(ids[0]!))!.outlet).toBe('Meridian Wire');
        expect((await store.updateDocument(ids[0]!, { title: '', tags: [] }))!).toMatchObject({ title: null, tags: [], outlet: 'Meridian Wire' });
        await expect(store.updateDocument(ids[0]!, { title: 'lone \uD800 surrogate' })).rejects.toThrow(/title is not well-formed Unicode/);
      });

      it('refuses text or metadata that is not well-formed Unicode, storing none of the batch', async () => {
        await expect(store.insertDocuments([{ text: 'fine text here' }, { text: 'broken \uDC00 text' }])).rejects.toThrow(/document 1: document text is not well-formed Unicode: a lone surrogate \(U\+DC00\) at index 7/);
        await expect(store.insertDocument({ text: 'fine', outlet: '\uD83D' })).rejects.toThrow(/outlet is not well-formed/);
        expect(await store.countDocuments()).toBe(3);
      });

      it('deletes a document with its analyses', async () => {
        await store.saveAnalysis({ documentId: ids[0]!, engineKey: 'k' }, reportOf(docs[0]!.text));
        expect(await store.deleteDocument(ids[0]!)).toBe(true);
        expect(await store.deleteDocument(ids[0]!)).toBe(false);
        expect(await store.getDocument(ids[0]!)).toBeNull();
        expect(await store.getAnalysis(ids[0]!, 'k')).toBeNull();
        expect(await store.countDocuments({ tag: 'topic:river' })).toBe(1);
        // The same text can be stored again after deletion.
        expect((await store.insertDocument(docs[0]!)).created).toBe(true);
      });
    });

    it('streams analysed documents in id order across batches, for one engine key and filter', async () => {
      const many: NewDocument[] = Array.from({ length: 7 }, (_, i) => ({
        text: `Report number ${i} on the river valley. ${i % 2 ? 'Outrageous!' : 'Calm.'}`,
        outlet: i % 2 ? 'Odd Outlet' : 'Even Outlet',
        tags: [i % 2 ? 'odd' : 'even'],
      }));
      const ids = (await store.insertDocuments(many)).map((r) => r.id);
      const reports = many.map((d) => reportOf(d.text));
      await store.saveAnalyses(ids.filter((_, i) => i !== 3).map((id, j) => ({ key: { documentId: id, engineKey: 'k' }, report: reports[j >= 3 ? j + 1 : j]! })));
      await store.saveAnalysis({ documentId: ids[3]!, engineKey: 'other' }, reports[3]!);

      const seen: number[] = [];
      for await (const { doc, report } of store.iterateAnalysed('k', undefined, 2)) {
        seen.push(doc.id);
        expect(doc.analysed).toBe(true);
        expect('text' in doc).toBe(false);
        expect(report).toEqual(reports[ids.indexOf(doc.id)]);
      }
      expect(seen).toEqual(ids.filter((_, i) => i !== 3));

      const odd: number[] = [];
      for await (const { doc } of store.iterateAnalysed('k', { tag: 'odd' }, 1)) odd.push(doc.id);
      expect(odd).toEqual([ids[1], ids[5]]);
      const none: number[] = [];
      for await (const { doc } of store.iterateAnalysed('missing-key')) none.push(doc.id);
      expect(none).toEqual([]);
    });
  });
}
