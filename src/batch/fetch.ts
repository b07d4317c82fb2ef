import type { Store, StoredDocument } from '../store/types.js';

/** Stores that can fetch many documents in one round trip (PostgreSQL) say so with this method. */
interface BulkFetch {
  getDocuments(ids: number[]): Promise<StoredDocument[]>;
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

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
  return out;
}
