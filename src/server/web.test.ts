import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from './test-support/harness.js';
import { defaultWebRoot } from './web.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-webroot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('web UI serving', () => {
  it('serves the built UI with a strict Content-Security-Policy, next to the API', async () => {
    const root = join(dir, 'built');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>framewise</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log("ui")');
    const t = await testApp({ webRoot: root });
    try {
      const home = await t.app.inject({ method: 'GET', url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.headers['content-type']).toMatch(/^text\/html/);
      expect(home.headers['content-security-policy']).toMatch(/script-src 'self';/);
      expect(home.headers['content-security-policy']).not.toMatch(/unsafe-inline'[^;]*script|script-src[^;]*unsafe/);
      expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log("ui")');
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).json().error.status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('explains how to build the UI when it is missing, and the API still works', async () => {
    const t = await testApp({ webRoot: join(dir, 'not-built') });
    try {
      const home = await t.app.inject({ method: 'GET', url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('npm run build');
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('finds dist/web under the package root', () => {
    expect(defaultWebRoot()).toBe(join(process.cwd(), 'dist', 'web'));
  });
});
