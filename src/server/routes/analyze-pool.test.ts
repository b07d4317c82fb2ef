import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisPool } from '../../batch/pool.js';
import { defaultConfig } from '../../core/config.js';
import { testApp, TEXTS, type TestApp } from '../test-support/harness.js';

// POST /api/analyze through analysis threads (what `serve` does): same reports, same errors.
let t: TestApp;
let pool: AnalysisPool;
beforeAll(async () => {
  const config = { ...defaultConfig(), model: false as const, maxInputBytes: 2000 };
  pool = new AnalysisPool({ threads: 1, config });
  t = await testApp({ pool });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await pool?.close();
});

describe('POST /api/analyze on analysis threads', () => {
  it('returns the report the in-process analyzer gives, as JSON, with options applied', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: TEXTS.loaded } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(t.analyzer.analyze(TEXTS.loaded))));

    const some = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: TEXTS.loaded, techniques: ['name-calling'] } });
    const techniques = new Set((some.json().findings as Array<{ technique: string }>).map((f) => f.technique));
    expect([...techniques]).toEqual(['name-calling']);
  }, 60_000);

  it('answers many requests at once, each with its own report', async () => {
    const texts = [TEXTS.loaded, TEXTS.neutral, TEXTS.mirrored];
    const res = await Promise.all(Array.from({ length: 12 }, (_, i) => t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: texts[i % 3] } })));
    res.forEach((r, i) => expect(r.json().length).toBe(texts[i % 3]!.length));
  }, 60_000);

  it('turns an input error on the thread into a 4xx that says what is wrong', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'word '.repeat(1000) } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toMatch(/over the limit of 2000/);
  }, 60_000);
});
