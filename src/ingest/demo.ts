import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analyzer } from '../analysis/analyzer.js';
import type { Store } from '../store/types.js';
import { ingestPaths } from './ingest.js';
import type { IngestSummary } from './types.js';

/** Every demo document carries this tag, so the UI can tell demo articles from the user's own. */
export const DEMO_TAG = 'demo';

/** demo/corpus.jsonl at the repository (or package) root, found from src/ or dist/src/. */
export function demoCorpusPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'demo', 'corpus.jsonl');
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  throw new Error('demo/corpus.jsonl not found next to the framewise package');
}

/**
 * Loads the demo corpus (invented articles about the Freedonia-Sylvania river dispute) into the
 * store. Idempotent: articles already stored are skipped, and only those without an analysis for
 * the analyzer's engine are analysed, so calling it on every start is cheap.
 */
export async function loadDemoCorpus(store: Store, analyzer: Analyzer | null): Promise<IngestSummary> {
  return ingestPaths(store, [demoCorpusPath()], { analyzer, tags: [DEMO_TAG] });
}
