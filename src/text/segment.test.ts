import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, sentenceAt } from './segment.js';
import { findFurniture } from './furniture.js';
import { F_CAP, F_UPPER, K_HASHTAG, K_NUMBER, K_PUNCT, K_SYMBOL, K_WORD, tokenise, tokenLower } from './tokenise.js';
import { Vocab } from './vocab.js';

/** One vocabulary for this file's texts. */
const vocab = new Vocab();

const words = (text: string) => {
  const t = tokenise(text, vocab);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
};
const sentences = (text: string) => segment(text, vocab).sentences.map((s) => text.slice(s.start, s.end));

describe('tokenise', () => {
  it('keeps hyphenated words and contractions, splits possessive s', () => {
    expect(words("The so-called leader didn't say Freedonia's plan.")).toEqual([
      'The', 'so-called', 'leader', "didn't", 'say', 'Freedonia', "'s", 'plan', '.',
    ]);
  });

  it('keeps numbers with separators, dotted abbreviations and hashtags whole', () => {
    expect(words('About 2,000 people (3.5%) left the U.S. on Monday #NoWar')).toEqual([
      'About', '2,000', 'people', '(', '3.5', '%', ')', 'left', 'the', 'U.S.', 'on', 'Monday', '#NoWar',
    ]);
  });

  it('ends a dotted abbreviation with the text when its last dot is missing ("A.A" at the very end)', () => {
    for (const text of ['" A.A', 'x A.A', 'A.A', 'the U.S', 'left the U.S.']) {
      const t = tokenise(text, vocab);
      expect(t.end[t.count - 1]).toBe(text.length);
      const d = segment(text, vocab);
      for (const sn of d.sentences) expect(sn.end).toBeLessThanOrEqual(text.length);
    }
    expect(words('x A.A')).toEqual(['x', 'A.A']);
  });

  it('groups runs of the same punctuation and ?! runs', () => {
    expect(words('What?! No!!! Wait...')).toEqual(['What', '?!', 'No', '!!!', 'Wait', '...']);
  });

  it('assigns kinds and case flags', () => {
    const t = tokenise('NATO 42 #tag \ud83d\udd25 Hello , x', vocab);
    expect(Array.from(t.kind)).toEqual([K_WORD, K_NUMBER, K_HASHTAG, K_SYMBOL, K_WORD, K_PUNCT, K_WORD]);
    expect(t.flags[0]! & F_UPPER).toBeTruthy();
    expect(t.flags[4]! & F_CAP).toBeTruthy();
    expect(t.flags[6]! & F_CAP).toBeFalsy();
  });

  it('gives the same id to the same word in any case and exposes its lowercase form', () => {
    const t = tokenise('Regime regime REGIME', vocab);
    expect(t.id[0]).toBe(t.id[1]);
    expect(t.id[1]).toBe(t.id[2]);
    expect(tokenLower(t, 2)).toBe('regime');
  });

  it("exposes every token's lowercase form as its text lowercased, whatever the script or case (features rely on it)", () => {
    const units = fc.constantFrom('a', 'B', "'", '\u2019', 's', 'll', '\u0130', '\u03a3', '\u00df', ' ', '.', '-', '\u01c5', '\ud83d', '\ude00', '1', ',', 'n', 't', '\u0301', '#', '@', '\u041c');
    fc.assert(
      fc.property(fc.array(units, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const t = tokenise(text, vocab);
        for (let i = 0; i < t.count; i++) expect(tokenLower(t, i)).toBe(text.slice(t.start[i], t.end[i]).toLowerCase());
      }),
      { numRuns: 300 },
    );
  });

  it('handles letters of other scripts', () => {
    expect(words('Москва и Київ, 東京')).toEqual(['Москва', 'и', 'Київ', ',', '東京']);
  });
});

describe('segment', () => {
  it('splits sentences but not at abbreviations, initials or decimals', () => {
    expect(sentences('Mr. Smith met Dr. J. Doe at 3.5 p.m. today. They talked! Did they agree? Yes.')).toEqual([
      'Mr. Smith met Dr. J. Doe at 3.5 p.m. today.',
      'They talked!',
      'Did they agree?',
      'Yes.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(sentences('He said "we will fight." Then he left.')).toEqual(['He said "we will fight."', 'Then he left.']);
  });

  it('ends sentences at line breaks unless the next line continues in lowercase', () => {
    expect(sentences('A headline here\nThe body starts. It goes\non here.')).toEqual([
      'A headline here',
      'The body starts.',
      'It goes\non here.',
    ]);
  });

  it('finds paragraphs and the sentences in each', () => {
    const doc = segment('First one. Second one.\n\nThird one.\r\n\r\nFourth.', vocab);
    expect(doc.paragraphs.map((p) => [p.sentenceStart, p.sentenceEnd])).toEqual([[0, 2], [2, 3], [3, 4]]);
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 2]);
  });

  it('detects a headline set off as a title', () => {
    const doc = segment('Border talks collapse after night of shelling\n\nThe talks ended on Tuesday. Both sides left.', vocab);
    expect(doc.headline).not.toBeNull();
    expect(doc.text.slice(doc.headline!.start, doc.headline!.end)).toBe('Border talks collapse after night of shelling');
    expect(segment('Just one sentence of running text here.', vocab).headline).toBeNull();
    expect(segment('The talks ended.\nBoth sides left.', vocab).headline).toBeNull();
  });

  it('counts words and finds the sentence at an offset', () => {
    const doc = segment('One two. Three four five.', vocab);
    expect(doc.words).toBe(5);
    expect(sentenceAt(doc, 12)!.index).toBe(1);
    expect(sentenceAt(doc, 8)).toBeUndefined(); // the space between sentences
  });

  it('returns an empty document for empty or blank input', () => {
    for (const text of ['', '   ', '\n\n\n']) {
      const doc = segment(text, vocab);
      expect(doc.sentences).toEqual([]);
      expect(doc.words).toBe(0);
      expect(doc.headline).toBeNull();
    }
  });
});

describe('quotes', () => {
  const quotes = (text: string) => segment(text, vocab).quotes.map((q) => text.slice(q.start, q.end));

  it('pairs double quotes within a paragraph, curly or straight', () => {
    expect(quotes('\u201cWe will not retreat,\u201d the minister said. "Never."')).toEqual(['\u201cWe will not retreat,\u201d', '"Never."']);
  });

  it('runs an unclosed quote to the end of its paragraph', () => {
    const doc = segment('She said: "the first part goes on\n\n"and here it ends."', vocab);
    expect(doc.quotes[0]!.open).toBe(true);
    expect(doc.quotes).toHaveLength(2);
  });

  it('finds single-quoted phrases but ignores apostrophes', () => {
    expect(quotes("Outbreak could be 'stronger' next year, the people's doctor said. Don't worry.")).toEqual(["'stronger'"]);
  });
});

describe('hard-wrapped lines that end on a word no sentence ends on', () => {
  // Written for this test: a converted brief's bullet wrapped before a year.
  it('runs a line ending on "and" on into a next line that opens with a number or a capital', () => {
    const text = '  • Flow at the border fell by 6 to 9 percent between 2021 and\n    2024, depending on the gauge used.\n  • Rainfall fell for three years in the basin of the\n    Orvel river.';
    const d = segment(text, vocab);
    expect(d.sentences.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' '))).toEqual([
      '• Flow at the border fell by 6 to 9 percent between 2021 and 2024, depending on the gauge used.',
      '• Rainfall fell for three years in the basin of the Orvel river.',
    ]);
    // A line that ends on a noun still ends its sentence at the break.
    expect(segment('Water Talks Resume\n2024 will be a dry year.', vocab).sentences.length).toBe(2);
  });
});

describe('hard-wrapped pages of a converted PDF (written for this test)', () => {
  const para = 'The panel read the reports of both laboratories with care and heard the two experts at length. '.repeat(4);
  const page = (n: number) => `Alpine Sledge Federation | Decision 7                Page ${n} of 2`;
  const body =
    'The Integrity Unit rejects both statements of the federation. Its director, Dr. Ruth\n' +
    'Amsel, told the Panel that collections followed the usual procedure.\n\n' +
    '  1. The athlete committed an anti-doping rule violation under Article\n' +
    '     2.1 of the Rules.\n' +
    '  2. Each party shall bear its own costs.\n';
  const text = `${para}\n\n${page(1)}\n\n${body}\n${para}\n\n${page(2)}\n`;

  it('runs a full line that stops without punctuation on into the next, as the page wrapped it', () => {
    const s = sentences(text).map((x) => x.replace(/\s+/g, ' '));
    expect(s).toContain('Its director, Dr. Ruth Amsel, told the Panel that collections followed the usual procedure.');
    expect(s).toContain('The athlete committed an anti-doping rule violation under Article 2.1 of the Rules.');
    expect(s).toContain('Each party shall bear its own costs.');
  });

  it('leaves short lines, and text without page furniture, as they were', () => {
    expect(sentences('A short heading line\nThe text starts here and goes on.').length).toBe(2);
    const plain = 'The Integrity Unit rejects both statements of the federation. Its director, Dr. Ruth\nAmsel, told the Panel.';
    expect(sentences(plain).length).toBe(3);
  });

  it('leaves the lines of a comment thread whose numbered lines repeat (no pages) as they were', () => {
    // Long comments, so that the repeated lines stand a page apart and are taken for furniture.
    const filler = 'The minutes of the last meeting say nothing about the money, and nobody has asked for them. '.repeat(12);
    const comment = (who: string, n: number, words: string) => `${who} \u2022 ${n} hours ago\n${words}\n${filler}\n\n`;
    const thread =
      comment('Ana Petrova', 13, 'I have read the whole report twice and I still cannot see the evidence they promised us') +
      comment('Ana Petrova', 9, 'Nobody in the ministry has answered a single one of the questions raised last spring') +
      comment('Ana Petrova', 12, 'The committee will meet again in June and nothing will change for the families');
    const found = { runningTitle: false, pages: false };
    expect(findFurniture(thread, found).length).toBeGreaterThan(0);
    expect(found.pages).toBe(false);
    const s = sentences(thread);
    expect(s).toContain('I have read the whole report twice and I still cannot see the evidence they promised us');
    expect(s).toContain('Nobody in the ministry has answered a single one of the questions raised last spring');
  });
});

describe('words hyphenated across a line break', () => {
  const v = new Vocab();
  v.intern('investigation');
  v.intern('well-known');
  const lowered = (text: string) => {
    const t = tokenise(text, v);
    return Array.from({ length: t.count }, (_, i) => [text.slice(t.start[i], t.end[i]), tokenLower(t, i)]);
  };

  it('are one token spanning the break in the original, read as the word', () => {
    const text = 'a new investi-\ngation of the well-\n   known un- \n attended case';
    expect(lowered(text)).toEqual([
      ['a', 'a'], ['new', 'new'], ['investi-\ngation', 'investigation'], ['of', 'of'], ['the', 'the'],
      ['well-\n   known', 'well-known'], ['un- \n attended', 'unattended'], ['case', 'case'],
    ]);
  });

  it('stay apart before a capital, a number, a blank line or a dash that is no hyphen', () => {
    const parts = (text: string) => lowered(text).map(([, w]) => w);
    expect(parts('Anti-\nDoping')).toEqual(['anti', '-', 'doping']);
    expect(parts('pages 2-\n4')).toEqual(['pages', '2', '-', '4']);
    expect(parts('over-\n\nthere')).toEqual(['over', '-', 'there']);
    expect(parts('and then -\nlater')).toEqual(['and', 'then', '-', 'later']);
  });

  it('do not stop the sentence at the break', () => {
    expect(segment('The panel ordered a new investi-\ngation of the sample.', v).sentences.length).toBe(1);
  });
});
