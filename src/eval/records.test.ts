import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { loadRecords, parseRecords, ptcLabelOf, toPtcDocs } from './records.js';

const text = 'Northland leaders call the plan a disaster.';

describe('parseRecords', () => {
  it('reads records, skipping blank lines and accepting numeric ids', () => {
    const content = `${JSON.stringify({ id: 7, text, spans: [{ start: 33, end: 42, technique: 'Loaded_Language' }] })}\n\n${JSON.stringify({ id: 'b', spans: [] })}\n`;
    const recs = parseRecords(content, 'x.jsonl');
    expect(recs).toEqual([
      { id: '7', text, spans: [{ start: 33, end: 42, technique: 'Loaded_Language' }] },
      { id: 'b', spans: [] },
    ]);
  });

  it.each([
    ['{"id": "a", "spans": [', /x\.jsonl:2: not valid JSON/],
    ['[1]', /x\.jsonl:2: expected a JSON object/],
    ['{"spans": []}', /x\.jsonl:2: "id" must be a non-empty string/],
    ['{"id": "a", "spans": []}', /x\.jsonl:2: duplicate document id "a" \(first on line 1\)/],
    ['{"id": "c"}', /x\.jsonl:2: document "c": "spans" must be an array/],
    ['{"id": "c", "spans": [{"start": 5, "end": 5, "technique": "Doubt"}]}', /span 0: needs 0 <= start < end, got 5\.\.5/],
    ['{"id": "c", "spans": [{"start": 0.5, "end": 5, "technique": "Doubt"}]}', /"start" and "end" must be integers/],
    ['{"id": "c", "text": "short", "spans": [{"start": 0, "end": 9, "technique": "Doubt"}]}', /end 9 is past the text \(length 5\)/],
    ['{"id": "c", "spans": [{"start": 0, "end": 9}]}', /"technique" must be a string/],
  ])('rejects %s with a message naming file, line and field', (bad, message) => {
    const content = `${JSON.stringify({ id: 'a', spans: [] })}\n${bad}\n`;
    expect(() => parseRecords(content, 'x.jsonl')).toThrow(UserError);
    expect(() => parseRecords(content, 'x.jsonl')).toThrow(message);
  });

  it('requires text when asked to', () => {
    expect(() => parseRecords('{"id": "a", "spans": []}', 'g.jsonl', { requireText: true })).toThrow(/g\.jsonl:1: document "a": "text" is required/);
  });

  it('loads a file and names a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-eval-'));
    const file = join(dir, 'gold.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'a', text, spans: [] }) + '\n');
    expect(loadRecords(file)).toHaveLength(1);
    expect(() => loadRecords(join(dir, 'nope.jsonl'))).toThrow(/nope\.jsonl: file not found/);
  });
});

describe('technique labels', () => {
  it('maps PTC labels, framewise ids and sibling-corpus labels to PTC', () => {
    expect(ptcLabelOf('Doubt')).toBe('Doubt');
    expect(ptcLabelOf('false-dilemma')).toBe('Black-and-White_Fallacy');
    expect(ptcLabelOf('straw-man')).toBe('Whataboutism,Straw_Men,Red_Herring');
    expect(ptcLabelOf('Reductio_ad_hitlerum')).toBe('Bandwagon,Reductio_ad_hitlerum');
    expect(ptcLabelOf('hearsay')).toBeNull();
    expect(ptcLabelOf('Smears')).toBeNull();
    expect(ptcLabelOf('Sarcasm')).toBeUndefined();
  });

  it('drops techniques PTC does not score and rejects unknown ones', () => {
    const docs = toPtcDocs(
      [{ id: 'a', spans: [{ start: 0, end: 4, technique: 'hearsay' }, { start: 0, end: 4, technique: 'loaded-language' }] }],
      'p.jsonl',
    );
    expect(docs[0]!.spans).toEqual([{ start: 0, end: 4, technique: 'Loaded_Language' }]);
    expect(() => toPtcDocs([{ id: 'a', spans: [{ start: 0, end: 4, technique: 'Sarcasm' }] }], 'p.jsonl')).toThrow(
      /p\.jsonl: document "a": unknown technique "Sarcasm"/,
    );
  });
});
