import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asNewDocuments, loadStoryFixtures } from '../../stories/test-support/corpus.js';
import { testApp, type TestApp } from '../test-support/harness.js';

let t: TestApp;
// The Dastra topic of the story fixtures (written for framewise): two events and two unrelated reports.
const docs = loadStoryFixtures('tuning').documents.filter((d) => d.topic === 'dastra');

beforeAll(async () => {
  t = await testApp();
  await t.store.insertDocuments(asNewDocuments(docs));
  // Reads never analyse: the versions' analyses come from the authorised call.
  expect((await t.app.inject({ method: 'POST', url: '/api/analyses', payload: { limit: 500 } })).json().remaining).toBe(0);
});
afterAll(() => t?.close());

describe('GET /api/stories', () => {
  it('places the stored documents in stories and lists them with versions, facts and omissions', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/stories' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 4, limit: 20, offset: 0 });
    const shelling = body.items.find((s: { documents: Array<{ outlet: string }> }) => s.documents.length === 5 && s.documents.some((d) => d.outlet === 'Velin Courier'));
    expect(Object.keys(shelling).sort()).toEqual(['blindSpots', 'documents', 'facts', 'firstAt', 'groups', 'id', 'lastAt', 'title']);
    for (const d of shelling.documents) expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'group', 'shares', 'only', 'omits']));
    const korva = shelling.documents.find((d: { outlet: string }) => d.outlet === 'Korva Today');
    expect(korva.group).toBe('korva');
    const omitted = korva.omits.map((o: { text: string }) => o.text).join(' | ');
    expect(omitted).toMatch(/school in Orlen/);
    // "Some residents left" is the 120,000 who fled, changed.
    const fled = shelling.facts.find((f: { numbers: string[] }) => f.numbers.some((n) => n.includes('120,000')));
    expect(fled.cells.find((c: { documentId: number }) => c.documentId === korva.id)).toMatchObject({ status: 'changed', text: expect.stringMatching(/Some residents left/) });
    // A second request finds nothing new to place and the same stories.
    const again = (await t.app.inject({ method: 'GET', url: '/api/stories' })).json();
    expect(again.items.map((s: { id: number }) => s.id)).toEqual(body.items.map((s: { id: number }) => s.id));
  });

  it('filters by date, title and document, and pages', async () => {
    const since = (await t.app.inject({ method: 'GET', url: '/api/stories?from=2024-05-09' })).json();
    expect(since.total).toBe(1);
    const one = (await t.app.inject({ method: 'GET', url: '/api/stories?limit=1&offset=1' })).json();
    expect(one).toMatchObject({ total: 4, limit: 1, offset: 1 });
    expect(one.items).toHaveLength(1);
    const { items } = await t.store.listDocuments({ outlet: 'KNB News' });
    const byDoc = (await t.app.inject({ method: 'GET', url: `/api/stories?document=${items[0]!.id}` })).json();
    expect(byDoc.items[0].documents.map((d: { outlet: string }) => d.outlet)).toContain('KNB News');
    const bySide = (await t.app.inject({ method: 'GET', url: '/api/stories?tagPrefix=none:' })).json();
    expect(bySide.items[0].groups.map((g: { group: string }) => g.group)).not.toContain('wire');
  });

  it.each([
    ['/api/stories?limit=0', 'query.limit'],
    ['/api/stories?from=soon', 'query.from'],
    ['/api/stories?colour=red', 'query'],
    ['/api/stories/abc', 'params.id'],
  ])('%s is a 400 naming %s', async (url, field) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message.startsWith(field)).toBe(true);
  });
});

describe('GET /api/stories/:id', () => {
  it('returns one story, and 404 for a missing one', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/stories' })).json();
    const id = list.items[0].id;
    const res = await t.app.inject({ method: 'GET', url: `/api/stories/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(list.items[0]);
    const missing = await t.app.inject({ method: 'GET', url: '/api/stories/99999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/story 99999/);
  });
});

describe('GET /api/stories/blind-spots', () => {
  it('lists, per group, the facts its versions leave out across stories', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/stories/blind-spots' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.stories).toBe(4);
    const korva = body.groups.find((g: { group: string }) => g.group === 'korva');
    expect(korva.stories).toBe(3);
    expect(korva.facts.length).toBeGreaterThan(0);
    for (const f of korva.facts) expect(f.carriedBy * 2).toBeGreaterThan(f.others);
  });
});

describe('GET /api/stories only reads analyses', () => {
  it('places new documents in stories but never analyses them: a version without an analysis shows as such', async () => {
    const u = await testApp();
    try {
      await u.store.insertDocuments(asNewDocuments(docs));
      const { engineKeyOf } = await import('../../store/types.js');
      const engineKey = engineKeyOf(u.analyzer.engine);
      const res = await u.app.inject({ method: 'GET', url: '/api/stories' });
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(4);
      expect(await u.store.documentsNeedingAnalysis(engineKey)).toHaveLength(docs.length);
    } finally {
      await u.close();
    }
  });
});
