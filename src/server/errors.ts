import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from '../core/errors.js';
import { SECURITY_HEADERS } from './security.js';

export interface ErrorBody {
  error: { status: number; message: string; field?: string };
}

export function errorBody(status: number, message: string, field?: string): ErrorBody {
  return { error: { status, message, ...(field ? { field } : {}) } };
}

/**
 * The one place where errors become responses: UserError -> 4xx/5xx with its message (which names
 * the field), Fastify's own client errors (body too large, bad JSON, unsupported media type, a
 * static file refused) keep their 4xx status, anything else is a bug: logged with the request
 * context, answered with a bare 500. A wrong method on a known path is 405 with `Allow`, an unknown
 * path 404. Every one of them has the documented body: `{ error: { status, message, field? } }`.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  const routes: Array<{ pattern: RegExp; methods: string[]; api: boolean }> = [];
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    const source = route.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+').replace(/\*$/, '.*');
    routes.push({ pattern: new RegExp(`^${source}$`), methods, api: route.url.startsWith('/api/') });
  });

  app.setErrorHandler((err: FastifyError | UserError | Error, request, reply) => {
    if (err instanceof UserError) {
      const status = err.details.status ?? 400;
      if (status === 503) reply.header('retry-after', '5');
      return reply.status(status).send(errorBody(status, err.message, err.details.field));
    }
    const status = (err as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // A body that stopped arriving: the connection is not reused.
      if (status === 408) reply.header('connection', 'close');
      return reply.status(status).send(errorBody(status, clientMessage(err as FastifyError, status)));
    }
    request.log.error({ err, method: request.method, url: request.url }, 'internal error');
    return reply.status(500).send(errorBody(500, 'internal error (logged on the server)'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // Only API routes decide a 405 under /api/ (the UI's catch-all GET route would claim every path).
    const known = routes.filter((r) => r.pattern.test(path) && (r.api || !path.startsWith('/api/')));
    const allow = [...new Set(known.flatMap((r) => r.methods))];
    if (allow.length > 0 && !allow.includes(request.method)) {
      reply.header('allow', allow.join(', '));
      return reply.status(405).send(errorBody(405, `method ${request.method} is not allowed on ${path} (allowed: ${allow.join(', ')})`));
    }
    return reply.status(404).send(errorBody(404, `no route ${request.method} ${path}`));
  });
}

function clientMessage(err: FastifyError, status: number): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `request body is larger than the limit (${err.message.replace(/^.*?:\s*/, '') || 'too large'})`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `unsupported content type: send application/json (or text/plain for /api/analyze)`;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'body: empty JSON body';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return err.message.startsWith('body') ? err.message : `body: ${err.message}`;
    default:
      if (status === 403) return 'forbidden: that path is outside what this server serves';
      if (status === 408) return err.message;
      if (/^body|JSON|payload/i.test(err.message)) return err.message.startsWith('body') ? err.message : `body: ${err.message}`;
      return err.message || STATUS_CODES[status] || 'bad request';
  }
}

export function notFound(what: string): UserError {
  return new UserError(`${what} not found`, { status: 404 });
}

/**
 * Fastify options that give errors raised before routing (a URL that cannot be decoded, headers
 * over the limit, a request line the HTTP parser refuses) the same body and headers as the rest.
 */
export const earlyErrorOptions = {
  frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
    const bad = error.code === 'FST_ERR_BAD_URL';
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    reply.status(400).send(errorBody(400, bad ? 'url: the request URL is not valid (bad percent-encoding)' : error.message));
  },
  clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message =
      status === 431 ? 'headers: request headers are larger than the limit (16 KiB)' : status === 408 ? 'request: not received in time' : `request: malformed HTTP request (${error.code ?? error.message})`;
    const body = JSON.stringify(errorBody(status, message));
    const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n${headers}\r\n${body}`,
    );
  },
};
