import { fileURLToPath } from 'node:url';

/** The narratives layer's written fixtures: training documents, held-out sentences and documents. */
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
