import type { FastifyError, FastifyInstance } from 'fastify';
import { UserError } from '../core/errors.js';

export interface ErrorBody {
  error: { status: number; message: string; field?: string };
}

/**
 * The one place where errors become responses: UserError -> 4xx with its message (which names the
 * field), Fastify's own client errors (body too large, bad JSON, unsupported media type) keep their
 * 4xx status, anything else is a bug: logged with the request context, answered with a bare 500.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | UserError | Error, request, reply) => {
    if (err instanceof UserError) {
      const status = err.details.status ?? 400;
      const body: ErrorBody = { error: { status, message: err.message, ...(err.details.field ? { field: err.details.field } : {}) } };
      return reply.status(status).send(body);
    }
    const status = (err as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.status(status).send({ error: { status, message: clientMessage(err as FastifyError) } } satisfies ErrorBody);
    }
    request.log.error({ err, method: request.method, url: request.url }, 'internal error');
    return reply.status(500).send({ error: { status: 500, message: 'internal error (logged on the server)' } } satisfies ErrorBody);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    reply.status(404).send({ error: { status: 404, message: `no route ${request.method} ${path}` } } satisfies ErrorBody);
  });
}

function clientMessage(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `request body is larger than the limit (${err.message.replace(/^.*?:\s*/, '') || 'too large'})`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `unsupported content type: send application/json (or text/plain for /api/analyze)`;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'body: empty JSON body';
    default:
      return err.message.startsWith('body') ? err.message : `body: ${err.message}`;
  }
}

export function notFound(what: string): UserError {
  return new UserError(`${what} not found`, { status: 404 });
}
