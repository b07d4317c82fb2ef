import type { Comparison, DocumentComparison, GroupBy } from '../../src/core/compare.js';
import type { Report } from '../../src/core/report.js';
import type { TechniqueId } from '../../src/core/taxonomy.js';
import type { ActorComparison, LayerComparison } from '../../src/core/compare.js';
import type { DocumentSummary, StoredDocument } from '../../src/core/documents.js';
import type { GroupBlindSpots, StoryView } from '../../src/core/stories.js';

/** The UI's only way to the server: typed calls to the HTTP API. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'framewise.token';
export const tokenStore = {
  get: (): string => localStorage.getItem(TOKEN_KEY) ?? '',
  set: (v: string) => (v ? localStorage.setItem(TOKEN_KEY, v) : localStorage.removeItem(TOKEN_KEY)),
};

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = tokenStore.get();
  if (token && method !== 'GET') headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { message?: string; field?: string } } | null)?.error;
    const hint = res.status === 401 ? ' (set the API token at the top right)' : '';
    throw new ApiError(res.status, (err?.message ?? `HTTP ${res.status}`) + hint, err?.field);
  }
  return data as T;
}

export interface DocumentFilterParams {
  outlet?: string;
  tag?: string;
  author?: string;
  q?: string;
}

function query(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export type DocumentList = { total: number; limit: number; offset: number; items: DocumentSummary[] };
/** `report` is null while the document has no analysis for the server's engine (reads never analyse). */
export type DocumentWithReport = { document: StoredDocument; report: Report | null; engineKey: string };
export type MetadataPatch = { title?: string | null; outlet?: string | null; author?: string | null; publishedAt?: string | null; url?: string | null; tags?: string[] };
export type AnalysedMissing = { engineKey: string; analysed: number; failed: Array<{ id: number; message: string }>; remaining: number };

/** Group comparisons say how many matching documents they could not count (no analysis yet). */
export type NotAnalysed = { notAnalysed: number };

export const api = {
  analyze: (text: string, options: { techniques?: TechniqueId[]; minConfidence?: number } = {}) =>
    call<Report>('POST', '/api/analyze', { text, ...options }),
  createDocument: (doc: { text: string; title?: string; outlet?: string; author?: string; tags?: string[] }) =>
    call<{ id: number; created: boolean; document: StoredDocument; report: Report }>('POST', '/api/documents', doc),
  listDocuments: (filter: DocumentFilterParams, page: { limit: number; offset: number }) =>
    call<DocumentList>('GET', `/api/documents${query({ ...filter, ...page })}`),
  getDocument: (id: number) => call<DocumentWithReport>('GET', `/api/documents/${id}`),
  deleteDocument: (id: number) => call<void>('DELETE', `/api/documents/${id}`),
  updateDocument: (id: number, patch: MetadataPatch) => call<{ document: StoredDocument }>('PATCH', `/api/documents/${id}`, patch),
  analyseMissing: (filter: DocumentFilterParams & { ids?: number[]; limit?: number }) => call<AnalysedMissing>('POST', '/api/analyses', filter),
  compareGroups: (by: GroupBy, filter: DocumentFilterParams, tagPrefix = '', minConfidence = 0) =>
    call<Comparison & NotAnalysed>('GET', `/api/compare${query({ by, tagPrefix, ...filter, ...(minConfidence > 0 ? { minConfidence } : {}) })}`),
  compareLayers: (by: GroupBy, filter: DocumentFilterParams, tagPrefix = '') => call<LayerComparison & NotAnalysed>('GET', `/api/compare/layers${query({ by, tagPrefix, ...filter })}`),
  compareActors: (by: GroupBy, filter: DocumentFilterParams, tagPrefix = '', minDocuments = 2) =>
    call<ActorComparison & NotAnalysed>('GET', `/api/compare/actors${query({ by, tagPrefix, minDocuments, ...filter })}`),
  compareDocuments: (a: number, b: number) => call<DocumentComparison>('GET', `/api/compare${query({ a, b })}`),
  listStories: (filter: StoryFilterParams, page: { limit: number; offset: number }) =>
    call<{ total: number; limit: number; offset: number; items: StoryView[] }>('GET', `/api/stories${query({ ...filter, ...page })}`),
  getStory: (id: number, tagPrefix = '') => call<StoryView>('GET', `/api/stories/${id}${query({ tagPrefix })}`),
  storyBlindSpots: (filter: StoryFilterParams) => call<{ stories: number; groups: GroupBlindSpots[] }>('GET', `/api/stories/blind-spots${query(filter)}`),
};

export interface StoryFilterParams {
  from?: string;
  to?: string;
  q?: string;
  tagPrefix?: string;
}
