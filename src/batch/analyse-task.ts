import { move, workerData } from 'piscina';
import { Analyzer, type AnalyzeOptions } from '../analysis/analyzer.js';
import { UserError } from '../core/errors.js';
import type { ResolvedConfig } from '../core/config.js';
import type { Report } from '../core/report.js';
import { serialiseReport, type ReportEncoding, type SerialisedReport } from '../store/encoding.js';

/**
 * Runs inside a pool thread: one Analyzer per thread, compiled on its first task, then reused for
 * every document the thread sees.
 */

export interface AnalyseDoc {
  id: number;
  text: string;
}

export type AnalyseOutcome = { id: number; report: Report } | { id: number; error: string };
/** With `encoding`, reports come back serialised for the store, so the writing thread only moves bytes. */
export type SerialisedOutcome = { id: number; report: SerialisedReport } | { id: number; error: string };

/**
 * One text with options (the HTTP API): the report comes back as UTF-8 JSON bytes whose buffer is
 * moved, not copied, to the server thread, so the server's heap never holds the report (about 90 KB
 * for a 5 KB article) and the socket writes the bytes as they are.
 */
export type TextOutcome = Uint8Array | { error: string; userError: boolean };

const utf8 = new TextEncoder();

export type AnalyseTask =
  | { kind: 'analyse'; docs: AnalyseDoc[]; encoding?: ReportEncoding }
  | { kind: 'text'; text: string; options: AnalyzeOptions }
  | { kind: 'engine' };

let analyzer: Analyzer | undefined;

function getAnalyzer(): Analyzer {
  const data = workerData as { config?: ResolvedConfig } | undefined;
  analyzer ??= new Analyzer(data?.config ? { config: data.config } : {});
  return analyzer;
}

export default function run(task: AnalyseTask): AnalyseOutcome[] | SerialisedOutcome[] | TextOutcome | Report['engine'] {
  const a = getAnalyzer();
  if (task.kind === 'engine') return a.engine;
  if (task.kind === 'text') {
    try {
      return move(utf8.encode(JSON.stringify(a.analyze(task.text, task.options)))) as Uint8Array;
    } catch (e) {
      // Error classes do not cross threads: say whether it was the caller's fault.
      return { error: e instanceof Error ? e.message : String(e), userError: e instanceof UserError };
    }
  }
  const outcomes = analyseDocs(a, task.docs);
  const encoding = task.encoding;
  if (!encoding) return outcomes;
  return outcomes.map((o) => ('report' in o ? { id: o.id, report: serialiseReport(o.report, encoding) } : o));
}

/** Analyses each document; a document that cannot be analysed gets an error and the rest go on. */
export function analyseDocs(a: Analyzer, docs: AnalyseDoc[]): AnalyseOutcome[] {
  return docs.map((d) => {
    try {
      return { id: d.id, report: a.analyze(d.text) };
    } catch (e) {
      return { id: d.id, error: e instanceof Error ? e.message : String(e) };
    }
  });
}
