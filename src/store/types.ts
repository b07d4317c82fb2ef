import type { Report } from '../core/report.js';
import type { DocumentFilter, DocumentSummary, MetadataPatch, NewDocument, StoredDocument } from '../core/documents.js';
import type { ReportEncoding, SerialisedReport } from './encoding.js';

export type { DocumentFilter, DocumentMeta, DocumentSummary, MetadataPatch, NewDocument, StoredDocument } from '../core/documents.js';

/**
 * The corpus store contract. SQLite (embedded default) and PostgreSQL implement it; one contract
 * test suite (src/store/contract.ts) runs against both. All methods are async so that both fit.
 */

export interface Page {
  limit?: number;
  offset?: number;
}

export interface AnalysisKey {
  documentId: number;
  /** `${engine.version}+${engine.rules}+${engine.model ?? 'rules'}`: a new engine re-analyses. */
  engineKey: string;
}

export interface StoredAnalysis extends AnalysisKey {
  report: Report;
  createdAt: string;
}

export interface InsertResult {
  id: number;
  /** False when a document with the same hash was already stored. */
  created: boolean;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates tables / runs pending migrations. Idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  insertDocument(doc: NewDocument): Promise<InsertResult>;
  /** Inserts many in one transaction; same semantics as insertDocument for each. */
  insertDocuments(docs: NewDocument[]): Promise<InsertResult[]>;
  getDocument(id: number): Promise<StoredDocument | null>;
  getDocumentByHash(hash: string): Promise<StoredDocument | null>;
  /** Newest first (id descending); default limit 50, at most 1000 (common.ts pageOf). */
  listDocuments(filter?: DocumentFilter, page?: Page): Promise<{ total: number; items: DocumentSummary[] }>;
  deleteDocument(id: number): Promise<boolean>;
  /**
   * Changes a stored document's metadata, never its text (so its hash and analyses stay valid):
   * each field given replaces the stored one (null or blank clears it; `tags` replaces the list),
   * fields left out stay. Returns the updated document, or null when there is no such document.
   */
  updateDocument(id: number, meta: MetadataPatch): Promise<StoredDocument | null>;
  countDocuments(filter?: DocumentFilter): Promise<number>;

  saveAnalysis(key: AnalysisKey, report: Report): Promise<void>;
  /** Saves many in one transaction (batch analysis); reports may come serialised from analysis threads. */
  saveAnalyses(items: Array<{ key: AnalysisKey; report: Report | SerialisedReport }>): Promise<void>;
  /** How this store keeps reports, so that analysis threads can serialise them for it. */
  readonly reportEncoding: ReportEncoding;
  getAnalysis(documentId: number, engineKey: string): Promise<StoredAnalysis | null>;
  /** Ids of documents (matching the filter) that have no analysis for this engine key. */
  documentsNeedingAnalysis(engineKey: string, filter?: DocumentFilter, limit?: number): Promise<number[]>;
  /**
   * Streams documents with their analysis for an engine key, in id order, in pages, so that
   * comparison over a large corpus keeps memory flat.
   */
  iterateAnalysed(engineKey: string, filter?: DocumentFilter, batchSize?: number): AsyncIterable<{ doc: DocumentSummary; report: Report }>;
}

export function engineKeyOf(engine: Report['engine']): string {
  return `${engine.version}+${engine.rules}+${engine.model ?? 'rules'}`;
}
