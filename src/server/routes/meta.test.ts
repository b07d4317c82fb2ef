import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../version.js';
import { testApp, type TestApp } from '../test-support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe('GET /api/health', () => {
  it('reports version, store kind and document count', async () => {
    await t.store.insertDocument({ text: 'One stored document about Freedonia.' });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: VERSION, store: 'sqlite', documents: 1 });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that describes every API route, with resolvable references', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const described: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        described.push(`${method.toUpperCase()} ${path}`);
        expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') })).toBe(true);
      }
    }
    expect(described.sort()).toEqual(
      [
        'POST /api/analyze',
        'POST /api/documents',
        'GET /api/documents',
        'GET /api/documents/{id}',
        'DELETE /api/documents/{id}',
        'PATCH /api/documents/{id}',
        'POST /api/analyses',
        'GET /api/compare',
        'GET /api/compare/actors',
        'GET /api/compare/layers',
        'GET /api/compare/narratives',
        'GET /api/compare/periods',
        'GET /api/narratives/packs',
        'GET /api/stories',
        'GET /api/stories/{id}',
        'GET /api/stories/blind-spots',
        'GET /api/health',
        'GET /api/openapi.json',
      ].sort(),
    );
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/(\w+)/.exec(ref)?.[1];
      expect(name, ref).toBeDefined();
      expect(doc.components.schemas[name!], ref).toBeDefined();
    }
    const list = doc.paths['/api/documents'].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(['outlet', 'tag', 'author', 'q', 'limit', 'offset']));
    expect(doc.paths['/api/documents'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/analyze'].post.requestBody.content['application/json'].schema.required).toEqual(['text']);
  });
});

describe('error handler', () => {
  it('turns an unexpected failure into a bare 500 and logs it with the request', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const broken = await testApp({ logger: { level: 'error', stream } });
    await broken.store.close(); // a real failure: the database is gone
    const res = await broken.app.inject({ method: 'GET', url: '/api/documents' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toEqual({ status: 500, message: 'internal error (logged on the server)' });
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'internal error');
    expect(logged).toMatchObject({ method: 'GET', url: '/api/documents' });
    expect(logged.err.message).toBeTruthy();
    await broken.close();
  });
});
