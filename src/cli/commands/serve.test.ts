import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../io.js';
import { runCli } from '../test-support/io.js';
import { runServe, type ServeFlags } from './serve.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIO() {
  const io = { out: '', err: '' };
  const cli: CliIO = { out: (t) => void (io.out += t), err: (t) => void (io.err += t), isTTY: false };
  return { io, cli };
}

const flags = (db: string, extra: Partial<ServeFlags> = {}): ServeFlags => ({ port: '0', host: '127.0.0.1', db, demo: true, model: false, logLevel: 'silent', ...extra });

describe('framewise serve', () => {
  // Generous timeouts: two analysis threads start (through tsx) and the demo corpus is analysed; a loaded machine needs them.
  it('loads the demo corpus into a new store on first run only, and serves API and UI', async () => {
    const db = join(dir, 'demo.db');
    const first = captureIO();
    const server = await runServe(flags(db), first.cli, {});
    let count: number;
    try {
      expect(first.io.out).toMatch(new RegExp(`serving ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at http://127\\.0\\.0\\.1:\\d+/`));
      expect(first.io.err).toMatch(/demo corpus: \d+ articles added/);
      const health = await (await fetch(new URL('api/health', server.url))).json();
      count = health.documents;
      expect(count).toBeGreaterThanOrEqual(4);
      const list = await (await fetch(new URL('api/documents?tag=demo&limit=200', server.url))).json();
      expect(list.total).toBe(count);
      expect(new Set(list.items.map((d: { outlet: string }) => d.outlet)).size).toBeGreaterThanOrEqual(3);
      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      await server.close();
    }

    const second = captureIO();
    const again = await runServe(flags(db), second.cli, {});
    try {
      expect(second.io.err).not.toMatch(/demo corpus/);
      expect((await (await fetch(new URL('api/health', again.url))).json()).documents).toBe(count);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('reads the store location from FRAMEWISE_DB and the write token from FRAMEWISE_TOKEN', async () => {
    const db = join(dir, 'env.db');
    const { io, cli } = captureIO();
    const server = await runServe(flags('', { db: undefined, demo: false }), cli, { FRAMEWISE_DB: db, FRAMEWISE_TOKEN: 'tok' });
    try {
      expect(io.out).toContain(`serving ${db}`);
      expect(io.out).toContain('FRAMEWISE_TOKEN');
      const denied = await fetch(new URL('api/documents', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'A short note.' }) });
      expect(denied.status).toBe(401);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('logs to stderr, never stdout (stdout carries only the line with the URL)', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const entry = "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(['node', 'framewise', ...process.argv.slice(1)]);";
    const args = ['serve', '--port', '0', '--db', join(dir, 'logs.db'), '--no-model', '--threads', '0', '--log-level', 'info'];
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    try {
      const until = Date.now() + 90_000;
      while (!/at (http:\S+)/.test(out) && Date.now() < until && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      const url = /at (http:\S+)/.exec(out)![1]!;
      expect((await fetch(new URL('api/health', url))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(out.trim().split('\n')).toHaveLength(1);
      const logged = err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      expect(logged.some((l) => l.req?.url === '/api/health')).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  }, 120_000);

  it('rejects a bad port with exit code 2 and a message naming the flag', async () => {
    const r = await runCli(['serve', '--port', 'eighty', '--db', join(dir, 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port: expected a port number');
    const t = await runCli(['serve', '--max-text-bytes', '1e6', '--db', join(dir, 'x.db')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--max-text-bytes: expected a whole number from 1 to');
  });
});
