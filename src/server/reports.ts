import type { Analyzer } from '../analysis/analyzer.js';
import type { Report } from '../core/report.js';
import { engineKeyOf, type Store, type StoredDocument } from '../store/types.js';

/**
 * The stored report of a document for the analyzer's engine, analysing (and storing) it first when
 * it has none yet or only one from another engine version.
 */
export async function reportFor(store: Store, analyzer: Analyzer, doc: StoredDocument): Promise<Report> {
  const engineKey = engineKeyOf(analyzer.engine);
  const stored = await store.getAnalysis(doc.id, engineKey);
  if (stored) return stored.report;
  const report = analyzer.analyze(doc.text);
  await store.saveAnalysis({ documentId: doc.id, engineKey }, report);
  return report;
}
