import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { UserError } from '../core/errors.js';
import type { ResolvedConfig } from '../core/config.js';
import type { Report } from '../core/report.js';
import type { ReportEncoding } from '../store/encoding.js';
import type { AnalyzeOptions } from '../analysis/analyzer.js';
import type { AnalyseDoc, AnalyseOutcome, AnalyseTask, SerialisedOutcome, TextOutcome } from './analyse-task.js';

export interface AnalysisPoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /** The configuration every thread analyses with (default: the default config). */
  config?: ResolvedConfig;
  /**
   * Old-generation heap limit per thread in MB (default 256). With V8's defaults each thread's
   * heap grows far beyond what analysis needs; limits keep a 2-thread run under 400 MB.
   */
  maxHeapMB?: number;
}

/**
 * Where the thread module is. Built code (dist/) loads the compiled .js directly; when this file
 * runs as TypeScript (tests, tsx) the threads load the .ts source through tsx, so tests always
 * exercise the current source.
 */
export function taskModule(): { filename: string; execArgv: string[] } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) return { filename: new URL('./analyse-task.ts', self).href, execArgv: ['--import', 'tsx'] };
  return { filename: new URL('./analyse-task.js', self).href, execArgv: [] };
}

export function parseThreads(value: string | number | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UserError(`--threads: expected an integer from 1 to 256, got "${value}"`, { field: 'threads' });
  return n;
}

/** Per task: an AbortSignal stops the task where it is (its thread is ended and replaced). */
export interface RunOptions {
  signal?: AbortSignal;
}

/** A pool of analysis threads (piscina), sized to the cores unless told otherwise. */
export class AnalysisPool {
  readonly threads: number;
  private readonly piscina: Piscina;

  constructor(options: AnalysisPoolOptions = {}) {
    this.threads = options.threads ?? availableParallelism();
    const { filename, execArgv } = taskModule();
    this.piscina = new Piscina({
      filename,
      execArgv,
      minThreads: this.threads,
      maxThreads: this.threads,
      // One task at a time per thread: analysis is CPU-bound.
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      workerData: { config: options.config },
      // Young generation: 12 MB kept 100k articles with the model under 500 MB peak RSS on 2 threads
      // (16 MB: 504 MB; 8 MB: 489 MB but a quarter slower).
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMB ?? 256, maxYoungGenerationSizeMb: 12 },
    });
  }

  /** The engine the threads analyse with (its key decides which stored analyses are current). */
  async engine(): Promise<Report['engine']> {
    return (await this.piscina.run({ kind: 'engine' } satisfies AnalyseTask)) as Report['engine'];
  }

  /**
   * Starts every thread and compiles its analyzer (about a second each), so that the first real
   * tasks, and timings, do not pay for it: one task per thread, all sent at once (a thread takes one at a time).
   */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.piscina.run({ kind: 'engine' } satisfies AnalyseTask)));
  }

  /** Analyses a batch of documents on one thread; `signal` aborts it (the thread is replaced). */
  async analyse(docs: AnalyseDoc[], run: RunOptions = {}): Promise<AnalyseOutcome[]> {
    return (await this.piscina.run({ kind: 'analyse', docs } satisfies AnalyseTask, run)) as AnalyseOutcome[];
  }

  /** Analyses a batch on one thread and serialises the reports there, in the store's encoding. */
  async analyseSerialised(docs: AnalyseDoc[], encoding: ReportEncoding): Promise<SerialisedOutcome[]> {
    return (await this.piscina.run({ kind: 'analyse', docs, encoding } satisfies AnalyseTask)) as SerialisedOutcome[];
  }

  /**
   * Analyses one text on a thread and returns the report as UTF-8 JSON (what the HTTP API sends), so
   * the server's event loop neither analyses nor serialises, and its heap never holds the report.
   * Input errors throw UserError.
   */
  async analyseText(text: string, options: AnalyzeOptions = {}, run: RunOptions = {}): Promise<Buffer> {
    const out = (await this.piscina.run({ kind: 'text', text, options } satisfies AnalyseTask, run)) as TextOutcome;
    if (out instanceof Uint8Array) return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    throw out.userError ? new UserError(out.error) : new Error(out.error);
  }

  /** Tasks waiting for a free thread. */
  get queued(): number {
    return this.piscina.queueSize;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
