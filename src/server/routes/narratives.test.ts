import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test-support/harness.js';

let t: TestApp;

// Written for this test: two outlets, one telling civilian harm, one peace talks; one undated.
const DOCS = [
  { text: 'Shells fell on the hospital in Kordel overnight, killing four children. Families hide in basements.', outlet: 'North Herald', publishedAt: '2024-03-02' },
  { text: 'Another night of shelling: the school used as a shelter was hit and civilians are dying in the rubble.', outlet: 'North Herald', publishedAt: '2024-03-20' },
  { text: 'There is no military solution. Both sides must return to the negotiating table and agree a ceasefire.', outlet: 'South Voice', publishedAt: '2024-04-01' },
  { text: 'The mediators proposed a roadmap for talks, and both governments said they were ready to negotiate.', outlet: 'South Voice', publishedAt: null },
];

beforeAll(async () => {
  t = await testApp();
  for (const d of DOCS) await t.store.insertDocument(d);
});
afterAll(() => t?.close());

describe('GET /api/compare/narratives', () => {
  it('reads only: counts documents without an analysis and analyses none of them', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/compare/narratives?by=outlet' })).json();
    expect(before).toMatchObject({ notAnalysed: 4, totals: { documents: 0 } });
    const periods = (await t.app.inject({ method: 'GET', url: '/api/compare/periods?by=month&measures=narratives' })).json();
    expect(periods).toMatchObject({ notAnalysed: 4, periods: [] });
    const made = (await t.app.inject({ method: 'POST', url: '/api/analyses', payload: {} })).json();
    expect(made).toMatchObject({ analysed: 4, remaining: 0 });
  });

  it('gives each outlet its share of documents per narrative', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/compare/narratives?by=outlet' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.totals.documents).toBe(4);
    expect(c.notAnalysed).toBe(0);
    const north = c.groups.find((g: { key: string }) => g.key === 'North Herald');
    const harm = north.narratives.find((n: { id: string }) => n.id === 'civilian-harm');
    expect(harm.share).toBe(1);
    expect(harm.restShare).toBe(0);
    expect(c.method).toMatch(/Fisher's exact test/);
  });

  it('refuses an unknown grouping', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/compare/narratives?by=month' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/query\.by/);
  });
});

describe('GET /api/compare/periods', () => {
  it('gives the measures per month and counts undated documents apart', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/compare/periods?by=month&measures=narratives,techniques' });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.measures.map((m: { id: string }) => m.id)).toEqual(['narratives', 'techniques']);
    expect(s.periods.map((p: { period: string; documents: number }) => [p.period, p.documents])).toEqual([['2024-03', 2], ['2024-04', 1]]);
    expect(s.periods[0].measures.narratives['Civilian harm and humanitarian catastrophe']).toBe(1);
    expect(s.undated.documents).toBe(1);
    const bad = await t.app.inject({ method: 'GET', url: '/api/compare/periods?by=month&measures=mood' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('GET /api/narratives/packs', () => {
  it('lists the loaded packs and their items', async () => {
    const p = (await t.app.inject({ method: 'GET', url: '/api/narratives/packs' })).json();
    expect(p.packs.map((x: { name: string }) => x.name)).toEqual(['disputes']);
    expect(p.packs[0].items.find((i: { id: string }) => i.id === 'civilian-harm/displacement').parent).toBe('civilian-harm');
  });
});
