import type { Analyzer } from '../analysis/analyzer.js';
import type { Store } from '../store/types.js';

/** What every route needs: the corpus store, the analyzer, and the write token (if any). */
export interface ServerContext {
  store: Store;
  analyzer: Analyzer;
  token?: string;
}
