import type { FastifyInstance } from 'fastify';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import { requireToken } from '../auth.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { storedReport } from '../reports.js';
import { CreateDocumentBody, IdParams, ListDocumentsQuery, UpdateDocumentBody } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** Corpus documents: create (and analyse), list with filters and paging, get with report, correct metadata, delete. */
export function documentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, analyzer } = ctx;
  const write = { preHandler: requireToken(ctx.token) };

  app.post('/api/documents', write, async (request, reply) => {
    const body = parseRequest(CreateDocumentBody, request.body, 'body');
    // Analyse before inserting (bounded, on a thread): an input refused is not stored half-done.
    const report = await ctx.analysis.report(body.text);
    const { id, created } = await store.insertDocument({ ...body, origin: body.url ?? 'api' });
    const engineKey = engineKeyOf(analyzer.engine);
    if (created || !(await store.getAnalysis(id, engineKey))) await store.saveAnalysis({ documentId: id, engineKey }, report);
    const document = (await store.getDocument(id))!;
    reply.status(created ? 201 : 200);
    if (created) reply.header('location', `/api/documents/${id}`);
    return { id, created, document, report };
  });

  app.get('/api/documents', async (request) => {
    const { limit, offset, ...filter } = parseRequest(ListDocumentsQuery, request.query, 'query');
    const { total, items } = await store.listDocuments(filter satisfies DocumentFilter, { limit, offset });
    return { total, limit, offset, items };
  });

  app.get('/api/documents/:id', async (request) => {
    const { id } = parseRequest(IdParams, request.params, 'params');
    const document = await store.getDocument(id);
    if (!document) throw notFound(`document ${id}`);
    // Reads only read: a document without an analysis for this engine comes with report null.
    return { document, report: await storedReport(store, analyzer, id), engineKey: engineKeyOf(analyzer.engine) };
  });

  app.patch('/api/documents/:id', write, async (request) => {
    const { id } = parseRequest(IdParams, request.params, 'params');
    const patch = parseRequest(UpdateDocumentBody, request.body, 'body');
    const document = await store.updateDocument(id, patch);
    if (!document) throw notFound(`document ${id}`);
    return { document };
  });

  app.delete('/api/documents/:id', write, async (request, reply) => {
    const { id } = parseRequest(IdParams, request.params, 'params');
    if (!(await store.deleteDocument(id))) throw notFound(`document ${id}`);
    return reply.status(204).send();
  });
}
