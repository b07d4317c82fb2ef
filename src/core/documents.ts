/**
 * The shapes of stored documents (what the store keeps, lists and filters by), read by the store, the
 * comparisons, the HTTP API and the web UI alike.
 */

export interface DocumentMeta {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  /** ISO date (YYYY-MM-DD) or date-time. */
  publishedAt?: string | null;
  url?: string | null;
  language?: string | null;
  /** Free labels, e.g. a camp (`camp:north`) or country (`country:freedonia`). */
  tags?: string[];
  /** Where the document came from (file path and row), for messages. */
  origin?: string | null;
}

/** The metadata fields a document's owner may change after storing it. */
export type MetadataPatch = Omit<DocumentMeta, 'origin'>;

export interface NewDocument extends DocumentMeta {
  text: string;
}

export interface StoredDocument extends Required<Omit<DocumentMeta, 'tags'>> {
  id: number;
  /** sha256 of the text: identical texts are stored once. */
  hash: string;
  tags: string[];
  text: string;
  words: number;
  createdAt: string;
}

/** A document without its text; `analysed`: at least one analysis (any engine) is stored. */
export type DocumentSummary = Omit<StoredDocument, 'text'> & { analysed: boolean };

export interface DocumentFilter {
  outlet?: string;
  author?: string;
  tag?: string;
  /** Case-insensitive substring of title or text. */
  q?: string;
  /** publishedAt >= from. */
  from?: string;
  /** publishedAt <= to, at the precision given: to=2024-03-01 keeps 2024-03-01T18:00. */
  to?: string;
  /** An empty list matches nothing. */
  ids?: number[];
}
