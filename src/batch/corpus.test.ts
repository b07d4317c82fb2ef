import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.mjs';
import { Analyzer } from '../analysis/analyzer.js';
import { defaultConfig } from '../core/config.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite.js';
import { engineKeyOf } from '../store/types.js';
import { analyseCorpus, type CorpusProgress } from './corpus.js';
import { AnalysisPool, parseThreads } from './pool.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analyseCorpus over a real SQLite store in 2 threads', () => {
  // A size limit that the one oversized document below exceeds: it must fail alone.
  const config = { ...defaultConfig(), maxInputBytes: 3000 };
  let store: SqliteStore;
  let pool: AnalysisPool;
  let ids: number[];
  let bigId: number;

  beforeAll(async () => {
    store = await openSqliteStore(join(dir, 'corpus.db'));
    const docs = [...articles({ count: 60, bytes: 1200, seed: 11 })];
    ids = (await store.insertDocuments(docs)).map((r) => r.id);
    bigId = (await store.insertDocument({ text: [...articles({ count: 1, bytes: 4000, seed: 12 })][0]!.text })).id;
    pool = new AnalysisPool({ threads: 2, config });
    await pool.warm();
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
    await store?.close();
  });

  it('analyses every document once, in batched writes, identical to in-process analysis', async () => {
    const progress: CorpusProgress[] = [];
    const result = await analyseCorpus({ store, pool, taskSize: 4, writeBatch: 10, onProgress: (p) => progress.push(p) });
    const inProcess = new Analyzer({ config });
    expect(result.engineKey).toBe(engineKeyOf(inProcess.engine));
    expect(result.total).toBe(61);
    expect(result.analysed).toBe(60);
    expect(result.failed).toEqual([{ id: bigId, error: expect.stringMatching(/over the limit of 3000/) }]);
    // Several transactions, and progress that only goes up to the total.
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)!.done).toBe(61);
    for (const id of [ids[0]!, ids[29]!, ids[59]!]) {
      const doc = (await store.getDocument(id))!;
      const stored = (await store.getAnalysis(id, result.engineKey))!;
      expect(stored.report).toEqual(inProcess.analyze(doc.text));
    }
    expect(await store.documentsNeedingAnalysis(result.engineKey)).toEqual([bigId]);
  }, 120_000);

  it('after warm(), every thread answers with the same engine', async () => {
    const ids = await Promise.all(Array.from({ length: 4 }, () => pool.engine()));
    expect(new Set(ids.map((e) => JSON.stringify(e))).size).toBe(1);
    expect(pool.threads).toBe(2);
  });

  it('does nothing the second time but retry what failed', async () => {
    const again = await analyseCorpus({ store, pool });
    expect(again.total).toBe(1);
    expect(again.analysed).toBe(0);
    expect(again.failed.map((f) => f.id)).toEqual([bigId]);
  });
});

describe('parseThreads', () => {
  it('defaults to the cores and refuses nonsense with the flag name', () => {
    expect(parseThreads(undefined)).toBeGreaterThanOrEqual(1);
    expect(parseThreads('3')).toBe(3);
    expect(() => parseThreads('0')).toThrow(/--threads: expected an integer from 1 to 256, got "0"/);
    expect(() => parseThreads('two')).toThrow(/--threads/);
  });
});
