import type { Analyzer } from '../analysis/analyzer.js';
import type { AnalysisPool } from '../batch/pool.js';
import type { Store } from '../store/types.js';
import type { ServerAnalysis } from './analysis.js';

/** What every route needs: the corpus store, the analyzer, the write token (if any), and bounded analysis. */
export interface ServerContext {
  store: Store;
  analyzer: Analyzer;
  token?: string;
  /** Threads for analyses (same configuration as `analyzer`); absent: analyse in the event loop. */
  pool?: AnalysisPool;
  /** Every analysis a request asks for, with its size, time and queue bounds. */
  analysis: ServerAnalysis;
}
