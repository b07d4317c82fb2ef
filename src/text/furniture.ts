/**
 * Page furniture of converted PDFs: running headers and footers ("Centre for Valley Studies 2"),
 * page numbers ("Page 3 of 12", "- 4 -", a lone "7" line) and a running title repeated on every
 * page. None of it is the author's text, so segmentation blanks it (see `maskText`) and every layer
 * and detector reads past it. Found on lines of the canonical text; offsets are canonical.
 *
 * Deliberately conservative, because a false positive hides real words:
 * - a page-number line ("Page 3", "Page 3 of 12", "p. 3", "3 / 12", "- 3 -") is furniture on its own;
 * - a short line without sentence punctuation that recurs with different numbers ("... Studies 2",
 *   "... Studies 3") at least a page apart is a numbered header or footer;
 * - a short line that recurs unchanged at least a page apart is a running title, but only in a
 *   document that shows pagination (page numbers, numbered headers or form feeds); the first line
 *   of the document stays, as the title;
 * - lone number lines are page numbers when they rise through the document a page apart, or sit
 *   beside a form feed.
 * Ordinary short paragraphs end with punctuation and list items sit close together: neither is touched.
 */

export interface TextRange {
  start: number;
  end: number;
}

/** Lines longer than this (trimmed) are never furniture. */
const MAX_LINE = 120;
/** Words (letters and digits runs) in a header or footer line. */
const MAX_WORDS = 12;
/** Repeated headers, footers and page numbers stand at least this many characters apart (a page, loosely). */
const MIN_APART = 300;

const PAGE_ONLY = /^(?:[-–—]\s*)?(?:(?:page|pg\.?|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4})(?:\s*[-–—])?$/i;
const DASHED_NUMBER = /^[-–—]\s*\d{1,4}\s*[-–—]$/;
/** "Policy Brief 4 | Page 3 of 12", "Page 3 · Centre for Valley Studies". */
const PAGE_IN_LINE = /(?:^|[\s|·•,–—-])page\s+\d{1,4}(?:\s+of\s+\d{1,4})?(?:$|[\s|·•,–—-])/i;
const LONE_NUMBER = /^\d{1,4}$/;
/** Two columns on one line: a run of three or more spaces between words. */
const COLUMN_GAP = /\S[ \t]{3,}\S/;

/** Words a sentence does not end on: a line that ends on one is hard-wrapped, whatever opens the next. */
export const HANGING_WORDS = new Set(['and', 'or', 'but', 'of', 'the', 'a', 'an', 'to', 'between', 'by', 'in', 'on', 'at', 'for', 'with', 'from', 'than', 'that', 'which', 'who', 'its', 'their', 'our', 'his', 'her']);

/** Does text[..a) end on a hanging word ("... told the")? */
function endsOnHangingWord(text: string, a: number): boolean {
  let s = a;
  while (s > 0 && s > a - 12 && /\p{L}/u.test(text[s - 1]!)) s--;
  return s < a && (s === 0 || !/[\p{L}\p{N}'-]/u.test(text[s - 1]!)) && HANGING_WORDS.has(text.slice(s, a).toLowerCase());
}
const DIGITS = /\d+/g;

interface Candidate {
  start: number;
  end: number;
  kind: 'page' | 'number' | 'repeat';
  key: string;
  /** The line's numbers joined (tells page 2's footer from page 3's). */
  numbers: string;
  value: number;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 12 || c === 11 || c === 13;

/** Last character of a line that ends a sentence or a clause: such a line is running text. */
function endsLikeText(c: number): boolean {
  // . ! ? : ; , " ' ) and the curly quotes.
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 44 || c === 34 || c === 39 || c === 41 || c === 0x201d || c === 0x2019;
}

function wordCount(line: string): number {
  let n = 0;
  let inWord = false;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    const w = c > 127 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

function letterWords(line: string): number {
  let n = 0;
  for (const w of line.split(/[^\p{L}]+/u)) if (w.length >= 2) n++;
  return n;
}

/** Short lines that could be furniture, in document order. */
function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  let pos = 0;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    let s = pos;
    let e = nl;
    pos = nl + 1;
    if (e - s > MAX_LINE + 8) continue; // most lines of prose: one comparison
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e === s || e - s > MAX_LINE) continue;
    const line = text.slice(s, e);
    if (PAGE_ONLY.test(line) || DASHED_NUMBER.test(line)) {
      out.push({ start: s, end: e, kind: 'page', key: '', numbers: '', value: 0 });
      continue;
    }
    if (LONE_NUMBER.test(line)) {
      out.push({ start: s, end: e, kind: 'number', key: '', numbers: line, value: +line });
      continue;
    }
    if (endsLikeText(line.charCodeAt(line.length - 1)) || wordCount(line) > MAX_WORDS) continue;
    if (PAGE_IN_LINE.test(line) && letterWords(line) <= 8) {
      out.push({ start: s, end: e, kind: 'page', key: '', numbers: '', value: 0 });
      continue;
    }
    if (letterWords(line) === 0) continue;
    const numbers = line.match(DIGITS);
    out.push({
      start: s,
      end: e,
      kind: 'repeat',
      key: line.toLowerCase().replace(DIGITS, '#').replace(/\s+/g, ' '),
      numbers: numbers ? numbers.join(' ') : '',
      value: 0,
    });
  }
  return out;
}

/** Occurrences spread through the document: every two consecutive ones at least MIN_APART apart. */
function spread(xs: readonly Candidate[]): boolean {
  for (let k = 1; k < xs.length; k++) if (xs[k]!.start - xs[k - 1]!.end < MIN_APART) return false;
  return true;
}

/** Is there a form feed within two lines of [start, end)? */
function nearFormFeed(text: string, start: number, end: number): boolean {
  let a = start;
  for (let k = 0; k < 3 && a > 0; k++) a = text.lastIndexOf('\n', a - 2) + 1;
  let b = end;
  for (let k = 0; k < 3 && b < text.length; k++) {
    const nl = text.indexOf('\n', b + 1);
    b = nl === -1 ? text.length : nl;
  }
  const f = text.indexOf('\f', a);
  return f !== -1 && f < b;
}

/**
 * Furniture lines of a canonical text (trimmed line ranges, ascending). `info.runningTitle` is set
 * when the first line, kept as the title, is also the running title the pages repeat; `info.pages`
 * when the text shows its pages (form feeds, "Page 3 of 12", rising lone page numbers), not only
 * numbered lines that repeat (a comment thread's "X • 13 hours ago" is no page).
 */
export function findFurniture(text: string, info?: { runningTitle: boolean; pages?: boolean }): TextRange[] {
  const cands = candidates(text);
  if (cands.length === 0) return [];
  const keep: Candidate[] = [];
  let paginated = text.indexOf('\f') !== -1;
  for (const c of cands) if (c.kind === 'page') { keep.push(c); paginated = true; }
  if (info && paginated) info.pages = true;
  // Numbered headers and footers: the same words with different numbers, a page apart.
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    if (c.kind !== 'repeat') continue;
    const g = groups.get(c.key);
    if (g) g.push(c);
    else groups.set(c.key, [c]);
  }
  const repeated: Candidate[][] = [];
  for (const g of groups.values()) {
    if (g.length < 2 || !spread(g)) continue;
    const numbered = g[0]!.numbers !== '' && letterWords(text.slice(g[0]!.start, g[0]!.end)) >= 2 && new Set(g.map((x) => x.numbers)).size === g.length;
    if (numbered) {
      keep.push(...g);
      paginated = true;
    } else repeated.push(g);
  }
  // Lone page numbers: rising through the document, a page apart.
  const lone = cands.filter((c) => c.kind === 'number');
  if (lone.length >= 2 && spread(lone) && lone.every((c, k) => k === 0 || c.value > lone[k - 1]!.value)) {
    keep.push(...lone);
    paginated = true;
    if (info) info.pages = true;
  } else {
    for (const c of lone) if (nearFormFeed(text, c.start, c.end)) keep.push(c);
  }
  // Running titles, in paginated documents only; the document's first line is its title.
  if (paginated) {
    let first = 0;
    while (first < text.length && (isBlank(text.charCodeAt(first)) || text.charCodeAt(first) === 10)) first++;
    for (const g of repeated) {
      // A first line set in columns ("INTERNATIONAL SLEDGE RACING FEDERATION      Integrity Unit")
      // is the publisher's masthead that every page repeats, not the title: furniture everywhere.
      const titled = g[0]!.start === first && !COLUMN_GAP.test(text.slice(g[0]!.start, g[0]!.end));
      if (titled && info) info.runningTitle = true;
      keep.push(...(titled ? g.slice(1) : g));
    }
  }
  const masthead = paginated ? mastheadOf(text, cands, keep) : null;
  if (masthead) keep.push(masthead);
  keep.sort((a, b) => a.start - b.start);
  return keep.map((c) => ({ start: c.start, end: c.end }));
}

/** A line's words, lowercased, without its page number ("Page 2 of 6"). */
const wordsOf = (line: string): string => (line.replace(PAGE_IN_LINE, ' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * A masthead: the document's first line says again what its page headers say ("LOWLAND POLICY
 * INSTITUTE  Policy Brief No. 14" and "Lowland Policy Institute | Policy Brief No. 14  Page 2 of 6"):
 * the publisher's line, not the title, which then is the next line.
 */
function mastheadOf(text: string, cands: readonly Candidate[], keep: readonly Candidate[]): Candidate | null {
  const first = cands[0];
  if (!first || first.kind !== 'repeat' || keep.includes(first) || text.slice(0, first.start).trim() !== '') return null;
  const words = wordsOf(text.slice(first.start, first.end));
  if (words.split(' ').length < 2) return null;
  for (const c of keep) if (c.kind === 'page' && wordsOf(text.slice(c.start, c.end)) === words) return first;
  return null;
}

const isLowerStart = (c: number) => (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toUpperCase());

/**
 * Line breaks to blank along with the furniture, so the text reads on across a page break: every
 * break of a gap (blank lines and furniture between two lines of text) but its first, when the gap
 * had no blank line of its own (no paragraph break) or the text before it stops mid-sentence and
 * the text after it goes on in lowercase.
 */
export function furnitureJoins(text: string, furniture: readonly TextRange[]): number[] {
  const out: number[] = [];
  const n = text.length;
  const space = (c: number) => isBlank(c) || c === 10;
  let k = 0;
  while (k < furniture.length) {
    // The gap [a, b): from the end of the text line before to the start of the text line after,
    // running on over furniture lines that follow each other.
    let a = furniture[k]!.start;
    while (a > 0 && space(text.charCodeAt(a - 1))) a--;
    let b = furniture[k]!.end;
    let j = k + 1;
    for (;;) {
      while (b < n && space(text.charCodeAt(b))) b++;
      if (j < furniture.length && furniture[j]!.start === b) b = furniture[j++]!.end;
      else break;
    }
    k = j;
    if (a === 0 || b >= n) continue;
    const breaks: number[] = [];
    // A blank line of the gap's own (not a furniture line, not a form feed's line) is a paragraph break.
    let blankLine = false;
    let lineText = false;
    for (let p = a; p < b; p++) {
      const c = text.charCodeAt(p);
      if (c === 10) {
        if (breaks.length > 0 && !lineText) blankLine = true;
        breaks.push(p);
        lineText = false;
      } else if (c !== 32 && c !== 9) lineText = true;
    }
    // "... told the | <page break> | Panel that ...": a line that ends on a hanging word goes on, whatever case follows.
    const continues = (!endsLikeText(text.charCodeAt(a - 1)) && isLowerStart(text.charCodeAt(b))) || endsOnHangingWord(text, a);
    if (breaks.length > 1 && (continues || !blankLine)) for (let q = 1; q < breaks.length; q++) out.push(breaks[q]!);
  }
  return out;
}

/**
 * The text with `ranges` (ascending, not overlapping) and the line breaks at `joins` turned into
 * spaces: same length, so every offset and the map back to the original stay valid.
 */
export function blank(text: string, ranges: readonly TextRange[], joins: readonly number[]): string {
  const cuts: TextRange[] = [...ranges];
  for (const j of joins) cuts.push({ start: j, end: j + 1 });
  cuts.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const c of cuts) {
    if (c.start < at) continue;
    out += text.slice(at, c.start) + ' '.repeat(c.end - c.start);
    at = c.end;
  }
  return out + text.slice(at);
}
