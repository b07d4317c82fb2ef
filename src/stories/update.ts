import { UserError } from '../core/errors.js';
import type { DocumentFilter, StoredDocument, Store, StoryChanges } from '../store/types.js';
import { clusterDocuments, joinOrder, type ClusterDoc } from './cluster.js';
import { documentTerms, TermSpace } from './features.js';
import { storyTitle } from './title.js';

/**
 * `framewise stories` step one: groups stored documents into stories and saves them. Documents that
 * already have a story keep it; the others join a story or start one. Rerunning with no new
 * documents writes nothing.
 */

/** Calibrated on the tuning part of the story fixtures (docs/stories.md): pairwise F1 0.975 there. */
export const STORY_DEFAULTS = { window: '3d', threshold: 0.25, decay: 0.75, prior: 20 } as const;

export interface UpdateStoriesOptions {
  /** Only documents published on or after this date (YYYY-MM-DD or ISO date-time) are assigned. */
  since?: string;
  /** Time window, e.g. "3d", "36h", "1w" (default 3d). */
  window?: string;
  threshold?: number;
  decay?: number;
  prior?: number;
}

export interface UpdateStoriesResult {
  /** Documents read (including those that only gave context). */
  read: number;
  /** Documents that got a story in this run. */
  assigned: number;
  created: number[];
  updated: number[];
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "3d" -> ms. Units: m (minutes), h, d, w. */
export function parseWindow(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$/i.exec(value);
  if (!m) throw new UserError(`--window: expected a number and a unit (m, h, d, w), like 3d or 36h; got "${value}"`, { field: 'window' });
  const ms = Number(m[1]) * UNITS[m[2]!.toLowerCase()]!;
  if (!(ms > 0)) throw new UserError(`--window: must be more than zero, got "${value}"`, { field: 'window' });
  return ms;
}

/** A date (YYYY-MM-DD or ISO date-time) as ms; a UserError naming `field` otherwise. */
export function parseDate(value: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new UserError(`--${field}: expected a date like 2024-03-01, got "${value}"`, { field });
  return ms;
}

function timeOf(doc: { publishedAt: string | null }): number | null {
  if (!doc.publishedAt) return null;
  const ms = Date.parse(doc.publishedAt);
  return Number.isNaN(ms) ? null : ms;
}

/** Earliest and latest publishedAt of some documents, as stored. */
export function spanOf(docs: Array<{ publishedAt: string | null }>): { firstAt: string | null; lastAt: string | null } {
  let first: { t: number; s: string } | null = null;
  let last: { t: number; s: string } | null = null;
  for (const d of docs) {
    const t = timeOf(d);
    if (t === null) continue;
    if (!first || t < first.t) first = { t, s: d.publishedAt! };
    if (!last || t > last.t) last = { t, s: d.publishedAt! };
  }
  return { firstAt: first?.s ?? null, lastAt: last?.s ?? null };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Which documents a run must read when every stored document may be placed: none when all have a
 * story (the API asks on every request), else those within one window of the documents that have
 * none (every document when one of those is undated). The stories they may join, and the term
 * statistics, come from that neighbourhood.
 */
async function rangeToRead(store: Store, windowMs: number): Promise<DocumentFilter | null> {
  const placed = await store.storyOf();
  const total = await store.countDocuments();
  if (placed.size >= total) return null;
  let first = Infinity;
  let last = -Infinity;
  for (let offset = 0; offset < total; offset += 1000) {
    const { items } = await store.listDocuments({}, { limit: 1000, offset });
    for (const d of items) {
      if (placed.has(d.id)) continue;
      const t = timeOf(d);
      if (t === null) return {};
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    if (items.length < 1000) break;
  }
  if (first === Infinity) return null;
  return { from: day(first - windowMs), to: day(last + windowMs) };
}

export async function updateStories(store: Store, options: UpdateStoriesOptions = {}): Promise<UpdateStoriesResult> {
  const windowMs = parseWindow(options.window ?? STORY_DEFAULTS.window);
  const since = options.since === undefined ? null : parseDate(options.since, 'since');
  const range = since === null ? await rangeToRead(store, windowMs) : { from: day(since - windowMs) };
  if (range === null) return { read: 0, assigned: 0, created: [], updated: [] };
  const docs: StoredDocument[] = [];
  for await (const d of store.iterateDocuments(range)) docs.push(d);
  const assigned = await store.storyOf(docs.map((d) => d.id));
  const eligible = docs.filter((d) => assigned.has(d.id) || since === null || (timeOf(d) ?? -Infinity) >= since);

  const space = new TermSpace(options.prior ?? STORY_DEFAULTS.prior);
  const terms = eligible.map((d) => documentTerms(d.text, d.title));
  for (const t of terms) space.add(t);
  const clusterDocs: ClusterDoc[] = eligible.map((d, i) => ({ id: d.id, time: timeOf(d), vector: space.vector(terms[i]!) }));
  // Terms in more than 2% of the documents (and more than 50) find candidates for nobody.
  const common = Math.max(50, 0.02 * space.size);
  const result = clusterDocuments(clusterDocs, assigned, {
    windowMs,
    threshold: options.threshold ?? STORY_DEFAULTS.threshold,
    decay: options.decay ?? STORY_DEFAULTS.decay,
    indexable: (term) => space.df(term) <= common,
  });
  if (result.joins.length === 0) return { read: docs.length, assigned: 0, created: [], updated: [] };

  const byId = new Map(docs.map((d) => [d.id, d]));
  const order = new Map([...clusterDocs].sort(joinOrder).map((d, i) => [d.id, i]));
  const changes: StoryChanges = { create: [], update: [] };
  for (const members of result.created.values()) {
    const list = members.map((id) => byId.get(id)!);
    changes.create.push({ title: storyTitle(list), ...spanOf(list), members: result.joins.filter((j) => members.includes(j.doc)).map((j) => ({ documentId: j.doc, score: j.score })) });
  }
  const joinedExisting = new Map<number, Array<{ documentId: number; score: number }>>();
  for (const j of result.joins) {
    if (j.story < 0) continue;
    let list = joinedExisting.get(j.story);
    if (!list) joinedExisting.set(j.story, (list = []));
    list.push({ documentId: j.doc, score: j.score });
  }
  for (const [id, add] of joinedExisting) {
    const story = await store.getStory(id);
    if (!story) continue;
    // Members outside the loaded range are read too: the title and span cover the whole story.
    const missing = story.members.map((m) => m.documentId).filter((d) => !byId.has(d));
    if (missing.length > 0) for await (const d of store.iterateDocuments({ ids: missing })) byId.set(d.id, d);
    const all = [...story.members.map((m) => m.documentId), ...add.map((a) => a.documentId)]
      .map((d) => byId.get(d))
      .filter((d): d is StoredDocument => d !== undefined)
      .sort((a, b) => (order.get(a.id) ?? -1) - (order.get(b.id) ?? -1) || a.id - b.id);
    changes.update.push({ id, title: storyTitle(all), ...spanOf(all), add });
  }
  const created = await store.saveStories(changes);
  return { read: docs.length, assigned: result.joins.length, created, updated: [...joinedExisting.keys()] };
}
