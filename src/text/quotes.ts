/**
 * Direct-speech spans. Works on canonical text, where every double quote is '"' and every single
 * quote is "'". Double quotes pair up within a paragraph; a quote left open at the end of a paragraph
 * runs to the paragraph's end (the newspaper convention for quotes spanning paragraphs). Single
 * quotes count only at word boundaries, so apostrophes ("don't", "the people's") are ignored.
 */
export interface QuoteSpan {
  /** Span including the quote marks (canonical offsets). */
  start: number;
  end: number;
  /** The quoted words without the marks. */
  contentStart: number;
  contentEnd: number;
  paragraph: number;
  /** True when the closing mark was missing and the quote was closed at the paragraph end. */
  open: boolean;
  mark: '"' | "'";
}

interface ParagraphLike {
  start: number;
  end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isLetterOrDigit = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && LETTER_OR_DIGIT.test(String.fromCharCode(c)));

export function findQuotes(text: string, paragraphs: readonly ParagraphLike[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // One scan for quote marks over the whole text, then per paragraph: never rescan the tail.
  const doubles: number[] = [];
  const singles: number[] = [];
  // indexOf is a native (memchr-like) search, much faster than a charCodeAt loop.
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) doubles.push(i);
  for (let i = text.indexOf("'"); i !== -1; i = text.indexOf("'", i + 1)) singles.push(i);
  let d = 0;
  let s = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p]!;
    while (d < doubles.length && doubles[d]! < start) d++;
    while (s < singles.length && singles[s]! < start) s++;
    let open = -1;
    for (; d < doubles.length && doubles[d]! < end; d++) {
      const i = doubles[d]!;
      if (open === -1) open = i;
      else {
        if (i > open + 1) out.push({ start: open, end: i + 1, contentStart: open + 1, contentEnd: i, paragraph: p, open: false, mark: '"' });
        open = -1;
      }
    }
    if (open !== -1 && end > open + 1) out.push({ start: open, end, contentStart: open + 1, contentEnd: end, paragraph: p, open: true, mark: '"' });
    // Single-quoted phrases: opening ' after a non-letter and before a letter; closing ' after a
    // letter or punctuation and before a non-letter; no paragraph crossing; short.
    let sOpen = -1;
    const firstDouble = out.length;
    for (; s < singles.length && singles[s]! < end; s++) {
      const i = singles[s]!;
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      if (sOpen === -1) {
        if (!isLetterOrDigit(before) && isLetterOrDigit(after)) sOpen = i;
      } else if (!isLetterOrDigit(after) && before !== 32) {
        if (i - sOpen <= 300 && !overlapsDouble(out, firstDouble, sOpen, i + 1)) {
          out.push({ start: sOpen, end: i + 1, contentStart: sOpen + 1, contentEnd: i, paragraph: p, open: false, mark: "'" });
        }
        sOpen = -1;
      }
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** A single-quoted span may nest inside a double-quoted one but not straddle its boundary. */
function overlapsDouble(spans: QuoteSpan[], upto: number, start: number, end: number): boolean {
  for (let k = upto - 1; k >= 0; k--) {
    const q = spans[k]!;
    if (q.end <= start) break;
    if (q.mark === '"' && q.start < end && start < q.end && !(q.start < start && end <= q.end)) return true;
  }
  return false;
}
