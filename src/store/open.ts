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

interface PostgresModule {
  openPostgresStore?: (url: string) => Promise<Store>;
  PostgresStore?: new (url: string) => Store;
}

// A variable specifier keeps the PostgreSQL driver out of the SQLite path (and out of the type
// check while that module is being written).
const POSTGRES_MODULE = './postgres.js';

/**
 * Opens the store at `location` (a SQLite file path, `sqlite:PATH`, or a `postgres://` URL), runs
 * pending migrations, and returns it. The caller closes it.
 */
export async function openStore(location?: string | null): Promise<Store> {
  const where = resolveDbLocation(location);
  if (isPostgresUrl(where)) {
    let mod: PostgresModule;
    try {
      mod = (await import(POSTGRES_MODULE)) as PostgresModule;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test((e as Error).message)) {
        throw new UserError(`PostgreSQL store is not available in this build (src/store/postgres.ts is missing); use a SQLite path for --db`, { field: 'db' });
      }
      throw e;
    }
    if (mod.openPostgresStore) return mod.openPostgresStore(where);
    if (mod.PostgresStore) {
      const store = new mod.PostgresStore(where);
      await store.migrate();
      return store;
    }
    throw new UserError('PostgreSQL store module exports neither openPostgresStore nor PostgresStore', { field: 'db' });
  }
  const path = where.startsWith('sqlite:') ? where.slice('sqlite:'.length) : where;
  if (path === '') throw new UserError('--db: empty SQLite path', { field: 'db' });
  // Loaded on use: importing the package (or running `framewise analyze`) needs no native driver.
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(path);
}
