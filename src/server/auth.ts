import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { UserError } from '../core/errors.js';

/**
 * A preHandler that requires `Authorization: Bearer <token>` when a token is configured (writes only).
 * Compares in constant time so the token cannot be guessed byte by byte from response timings.
 */
export function requireToken(token: string | undefined) {
  const expected = token ? Buffer.from(token, 'utf8') : null;
  return async (request: FastifyRequest): Promise<void> => {
    if (!expected) return;
    const header = request.headers.authorization;
    if (!header) throw new UserError('authorization: this server requires "Authorization: Bearer <token>" for writes', { field: 'authorization', status: 401 });
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    const given = Buffer.from(m?.[1] ?? '', 'utf8');
    if (!m || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new UserError('authorization: invalid bearer token', { field: 'authorization', status: 401 });
    }
  };
}
