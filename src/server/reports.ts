import type { Analyzer } from '../analysis/analyzer.js';
import type { Report } from '../core/report.js';
import { engineKeyOf, type Store } from '../store/types.js';

/**
 * The stored report of a document for the analyzer's engine, or null when it has none yet: reads
 * only read. A missing analysis is made by an authorised call (POST /api/analyses) or by the CLI
 * (analyze-corpus, enqueue + worker), never as a side effect of a GET.
 */
export async function storedReport(store: Store, analyzer: Analyzer, documentId: number): Promise<Report | null> {
  return (await store.getAnalysis(documentId, engineKeyOf(analyzer.engine)))?.report ?? null;
}

/** The words a response uses to say that documents lack an analysis, and how to make them. */
export function missingAnalysisHint(engineKey: string): string {
  return `no analysis for engine ${engineKey} yet: POST /api/analyses (with the write token) or \`framewise analyze-corpus\` makes it`;
}
