import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Analyzer } from '../../analysis/analyzer.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/types.js';
import { buildServer, type ServerOptions } from '../app.js';

/** One analyzer for all API tests in a file: compiling rules is the slow part. Rules only, so results do not depend on a model artefact. */
let shared: Analyzer | null = null;
export function testAnalyzer(): Analyzer {
  shared ??= new Analyzer({ model: null });
  return shared;
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  analyzer: Analyzer;
  close(): Promise<void>;
}

/** The real app over a real SQLite file in a fresh temp dir (no web UI). */
export async function testApp(options: Partial<Omit<ServerOptions, 'store' | 'analyzer'>> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'framewise-api-'));
  const store = await openStore(join(dir, 'api.db'));
  const analyzer = testAnalyzer();
  const app = await buildServer({ store, analyzer, webRoot: null, ...options });
  return {
    app,
    store,
    analyzer,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sentences written for these tests, about invented countries, in several voices. */
export const TEXTS = {
  loaded: 'Freedonian officials called the brutal Sylvanian regime a gang of thugs. Critics argue the ruthless crackdown was a shameful disaster.',
  neutral: 'Delegations from Freedonia and Sylvania met in Geneva on Tuesday. The talks lasted four hours and will resume next week.',
  mirrored: 'Sylvanian officials called the brutal Freedonian regime a gang of thugs. The shameful invasion must end now.',
};
