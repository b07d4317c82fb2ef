import { LineCounter, parseDocument, isNode } from 'yaml';
import type { ZodError, ZodType } from 'zod';
import { UserError } from './errors.js';

/** Turns a zod error into "file:line: field.path: message" using the YAML node positions. */
export function describeZodError(file: string, error: ZodError, locate?: (path: PropertyKey[]) => number | undefined): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(root)';
  const line = locate?.(issue.path);
  return `${file}${line ? `:${line}` : ''}: ${path}: ${issue.message}`;
}

/** Parses a YAML (or JSON, which is YAML) file and validates it; errors name the file, line and field. */
export function parseYamlFile<T>(file: string, text: string, schema: ZodType<T>): T {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new UserError(`${file}${pos ? `:${pos.line}` : ''}: ${e.message.split('\n')[0]}`, { file, line: pos?.line });
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const locate = (path: PropertyKey[]) => {
      for (let k = path.length; k >= 0; k--) {
        const node = doc.getIn(path.slice(0, k) as unknown[], true);
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
      return undefined;
    };
    const issue = result.error.issues[0]!;
    throw new UserError(describeZodError(file, result.error, locate), { file, field: issue.path.join('.'), line: locate(issue.path) });
  }
  return result.data;
}
