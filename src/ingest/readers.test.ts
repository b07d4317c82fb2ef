import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from './types.js';
import { extractArticle, blockText } from './readers/html.js';
import { readerFor } from './readers/index.js';
import { titleOfText } from './readers/text.js';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';

const FIX = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fx = (name: string) => join(FIX, name);

async function readAll(file: string, maxBytes = 1 << 20): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readerFor(file)!(file, maxBytes)) out.push(item);
  return out;
}
const docs = (items: ReadItem[]) => items.filter((i) => i.kind === 'doc').map((i) => (i as Extract<ReadItem, { kind: 'doc' }>).doc);
const problems = (items: ReadItem[]) => items.filter((i) => i.kind === 'problem').map((i) => `${(i as { location: string }).location.replace(FIX, '')}: ${(i as { message: string }).message}`);

describe('text files', () => {
  it('takes the title from a Markdown heading or a short first line', () => {
    expect(titleOfText('# Gates shut\n\nBody.', true)).toBe('Gates shut');
    expect(titleOfText('Gates shut\n\nBody text.', false)).toBe('Gates shut');
    expect(titleOfText('This is running prose that ends like a sentence.\nMore.', false)).toBeNull();
    expect(titleOfText('\n\n', false)).toBeNull();
  });

  it('reads a Markdown file as one document, text unchanged', async () => {
    const items = await readAll(fx('note.md'));
    expect(docs(items)).toEqual([{ text: readFileSync(fx('note.md'), 'utf8'), title: 'Sluice gates stay shut' }]);
  });

  it('reports binary, invalid UTF-8 and empty files with their names', async () => {
    expect(problems(await readAll(fx('binary.txt')))).toEqual(['binary.txt: looks like a binary file (NUL bytes), not text']);
    expect(problems(await readAll(fx('latin1.txt')))).toEqual(['latin1.txt: is not valid UTF-8 text']);
    expect(problems(await readAll(fx('empty.txt')))).toEqual(['empty.txt: empty file']);
    expect(problems(await readAll(fx('note.md'), 10))).toEqual(['note.md: 117 bytes is over the per-document limit of 10 bytes']);
  });
});

describe('HTML', () => {
  it('extracts the article with title, byline, date, outlet, url and language, without page furniture', async () => {
    const items = await readAll(fx('article.html'));
    const [doc] = docs(items);
    expect(doc).toMatchObject({
      title: 'River talks stall again',
      author: 'Lena Okafor',
      publishedAt: '2024-05-14T09:30:00Z',
      outlet: 'The Harbour Gazette',
      url: 'https://gazette.example/river-talks',
      language: 'en',
    });
    const paras = doc!.text.split('\n\n');
    expect(paras[0]).toBe('River talks stall again');
    expect(paras[1]).toMatch(/^Negotiators from Freedonia and Sylvania left the lakeside hotel on Monday without an agreement on how much water/);
    expect(paras).toHaveLength(5);
    expect(doc!.text).toContain('described the session as difficult. A Freedonian');
    expect(doc!.text).not.toMatch(/tracker|color: red|Home|Copyright/);
  });

  it('keeps block boundaries as blank lines and drops scripts', () => {
    const { document } = parseHTML('<div><h2>Head</h2><p>One <b>two</b><br>three</p><ul><li>a</li><li>b</li></ul><script>x()</script></div>');
    expect(blockText(document as never)).toBe('Head\n\nOne two three\n\na\n\nb');
  });

  it('falls back to the body of a short page, and reports a page without text', () => {
    const short = extractArticle('<html><head><title>Note</title></head><body><p>Just one line of text.</p></body></html>');
    expect(short!.doc.text).toContain('Just one line of text.');
    expect(extractArticle('<html><body><script>1</script></body></html>')).toBeNull();
  });
});

describe('JSON Lines', () => {
  it('maps metadata columns and aliases, and reports each bad line with file:line', async () => {
    const items = await readAll(fx('corpus.jsonl'));
    expect(docs(items)).toEqual([
      { text: 'The brutal blockade of the valley must end now.', title: 'Blockade', outlet: 'North Star', author: 'K. Lind', publishedAt: '2024-04-02', url: null, language: null, tags: ['camp:north'] },
      { text: 'Officials met to discuss the water schedule.', title: 'Schedule talks', outlet: 'Wire One', author: null, publishedAt: '2024-04-03', url: null, language: null, tags: ['camp:neutral', 'topic:water'] },
      { text: 'A despicable decision, say the southern papers.', title: null, outlet: 'South Light', author: null, publishedAt: null, url: null, language: null, tags: [] },
    ]);
    expect(problems(items)).toEqual([
      'corpus.jsonl:3: field "text" must be a string',
      expect.stringMatching(/^corpus\.jsonl:4: invalid JSON \(/),
      'corpus.jsonl:5: no "text" field (also accepted: body, content, article)',
    ]);
    const warnings = items.filter((i) => i.kind === 'warning');
    expect(warnings).toEqual([{ kind: 'warning', location: fx('corpus.jsonl') + ':7', message: 'date "sometime soon" is not a date framewise can read; left empty' }]);
  });

  it('reports a line of invalid UTF-8 and goes on', async () => {
    const items = await readAll(fx('bad-utf8.jsonl'));
    expect(problems(items)).toEqual(['bad-utf8.jsonl:1: not valid UTF-8']);
    expect(docs(items).map((d) => d.text)).toEqual(['Line after the bad bytes still loads.']);
  });
});

describe('CSV', () => {
  it('reads rows with quoted fields over several lines, skipping a malformed row and an empty text', async () => {
    const items = await readAll(fx('corpus.csv'));
    expect(docs(items)).toEqual([
      { text: 'The dam opened at dawn, releasing water to the lower valley.', title: 'Dam opens', outlet: 'Wire One', author: null, publishedAt: '2024-06-01', url: null, language: null, tags: ['camp:neutral'] },
      { text: 'A shameful and vile "agreement" was signed.\nIt runs over two lines.', title: 'Quoted, with comma', outlet: 'North Star', author: null, publishedAt: '2024-06-04', url: null, language: null, tags: ['camp:north', 'topic:dam'] },
    ]);
    const p = problems(items);
    expect(p).toHaveLength(2);
    expect(p[0]).toBe('corpus.csv:3: row has 6 fields, the header has 5');
    expect(p[1]).toBe('corpus.csv:4: field "text" is empty');
  });

  it('rejects only the row with invalid UTF-8, and a binary file as a whole', async () => {
    const items = await readAll(fx('latin1.csv'));
    expect(problems(items)).toEqual(['latin1.csv:3: not valid UTF-8']);
    expect(docs(items).map((d) => d.outlet)).toEqual(['A', 'C']);
    expect(problems(await readAll(fx('binary.csv')))).toEqual(['binary.csv: looks like a binary file (NUL bytes), not CSV text']);
  });

  it('reports a header without a text column once, for the file', async () => {
    expect(problems(await readAll(fx('no-text-column.csv')))).toEqual([expect.stringMatching(/^no-text-column\.csv: no text column in the header \(columns: title, outlet\)/)]);
  });
});
