import type { Report } from '../core/report.js';
import type { DocumentFilter, DocumentSummary, MetadataPatch, NewDocument, StoredDocument } from '../core/documents.js';
import type { ReportEncoding, SerialisedReport } from './encoding.js';

export type { DocumentFilter, DocumentMeta, DocumentSummary, MetadataPatch, NewDocument, StoredDocument } from '../core/documents.js';

/**
 * The corpus store contract. SQLite (embedded default) and PostgreSQL implement it; one contract
 * test suite (src/store/test-support/contract.ts) runs against both. All methods are async so that both fit.
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

export interface Store extends StoryStore {
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

/** One document of a story, with the similarity it had to the story when it joined. */
export interface StoryMember {
  documentId: number;
  score: number;
}

/** A story: stored documents about the same event, grouped by src/stories. */
export interface StoryRecord {
  id: number;
  title: string;
  /** Earliest and latest publishedAt of its documents, as stored (null when none is dated). */
  firstAt: string | null;
  lastAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Its documents, by id ascending. */
  members: StoryMember[];
}

export interface StoryFilter {
  /** Stories whose last document is dated on or after this. */
  from?: string;
  /** Stories whose first document is dated on or before this, at the precision given. */
  to?: string;
  /** Case-insensitive substring of the title. */
  q?: string;
  /** The story that holds this document. */
  documentId?: number;
}

/** What one clustering run writes, in one transaction. */
export interface StoryChanges {
  create: Array<{ title: string; firstAt: string | null; lastAt: string | null; members: StoryMember[] }>;
  /** New documents for existing stories, with the recomputed title and span. */
  update: Array<{ id: number; title: string; firstAt: string | null; lastAt: string | null; add: StoryMember[] }>;
}

/**
 * Story storage, part of every Store. A document belongs to at most one story; deleting a document
 * removes it from its story, and a story without documents is no longer listed.
 */
export interface StoryStore {
  /** Documents with their text, matching the filter, in id order, in pages (keyset paging keeps memory flat). */
  iterateDocuments(filter?: DocumentFilter, batchSize?: number): AsyncIterable<StoredDocument>;
  /** document id -> story id, for the given documents (or every document that has a story). */
  storyOf(documentIds?: number[]): Promise<Map<number, number>>;
  /**
   * Creates and updates stories in one transaction; returns the ids of the created ones in order.
   * A document that already has a story, or no longer exists, is skipped; so is an update of a
   * story that no longer exists.
   */
  saveStories(changes: StoryChanges): Promise<number[]>;
  /** Newest first (latest document date, undated last, then id descending); default limit 50, at most 1000. */
  listStories(filter?: StoryFilter, page?: Page): Promise<{ total: number; items: StoryRecord[] }>;
  getStory(id: number): Promise<StoryRecord | null>;
  /** Removes every story (documents stay); returns how many there were. */
  deleteStories(): Promise<number>;
}
