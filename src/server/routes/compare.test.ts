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
afterAll(() => t?.close());

describe('GET /api/compare', () => {
  it('only reads: unanalysed documents are counted as such, never analysed by the read', async () => {
    const engineKey = engineKeyOf(t.analyzer.engine);
    const before = await t.app.inject({ method: 'GET', url: '/api/compare?by=outlet' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ notAnalysed: 6, totals: { documents: 0 } });
    expect((await t.app.inject({ method: 'GET', url: '/api/compare/layers?by=outlet' })).json()).toMatchObject({ notAnalysed: 6, groups: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/compare/actors?by=outlet' })).json()).toMatchObject({ notAnalysed: 6, actors: [] });
    expect(await t.store.documentsNeedingAnalysis(engineKey)).toHaveLength(6);
    const { items } = await t.store.listDocuments({ outlet: 'Northland Herald' }, { limit: 10 });
    const pair = await t.app.inject({ method: 'GET', url: `/api/compare?a=${items[0]!.id}&b=${items[1]!.id}` });
    expect(pair.statusCode).toBe(409);
    expect(pair.json().error.message).toMatch(new RegExp(`^document ${items[0]!.id} has no analysis for engine .* yet: POST /api/analyses`));
    expect(await t.store.documentsNeedingAnalysis(engineKey)).toHaveLength(6);

    // The authorised call analyses them, at most `limit` per call, saying how many remain.
    const first = (await t.app.inject({ method: 'POST', url: '/api/analyses', payload: { limit: 4 } })).json();
    expect(first).toEqual({ engineKey, analysed: 4, failed: [], remaining: 2 });
    const second = (await t.app.inject({ method: 'POST', url: '/api/analyses', payload: { outlet: 'Meridian Wire' } })).json();
    expect(second.remaining).toBe(0);
    expect(await t.store.documentsNeedingAnalysis(engineKey)).toEqual([]);
  });

  it('compares outlets over the stored analyses', async () => {
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
    expect(c.notAnalysed).toBe(0);
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

describe('GET /api/compare?a=&b=', () => {
  it('compares two documents: counts per side and shared or distinct key phrases', async () => {
    const { items } = await t.store.listDocuments({ outlet: 'Northland Herald' }, { limit: 10 });
    const [x, y] = items;
    const res = await t.app.inject({ method: 'GET', url: `/api/compare?a=${x!.id}&b=${y!.id}` });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    const rx = t.analyzer.analyze((await t.store.getDocument(x!.id))!.text);
    const ry = t.analyzer.analyze((await t.store.getDocument(y!.id))!.text);
    expect(c.a).toMatchObject({ id: x!.id, outlet: 'Northland Herald', findings: rx.findings.length, words: rx.words });
    expect(c.b).toMatchObject({ id: y!.id, findings: ry.findings.length });
    for (const row of c.techniques) {
      expect(row.a).toBe(rx.counts.byTechnique[row.technique as keyof typeof rx.counts.byTechnique]);
      expect(row.b).toBe(ry.counts.byTechnique[row.technique as keyof typeof ry.counts.byTechnique]);
    }
    expect(c.phrases.shared.map((p: { phrase: string }) => p.phrase)).toContain('thugs');
  });

  it('answers 404 naming a missing document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/compare?a=1&b=9999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('document 9999 not found');
  });
});

describe('GET /api/compare/layers', () => {
  it('aggregates frames, intensity, sourcing and actors per group of the same documents', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/compare/layers?by=outlet' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    const groups = Object.fromEntries(c.groups.map((g: { key: string }) => [g.key, g]));
    expect(Object.keys(groups).sort()).toEqual(['Meridian Wire', 'Northland Herald']);
    const herald = HERALD.map((x) => t.analyzer.analyze(x));
    const wire = WIRE.map((x) => t.analyzer.analyze(x));
    expect(groups['Northland Herald'].documents).toBe(3);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(groups['Northland Herald'].intensity.mean).toBeCloseTo(mean(herald.map((r) => r.intensity!.score)), 0);
    expect(groups['Northland Herald'].intensity.mean).toBeGreaterThan(groups['Meridian Wire'].intensity.mean);
    const sentences = (rs: typeof wire) => rs.reduce((n, r) => n + r.sourcing!.sentences.length, 0);
    expect(groups['Meridian Wire'].sourcing.sentences).toBe(sentences(wire));
    expect(groups['Northland Herald'].actors.map((a: { name: string }) => a.name)).toContain('Sylvania');
  });

  it('applies filters and rejects two-document parameters', async () => {
    const byTag = (await t.app.inject({ method: 'GET', url: '/api/compare/layers?by=tag&tagPrefix=camp:' })).json();
    expect(byTag.groups.map((g: { key: string }) => g.key)).toEqual(['camp:north']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/compare/layers?a=1&b=2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^query/);
  });
});

describe('GET /api/compare/actors', () => {
  it('gives per actor and group the share of documents casting it in each role, as the CLI does', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/compare/actors?by=outlet&minDocuments=1' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.by).toBe('outlet');
    expect(c.groups.sort()).toEqual(['Meridian Wire', 'Northland Herald']);
    const sylvania = c.actors.find((a: { id: string }) => a.id === 'sylvania');
    expect(sylvania.documents).toBe(4);
    const herald = sylvania.groups.find((g: { key: string }) => g.key === 'Northland Herald');
    expect(herald.documents).toBe(3);
    // The Herald's three pieces cast the regime as the villain in each.
    const reports = HERALD.map((x) => t.analyzer.analyze(x).actors!.find((a) => a.id === 'sylvania')!.framing.role);
    expect(herald.roles.antagonist.documents).toBe(reports.filter((r) => r === 'antagonist').length);
    expect(herald.roles.antagonist.documents).toBeGreaterThanOrEqual(2);
  });

  it('rejects unknown parameters', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/compare/actors?colour=red' });
    expect(bad.statusCode).toBe(400);
  });
});
