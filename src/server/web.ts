import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The built web UI: `dist/web` under the package root, whether this module runs from src/ (tsx,
 * tests) or from dist/src/ (the built CLI).
 */
export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'framewise') return join(dir, 'dist', 'web');
    const up = dirname(dir);
    if (up === dir) return join(process.cwd(), 'dist', 'web');
    dir = up;
  }
}

/** Content-Security-Policy for the UI: no inline or foreign scripts, even if some text slipped into the DOM as HTML. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** nosniff on everything; the CSP on the UI's responses (API responses are JSON, never rendered). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!request.url.startsWith('/api/')) reply.header('content-security-policy', CSP);
    return payload;
  });
}

export async function registerWeb(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send(`framewise API is running; the web UI is not built (${root} is missing): run \`npm run build\`.\nAPI: /api/openapi.json\n`),
    );
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], wildcard: true });
}
