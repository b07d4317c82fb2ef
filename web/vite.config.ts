import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The browser UI: built into dist/web, which the server serves with @fastify/static.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
});
