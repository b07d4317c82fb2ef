import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTitleLine } from './headings.js';
import { segment } from './segment.js';
import { Vocab } from './vocab.js';

/** One vocabulary for this file's texts. */
const vocab = new Vocab();

const titles = (text: string) => {
  const d = segment(text, vocab);
  return d.titleLines.map((k) => d.text.slice(d.sentences[k]!.start, d.sentences[k]!.end));
};

describe('title lines', () => {
  it('reads headings, section numbers, bylines and date lines as title lines', () => {
    for (const line of ['Summary', '2. Population movements', 'IV.', 'Recommendations', 'March 2025', 'By Anselm Rieck, Arnholt Daily, March 16',
      'A commentary by the Velsk Institute for Strategic Affairs', 'Prepared for the Council Working Group on Water Access']) {
      expect(isTitleLine(line), line).toBe(true);
    }
  });

  it('reads a numbered heading in sentence case as a title line, but not a longer numbered statement or a list item', () => {
    for (const line of ['3. Scope of the survey', '4.2 Statements made to the press']) expect(isTitleLine(line), line).toBe(true);
    for (const line of ['2. the board approve the new intake rules for the spring term', '3. the crossings reopen at once;', '5 wells were dry'])
      expect(isTitleLine(line), line).toBe(false);
  });

  it('keeps statements, list items and running text out, however short', () => {
    for (const line of ['Partners report shortages of fuel and insulin in the valley', '- Talks collapse in Geneva', 'Nine days.', 'Why?',
      'The convoy was stopped at the second crossing', '"We will not leave"', 'It was closed for security reasons, they said']) {
      expect(isTitleLine(line), line).toBe(false);
    }
  });

  it('finds them in a converted report, never the headline, and takes "1. Access" whole', () => {
    const text = 'Water Access in the Lower Valley: Situation Analysis\n\nPrepared for the Council Working Group\nMarch 2025\n\nSummary\n\n' +
      'Since February the valley has been cut off. Partners report shortages of fuel.\n\n1. Access\n\nThe authorities have stated that the road is closed.\n';
    expect(titles(text)).toEqual(['Prepared for the Council Working Group', 'March 2025', 'Summary', '1.', 'Access']);
  });

  it('reads a wire\'s credit line as a title line, not as a sentence of the report', () => {
    for (const line of ['(Reporting by Nadia Fell; Editing by Simon Arcot)', 'Additional reporting by Jon Mart in Velda', 'Editing by Simon Arcot.']) expect(isTitleLine(line), line).toBe(true);
    expect(isTitleLine('(Police said the reporting by local media was wrong.)')).toBe(false);
    expect(titles('The count ended on Monday.\n\n(Reporting by Nadia Fell; Editing by Simon Arcot)\n')).toEqual(['(Reporting by Nadia Fell; Editing by Simon Arcot)']);
  });

  it('leaves a sentence that shares its line with running text alone', () => {
    expect(titles('Floods in the north\n\nSummary. The river rose by two metres overnight.\n')).toEqual([]);
  });

  it('returns ascending sentence indices within the document, deterministically (property)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom('Summary', '1. Access', 'By A. Writer', 'The road closed.', '\n', '\n\n', ' '), fc.string({ maxLength: 12 })), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const a = segment(text, vocab).titleLines;
      expect(segment(text, vocab).titleLines).toEqual(a);
      for (let k = 0; k < a.length; k++) {
        expect(a[k]).toBeGreaterThanOrEqual(0);
        expect(a[k]).toBeLessThan(segment(text, vocab).sentences.length);
        if (k > 0) expect(a[k]).toBeGreaterThan(a[k - 1]!);
      }
    }), { numRuns: 200 });
  });
});
