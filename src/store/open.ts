import { UserError } from '../core/errors.js';
import type { Store } from './types.js';

/** Where the store lives when neither --db nor FRAMEWISE_DB says otherwise. */
export const DEFAULT_DB = './framewise.db';

/** The store location for a command: --db, else FRAMEWISE_DB, else ./framewise.db. */
export function resolveDbLocation(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const v = flag ?? env.FRAMEWISE_DB;
  return v && v.trim() !== '' ? v.trim() : DEFAULT_DB;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `location` (a SQLite file path, `sqlite:PATH`, or a `postgres://` URL), runs
 * pending migrations, and returns it. The caller closes it.
 */
export async function openStore(location?: string | null): Promise<Store> {
  const where = resolveDbLocation(location);
  if (isPostgresUrl(where)) {
    // Loaded on use, as SQLite's below: a SQLite store never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(where);
  }
  const path = where.startsWith('sqlite:') ? where.slice('sqlite:'.length) : where;
  if (path === '') throw new UserError('--db: empty SQLite path', { field: 'db' });
  // Loaded on use: importing the package (or running `framewise analyze`) needs no native driver.
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(path);
}
