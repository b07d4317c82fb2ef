import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { DEFAULT_MAX_INPUT_BYTES } from '../core/config.js';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { expandInputs } from './inputs.js';
import { cleanTags } from '../store/common.js';
import { engineKeyOf, type AnalysisKey, type NewDocument, type Store } from '../store/types.js';
import { INGEST_EXTENSIONS, readerFor } from './readers/index.js';
import { detectLanguage } from './record.js';
import { metadataChanges } from './metadata.js';
import { illFormedReason } from '../text/unicode.js';
import type { IngestOptions, IngestProblem, IngestProgress, IngestSummary, ReadRecord } from './types.js';

/**
 * Reads files and directories into the store: dedupes by content hash, analyses what has no
 * analysis for the analyzer's engine yet, and reports each bad file or row with its location while
 * carrying on with the rest. Rerunning it on the same inputs only re-reads them (resumable).
 */
export async function ingestPaths(store: Store, paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`batchSize: expected a positive integer, got ${batchSize}`);
  const maxBytes = options.maxBytes ?? options.analyzer?.config.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const analyzer = options.analyzer;
  const engineKey = analyzer ? engineKeyOf(analyzer.engine) : null;
  const extraTags = cleanTags(options.tags);
  const outlet = options.outlet?.trim() || null;

  let updated = 0;
  let metadataKept = 0;
  const problems: IngestProblem[] = [];
  const warnings: IngestProblem[] = [];
  const progress: IngestProgress = {
    filesTotal: 0,
    filesDone: 0,
    read: 0,
    added: 0,
    duplicates: 0,
    analysed: 0,
    failed: 0,
    current: null,
    bytesTotal: 0,
    bytesDone: 0,
  };
  const report = () => options.onProgress?.({ ...progress });
  const problem = (location: string, message: string) => {
    problems.push({ location, message });
    progress.failed++;
  };

  const files: string[] = [];
  for (const entry of expandInputs(paths, INGEST_EXTENSIONS)) {
    if (entry.error) problem(entry.file, entry.error.message.replace(`${entry.file}: `, ''));
    else if (entry.file === '-') problem('-', 'standard input is not supported by ingest; give file paths');
    else if (!readerFor(entry.file)) {
      let isFile = true;
      try {
        isFile = statSync(entry.file).isFile();
      } catch {
        // expandInputs already reported missing paths
      }
      problem(entry.file, isFile ? `unsupported file type "${extname(entry.file) || '(none)'}" (supported: ${[...INGEST_EXTENSIONS].join(', ')})` : 'not a regular file');
    } else files.push(entry.file);
  }
  progress.filesTotal = files.length;
  const sizes = files.map((f) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  });
  progress.bytesTotal = sizes.reduce((a, b) => a + b, 0);
  report();

  let batch: ReadRecord[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const records = batch;
    batch = [];
    const results = await store.insertDocuments(records.map((r) => r.doc));
    const firstById = new Map<number, ReadRecord>();
    const dupes: Array<{ id: number; rec: ReadRecord }> = [];
    results.forEach((r, i) => {
      if (r.created) progress.added++;
      else {
        progress.duplicates++;
        dupes.push({ id: r.id, rec: records[i]! });
      }
      if (!firstById.has(r.id)) firstById.set(r.id, records[i]!);
    });
    // Already stored: say when the input's metadata differs, and apply it when asked to.
    if (dupes.length > 0) {
      const found = await Promise.all([...new Set(dupes.map((d) => d.id))].map((id) => store.getDocument(id)));
      const stored = new Map(found.flatMap((d) => (d ? [[d.id, d] as const] : [])));
      for (const { id, rec } of dupes) {
        const current = stored.get(id);
        if (!current) continue;
        const patch = metadataChanges(current, rec.doc);
        if (!patch) continue;
        if (!options.updateMetadata) metadataKept++;
        else {
          const after = await store.updateDocument(id, patch);
          if (after) stored.set(id, after);
          updated++;
        }
      }
    }
    report();
    if (!analyzer || !engineKey) return;
    const need = await store.documentsNeedingAnalysis(engineKey, { ids: [...firstById.keys()] });
    const done: Array<{ key: AnalysisKey; report: Report }> = [];
    for (const id of need) {
      const rec = firstById.get(id)!;
      try {
        done.push({ key: { documentId: id, engineKey }, report: analyzer.analyze(rec.doc.text) });
        progress.analysed++;
      } catch (e) {
        // The document stays stored without an analysis; a rerun tries again.
        problem(rec.location, `analysis failed: ${(e as Error).message}`);
      }
      report();
    }
    await store.saveAnalyses(done);
  };

  let bytesBefore = 0;
  for (const [i, file] of files.entries()) {
    progress.current = file;
    report();
    for await (const item of readerFor(file)!(file, maxBytes)) {
      if (item.offset !== undefined) progress.bytesDone = bytesBefore + Math.min(item.offset, sizes[i]!);
      if (item.kind === 'problem') {
        problem(item.location, item.message);
        continue;
      }
      if (item.kind === 'warning') {
        warnings.push({ location: item.location, message: item.message });
        continue;
      }
      const bytes = Buffer.byteLength(item.doc.text, 'utf8');
      if (bytes > maxBytes) {
        problem(item.location, `document is ${bytes} bytes, over the per-document limit of ${maxBytes}`);
        continue;
      }
      // One rule everywhere: text that cannot be stored exactly as analysed is refused (JSON escapes, HTML entities).
      const bad = illFormedField(item.doc);
      if (bad) {
        problem(item.location, bad);
        continue;
      }
      const doc: NewDocument = {
        ...item.doc,
        outlet: item.doc.outlet ?? outlet,
        tags: cleanTags([...(item.doc.tags ?? []), ...extraTags]),
        language: item.doc.language ?? detectLanguage(item.doc.text),
        origin: item.location,
      };
      batch.push({ location: item.location, doc });
      progress.read++;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    bytesBefore += sizes[i]!;
    progress.bytesDone = bytesBefore;
    progress.filesDone++;
    report();
  }
  progress.current = null;
  report();
  const { current: _current, ...counts } = progress;
  return { ...counts, updated, metadataKept, engineKey, problems, warnings, seconds: (performance.now() - started) / 1000 };
}

/** The first field of a document that is not well-formed Unicode, as a message; null when all are. */
function illFormedField(doc: NewDocument): string | null {
  for (const [field, value] of Object.entries(doc)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      const bad = illFormedReason(v);
      if (bad) return `field "${field}" is ${bad}`;
    }
  }
  return null;
}
