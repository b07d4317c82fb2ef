import type { Analyzer } from '../analysis/analyzer.js';
import type { Report } from '../core/report.js';
import { engineKeyOf, type AnalysisKey, type DocumentFilter, type Store } from '../store/types.js';
import type { IngestProblem } from './types.js';

export interface AnalyseMissingResult {
  engineKey: string;
  analysed: number;
  problems: IngestProblem[];
}

/**
 * Analyses the stored documents (matching `filter`) that have no analysis for the analyzer's
 * engine yet, saving each batch in one transaction: what `compare` and the server run before
 * reading analyses, so a new engine version is picked up without re-ingesting.
 */
export async function analyseMissing(
  store: Store,
  analyzer: Analyzer,
  filter?: DocumentFilter,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<AnalyseMissingResult> {
  const engineKey = engineKeyOf(analyzer.engine);
  const ids = await store.documentsNeedingAnalysis(engineKey, filter);
  const batchSize = options.batchSize ?? 100;
  const problems: IngestProblem[] = [];
  let analysed = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const done: Array<{ key: AnalysisKey; report: Report }> = [];
    for (const id of ids.slice(i, i + batchSize)) {
      const doc = await store.getDocument(id);
      if (!doc) continue; // deleted meanwhile
      try {
        done.push({ key: { documentId: id, engineKey }, report: analyzer.analyze(doc.text) });
        analysed++;
      } catch (e) {
        problems.push({ location: doc.origin ?? `document ${id}`, message: `analysis failed: ${(e as Error).message}` });
      }
      options.onProgress?.(analysed + problems.length, ids.length);
    }
    await store.saveAnalyses(done);
  }
  return { engineKey, analysed, problems };
}
