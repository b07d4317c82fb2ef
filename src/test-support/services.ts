import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real PostgreSQL and Redis servers for tests: throwaway instances on free ports in temp dirs,
 * stopped after the tests. Nothing is mocked. A test that needs one skips (loudly) only when the
 * binaries are not installed at all; `.ci/run` installs both.
 */

/** The bin directory of the newest Debian PostgreSQL (initdb, pg_ctl), or null when absent. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0]!, 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? join(found, '..') : null;
}

export function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

/** Prints a loud notice and returns true when the service is missing (use with describe.skipIf). */
export function missing(service: 'postgres' | 'redis'): boolean {
  const absent = service === 'postgres' ? postgresBinDir() === null : redisServerPath() === null;
  if (absent) {
    const pkg = service === 'postgres' ? 'postgresql' : 'redis-server';
    process.stderr.write(`\n!!! SKIPPING ${service} tests: ${pkg} is not installed (apt-get install -y ${pkg}; .ci/run does this) !!!\n\n`);
  }
  return absent;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface PostgresService {
  /** Connection URL of the default `postgres` database. */
  url: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /**
   * Creates an empty schema and returns a URL whose connections use it (search_path): as good as
   * a fresh database for a store, and instant, so each test can have its own.
   */
  freshUrl(): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: run its tools as the `postgres` user when we are root. */
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

function run(cmd: string, args: string[], what: string): void {
  const [c, a] = asPostgres(cmd, args);
  const r = spawnSync(c, a, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}

let dbCounter = 0;

export async function startPostgres(): Promise<PostgresService> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'framewise-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], 'initdb');
  const port = await freePort();
  const pgCtl = join(bin, 'pg_ctl');
  // Durability is pointless for a throwaway cluster: fsync off makes tests much faster.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start'], 'pg_ctl start');
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    const [c, a] = asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    spawnSync(c, a, { timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase() {
      const name = `t${process.pid}_${++dbCounter}`;
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async freshUrl() {
      const name = `s${process.pid}_${++dbCounter}`;
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${name}`);
      } finally {
        await client.end();
      }
      return `${url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    async stop() {
      process.removeListener('exit', stopNow);
      stopNow();
    },
  };
}

export interface RedisService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisService> {
  const server = redisServerPath();
  if (!server) throw new Error('Redis is not installed (apt-get install -y redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'framewise-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    server,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--maxmemory-policy', 'noeviction'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${log}`)), 20_000);
    const check = () => {
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${child.exitCode}):\n${log}`));
      } else setTimeout(check, 50);
    };
    check();
  });
  const stopNow = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      process.removeListener('exit', stopNow);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      stopNow();
    },
  };
}
