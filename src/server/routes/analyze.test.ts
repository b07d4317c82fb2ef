import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEXTS, type TestApp } from '../test-support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ bodyLimit: 64 * 1024 });
});
afterAll(() => t?.close());

describe('POST /api/analyze', () => {
  it('returns the same report as the analyzer for a JSON body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: TEXTS.loaded } });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toEqual(JSON.parse(JSON.stringify(t.analyzer.analyze(TEXTS.loaded))));
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(TEXTS.loaded.slice(f.start, f.end)).toBe(f.text);
  });

  it('applies techniques and minConfidence options', async () => {
    const full = t.analyzer.analyze(TEXTS.loaded);
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: TEXTS.loaded, techniques: ['name-calling'], minConfidence: 0.4 } });
    expect(res.statusCode).toBe(200);
    const findings = res.json().findings as Array<{ technique: string; confidence: number }>;
    expect(findings.every((f) => f.technique === 'name-calling' && f.confidence >= 0.4)).toBe(true);
    expect(findings.length).toBe(full.findings.filter((f) => f.technique === 'name-calling' && f.confidence >= 0.4).length);
  });

  it('accepts a text/plain body with options in the query', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/analyze?techniques=loaded-language,name-calling&minConfidence=0',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: TEXTS.loaded,
    });
    expect(res.statusCode).toBe(200);
    const expected = t.analyzer.analyze(TEXTS.loaded, { techniques: ['loaded-language', 'name-calling'], minConfidence: 0 });
    expect(res.json().counts.total).toBe(expected.counts.total);
  });

  it('keeps UTF-16 offsets into the original text with emoji and CRLF', async () => {
    const text = '\uFEFF🙂 Sylvanian papers call the brutal Freedonian regime thugs.\r\n\r\nA second paragraph.';
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text } });
    for (const f of res.json().findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it.each([
    [{}, 'body.text'],
    [{ text: '' }, 'body.text'],
    [{ text: 42 }, 'body.text'],
    [{ text: 'ok', techniques: ['no-such-technique'] }, 'body.techniques'],
    [{ text: 'ok', minConfidence: 2 }, 'body.minConfidence'],
    [{ text: 'ok', colour: 'red' }, 'body'],
  ])('rejects %j with a 400 naming %s', async (payload, field) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.status).toBe(400);
    expect(error.message.startsWith(field)).toBe(true);
    expect(error.field).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
  });

  it('rejects malformed JSON, a wrong content type and an oversized body with 4xx', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'application/json' }, payload: '{"text": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^body/);

    const type = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'application/xml' }, payload: '<text/>' });
    expect(type.statusCode).toBe(415);
    expect(type.json().error.message).toMatch(/content type/);

    const big = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'word '.repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/limit/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('no route GET /api/nothing-here');
  });
});
