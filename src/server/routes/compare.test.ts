import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineKeyOf } from '../../store/types.js';
import { testApp, type TestApp } from '../test-support/harness.js';

let t: TestApp;

// Two outlets on the same story: one loaded, one sober; written for this test.
const HERALD = [
  'The brutal Sylvanian regime and its thugs shelled the border villages again, a shameful crime.',
  'Ruthless Sylvanian thugs burned the market, and the cowardly regime lied about it.',
  'The barbaric regime in Sylvania must be stopped before its thugs strike again.',
];
const WIRE = [
  'Officials in Freedonia and Sylvania said talks on the border would resume on Monday.',
  'The two delegations met for three hours and agreed to exchange lists of detainees.',
  'A joint commission will inspect the border crossing next week, officials said.',
];

beforeAll(async () => {
  t = await testApp();
  for (const text of HERALD) await t.store.insertDocument({ text, outlet: 'Northland Herald', tags: ['camp:north'] });
  for (const text of WIRE) await t.store.insertDocument({ text, outlet: 'Meridian Wire', tags: ['wire'] });
});
afterAll(() => t.close());

describe('GET /api/compare', () => {
  it('analyses unanalysed documents and compares outlets', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/compare?by=outlet' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.by).toBe('outlet');
    expect(c.totals.documents).toBe(6);
    const groups = Object.fromEntries(c.groups.map((g: { key: string }) => [g.key, g]));
    expect(Object.keys(groups).sort()).toEqual(['Meridian Wire', 'Northland Herald']);
    expect(groups['Northland Herald'].documents).toBe(3);
    const herald = HERALD.map((x) => t.analyzer.analyze(x).counts.total).reduce((a, b) => a + b, 0);
    expect(groups['Northland Herald'].findings).toBe(herald);
    expect(groups['Northland Herald'].ratePer1000Words).toBeGreaterThan(groups['Meridian Wire'].ratePer1000Words);
    expect(await t.store.documentsNeedingAnalysis(engineKeyOf(t.analyzer.engine))).toEqual([]);
  });

  it('groups by tag and applies where-filters', async () => {
    const byTag = (await t.app.inject({ method: 'GET', url: '/api/compare?by=tag&tagPrefix=camp:' })).json();
    expect(byTag.groups.map((g: { key: string }) => g.key)).toEqual(['camp:north']);
    const filtered = (await t.app.inject({ method: 'GET', url: '/api/compare?by=outlet&q=border' })).json();
    const expected = [...HERALD, ...WIRE].filter((x) => x.toLowerCase().includes('border')).length;
    expect(filtered.totals.documents).toBe(expected);
  });

  it.each([
    ['/api/compare?by=colour', 'query.by'],
    ['/api/compare?a=1', 'query.b'],
    ['/api/compare?a=x&b=2', 'query.a'],
    ['/api/compare?limit=3', 'query'],
  ])('%s is a 400 naming %s', async (url, field) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message.startsWith(field)).toBe(true);
  });
});
