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

/** Analyses every document matching the filter that has no analysis for this engine yet (in batches). */
export async function analyseMissing(store: Store, analyzer: Analyzer, filter: Parameters<Store['documentsNeedingAnalysis']>[1], batch = 100): Promise<number> {
  const engineKey = engineKeyOf(analyzer.engine);
  let done = 0;
  for (;;) {
    const ids = await store.documentsNeedingAnalysis(engineKey, filter, batch);
    if (ids.length === 0) return done;
    const items: Array<{ key: { documentId: number; engineKey: string }; report: Report }> = [];
    for (const id of ids) {
      const doc = await store.getDocument(id);
      if (doc) items.push({ key: { documentId: id, engineKey }, report: analyzer.analyze(doc.text) });
    }
    await store.saveAnalyses(items);
    done += items.length;
    if (items.length === 0) return done;
  }
}
