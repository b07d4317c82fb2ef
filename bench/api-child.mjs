// The HTTP server for the API benchmark, in its own process (as deployed): prints its URL.
import { startServer } from '../dist/src/server/start.js';

const server = await startServer({ port: 0, host: '127.0.0.1', db: process.argv[2], webRoot: null });
process.stdout.write(server.url + '\n');
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
