import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../analysis/analyzer.js';
import { defaultConfig } from '../core/config.js';
import { TECHNIQUE_IDS } from '../core/taxonomy.js';
import { openSqliteStore } from '../store/sqlite.js';
import { STABLE_TECHNIQUES, stableAnalyzer } from '../store/test-support/analyzer.js';
import { engineKeyOf } from '../store/types.js';
import { ingestPaths } from './ingest.js';
import type { IngestProgress } from './types.js';

const FIX = fileURLToPath(new URL('./fixtures/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'framewise-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingestPaths', () => {
  const analyzer = stableAnalyzer();

  it('loads a folder of mixed inputs, reports every bad file and row, and is resumable', async () => {
    const store = await openSqliteStore(join(dir, 'mixed.db'));
    const seen: IngestProgress[] = [];
    const first = await ingestPaths(store, [FIX], { analyzer, outlet: 'Desk', tags: ['batch:one'], batchSize: 3, onProgress: (p) => seen.push(p) });
    expect(first).toMatchObject({ filesTotal: 11, filesDone: 11, read: 10, added: 10, duplicates: 0, analysed: 10, failed: 12, engineKey: engineKeyOf(analyzer.engine) });
    const where = first.problems.map((p) => p.location.replace(FIX, '')).sort();
    expect(where).toEqual([
      'bad-utf8.jsonl:1',
      'binary.csv',
      'binary.txt',
      'corpus.csv:3',
      'corpus.csv:4',
      'corpus.jsonl:3',
      'corpus.jsonl:4',
      'corpus.jsonl:5',
      'empty.txt',
      'latin1.csv:3',
      'latin1.txt',
      'no-text-column.csv',
    ]);
    expect(first.warnings.map((w) => w.location.replace(FIX, ''))).toEqual(['corpus.jsonl:7']);
    expect(seen.at(-1)).toMatchObject({ filesDone: 11, analysed: 10, current: null });
    expect(seen.some((p) => p.current?.endsWith('article.html'))).toBe(true);

    // Metadata: the file's own outlet wins, --outlet fills the gaps, tags are added to each.
    const html = (await store.listDocuments({ outlet: 'The Harbour Gazette' })).items[0]!;
    expect(html).toMatchObject({ title: 'River talks stall again', author: 'Lena Okafor', tags: ['batch:one'], language: 'en', analysed: true });
    expect(html.origin).toBe(join(FIX, 'article.html'));
    const note = (await store.listDocuments({ q: 'spillway' })).items[0]!;
    expect(note).toMatchObject({ outlet: 'Desk', title: 'Sluice gates stay shut', tags: ['batch:one'] });
    expect((await store.listDocuments({ tag: 'topic:dam' })).items[0]!.tags).toEqual(['batch:one', 'camp:north', 'topic:dam']);

    // The stored report is the analyzer's report of the stored text.
    const csvDoc = (await store.listDocuments({ q: 'shameful and vile' })).items[0]!;
    const stored = await store.getAnalysis(csvDoc.id, engineKeyOf(analyzer.engine));
    const text = (await store.getDocument(csvDoc.id))!.text;
    expect(stored!.report).toEqual(analyzer.analyze(text));
    expect(stored!.report.counts.byTechnique['loaded-language']).toBeGreaterThanOrEqual(2);

    // A rerun reads everything again but stores and analyses nothing new.
    const again = await ingestPaths(store, [FIX], { analyzer, batchSize: 4 });
    expect(again).toMatchObject({ read: 10, added: 0, duplicates: 10, analysed: 0, failed: 12 });
    expect(await store.countDocuments()).toBe(10);
    await store.close();
  });

  it('re-analyses stored documents when the engine changes, and only then', async () => {
    const store = await openSqliteStore(join(dir, 'engine.db'));
    const md = join(FIX, 'note.md');
    expect((await ingestPaths(store, [md], { analyzer: null })).analysed).toBe(0);
    expect(await store.documentsNeedingAnalysis(engineKeyOf(analyzer.engine))).toHaveLength(1);
    expect((await ingestPaths(store, [md], { analyzer })).analysed).toBe(1);
    expect((await ingestPaths(store, [md], { analyzer })).analysed).toBe(0);

    // An extra rule file changes the rules hash, hence the engine key.
    const rules = join(dir, 'extra.yaml');
    writeFileSync(rules, 'technique: loaded-language\nrules:\n  - id: sluice\n    kind: lexicon\n    confidence: 0.5\n    message: test rule\n    terms: [sluice]\n');
    const config = defaultConfig();
    config.techniques = Object.fromEntries(TECHNIQUE_IDS.map((t) => [t, STABLE_TECHNIQUES.includes(t)]));
    config.rules = [rules];
    const newer = new Analyzer({ config, model: null });
    expect(engineKeyOf(newer.engine)).not.toBe(engineKeyOf(analyzer.engine));
    const r = await ingestPaths(store, [md], { analyzer: newer });
    expect(r).toMatchObject({ added: 0, duplicates: 1, analysed: 1 });
    const id = (await store.listDocuments()).items[0]!.id;
    const report = (await store.getAnalysis(id, engineKeyOf(newer.engine)))!.report;
    expect(report.findings.map((f) => f.ruleId)).toContain('loaded-language/sluice');
    expect(await store.getAnalysis(id, engineKeyOf(analyzer.engine))).not.toBeNull();
    await store.close();
  });

  it('reports missing paths, unsupported types and over-size documents, and dedupes within a run', async () => {
    const store = await openSqliteStore(join(dir, 'odd.db'));
    const pdf = join(dir, 'paper.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const twice = join(dir, 'twice.jsonl');
    writeFileSync(twice, '{"text":"Same words twice."}\n{"text":"Same words twice."}\n{"text":"' + 'long '.repeat(40) + '"}\n');
    const r = await ingestPaths(store, [join(dir, 'nope.txt'), pdf, twice], { analyzer, maxBytes: 100 });
    expect(r.problems).toEqual([
      { location: join(dir, 'nope.txt'), message: 'no such file or directory' },
      { location: pdf, message: 'unsupported file type ".pdf" (supported: .txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv)' },
      { location: `${twice}:3`, message: 'line is 211 bytes, over the per-document limit of 100' },
    ]);
    expect(r).toMatchObject({ filesTotal: 1, read: 2, added: 1, duplicates: 1, analysed: 1, failed: 3 });
    await store.close();
  });
});

describe('analyseMissing', () => {
  it('analyses only stored documents without an analysis for the engine, within the filter', async () => {
    const { analyseMissing } = await import('./analyse.js');
    const analyzer = stableAnalyzer();
    const store = await openSqliteStore(join(dir, 'missing.db'));
    await store.insertDocuments([
      { text: 'A vile plan.', tags: ['x'] },
      { text: 'A calm plan.', tags: ['y'] },
      { text: 'A brutal plan.', tags: ['x'] },
    ]);
    const key = engineKeyOf(analyzer.engine);
    const seen: Array<[number, number]> = [];
    const r = await analyseMissing(store, analyzer, { tag: 'x' }, { batchSize: 1, onProgress: (d, t) => seen.push([d, t]) });
    expect(r).toEqual({ engineKey: key, analysed: 2, problems: [] });
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(await store.documentsNeedingAnalysis(key)).toHaveLength(1);
    expect((await analyseMissing(store, analyzer)).analysed).toBe(1);
    expect((await analyseMissing(store, analyzer)).analysed).toBe(0);
    await store.close();
  });
});

describe('ingest progress', () => {
  it('follows bytes through a corpus file up to its size', async () => {
    const store = await openSqliteStore(join(dir, 'bytes.db'));
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, Array.from({ length: 50 }, (_, i) => JSON.stringify({ text: `Document number ${i} about the valley.` })).join('\n') + '\n');
    const seen: IngestProgress[] = [];
    const r = await ingestPaths(store, [file], { analyzer: null, batchSize: 10, onProgress: (p) => seen.push(p) });
    const size = (await import('node:fs')).statSync(file).size;
    expect(r.bytesTotal).toBe(size);
    expect(r.bytesDone).toBe(size);
    const bytes = seen.map((p) => p.bytesDone);
    expect(bytes.some((b) => b > 0 && b < size)).toBe(true);
    expect([...bytes].sort((a, b) => a - b)).toEqual(bytes);
    await store.close();
  });
});
