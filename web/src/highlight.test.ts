import { describe, expect, it } from 'vitest';
import { splitIntoPieces } from './highlight.js';

const f = (id: string, start: number, end: number) => ({ id, start, end });

describe('splitIntoPieces', () => {
  it('covers the whole text exactly once, in order', () => {
    const pieces = splitIntoPieces(20, [f('a', 2, 5), f('b', 10, 14)]);
    expect(pieces.map((p) => [p.start, p.end, p.covering.map((x) => x.id).join()])).toEqual([
      [0, 2, ''],
      [2, 5, 'a'],
      [5, 10, ''],
      [10, 14, 'b'],
      [14, 20, ''],
    ]);
  });

  it('splits overlapping and nested findings, innermost first', () => {
    const pieces = splitIntoPieces(12, [f('outer', 0, 10), f('inner', 3, 6), f('tail', 8, 12)]);
    expect(pieces.map((p) => [p.start, p.end, p.covering.map((x) => x.id).join()])).toEqual([
      [0, 3, 'outer'],
      [3, 6, 'inner,outer'],
      [6, 8, 'outer'],
      [8, 10, 'tail,outer'],
      [10, 12, 'tail'],
    ]);
  });

  it('also cuts at extra points (the headline end) without merging across them', () => {
    const pieces = splitIntoPieces(10, [f('a', 2, 6)], [4]);
    expect(pieces.map((p) => [p.start, p.end, p.covering.map((x) => x.id).join()])).toEqual([
      [0, 2, ''],
      [2, 4, 'a'],
      [4, 6, 'a'],
      [6, 10, ''],
    ]);
  });

  it('drops spans outside the text or empty, and handles no findings', () => {
    expect(splitIntoPieces(5, [f('x', 3, 9), f('y', 2, 2)])).toEqual([{ start: 0, end: 5, covering: [] }]);
    expect(splitIntoPieces(0, [])).toEqual([]);
  });

  it('every finding is covered by at least one piece (property over random spans)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const len = 1 + rand(60);
      const spans = Array.from({ length: rand(8) }, (_, i) => {
        const s = rand(len);
        return f(`s${i}`, s, s + 1 + rand(len - s));
      });
      const pieces = splitIntoPieces(len, spans);
      expect(pieces[0]!.start).toBe(0);
      expect(pieces[pieces.length - 1]!.end).toBe(len);
      for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
      for (const s of spans) {
        const mine = pieces.filter((p) => p.covering.includes(s));
        expect(mine[0]!.start).toBe(s.start);
        expect(mine[mine.length - 1]!.end).toBe(s.end);
      }
    }
  });
});
