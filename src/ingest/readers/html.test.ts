import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite.js';
import { ingestPaths } from '../ingest.js';
import { blockText, domShape, extractArticle, markupDepth, MAX_MARKUP_DEPTH, READABILITY_MAX_DEPTH } from './html.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTENCE = 'Delegates from Ostrelia and Tarvia met again on Thursday to discuss the river treaty. ';
const nested = (depth: number) => `<!doctype html><html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}<p>${SENTENCE}</p>${'</div>'.repeat(depth)}</body></html>`;
/** A flat page of about `bytes` bytes: an article of paragraphs, as pages usually are. */
const flat = (bytes: number) => {
  const paras: string[] = [];
  for (let k = 0, size = 0; size < bytes; k++) {
    const p = `<p>${SENTENCE}Paragraph ${k} adds a detail about the talks in the capital.</p>`;
    paras.push(p);
    size += p.length;
  }
  return `<!doctype html><html><head><title>Flat page</title></head><body><article>${paras.join('\n')}</article></body></html>`;
};

function bestMs(f: () => unknown, rounds = 3): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('hostile HTML: bounded work, reported, and the ingest goes on', () => {
  it('walks a DOM nested 20,000 deep without recursion', () => {
    const { document } = parseHTML(nested(20_000));
    expect(domShape(document as never)).toMatchObject({ depth: 20_000 + 3 });
    expect(blockText(document.body as never)).toBe(SENTENCE.trim());
  });

  it('estimates the depth of markup before parsing, not counting elements whose end tag may be left out', () => {
    expect(markupDepth(nested(300))).toBe(300);
    expect(markupDepth('<ul><li>one<li>two<li><p>three<p>four</ul><br><img src=x><div/>')).toBe(1);
    expect(markupDepth('<div><span>a</span><span>b</span></div></div></div><b>c</b><!-- <div> --> 1 < 2')).toBe(2);
    expect(() => extractArticle(nested(MAX_MARKUP_DEPTH + 1))).toThrow(/^markup nested about 1001 levels deep \(the limit is 1000\); not read as an article$/);
  });

  it('keeps the whole text of a page nested too deep for Readability (but not refused), with a warning', () => {
    const got = extractArticle(nested(300))!;
    expect(got.doc.text).toBe(`Deep page\n\n${SENTENCE.trim()}`);
    expect(got.warnings).toEqual([`page is nested 303 levels deep (over ${READABILITY_MAX_DEPTH}): the text of the whole page is kept, without picking out the article`]);
    // An ordinary page still goes through Readability, with no warning.
    expect(extractArticle(flat(5000))!.warnings).toEqual([]);
  });

  it('time on nested pages (300, 2,000 and 5,000 divs, and a million: 11 MB) within 3x of a flat page of the same size', () => {
    extractArticle(flat(2000)); // warm up
    const attempt = (html: string) => () => {
      try {
        extractArticle(html);
      } catch {
        // refused: what is timed is how long that takes
      }
    };
    for (const depth of [300, 2000, 5000]) {
      const deep = nested(depth);
      expect(bestMs(attempt(deep)) / bestMs(attempt(flat(deep.length))), `depth ${depth}`).toBeLessThan(3);
    }
    // The million: against a flat page of a tenth of its size (reading 11 MB of flat HTML takes long).
    const huge = nested(1_000_000);
    expect(bestMs(attempt(huge), 1) / bestMs(attempt(flat(huge.length / 10)), 1)).toBeLessThan(3);
  }, 120_000);

  it('reads the paragraphs of a long flat page in linear time (childNodes read once per node)', () => {
    extractArticle(flat(2000));
    const ratio = bestMs(() => extractArticle(flat(800_000)), 1) / bestMs(() => extractArticle(flat(200_000)), 1);
    expect(ratio).toBeLessThan(4 * 2);
  }, 60_000);

  it('an ingest with hostile pages in the middle reports them and stores the files after them', async () => {
    const files = join(dir, 'pages');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(files);
    writeFileSync(join(files, 'a.html'), flat(3000));
    writeFileSync(join(files, 'b.html'), nested(300));
    writeFileSync(join(files, 'c.html'), nested(5000));
    writeFileSync(join(files, 'd.txt'), `A note from Tarvia\n\n${SENTENCE}`);
    const store = await openSqliteStore(join(dir, 'pages.db'));
    const s = await ingestPaths(store, [files], { analyzer: null });
    expect(s).toMatchObject({ filesDone: 4, added: 3, failed: 1 });
    expect(s.warnings.map((w) => w.location)).toEqual([join(files, 'b.html')]);
    expect(s.problems).toEqual([{ location: join(files, 'c.html'), message: 'markup nested about 5000 levels deep (the limit is 1000); not read as an article' }]);
    expect((await store.listDocuments({ q: 'a note from tarvia' })).total).toBe(1);
    await store.close();
  });
});
