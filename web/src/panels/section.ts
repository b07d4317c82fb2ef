import type { Report } from '../../../src/core/report.js';

/** A report section by name, typed by the caller (sections are optional fields of Report). */
export function section<T>(report: Report, name: string): T | null {
  const v = (report as unknown as Record<string, unknown>)[name];
  return v && typeof v === 'object' ? (v as T) : null;
}
