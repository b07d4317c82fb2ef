import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { AnalyzeBody, AnalyzeOptions } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** POST /api/analyze: JSON `{ text, techniques?, minConfidence? }`, or a text/plain body with options in the query. */
export function analyzeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/analyze', async (request, reply) => {
    const { text, ...options } =
      typeof request.body === 'string'
        ? { ...parseRequest(AnalyzeOptions.strict(), request.query, 'query'), text: parseRequest(AnalyzeBody.shape.text, request.body, 'body') }
        : parseRequest(AnalyzeBody, request.body, 'body');
    const out = await ctx.analysis.json(text, options, typeof request.body === 'string' ? 'body' : 'body.text');
    // Serialised on a thread: the event loop neither analyses nor serialises.
    if (Buffer.isBuffer(out)) return reply.type('application/json; charset=utf-8').send(out);
    return out;
  });
}
