import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/types.js';
import { engineKeyOf } from '../../store/types.js';
import { allStoryViews, blindSpotsAcross, storyView, storyViews } from '../../stories/read.js';
import { updateStories } from '../../stories/update.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { BlindSpotsQuery, ListStoriesQuery, StoryParams } from '../story-schemas.js';
import { parseRequest } from '../validate.js';

/**
 * GET /api/stories: stories (stored documents about one event), newest first, each with its
 * versions, facts, and what each version leaves out. GET /api/stories/:id: one story.
 * GET /api/stories/blind-spots: per group, what it leaves out across stories.
 * Reading places documents that have no story yet (incremental), but never analyses: a version
 * without an analysis for the current engine shows without roles and narratives until the
 * authorised POST /api/analyses (or the CLI) makes one, as /api/compare does.
 */
export function storyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // One placing run at a time per server: two at once would each start a story for the same document.
  let placing: Promise<unknown> = Promise.resolve();
  const place = (store: Store) => {
    const run = placing.then(() => updateStories(store));
    placing = run.catch(() => undefined);
    return run;
  };
  const engineKey = () => engineKeyOf(ctx.analyzer.engine);

  app.get('/api/stories', async (request) => {
    const { limit, offset, tagPrefix, document, ...rest } = parseRequest(ListStoriesQuery, request.query, 'query');
    const filter = { ...rest, ...(document !== undefined ? { documentId: document } : {}) };
    await place(ctx.store);
    const page = await storyViews(ctx.store, engineKey(), filter, { limit, offset }, tagPrefix ? { tagPrefix } : {});
    return { total: page.total, limit, offset, items: page.items };
  });

  app.get('/api/stories/blind-spots', async (request) => {
    const { tagPrefix, document, ...rest } = parseRequest(BlindSpotsQuery, request.query, 'query');
    const filter = { ...rest, ...(document !== undefined ? { documentId: document } : {}) };
    await place(ctx.store);
    const views = await allStoryViews(ctx.store, engineKey(), filter, tagPrefix ? { tagPrefix } : {});
    return { stories: views.length, groups: blindSpotsAcross(views) };
  });

  app.get('/api/stories/:id', async (request) => {
    const { id } = parseRequest(StoryParams, request.params, 'params');
    const { tagPrefix } = parseRequest(BlindSpotsQuery.pick({ tagPrefix: true }).strict(), request.query, 'query');
    await place(ctx.store);
    const record = await ctx.store.getStory(id);
    if (!record) throw notFound(`story ${id}`);
    const view = await storyView(ctx.store, engineKey(), id, tagPrefix ? { tagPrefix } : {});
    if (!view) throw notFound(`story ${id}`);
    return view;
  });
}
