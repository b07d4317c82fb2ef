import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineKeyOf } from '../../store/types.js';
import { testApp, TEXTS, type TestApp } from '../test-support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/documents', payload: payload as object });
const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('documents API', () => {
  let loadedId = 0;

  it('creates a document, analyses and stores its report, and deduplicates identical text', async () => {
    const res = await post({ text: TEXTS.loaded, title: 'Talks fail', outlet: 'Northland Herald', author: 'A. Vale', tags: ['camp:north'], publishedAt: '2026-03-01' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    loadedId = body.id;
    expect(res.headers.location).toBe(`/api/documents/${loadedId}`);
    expect(body.created).toBe(true);
    expect(body.document).toMatchObject({ id: loadedId, title: 'Talks fail', outlet: 'Northland Herald', tags: ['camp:north'], text: TEXTS.loaded });
    expect(body.report.counts.total).toBe(t.analyzer.analyze(TEXTS.loaded).counts.total);
    expect(await t.store.getAnalysis(loadedId, engineKeyOf(t.analyzer.engine))).not.toBeNull();

    const again = await post({ text: TEXTS.loaded, outlet: 'Someone Else' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: loadedId, created: false });
  });

  it('lists with filters and paging', async () => {
    await post({ text: TEXTS.neutral, title: 'Talks resume', outlet: 'Meridian Wire', tags: ['wire'] });
    await post({ text: TEXTS.mirrored, title: 'Invasion', outlet: 'Southland Voice', author: 'B. Orr', tags: ['camp:south'] });

    const all = (await get('/api/documents')).json();
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(3);
    expect(all.items[0]).not.toHaveProperty('text');

    expect((await get('/api/documents?outlet=Meridian%20Wire')).json().items.map((d: { title: string }) => d.title)).toEqual(['Talks resume']);
    expect((await get('/api/documents?tag=camp:south')).json().items.map((d: { title: string }) => d.title)).toEqual(['Invasion']);
    expect((await get('/api/documents?author=A.%20Vale')).json().total).toBe(1);
    expect((await get('/api/documents?q=GENEVA')).json().total).toBe(1);

    const page1 = (await get('/api/documents?limit=2&offset=0')).json();
    const page2 = (await get('/api/documents?limit=2&offset=2')).json();
    expect(page1).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    const ids = [...page1.items, ...page2.items].map((d: { id: number }) => d.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('gets a document with its stored report; one stored without analysis comes with report null, and GET writes nothing', async () => {
    const res = await get(`/api/documents/${loadedId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().report.findings.length).toBe(t.analyzer.analyze(TEXTS.loaded).findings.length);

    const { id } = await t.store.insertDocument({ text: 'Stored by ingest without analysis. The brutal regime fell.', outlet: 'Ingested' });
    const engineKey = engineKeyOf(t.analyzer.engine);
    expect(await t.store.getAnalysis(id, engineKey)).toBeNull();
    const lazy = await get(`/api/documents/${id}`);
    expect(lazy.statusCode).toBe(200);
    expect(lazy.json()).toMatchObject({ report: null, engineKey, document: { id, outlet: 'Ingested' } });
    expect(await t.store.getAnalysis(id, engineKey)).toBeNull();
    // The authorised call makes it; then the read has it.
    const made = await t.app.inject({ method: 'POST', url: '/api/analyses', payload: { ids: [id] } });
    expect(made.json()).toEqual({ engineKey, analysed: 1, failed: [], remaining: 0 });
    expect((await get(`/api/documents/${id}`)).json().report.words).toBeGreaterThan(0);
  });

  it('PATCH corrects metadata (not the text): fields given replace, null clears, the analysis stays', async () => {
    const { id } = (await post({ text: 'A note on river talks between Ostrelia and Tarvia.', outlet: 'Wrong Outlet', author: 'Someone', tags: ['camp:x'] })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/documents/${id}`, payload: { outlet: 'Tarvia Daily', author: null, tags: ['camp:tarvia'], publishedAt: '2026-01-31' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().document).toMatchObject({ id, outlet: 'Tarvia Daily', author: null, tags: ['camp:tarvia'], publishedAt: '2026-01-31', text: 'A note on river talks between Ostrelia and Tarvia.' });
    expect((await get(`/api/documents?outlet=Tarvia%20Daily`)).json().total).toBe(1);
    expect((await get(`/api/documents/${id}`)).json().report).not.toBeNull();
    const patch = (payload: unknown, url = `/api/documents/${id}`) => t.app.inject({ method: 'PATCH', url, payload: payload as object });
    expect((await patch({ text: 'new text' })).json().error).toMatchObject({ status: 400, field: 'body' });
    expect((await patch({})).json().error.message).toMatch(/^body: give at least one field to change/);
    expect((await patch({ publishedAt: '2026-02-30' })).json().error).toMatchObject({ status: 400, field: 'body.publishedAt' });
    expect((await patch({ title: 'ok' }, '/api/documents/99999')).statusCode).toBe(404);
    expect((await patch({ title: 'lone \uD800' })).json().error).toMatchObject({ status: 422, field: 'body.title' });
  });

  it('deletes, then answers 404', async () => {
    const { id } = (await post({ text: 'A short note to delete. It says nothing loaded.' })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${id}` })).statusCode).toBe(204);
    const gone = await get(`/api/documents/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toBe(`document ${id} not found`);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${id}` })).statusCode).toBe(404);
  });

  it.each([
    ['GET', '/api/documents/abc', 'params.id'],
    ['GET', '/api/documents?limit=0', 'query.limit'],
    ['GET', '/api/documents?limit=500', 'query.limit'],
    ['GET', '/api/documents?offset=-1', 'query.offset'],
    ['GET', '/api/documents?colour=red', 'query'],
    ['GET', '/api/documents?limit=0x10', 'query.limit'],
    ['GET', '/api/documents?limit=1e1', 'query.limit'],
    ['GET', '/api/documents?limit=%205', 'query.limit'],
    ['GET', '/api/documents?offset=2.0', 'query.offset'],
    ['GET', '/api/documents?from=notadate', 'query.from'],
    ['GET', '/api/documents?to=2026-13-01', 'query.to'],
    ['GET', '/api/documents/1e3', 'params.id'],
  ])('%s %s is a 400 naming %s', async (method, url, field) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message.startsWith(field)).toBe(true);
  });

  it.each([
    [{ title: 'no text' }, 'body.text'],
    [{ text: 'x', url: 'not a url' }, 'body.url'],
    [{ text: 'x', publishedAt: 'yesterday' }, 'body.publishedAt'],
    [{ text: 'x', tags: 'camp:north' }, 'body.tags'],
    [{ text: 'x', tags: [''] }, 'body.tags.0'],
  ])('POST %j is a 400 naming %s', async (payload, field) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ status: 400, field });
  });
});

describe('write token', () => {
  let w: TestApp;
  beforeAll(async () => {
    w = await testApp({ token: 's3cret-token' });
  });
  afterAll(() => w.close());

  it('requires the bearer token for writes but not for reads or analysis', async () => {
    const payload = { text: TEXTS.neutral };
    const none = await w.app.inject({ method: 'POST', url: '/api/documents', payload });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toMatchObject({ field: 'authorization' });
    const wrong = await w.app.inject({ method: 'POST', url: '/api/documents', payload, headers: { authorization: 'Bearer s3cret-tokeN' } });
    expect(wrong.statusCode).toBe(401);
    expect(await w.store.countDocuments()).toBe(0);

    const ok = await w.app.inject({ method: 'POST', url: '/api/documents', payload, headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    expect((await w.app.inject({ method: 'DELETE', url: `/api/documents/${id}` })).statusCode).toBe(401);
    expect((await w.app.inject({ method: 'PATCH', url: `/api/documents/${id}`, payload: { title: 'x' } })).statusCode).toBe(401);
    expect((await w.app.inject({ method: 'POST', url: '/api/analyses', payload: {} })).statusCode).toBe(401);
    expect((await w.app.inject({ method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'POST', url: '/api/analyze', payload })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: { authorization: 'bearer s3cret-token' } })).statusCode).toBe(204);
  });
});
