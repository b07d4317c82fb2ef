import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Report } from '../core/report.js';

/**
 * How a store keeps reports: SQLite deflates them (a report is about 16 times the size of its text:
 * findings with their evidence, frames, sourcing, actors, claims, intensity; deflate takes it to about
 * 3 times), PostgreSQL takes JSON text into jsonb (TOAST compresses it there).
 */
export type ReportEncoding = 'json' | 'deflate';

/**
 * A report already serialised where it was made (an analysis thread), so that the thread that writes
 * to the store only moves bytes: cloning a large report object between threads and serialising it
 * there would make the writer the bottleneck.
 */
export interface SerialisedReport {
  serialised: true;
  json: string;
  /** The deflated JSON, when the target store wants it. */
  deflated?: Uint8Array;
}

export function serialiseReport(report: Report, encoding: ReportEncoding): SerialisedReport {
  const json = JSON.stringify(report);
  return encoding === 'deflate' ? { serialised: true, json: '', deflated: deflateJson(json) } : { serialised: true, json };
}

export function isSerialised(r: Report | SerialisedReport): r is SerialisedReport {
  return (r as SerialisedReport).serialised === true;
}

/** The report as JSON text (for jsonb). */
export function reportJson(r: Report | SerialisedReport): string {
  if (!isSerialised(r)) return JSON.stringify(r);
  return r.deflated ? inflateRawSync(r.deflated).toString('utf8') : r.json;
}

/** The report as deflated JSON (for SQLite). */
export function reportDeflated(r: Report | SerialisedReport): Uint8Array {
  if (!isSerialised(r)) return deflateJson(JSON.stringify(r));
  return r.deflated ?? deflateJson(r.json);
}

function deflateJson(json: string): Uint8Array {
  return deflateRawSync(json, { level: 1 });
}

/** Reads a stored report: deflated bytes, or JSON text as earlier versions wrote it. */
export function decodeReport(stored: string | Uint8Array): Report {
  return JSON.parse(typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8')) as Report;
}
