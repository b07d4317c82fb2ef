import type { Analyzer } from '../analysis/analyzer.js';
import type { NewDocument } from '../store/types.js';

/**
 * Shapes of corpus ingestion (src/ingest/ingest.ts: `ingestPaths(store, paths, options)`) and of the
 * demo corpus loader (src/ingest/demo.ts: `loadDemoCorpus(store, analyzer)`).
 */

export interface IngestOptions {
  /** Outlet for documents whose input names none. */
  outlet?: string;
  /** Tags added to every document. */
  tags?: string[];
  /** Analyses new documents (and stored ones without an analysis for its engine); null: store only. */
  analyzer: Analyzer | null;
  onProgress?: (p: IngestProgress) => void;
  /** Documents per insert transaction (default 100). */
  batchSize?: number;
  /** Per-document size limit in bytes (default: the analyzer's maxInputBytes, else 5 MB). */
  maxBytes?: number;
  /**
   * Documents already stored take the metadata this input gives them (fields given replace the
   * stored ones; tags are added). Without it they keep theirs, and the summary counts those whose
   * stored metadata differs from the input (`metadataKept`).
   */
  updateMetadata?: boolean;
}

export interface IngestProgress {
  /** Input files found and files finished. */
  filesTotal: number;
  filesDone: number;
  /** Documents read so far (good ones). */
  read: number;
  added: number;
  duplicates: number;
  analysed: number;
  failed: number;
  /** File being read. */
  current: string | null;
  /** Sizes of all input files, and bytes read so far (finished files plus the position in the current one). */
  bytesTotal: number;
  bytesDone: number;
}

/** A bad file, row or document: where (file or file:line) and what. */
export interface IngestProblem {
  location: string;
  message: string;
}

export interface IngestSummary extends Omit<IngestProgress, 'current'> {
  /** Already stored documents whose metadata this run changed (with updateMetadata). */
  updated: number;
  /** Already stored documents whose metadata differs from the input's and was left as it was (without updateMetadata). */
  metadataKept: number;
  /** Stored and already analysed for this engine: nothing to do. */
  engineKey: string | null;
  problems: IngestProblem[];
  /** Non-fatal notes (an unparseable date dropped, ...). */
  warnings: IngestProblem[];
  seconds: number;
}

/** One document read from an input, with where it came from. */
export interface ReadRecord {
  location: string;
  doc: NewDocument;
}

/** What a reader yields: a document, or a problem at a location (the reader then carries on). */
export type ReadItem = (({ kind: 'doc' } & ReadRecord) | ({ kind: 'problem' } & IngestProblem) | ({ kind: 'warning' } & IngestProblem)) & {
  /** Bytes of the file read up to this item, for progress (readers of one-document files leave it out). */
  offset?: number;
};
