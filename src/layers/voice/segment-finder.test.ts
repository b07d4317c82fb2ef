import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentFinder, segmentAtOffset } from './layer.js';

describe('SegmentFinder', () => {
  it('answers as segmentAtOffset does, for nested, disjoint and overlapping segments sorted by start', () => {
    const segs = [{ start: 0, end: 50 }, { start: 10, end: 20 }, { start: 30, end: 40 }];
    const finder = new SegmentFinder(segs);
    expect([0, 15, 25, 35, 45, 60].map((o) => finder.at(o))).toEqual([0, 1, 0, 2, 0, -1]);
    expect(new SegmentFinder([]).at(3)).toBe(-1);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 80 })), { maxLength: 40 }), fc.array(fc.nat(300), { minLength: 1, maxLength: 30 }), (raw, offsets) => {
        const sorted = raw.map(([start, len]) => ({ start, end: start + len })).sort((a, b) => a.start - b.start || b.end - a.end);
        const f = new SegmentFinder(sorted);
        return offsets.every((o) => f.at(o) === segmentAtOffset(sorted, o));
      }),
      { numRuns: 300 },
    );
  });
});
