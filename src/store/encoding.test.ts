import { describe, expect, it } from 'vitest';
import { decodeReport, isSerialised, reportDeflated, reportJson, serialiseReport } from './encoding.js';
import type { Report } from '../core/report.js';

const report = { words: 12, findings: [{ technique: 'doubt', start: 0, end: 5, text: 'Surely “not” 🙂' }] } as unknown as Report;

describe('report encoding', () => {
  it('round-trips a report through JSON and deflate, from objects and from serialised reports', () => {
    for (const r of [report, serialiseReport(report, 'json'), serialiseReport(report, 'deflate')]) {
      expect(JSON.parse(reportJson(r))).toEqual(report);
      expect(decodeReport(reportDeflated(r))).toEqual(report);
    }
    expect(decodeReport(JSON.stringify(report))).toEqual(report);
  });

  it('serialises only in the encoding asked for, and tells serialised reports from reports', () => {
    const d = serialiseReport(report, 'deflate');
    expect(d.json).toBe('');
    expect(d.deflated).toBeInstanceOf(Uint8Array);
    expect(serialiseReport(report, 'json').deflated).toBeUndefined();
    expect(isSerialised(d)).toBe(true);
    expect(isSerialised(report)).toBe(false);
  });
});
