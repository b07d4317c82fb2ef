import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFurniture } from './furniture.js';
import { normalise } from './normalise.js';
import { segment } from './segment.js';
import { Vocab } from './vocab.js';

/** One vocabulary for this file's texts. */
const vocab = new Vocab();

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const furnitureOf = (text: string) => segment(text, vocab).furniture.map((f) => text.slice(f.start, f.end));
const sentences = (text: string) => {
  const d = segment(text, vocab);
  return d.sentences.map((s) => d.text.slice(s.start, s.end).replace(/\s+/g, ' '));
};

describe('page furniture of converted PDFs', () => {
  it('finds numbered footers and the running title, and keeps the title on the first page', () => {
    const text = fixture('converted-brief.txt');
    expect(furnitureOf(text)).toEqual([
      'Centre for Valley Studies 2',
      'The Water Question: Valley Politics After the Dam',
      'Centre for Valley Studies 3',
      'The Water Question: Valley Politics After the Dam',
      'Centre for Valley Studies 4',
    ]);
    const d = segment(text, vocab);
    expect(d.text.slice(d.sentences[0]!.start, d.sentences[0]!.end)).toBe('The Water Question: Valley Politics After the Dam');
  });

  it('reads a sentence on across a page break that falls inside it', () => {
    const s = sentences(fixture('converted-brief.txt'));
    expect(s).toContain(
      'Neither side disputes these figures, which makes them a rare point of agreement in a quarrel that has otherwise been fought in the language of betrayal.',
    );
    expect(s.some((x) => /Centre for Valley Studies \d/.test(x))).toBe(false);
  });

  it('finds "Page N of M" lines and the running header between them', () => {
    const text = fixture('converted-report.txt');
    expect(furnitureOf(text)).toEqual([
      'Page 1 of 3',
      'Ostrelia-Tarvia Border Monitor · Quarterly Report, Spring 2025',
      'Page 2 of 3',
      'Ostrelia-Tarvia Border Monitor · Quarterly Report, Spring 2025',
      'Page 3 of 3',
    ]);
    // A page break without a blank line keeps the paragraph whole.
    const d = segment(text, vocab);
    const para = d.paragraphs.find((p) => d.text.slice(p.start, p.end).startsWith('Traders'))!;
    expect(d.text.slice(para.start, para.end)).toContain('the post reopened the next morning.');
  });

  it('takes rising lone numbers a page apart for page numbers, and a number beside a form feed', () => {
    const page = 'The commission met again in the spring and heard the farmers of both banks. '.repeat(5);
    const text = `${page}\n\n1\n\n${page}\n\n2\n\n${page}\n\n3\n`;
    expect(furnitureOf(text)).toEqual(['1', '2', '3']);
    expect(furnitureOf(`${page}\n7\n\f${page}`)).toEqual(['7']);
  });

  it('leaves short paragraphs, headings and list items alone', () => {
    const text = [
      'Talks resume in Lisk',
      '',
      'What the farmers want',
      '',
      '- Reopen the gates',
      '- Compensation for the lost harvest',
      '- A joint survey of the weir',
      '',
      '1',
      'Cut the fees',
      '2',
      'Open the bridge at night',
      '',
      'Step 1 of the plan',
      'The two sides will meet again in May.',
      '',
      'Step 2 of the plan',
      'They will sign in June.',
      '',
      'Reopen the gates',
      '',
      'The mediator said the talks would go on.',
    ].join('\n');
    expect(findFurniture(normalise(text).text)).toEqual([]);
  });

  it('never takes a repeated slogan line for a running title without pagination', () => {
    const para = 'The crowd filled the square again on Sunday and stayed until dark, singing and waving flags. '.repeat(4);
    const text = `Free the valley\n\n${para}\n\nFree the valley\n\n${para}\n\nFree the valley\n`;
    expect(findFurniture(text)).toEqual([]);
  });

  const lineArb = fc.constantFrom(
    'The commission met on Tuesday and heard both sides.',
    'Farmers on the lower Vell lost much of their maize harvest.',
    'What happens next',
    '- Reopen the gates',
    '- A joint survey of the weir',
    'Free the valley',
    'About 2,000 tonnes of grain were stuck at the bridge',
    'Officials said the talks would resume in May.',
    'Centre for Valley Studies',
    '',
    '   ',
  );
  const docArb = fc.array(lineArb, { maxLength: 60 }).map((lines) => lines.join('\n'));

  it('finds no furniture in text without pagination (property)', () => {
    fc.assert(
      fc.property(docArb, (text) => {
        expect(findFurniture(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const furnitureArb = fc.constantFrom('Page 4 of 9', 'Centre for Valley Studies 7', '12', '- 3 -', 'p. 5', 'Page 2', '\f');
  const paginatedArb = fc
    .array(fc.oneof({ weight: 4, arbitrary: lineArb }, { weight: 1, arbitrary: furnitureArb }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 80 })
    .map((lines) => lines.join('\n'));

  it('never moves an offset: the text keeps its length, and only furniture, markers and line breaks become spaces (property)', () => {
    fc.assert(
      fc.property(paginatedArb, (input) => {
        const canonical = normalise(input).text;
        const d = segment(input, vocab);
        expect(d.text.length).toBe(canonical.length);
        const masked = new Uint8Array(canonical.length);
        for (const r of [...d.furniture, ...d.citations]) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(canonical.length);
          expect(r.end).toBeGreaterThan(r.start);
          masked.fill(1, r.start, r.end);
        }
        for (let i = 0; i < canonical.length; i++) {
          if (d.text[i] === canonical[i]) continue;
          // A changed unit is blanked furniture or marker, or a joined line break.
          expect(d.text[i]).toBe(' ');
          expect(masked[i] === 1 || canonical[i] === '\n' || canonical[i] === '\f').toBe(true);
        }
        for (let i = 0; i < d.tokens.count; i++) {
          const a = d.tokens.start[i]!;
          expect(masked[a]).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic (property)', () => {
    fc.assert(
      fc.property(paginatedArb, (input) => {
        const a = segment(input, vocab);
        const b = segment(input, vocab);
        expect(b.furniture).toEqual(a.furniture);
        expect(b.citations).toEqual(a.citations);
        expect(b.text).toBe(a.text);
        expect(b.sentences).toEqual(a.sentences);
      }),
      { numRuns: 200 },
    );
  });
});

describe('running title kept as the first line', () => {
  it('says when the first line is also the running title the pages repeat, and not otherwise', () => {
    const page = 'The commission visited four wells in the valley and measured their levels twice a week. '.repeat(5);
    const info = { runningTitle: false };
    const text = `Lower Valley Water Survey\nPage 1 of 2\n\n${page}\n\nLower Valley Water Survey\nPage 2 of 2\n\n${page}`;
    const found = findFurniture(text, info);
    expect(info.runningTitle).toBe(true);
    // The first line stays (the title); its repetition goes.
    expect(found.some((f) => f.start === 0)).toBe(false);
    expect(found.some((f) => text.slice(f.start, f.end) === 'Lower Valley Water Survey')).toBe(true);
    const once = { runningTitle: false };
    findFurniture(`Lower Valley Water Survey\nPage 1 of 2\n\n${page}\n\nPage 2 of 2\n\n${page}`, once);
    expect(once.runningTitle).toBe(false);
  });
});

describe('a masthead', () => {
  // Written for this test: a policy brief whose first line says what its page headers say.
  const para = 'The two gauges diverge from 2022, and the gap widens every dry season after that, which neither government has explained in public so far. '.repeat(3);
  const brief = `LOWLAND POLICY INSTITUTE          Policy Brief No. 14\n\nWater, Power and Blame in the Orvel Basin\n\n${para}\n\nLowland Policy Institute | Policy Brief No. 14          Page 2 of 6\n\n${para}\n\nLowland Policy Institute | Policy Brief No. 14          Page 3 of 6\n\n${para}\n`;

  it('takes a first line that the page headers repeat for the publisher\'s, and the next line for the title', () => {
    expect(furnitureOf(brief)[0]).toBe('LOWLAND POLICY INSTITUTE          Policy Brief No. 14');
    const doc = segment(brief, vocab);
    expect(brief.slice(doc.headline!.start, doc.headline!.end)).toBe('Water, Power and Blame in the Orvel Basin');
  });

  it('keeps a first line that no page header repeats as the title', () => {
    const own = brief.replace('LOWLAND POLICY INSTITUTE          Policy Brief No. 14', 'Water and Blame: A Review');
    expect(furnitureOf(own)).not.toContain('Water and Blame: A Review');
  });
});

describe('a decision converted from PDF (written for this test: a sports federation\'s panel)', () => {
  const para = 'The panel heard the athlete, her coach and two experts, and it read the laboratory reports with care before it reached its view. '.repeat(3);
  const header = 'ALPINE SLEDGE FEDERATION                    Integrity Unit';
  const footer = (n: number) => `ASF Integrity Unit | Case ASF/DP/07                    Page ${n} of 3`;
  const doc = `${header}\n\nDecision of the Panel\n\n${para}The coach told the\n\n${footer(1)}\n\n\n${header}\n\nPanel that the officer left the room.\n\n${para}\n\n${footer(2)}\n\n\n${header}\n\n${para}\n\n${footer(3)}\n`;

  it('takes a first line set in columns that every page repeats for the masthead, and the next line for the title', () => {
    expect(furnitureOf(doc).filter((x) => x === header).length).toBe(3);
    const d = segment(doc, vocab);
    expect(d.runningTitle).toBe(false);
    expect(d.text.slice(d.sentences[0]!.start, d.sentences[0]!.end)).toBe('Decision of the Panel');
  });

  it('reads a sentence on across a page break after a word no sentence ends on, whatever case follows', () => {
    expect(sentences(doc)).toContain('The coach told the Panel that the officer left the room.');
  });
});
