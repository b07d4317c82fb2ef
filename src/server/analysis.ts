import type { Analyzer, AnalyzeOptions } from '../analysis/analyzer.js';
import type { AnalysisPool } from '../batch/pool.js';
import type { AnalyseOutcome } from '../batch/analyse-task.js';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { illFormedReason } from '../text/unicode.js';

/**
 * Every analysis a request asks for goes through here, with its bounds: the text's size (413), its
 * well-formedness (422), the time it may take on an analysis thread (422 when over: the same text
 * would fail again), and how many analyses may wait for a thread (503 with Retry-After beyond that).
 * With threads the event loop never analyses; without (tests, `serve --threads 0`) it does, and
 * only size is bounded.
 */
export interface AnalysisLimits {
  /** Largest text analysed per request, in UTF-8 bytes (default 1 MiB: larger texts go through ingest). */
  maxTextBytes: number;
  /** Longest one analysis may run on a thread, in ms (default 60 s). */
  timeoutMs: number;
  /** Analyses waiting for a thread beyond which requests are refused with 503 (default: 16 per thread). */
  maxQueued: number;
}

export const DEFAULT_MAX_TEXT_BYTES = 1024 * 1024;
export const DEFAULT_ANALYSIS_TIMEOUT_MS = 60_000;

export function analysisLimits(pool: AnalysisPool | undefined, given: Partial<AnalysisLimits> = {}): AnalysisLimits {
  return {
    maxTextBytes: given.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES,
    timeoutMs: given.timeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS,
    maxQueued: given.maxQueued ?? 16 * (pool?.threads ?? 1),
  };
}

export class ServerAnalysis {
  readonly limits: AnalysisLimits;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly pool: AnalysisPool | undefined,
    limits: Partial<AnalysisLimits> = {},
  ) {
    const l = analysisLimits(pool, limits);
    // Never more than the analyzer itself accepts.
    this.limits = { ...l, maxTextBytes: Math.min(l.maxTextBytes, analyzer.config.maxInputBytes) };
  }

  /** Refuses a text over the size limit (413) or with lone surrogates (422); `field` names it in the message. */
  checkText(text: string, field: string): void {
    const max = this.limits.maxTextBytes;
    if (text.length * 3 > max) {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > max) throw new UserError(`${field}: the text is ${bytes} bytes, over this server's limit of ${max} bytes (larger texts: framewise ingest and analyze-corpus)`, { field, status: 413 });
    }
    const bad = illFormedReason(text);
    if (bad) throw new UserError(`${field}: ${bad}`, { field, status: 422 });
  }

  /** The report as JSON (bytes serialised on a thread, or the object when analysed in process). */
  async json(text: string, options: AnalyzeOptions, field = 'body.text'): Promise<Buffer | Report> {
    this.checkText(text, field);
    if (!this.pool) return this.analyzer.analyze(text, options);
    const pool = this.pool;
    return this.bounded(field, (signal) => pool.analyseText(text, options, { signal }));
  }

  /** The report of one text, to store. */
  async report(text: string, field = 'body.text'): Promise<Report> {
    this.checkText(text, field);
    const [out] = await this.reports([{ id: 0, text }], field);
    if (!out || 'error' in out) throw new UserError(`${field}: ${out?.error ?? 'not analysed'}`, { field, status: 422 });
    return out.report;
  }

  /** Reports of stored documents (sizes checked by the caller); one that fails gets its error. */
  async reports(docs: Array<{ id: number; text: string }>, field = 'documents'): Promise<AnalyseOutcome[]> {
    if (!this.pool) {
      return docs.map((d) => {
        try {
          return { id: d.id, report: this.analyzer.analyze(d.text) };
        } catch (e) {
          return { id: d.id, error: (e as Error).message };
        }
      });
    }
    const pool = this.pool;
    return this.bounded(field, (signal) => pool.analyse(docs, { signal }));
  }

  private async bounded<T>(field: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.pool && this.pool.queued >= this.limits.maxQueued) {
      throw new UserError(`busy: ${this.pool.queued} analyses are waiting for a thread; try again in a few seconds`, { status: 503 });
    }
    const signal = AbortSignal.timeout(this.limits.timeoutMs);
    try {
      return await run(signal);
    } catch (e) {
      if (e instanceof UserError) throw new UserError(`${field}: ${e.message}`, { field, status: /over the limit/.test(e.message) ? 413 : 422 });
      const err = e as Error & { code?: string };
      if (signal.aborted || err.name === 'AbortError') {
        const ms = this.limits.timeoutMs;
        const limit = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
        throw new UserError(`${field}: the analysis did not finish within ${limit}, this server's limit; send a shorter text`, { field, status: 422 });
      }
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new UserError(`${field}: the analysis ran out of the memory an analysis thread may use; send a shorter text`, { field, status: 422 });
      }
      throw e;
    }
  }
}
