/**
 * Splits a text into pieces at every finding boundary, so overlapping and nested findings can be
 * shown without nesting marks: each piece lists the findings that cover it (innermost first).
 */

export interface SpanLike {
  id: string;
  start: number;
  end: number;
}

export interface Piece<F extends SpanLike> {
  start: number;
  end: number;
  /** Findings covering this piece, shortest (most specific) first; empty for plain text. */
  covering: F[];
}

export function splitIntoPieces<F extends SpanLike>(length: number, findings: readonly F[], extraCuts: readonly number[] = []): Piece<F>[] {
  const valid = findings.filter((f) => f.start >= 0 && f.end <= length && f.start < f.end);
  const cuts = new Set<number>([0, length, ...extraCuts.filter((x) => x > 0 && x < length)]);
  for (const f of valid) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const bySize = [...valid].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  const pieces: Piece<F>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = bySize.filter((f) => f.start <= start && f.end >= end);
    const last = pieces[pieces.length - 1];
    // Merge neighbours covered by exactly the same findings (keeps the DOM small), except across an extra cut.
    if (last && last.end === start && sameIds(last.covering, covering) && !extraCuts.includes(start)) last.end = end;
    else pieces.push({ start, end, covering });
  }
  return pieces;
}

function sameIds(a: readonly SpanLike[], b: readonly SpanLike[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]!.id);
}
