import type { Report } from '../core/report.js';
import type { SerialisedReport } from '../store/encoding.js';
import type { AnalysisKey, Store, StoredDocument } from '../store/types.js';

/** Stores that can fetch many documents in one round trip (PostgreSQL) say so with this method. */
interface BulkFetch {
  getDocuments(ids: number[]): Promise<StoredDocument[]>;
}

interface SaveIfAbsent {
  saveAnalysesIfAbsent(items: Array<{ key: AnalysisKey; report: Report | SerialisedReport }>): Promise<number[]>;
}

interface BulkAnalysed {
  analysedAmong(ids: number[], engineKey: string): Promise<Set<number>>;
}

/** The documents with these ids, in that order; ids that no longer exist are left out. */
export async function fetchDocuments(store: Store, ids: number[]): Promise<StoredDocument[]> {
  const bulk = (store as Partial<BulkFetch>).getDocuments;
  if (typeof bulk === 'function') return bulk.call(store, ids);
  const docs = await Promise.all(ids.map((id) => store.getDocument(id)));
  return docs.filter((d): d is StoredDocument => d !== null);
}

/** Which of these ids already have an analysis for the engine key. */
export async function analysedAmong(store: Store, ids: number[], engineKey: string): Promise<Set<number>> {
  const bulk = (store as Partial<BulkAnalysed>).analysedAmong;
  if (typeof bulk === 'function') return bulk.call(store, ids, engineKey);
  const found = await Promise.all(ids.map(async (id) => ((await store.getAnalysis(id, engineKey)) ? id : null)));
  return new Set(found.filter((id): id is number => id !== null));
}

/**
 * Stores analyses that are not stored yet and returns the document ids stored. Atomic where the
 * store supports it (PostgreSQL); elsewhere a check then a save, which is exact for one writer.
 */
export async function saveAnalysesIfAbsent(store: Store, items: Array<{ key: AnalysisKey; report: Report | SerialisedReport }>): Promise<number[]> {
  const atomic = (store as Partial<SaveIfAbsent>).saveAnalysesIfAbsent;
  if (typeof atomic === 'function') return atomic.call(store, items);
  const byEngine = new Map<string, number[]>();
  for (const it of items) byEngine.set(it.key.engineKey, [...(byEngine.get(it.key.engineKey) ?? []), it.key.documentId]);
  const present = new Set<string>();
  for (const [engineKey, ids] of byEngine) for (const id of await analysedAmong(store, ids, engineKey)) present.add(`${id}\u0000${engineKey}`);
  const fresh = items.filter((it) => !present.has(`${it.key.documentId}\u0000${it.key.engineKey}`));
  await store.saveAnalyses(fresh);
  return fresh.map((it) => it.key.documentId);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
  return out;
}
