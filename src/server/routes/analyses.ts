import type { FastifyInstance } from 'fastify';
import { fetchDocuments } from '../../batch/fetch.js';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import { requireToken } from '../auth.js';
import type { ServerContext } from '../context.js';
import { AnalyseMissingBody } from '../schemas.js';
import { parseRequest } from '../validate.js';

/**
 * POST /api/analyses (a write: needs the token when one is set): analyses up to `limit` stored
 * documents that match the filter and have no analysis for the server's engine, on the analysis
 * threads, and stores the reports. Bounded per call; `remaining` says how many still wait, so a
 * client calls again until it is 0 (the web UI does, showing progress). Reads never analyse.
 */
export function analysesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/analyses', { preHandler: requireToken(ctx.token) }, async (request) => {
    const { limit, ids, ...where } = parseRequest(AnalyseMissingBody, request.body, 'body');
    const filter: DocumentFilter = { ...where, ...(ids ? { ids } : {}) };
    const engineKey = engineKeyOf(ctx.analyzer.engine);
    const todo = await ctx.store.documentsNeedingAnalysis(engineKey, filter);
    const docs = await fetchDocuments(ctx.store, todo.slice(0, limit));
    const failed: Array<{ id: number; message: string }> = [];
    const good: Array<{ id: number; text: string }> = [];
    for (const d of docs) {
      try {
        ctx.analysis.checkText(d.text, `document ${d.id}`);
        good.push({ id: d.id, text: d.text });
      } catch (e) {
        failed.push({ id: d.id, message: (e as Error).message });
      }
    }
    // A few documents per thread task (one long document's time limit is its own), one task per thread at a time.
    const batches: Array<typeof good> = [];
    for (let k = 0; k < good.length; k += 4) batches.push(good.slice(k, k + 4));
    let analysed = 0;
    const wave = ctx.pool?.threads ?? 1;
    for (let k = 0; k < batches.length; k += wave) {
      await Promise.all(
        batches.slice(k, k + wave).map(async (batch) => {
          let outcomes;
          try {
            outcomes = await ctx.analysis.reports(batch);
          } catch (e) {
            for (const d of batch) failed.push({ id: d.id, message: (e as Error).message });
            return;
          }
          const reports = outcomes.flatMap((o) => ('report' in o ? [{ key: { documentId: o.id, engineKey }, report: o.report }] : []));
          for (const o of outcomes) if ('error' in o) failed.push({ id: o.id, message: o.error });
          await ctx.store.saveAnalyses(reports);
          analysed += reports.length;
        }),
      );
    }
    // Not tried in this call (beyond `limit`); the failed ones stay without analysis and are listed.
    return { engineKey, analysed, failed, remaining: todo.length - docs.length };
  });
}
