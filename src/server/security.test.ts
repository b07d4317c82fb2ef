import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHostsFor, normaliseHost, SECURITY_HEADERS } from './security.js';
import { testApp, TEXTS, type TestApp } from './test-support/harness.js';

/**
 * What docs/deployment.md ("What the server promises") says, checked: headers on every response,
 * one error body for every error, Host and Origin checks, 405 with Allow. Limits and analysis
 * bounds are in limits.test.ts.
 */

const dir = mkdtempSync(join(tmpdir(), 'framewise-security-'));
let t: TestApp;
let root: string;
beforeAll(async () => {
  root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>framewise</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("ui")');
  t = await testApp({ webRoot: root });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const expectHeaders = (headers: Record<string, unknown>, what: string) => {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(headers[k], `${what}: ${k}`).toBe(v);
};

/** Sends raw bytes to a listening server and returns the raw response. */
async function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (b) => (out += b.toString()));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('security headers and error bodies on every response', () => {
  it.each([
    ['GET', '/api/health', 200],
    ['GET', '/', 200],
    ['GET', '/assets/app.js', 200],
    ['GET', '/api/nothing', 404],
    ['GET', '/nothing.html', 404],
    ['DELETE', '/api/health', 405],
    ['GET', '/api/..%2findex.html', 200],
    ['GET', '/..%2f..%2fetc%2fpasswd', 403],
    ['GET', '/api/documents/%zz', 400],
    ['GET', '/api/documents?limit=0x10', 400],
  ])('%s %s: %i, with every security header, and errors in the documented body', async (method, url, status) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(status);
    expectHeaders(res.headers, `${method} ${url}`);
    if (status >= 400) {
      const body = res.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.status).toBe(status);
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('a path that reaches the UI some other way still gets the CSP (it is on every response)', async () => {
    for (const url of ['/api/..%2findex.html', '/api/../index.html', '/./index.html', '//index.html']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe(SECURITY_HEADERS['content-security-policy']);
    }
  });

  it('405 names the allowed methods in Allow and in the message; an unknown API path is 404', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/documents/3' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, PATCH, DELETE');
    expect(res.json().error.message).toBe('method PUT is not allowed on /api/documents/3 (allowed: GET, HEAD, PATCH, DELETE)');
    expect((await t.app.inject({ method: 'GET', url: '/api/analyze' })).headers.allow).toBe('POST');
    expect((await t.app.inject({ method: 'POST', url: '/api/nothing' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/index.html' })).statusCode).toBe(405);
  });

  it('431 (headers too large) and a malformed request line get the JSON error body and the headers too', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const big = await raw(port, `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toContain('content-security-policy: ');
    expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toEqual({ error: { status: 431, message: 'headers: request headers are larger than the limit (16 KiB)' } });
    const bad = await raw(port, 'NOT A REQUEST\r\n\r\n');
    expect(bad).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4)).error.status).toBe(400);
  });
});

describe('slow senders', () => {
  it('408 with the error body when a request is not received in time', async () => {
    const slow = await testApp({ requestTimeoutMs: 300 });
    try {
      await slow.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (slow.app.server.address() as { port: number }).port;
      // Headers that never end.
      const head = await raw(port, 'POST /api/analyze HTTP/1.1\r\nHost: localhost\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 408 /);
      expect(JSON.parse(head.slice(head.indexOf('\r\n\r\n') + 4))).toEqual({ error: { status: 408, message: 'request: not received in time' } });
      // Headers sent, the body promised but never sent.
      const body = await raw(port, 'POST /api/analyze HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"te');
      expect(body).toMatch(/^HTTP\/1\.1 408 /);
      expect(body.toLowerCase()).toContain('content-security-policy: ');
      expect(JSON.parse(body.slice(body.indexOf('\r\n\r\n') + 4))).toEqual({ error: { status: 408, message: 'request: the body did not arrive within 0.3 s' } });
    } finally {
      await slow.close();
    }
  }, 30_000);
});

describe('Host and Origin checks', () => {
  it('refuses a Host the server does not answer to (DNS rebinding), with 403 and the error body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/documents', headers: { host: 'attacker.example' }, payload: { text: TEXTS.neutral } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({ status: 403, field: 'host', message: 'host: this server does not answer to the Host "attacker.example" (serve --allowed-hosts adds a name)' });
    expect(await t.store.countDocuments()).toBe(0);
    expectHeaders(res.headers, 'host 403');
    expect((await t.app.inject({ method: 'GET', url: '/', headers: { host: 'attacker.example:3000' } })).statusCode).toBe(403);
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:8080', '[::1]:3000']) {
      expect((await t.app.inject({ method: 'GET', url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
    }
  });

  it('refuses writes whose Origin is another site; reads from anywhere still work', async () => {
    const post = (origin: string) => t.app.inject({ method: 'POST', url: '/api/analyze', headers: { host: 'localhost:3000', origin }, payload: { text: TEXTS.neutral } });
    const foreign = await post('http://attacker.example');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.field).toBe('origin');
    expect((await post('http://localhost:3000')).statusCode).toBe(200);
    expect((await post('null')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://attacker.example' } })).statusCode).toBe(200);
  });

  it('answers to the listening address, loopback and listed names; * turns the check off', async () => {
    expect(allowedHostsFor('127.0.0.1')).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1']));
    expect(allowedHostsFor('10.1.2.3', ['News.Example.org'])).toEqual(expect.arrayContaining(['10.1.2.3', 'news.example.org', 'localhost']));
    expect(allowedHostsFor('0.0.0.0')).toEqual(expect.arrayContaining(['127.0.0.1']));
    expect(allowedHostsFor('0.0.0.0')).not.toContain('attacker.example');
    expect(allowedHostsFor('0.0.0.0', ['*'])).toBe('*');
    expect(normaliseHost('Example.COM:8080')).toBe('example.com');
    expect(normaliseHost('[::1]:3000')).toBe('::1');
    const open = await testApp({ allowedHosts: '*' });
    try {
      expect((await open.app.inject({ method: 'GET', url: '/api/health', headers: { host: 'anything.example' } })).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});
