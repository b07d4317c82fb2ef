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

const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export function findQuotes(text: string, paragraphs: readonly ParagraphLike[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p]!;
    let open = -1;
    for (let i = text.indexOf('"', start); i !== -1 && i < end; i = text.indexOf('"', i + 1)) {
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
    for (let i = text.indexOf("'", start); i !== -1 && i < end; i = text.indexOf("'", i + 1)) {
      const before = text[i - 1];
      const after = text[i + 1];
      if (sOpen === -1) {
        if (!isLetterOrDigit(before) && isLetterOrDigit(after)) sOpen = i;
      } else if (!isLetterOrDigit(after) && before !== ' ') {
        if (i - sOpen <= 300 && !overlapsAny(out, sOpen, i + 1)) {
          out.push({ start: sOpen, end: i + 1, contentStart: sOpen + 1, contentEnd: i, paragraph: p, open: false, mark: "'" });
        }
        sOpen = -1;
      }
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

function overlapsAny(spans: QuoteSpan[], start: number, end: number): boolean {
  for (const s of spans) if (s.mark === '"' && s.start < end && start < s.end && !(s.start < start && end <= s.end)) return true;
  return false;
}
