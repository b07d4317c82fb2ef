// The HTTP server for the API benchmark, in its own process, as `framewise serve` runs it (analysis
// threads, one per core, unless FRAMEWISE_BENCH_API_THREADS says otherwise): prints its URL.
import { availableParallelism } from 'node:os';
import { startServer } from '../dist/src/server/start.js';

const threads = Number(process.env.FRAMEWISE_BENCH_API_THREADS ?? availableParallelism());
const server = await startServer({ port: 0, host: '127.0.0.1', db: process.argv[2], webRoot: null, threads });
process.stdout.write(server.url + '\n');
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
