import type { SerialisedReport } from '../store/encoding.js';
import { engineKeyOf, type DocumentFilter, type Store } from '../store/types.js';
import type { SerialisedOutcome } from './analyse-task.js';
import { fetchDocuments } from './fetch.js';
import type { AnalysisPool } from './pool.js';

export interface CorpusProgress {
  done: number;
  total: number;
  failed: number;
}

export interface AnalyseCorpusOptions {
  store: Store;
  pool: AnalysisPool;
  filter?: DocumentFilter;
  /** Documents per task sent to a thread (default 16): fewer messages, still fine-grained. */
  taskSize?: number;
  /** Analyses written per transaction (default 100; a report is often 10-20 times its text). */
  writeBatch?: number;
  /** At most this many documents (default: all that need analysis). */
  limit?: number;
  onProgress?: (p: CorpusProgress) => void;
}

export interface AnalyseCorpusResult {
  engineKey: string;
  total: number;
  analysed: number;
  failed: Array<{ id: number; error: string }>;
  seconds: number;
}

/**
 * Analyses every document of the store that has no analysis for the pool's engine, in the pool's
 * threads, and writes the reports back in batched transactions.
 *
 * Memory stays flat whatever the corpus size: only the ids to do are held (8 bytes each); texts
 * are fetched a task at a time, at most a few tasks per thread are in flight, and reports are
 * written and dropped every `writeBatch`.
 */
export async function analyseCorpus(options: AnalyseCorpusOptions): Promise<AnalyseCorpusResult> {
  const { store, pool } = options;
  const taskSize = options.taskSize ?? 16;
  const writeBatch = options.writeBatch ?? 100;
  const started = performance.now();
  const engineKey = engineKeyOf(await pool.engine());
  const todo = Float64Array.from(await store.documentsNeedingAnalysis(engineKey, options.filter, options.limit));
  const total = todo.length;
  const failed: AnalyseCorpusResult['failed'] = [];
  let analysed = 0;
  let pending: Array<{ key: { documentId: number; engineKey: string }; report: SerialisedReport }> = [];
  // Writes go one after another; analysis carries on in the threads while a batch is written.
  let writing: Promise<void> = Promise.resolve();
  let reported = -1;
  const report = () => {
    reported = analysed + failed.length;
    options.onProgress?.({ done: reported, total, failed: failed.length });
  };
  const flush = () => {
    if (pending.length === 0) return writing;
    const batch = pending;
    pending = [];
    writing = writing.then(async () => {
      await store.saveAnalyses(batch);
      analysed += batch.length;
      report();
    });
    // The error is kept in `writing` and thrown at the next await of it, not reported as unhandled.
    writing.catch(() => {});
    return writing;
  };
  const take = (outcomes: SerialisedOutcome[]) => {
    for (const o of outcomes) {
      if ('report' in o) pending.push({ key: { documentId: o.id, engineKey }, report: o.report });
      else failed.push({ id: o.id, error: o.error });
    }
    if (pending.length >= writeBatch) void flush();
  };

  // A window of tasks in flight keeps every thread busy without reading the corpus ahead.
  const window = pool.threads * 3;
  const inFlight = new Set<Promise<void>>();
  for (let k = 0; k < total; k += taskSize) {
    const ids = Array.from(todo.subarray(k, Math.min(total, k + taskSize)));
    const docs = await fetchDocuments(store, ids);
    // Threads serialise reports for the store: the writing thread only moves bytes.
    const task = pool.analyseSerialised(docs.map((d) => ({ id: d.id, text: d.text })), store.reportEncoding).then(take, (e: unknown) => {
      // The thread died (out of memory on a huge document, say): piscina starts a new one; these
      // documents are recorded as failed and the run goes on.
      const message = `analysis thread failed: ${e instanceof Error ? e.message : String(e)}`;
      for (const d of docs) failed.push({ id: d.id, error: message });
    });
    const tracked: Promise<void> = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= window) await Promise.race(inFlight);
    // Back-pressure on writes too: never let unwritten reports pile up behind a slow store.
    if (pending.length >= writeBatch * 2) await writing;
  }
  await Promise.all(inFlight);
  await flush();
  await writing;
  // Failures that came in after the last write are counted too.
  if (reported !== analysed + failed.length) report();
  return { engineKey, total, analysed, failed, seconds: (performance.now() - started) / 1000 };
}
