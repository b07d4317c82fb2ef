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

/** Text of a DOM subtree with one blank line between blocks, so that paragraphs survive. */
export function blockText(root: NodeLike): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      current += ' ';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
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
 * title, a blank line, then the article's paragraphs.
 */
export function extractArticle(html: string): { doc: NewDocument; warnings: string[] } | null {
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

  // Readability changes the DOM it reads, so it gets its own parse.
  const article = new Readability(parseHTML(html).document as unknown as Document).parse();
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
  const got = extractArticle(html);
  if (!got) return yield { kind: 'problem', location: file, message: 'no article text found in the page' };
  for (const w of got.warnings) yield { kind: 'warning', location: file, message: w };
  yield { kind: 'doc', location: file, doc: got.doc };
}
