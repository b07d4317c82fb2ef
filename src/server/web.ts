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

export async function registerWeb(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send(`framewise API is running; the web UI is not built (${root} is missing): run \`npm run build\`.\nAPI: /api/openapi.json\n`),
    );
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], wildcard: true });
}
