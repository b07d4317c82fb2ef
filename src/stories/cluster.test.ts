import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterDocuments, type ClusterDoc } from './cluster.js';
import { documentTerms, TermSpace } from './features.js';

const DAY = 86_400_000;
const T0 = Date.parse('2024-05-06T00:00:00Z');

// Written for this test: two events on one topic, a day apart and a week apart, and one unrelated text.
const TEXTS = [
  { text: 'Korvani artillery shelled the Orlen hamlets in the Dastra valley; 120,000 residents fled to Velin.', day: 0 },
  { text: 'Shells hit Orlen and the Dastra valley hamlets on Monday, and 120,000 residents fled north to Velin.', day: 0.5 },
  { text: 'In the Dastra valley, 120,000 residents fled Orlen and other hamlets after Korvani shelling.', day: 1 },
  { text: 'Grain exports from the port of Selm rose by a fifth, the harbour authority said.', day: 1 },
  { text: 'Korvani artillery shelled the Orlen hamlets in the Dastra valley; 120,000 residents fled to Velin.', day: 9 },
];

function docs(): ClusterDoc[] {
  const space = new TermSpace();
  const terms = TEXTS.map((t) => documentTerms(t.text, null));
  for (const t of terms) space.add(t);
  return TEXTS.map((t, i) => ({ id: i + 1, time: T0 + t.day * DAY, vector: space.vector(terms[i]!) }));
}

const grouped = (joins: Array<{ doc: number; story: number }>) => {
  const by = new Map<number, number[]>();
  for (const j of joins) by.set(j.story, [...(by.get(j.story) ?? []), j.doc]);
  return [...by.values()].map((g) => g.sort()).sort((a, b) => a[0]! - b[0]!);
};

describe('clusterDocuments', () => {
  const options = { windowMs: 3 * DAY, threshold: 0.25, decay: 0.75 };

  it('groups versions of one event in the window and keeps unrelated and later texts apart', () => {
    const r = clusterDocuments(docs(), new Map(), options);
    expect(grouped(r.joins)).toEqual([[1, 2, 3], [4], [5]]);
    expect(r.created.size).toBe(3);
    // The same text nine days later is outside the window: a new story.
    expect(r.joins.find((j) => j.doc === 5)!.score).toBe(1);
  });

  it('lets new documents join stored stories and leaves stored assignments alone', () => {
    const d = docs();
    const r = clusterDocuments(d, new Map([[1, 70], [4, 71]]), options);
    expect(r.joins.map((j) => [j.doc, j.story])).toEqual([[2, 70], [3, 70], [5, -1]]);
    expect([...r.created]).toEqual([[-1, [5]]]);
    // Everything assigned: nothing to do.
    expect(clusterDocuments(d, new Map(d.map((x) => [x.id, 1])), options).joins).toEqual([]);
  });

  it('a higher threshold or a stronger decay splits more', () => {
    expect(grouped(clusterDocuments(docs(), new Map(), { ...options, threshold: 0.99 }).joins)).toHaveLength(5);
    const far = docs().map((x) => (x.id === 3 ? { ...x, time: T0 + 2.9 * DAY } : x));
    expect(grouped(clusterDocuments(far, new Map(), { ...options, decay: 0 }).joins)).toEqual([[1, 2, 3], [4], [5]]);
    expect(grouped(clusterDocuments(far, new Map(), { ...options, decay: 1, threshold: 0.5 }).joins)).toEqual([[1, 2], [3], [4], [5]]);
  });

  it('treats undated documents as in every window', () => {
    const d = docs().map((x) => (x.id === 5 ? { ...x, time: null } : x));
    expect(grouped(clusterDocuments(d, new Map(), options).joins)).toEqual([[1, 2, 3, 5], [4]]);
  });

  it('gives the same stories whatever order the documents come in', () => {
    const base = grouped(clusterDocuments(docs(), new Map(), options).joins);
    fc.assert(
      fc.property(fc.shuffledSubarray(docs(), { minLength: 5, maxLength: 5 }), (shuffled) => {
        expect(grouped(clusterDocuments(shuffled, new Map(), options).joins)).toEqual(base);
      }),
      { numRuns: 30 },
    );
  });
});
