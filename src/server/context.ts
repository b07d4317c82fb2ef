import type { Analyzer } from '../analysis/analyzer.js';
import type { AnalysisPool } from '../batch/pool.js';
import type { Store } from '../store/types.js';

/** What every route needs: the corpus store, the analyzer, and the write token (if any). */
export interface ServerContext {
  store: Store;
  analyzer: Analyzer;
  token?: string;
  /** Threads for POST /api/analyze (same configuration as `analyzer`); absent: analyse in the event loop. */
  pool?: AnalysisPool;
}
