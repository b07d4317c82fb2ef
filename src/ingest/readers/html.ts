import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../../core/errors.js';
import { decodeText } from '../inputs.js';
import { normaliseDate } from '../record.js';
import type { NewDocument } from '../../store/types.js';
import type { ReadItem } from '../types.js';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/**
 * Text of a DOM subtree with one blank line between blocks, so that paragraphs survive. Walks with
 * its own stack, not recursion: a page nested thousands of levels deep cannot overflow it.
 */
export function blockText(root: NodeLike): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  // A node to enter, or null: the end of a block element (flush there).
  const stack: Array<NodeLike | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      current += ' ';
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push(null);
    }
    // linkedom builds childNodes afresh on each read: read it once per node (not once per child).
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Readability's time grows with the cube of the nesting depth (1,000 nested elements: 21 s; 5,000
 * overflowed the stack after minutes) and with the number of elements. Deeper or larger pages than
 * these are not given to it: their text is the whole page's, with a warning.
 */
export const READABILITY_MAX_DEPTH = 100;
export const READABILITY_MAX_ELEMENTS = 30_000;

/**
 * Markup nested deeper than this is not parsed at all: the HTML parser's time grows with the square
 * of the depth (40,000 levels: 2.4 s, and a 5 MB page can nest a million levels). No article nests
 * so deep; real pages stay under a hundred levels.
 */
export const MAX_MARKUP_DEPTH = 1000;

/** Elements whose end tag may be left out (and empty ones): they do not count towards the depth. */
const LOOSE = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'html', 'head', 'body',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command',
]);

/**
 * How deep the markup nests, read from the tags in one linear scan before parsing (an estimate:
 * elements whose end tag may be omitted are not counted, so loose old HTML does not look deep).
 */
export function markupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const n = html.length;
  for (let i = html.indexOf('<'); i !== -1 && i + 1 < n; i = html.indexOf('<', i + 1)) {
    let j = i + 1;
    const close = html.charCodeAt(j) === 47; // '/'
    if (close) j++;
    const c = html.charCodeAt(j) | 32;
    if (c < 97 || c > 122) continue; // not a tag: "<!--", "<!doctype", "< 3"
    let k = j + 1;
    while (k < n && isNameChar(html.charCodeAt(k))) k++;
    const end = html.indexOf('>', k);
    if (end === -1) break;
    const selfClosing = html.charCodeAt(end - 1) === 47;
    i = end;
    if (selfClosing || LOOSE.has(html.slice(j, k).toLowerCase())) continue;
    if (close) depth = depth > 0 ? depth - 1 : 0;
    else if (++depth > max) max = depth;
  }
  return max;
}

const isNameChar = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 45;

/** Deepest element nesting and element count of a DOM, walked with its own stack. */
export function domShape(root: NodeLike): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const nodes: NodeLike[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const d = depths.pop()!;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    if (node.nodeType === 1) elements++;
    if (d > depth) depth = d;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      nodes.push(kids[i]!);
      depths.push(d + 1);
    }
  }
  return { depth, elements };
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

const cleanByline = (s: string | null | undefined) => (s ? s.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim() || null : null);

/**
 * Extracts the article of an HTML page: Readability finds the main content; title, byline, date,
 * outlet, url and language come from meta tags where the page has them. The document text is the
 * title, a blank line, then the article's paragraphs. Work is bounded on any page: markup nested
 * over MAX_MARKUP_DEPTH is refused (UserError), and pages over Readability's bounds keep their whole text.
 */
export function extractArticle(html: string): { doc: NewDocument; warnings: string[] } | null {
  const depth = markupDepth(html);
  if (depth > MAX_MARKUP_DEPTH) throw new UserError(`markup nested about ${depth} levels deep (the limit is ${MAX_MARKUP_DEPTH}); not read as an article`);
  const { document } = parseHTML(html);
  const warnings: string[] = [];
  const metaTitle = meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const author = cleanByline(meta(document, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]']));
  const rawDate = meta(document, [
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[itemprop="datePublished"]',
    'meta[name="dc.date"]',
    'time[datetime]',
  ]);
  const outlet = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const url = meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  const lang = document.documentElement?.getAttribute('lang')?.trim() || null;
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;

  // Readability changes the DOM it reads, so it gets its own parse; only pages of bounded shape.
  const shape = domShape(document as unknown as NodeLike);
  let article: ReturnType<Readability['parse']> = null;
  if (shape.depth > READABILITY_MAX_DEPTH || shape.elements > READABILITY_MAX_ELEMENTS) {
    const why = shape.depth > READABILITY_MAX_DEPTH ? `nested ${shape.depth} levels deep (over ${READABILITY_MAX_DEPTH})` : `${shape.elements} elements (over ${READABILITY_MAX_ELEMENTS})`;
    warnings.push(`page is ${why}: the text of the whole page is kept, without picking out the article`);
  } else article = new Readability(parseHTML(html).document as unknown as Document).parse();
  let body: string;
  if (article?.content) body = blockText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as NodeLike);
  else body = document.body ? blockText(document.body as unknown as NodeLike) : '';
  const title = metaTitle ?? article?.title?.trim() ?? pageTitle;
  if (body.trim() === '') return null;
  const firstPara = body.split('\n\n', 1)[0]!;
  const text = title && firstPara !== title ? `${title}\n\n${body}` : body;
  let publishedAt: string | null = null;
  const dateIn = rawDate ?? article?.publishedTime ?? null;
  if (dateIn) {
    publishedAt = normaliseDate(dateIn);
    if (!publishedAt) warnings.push(`date "${dateIn}" is not a date framewise can read; left empty`);
  }
  return {
    doc: {
      text,
      title: title ?? null,
      author: author ?? cleanByline(article?.byline),
      publishedAt,
      outlet: outlet ?? article?.siteName ?? null,
      url,
      language: lang ?? article?.lang ?? null,
    },
    warnings,
  };
}

export async function* readHtmlFile(file: string, maxBytes: number): AsyncGenerator<ReadItem> {
  let html: string;
  try {
    // Refuse an oversized file before reading it into memory.
    const { size } = await stat(file);
    if (size > maxBytes) return yield { kind: 'problem', location: file, message: `${size} bytes is over the per-document limit of ${maxBytes} bytes` };
    html = decodeText(file, await readFile(file), maxBytes);
  } catch (e) {
    if (e instanceof UserError) return yield { kind: 'problem', location: file, message: e.message.replace(`${file}: `, '') };
    throw e;
  }
  let got: ReturnType<typeof extractArticle>;
  try {
    got = extractArticle(html);
  } catch (e) {
    if (e instanceof UserError) return yield { kind: 'problem', location: file, message: e.message };
    throw e;
  }
  if (!got) return yield { kind: 'problem', location: file, message: 'no article text found in the page' };
  for (const w of got.warnings) yield { kind: 'warning', location: file, message: w };
  yield { kind: 'doc', location: file, doc: got.doc };
}
