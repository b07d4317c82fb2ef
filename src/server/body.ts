import { Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../core/errors.js';
import { decodeUtf8Strict, InvalidUtf8Error } from '../text/unicode.js';

/**
 * Request bodies are decoded as strict UTF-8: bytes that are not UTF-8 are refused (400, with the
 * byte offset) instead of silently replaced, so the text analysed and stored is the text sent. JSON
 * keeps Fastify's protection against prototype poisoning.
 */
export function registerBodyParsers(app: FastifyInstance, bodyTimeoutMs: number): void {
  // Node's requestTimeout ends requests whose headers are slow; a body sent slowly is bounded here:
  // whatever of it has not arrived by the deadline, the request ends with 408.
  app.addHook('preParsing', async (_request, _reply, payload) => {
    const started = Date.now();
    const deadline = new Transform({
      transform(chunk, _enc, done) {
        done(null, chunk);
      },
    });
    const timer = setTimeout(() => {
      const err = Object.assign(new Error(`request: the body did not arrive within ${Math.round(bodyTimeoutMs / 100) / 10} s`), { statusCode: 408 });
      payload.unpipe(deadline);
      deadline.destroy(err);
    }, Math.max(0, bodyTimeoutMs - (Date.now() - started)));
    deadline.on('close', () => clearTimeout(timer));
    payload.on('error', (e) => deadline.destroy(e));
    (deadline as unknown as { receivedEncodedLength: number }).receivedEncodedLength = 0;
    payload.on('data', (c: Buffer) => ((deadline as unknown as { receivedEncodedLength: number }).receivedEncodedLength += c.length));
    return payload.pipe(deadline);
  });
  const json = app.getDefaultJsonParser('error', 'error');
  const decode = (body: Buffer): string => {
    try {
      return decodeUtf8Strict(body);
    } catch (e) {
      if (e instanceof InvalidUtf8Error) throw new UserError(`body: ${e.message}; send UTF-8 text`, { field: 'body', status: 400 });
      throw e;
    }
  };
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decode(body as Buffer);
    } catch (e) {
      return done(e as Error, undefined);
    }
    json(request, text, done);
  });
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, decode(body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
