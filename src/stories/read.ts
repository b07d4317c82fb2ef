import type { Report } from '../core/report.js';
import type { Page, Store, StoredDocument, StoryFilter, StoryRecord } from '../store/types.js';
import { analyseStory, type StoryOptions, type VersionInput } from './story.js';
import type { GroupBlindSpots, StoryView } from '../core/stories.js';

/**
 * Stories as the CLI, the API and the web UI show them: stored stories with their versions' facts,
 * read from the stored analyses of one engine. Documents without an analysis for that engine are
 * listed without facts (callers that may analyse run analyseMissing first).
 */

async function versionsOf(store: Store, engineKey: string, record: StoryRecord): Promise<VersionInput[]> {
  const ids = record.members.map((m) => m.documentId);
  const docs: StoredDocument[] = [];
  for await (const d of store.iterateDocuments({ ids })) docs.push(d);
  const out: VersionInput[] = [];
  for (const d of docs) {
    const analysis = await store.getAnalysis(d.id, engineKey);
    out.push({ id: d.id, title: d.title, outlet: d.outlet, publishedAt: d.publishedAt, url: d.url, tags: d.tags, text: d.text, report: (analysis?.report as Report | undefined) ?? null });
  }
  // Versions in time order (undated last), then id: the order columns and evidence follow.
  return out.sort((a, b) => (a.publishedAt ?? '\uffff').localeCompare(b.publishedAt ?? '\uffff') || a.id - b.id);
}

export async function storyView(store: Store, engineKey: string, id: number, options: StoryOptions = {}): Promise<StoryView | null> {
  const record = await store.getStory(id);
  if (!record) return null;
  return analyseStory(record, await versionsOf(store, engineKey, record), options);
}

export async function storyViews(store: Store, engineKey: string, filter: StoryFilter = {}, page?: Page, options: StoryOptions = {}): Promise<{ total: number; items: StoryView[] }> {
  const { total, items } = await store.listStories(filter, page);
  const views: StoryView[] = [];
  for (const record of items) views.push(analyseStory(record, await versionsOf(store, engineKey, record), options));
  return { total, items: views };
}

/** Document ids of the stories a filter selects (to analyse what lacks an analysis first). */
export async function storyDocumentIds(store: Store, filter: StoryFilter = {}, page?: Page): Promise<number[]> {
  const { items } = await store.listStories(filter, page);
  return items.flatMap((s) => s.members.map((m) => m.documentId));
}

/** Per group, across the stories of `views`: facts every version of the group leaves out while most others carry them. */
export function blindSpotsAcross(views: StoryView[]): GroupBlindSpots[] {
  const byGroup = new Map<string, GroupBlindSpots>();
  for (const v of views) {
    for (const g of v.groups) {
      let entry = byGroup.get(g.group);
      if (!entry) byGroup.set(g.group, (entry = { group: g.group, stories: 0, facts: [] }));
      entry.stories++;
    }
    for (const b of v.blindSpots) {
      const docs = v.documents.filter((d) => d.group === b.group);
      for (const f of b.facts) {
        const o = docs[0]!.omits.find((x) => x.fact === f.fact)!;
        byGroup.get(b.group)!.facts.push({ ...f, storyId: v.id, storyTitle: v.title, carriedBy: o.carriedBy, others: o.others });
      }
    }
  }
  return [...byGroup.values()].sort((a, b) => b.facts.length - a.facts.length || a.group.localeCompare(b.group));
}

/** Every story matching the filter, page by page (for blind spots across a corpus). */
export async function allStoryViews(store: Store, engineKey: string, filter: StoryFilter = {}, options: StoryOptions = {}): Promise<StoryView[]> {
  const out: StoryView[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await storyViews(store, engineKey, filter, { limit: 200, offset }, options);
    out.push(...page.items);
    if (page.items.length < 200) return out;
  }
}
