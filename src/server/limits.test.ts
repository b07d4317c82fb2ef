import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapedText } from '../../bench/shapes.mjs';
import { AnalysisPool } from '../batch/pool.js';
import { defaultConfig } from '../core/config.js';
import { testApp, TEXTS, type TestApp } from './test-support/harness.js';

/**
 * Each request bounded: size (413), well-formed text (422; bytes that are not UTF-8: 400), time on
 * an analysis thread (422), analyses waiting (503 with Retry-After); never a 500 or a stalled
 * event loop. Real analysis threads, real SQLite.
 */

let pool: AnalysisPool;
beforeAll(async () => {
  pool = new AnalysisPool({ threads: 1, config: { ...defaultConfig(), model: false }, maxHeapMB: 512 });
  await pool.warm();
}, 120_000);
afterAll(() => pool?.close());

describe('size and well-formedness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ limits: { maxTextBytes: 2000 } });
  });
  afterAll(() => t?.close());

  it('413 for a text over the text limit (JSON and text/plain) and for a body over the body limit', async () => {
    const long = 'word '.repeat(600);
    const json = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: long } });
    expect(json.statusCode).toBe(413);
    expect(json.json().error).toMatchObject({ status: 413, field: 'body.text', message: "body.text: the text is 3000 bytes, over this server's limit of 2000 bytes (larger texts: framewise ingest and analyze-corpus)" });
    const plain = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'text/plain' }, payload: long });
    expect(plain.statusCode).toBe(413);
    const doc = await t.app.inject({ method: 'POST', url: '/api/documents', payload: { text: long } });
    expect(doc.statusCode).toBe(413);
    expect(await t.store.countDocuments()).toBe(0);
    // The body limit follows the text limit (4x plus 64 KiB for JSON escapes).
    const huge = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'x'.repeat(80_000) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/^request body is larger than the limit/);
  });

  it('422 for lone surrogates (text and metadata); 400 for bytes that are not UTF-8; nothing stored', async () => {
    const lone = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'application/json' }, payload: '{"text":"broken \\ud800 text"}' });
    expect(lone.statusCode).toBe(422);
    expect(lone.json().error).toEqual({ status: 422, field: 'body.text', message: 'body.text: not well-formed Unicode: a lone surrogate (U+D800) at index 7' });
    const meta = await t.app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'application/json' }, payload: '{"text":"fine","outlet":"\\udc00"}' });
    expect(meta.statusCode).toBe(422);
    expect(meta.json().error.field).toBe('body.outlet');
    const bytes = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from(' au lait"}')]);
    const latin1 = await t.app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'application/json' }, payload: bytes });
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json().error).toEqual({ status: 400, field: 'body', message: 'body: not valid UTF-8 (at byte 12); send UTF-8 text' });
    const plain = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: Buffer.from([0x61, 0xff, 0x62]) });
    expect(plain.statusCode).toBe(400);
    expect(await t.store.countDocuments()).toBe(0);
    // Well-formed text with astral characters is fine and stored exactly.
    const ok = await t.app.inject({ method: 'POST', url: '/api/documents', payload: { text: 'Caf\u00e9 \ud83d\ude42 talks in Tarvia.' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().document.text).toBe('Caf\u00e9 \ud83d\ude42 talks in Tarvia.');
  });

  it('a 3 MB body under the default limits is a 413, not a 500', async () => {
    const d = await testApp();
    try {
      const res = await d.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: shapedText('repetitive', 3_000_000) } });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toMatch(/over this server's limit of 1048576 bytes/);
    } finally {
      await d.close();
    }
  });
});

describe('time and load, on an analysis thread', () => {
  it('422 when an analysis runs over the time limit; the thread is replaced and the next request works', async () => {
    const t = await testApp({ pool, limits: { timeoutMs: 30 } });
    try {
      const slow = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: shapedText('normal', 400_000, 4) } });
      expect(slow.statusCode).toBe(422);
      expect(slow.json().error.message).toBe("body.text: the analysis did not finish within 30 ms, this server's limit; send a shorter text");
    } finally {
      await t.close();
    }
    const u = await testApp({ pool });
    try {
      const next = await u.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: TEXTS.loaded } });
      expect(next.statusCode).toBe(200);
      expect(next.json().findings.length).toBeGreaterThan(0);
    } finally {
      await u.close();
    }
  }, 60_000);

  it('422 when an analysis runs out of its thread\'s memory; the server goes on', async () => {
    const small = new AnalysisPool({ threads: 1, config: { ...defaultConfig(), model: false }, maxHeapMB: 48 });
    const t = await testApp({ pool: small });
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: shapedText('repetitive', 1_000_000) } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toBe('body.text: the analysis ran out of the memory an analysis thread may use; send a shorter text');
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
      await small.close();
    }
  }, 120_000);

  it('503 with Retry-After when too many analyses wait; the others are answered; never a 500', async () => {
    const t = await testApp({ pool, limits: { maxQueued: 1 } });
    try {
      const text = shapedText('normal', 40_000, 5);
      const res = await Promise.all(Array.from({ length: 6 }, () => t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text } })));
      const codes = res.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(2);
      expect(codes.filter((c) => c === 503).length).toBeGreaterThanOrEqual(1);
      expect(codes.every((c) => c === 200 || c === 503)).toBe(true);
      const busy = res.find((r) => r.statusCode === 503)!;
      expect(busy.headers['retry-after']).toBe('5');
      expect(busy.json().error.message).toMatch(/^busy: \d+ analyses are waiting for a thread/);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the event loop stays free: health answers while a long analysis runs on the thread', async () => {
    const t = await testApp({ pool });
    try {
      const order: string[] = [];
      const long = t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: shapedText('normal', 300_000, 6) } }).then((r) => order.push(`analyze ${r.statusCode}`));
      await new Promise((r) => setTimeout(r, 20));
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      order.push(`health ${health.statusCode}`);
      await long;
      expect(order).toEqual(['health 200', 'analyze 200']);
    } finally {
      await t.close();
    }
  }, 60_000);
});
