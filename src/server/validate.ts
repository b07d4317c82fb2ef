import type { z } from 'zod';
import { UserError } from '../core/errors.js';

/**
 * Parses a request part (body, query, params) with a zod schema. The first issue becomes a UserError
 * (HTTP 400, or 422 for text that is not well-formed Unicode) whose message names the field, e.g.
 * `body.text: expected a non-empty string`.
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = [where, ...issue.path.map(String)].join('.');
  // A custom check may ask for its own status (well-formed text: 422).
  const status = issue.code === 'custom' && typeof issue.params?.status === 'number' ? issue.params.status : 400;
  throw new UserError(`${field}: ${issue.message}`, { field, status });
}
