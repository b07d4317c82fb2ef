import { describe, expect, it } from 'vitest';
import type { ActorSummary } from '../core/actors.js';
import type { FramingRole } from '../core/framing.js';
import { ActorCastingAccumulator, actorsToTable } from './actors.js';
import { fisherExact } from './stats.js';

function report(...cast: Array<[string, FramingRole]>): { actors: ActorSummary[] } {
  const scores = { protagonist: 0, antagonist: 0, innocent: 0 };
  return {
    actors: cast.map(([id, role]) => ({
      id, name: id, type: 'country', origin: 'gazetteer', mentions: [], techniques: [], loadedTerms: [], sourceOf: [],
      framing: { role, scores, archetypes: [], byVoice: [], evidence: [] },
    })),
  };
}

describe('Fisher exact test', () => {
  it('gives the textbook two-sided p-values', () => {
    // [[1, 9], [11, 3]]: the classic example, two-sided p = 0.002759.
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.002759, 5);
    // Balanced tables give p = 1; empty margins give 1.
    expect(fisherExact(5, 5, 5, 5)).toBeCloseTo(1, 10);
    expect(fisherExact(0, 0, 3, 4)).toBe(1);
    // [[3, 0], [0, 3]]: p = 2 / C(6, 3) = 0.1.
    expect(fisherExact(3, 0, 0, 3)).toBeCloseTo(0.1, 10);
  });
});

describe('actor casting by group', () => {
  it('gives each group the share of its documents casting each actor in each role, and flags what differs', () => {
    const acc = new ActorCastingAccumulator({ by: 'outlet', minDocuments: 2 });
    // The north outlet always casts Sylvania as antagonist, the south outlet always as innocent.
    for (let k = 0; k < 12; k++) acc.add({ outlet: 'north', author: null, tags: [] }, report(['sylvania', 'antagonist'], ['un', 'unframed']));
    for (let k = 0; k < 12; k++) acc.add({ outlet: 'south', author: null, tags: [] }, report(['sylvania', 'innocent'], ['un', 'unframed']));
    acc.add({ outlet: 'south', author: null, tags: [] }, report(['freedonia', 'antagonist']));
    const c = acc.result('key');
    expect(c.groups).toEqual(['south', 'north']);
    // Freedonia is in one document only: under the minimum.
    expect(c.actors.map((a) => a.id)).toEqual(['sylvania', 'un']);
    const syl = c.actors[0]!;
    const north = syl.groups.find((g) => g.key === 'north')!;
    expect(north.documents).toBe(12);
    expect(north.roles.antagonist).toMatchObject({ documents: 12, share: 1, restShare: 0, significant: true });
    expect(north.roles.antagonist.p).toBeLessThan(1e-5);
    expect(north.roles.protagonist).toMatchObject({ documents: 0, share: 0, significant: false });
    // The UN is unframed everywhere: nothing differs.
    for (const g of c.actors[1]!.groups) expect(g.roles.unframed).toMatchObject({ share: 1, significant: false });
    const table = actorsToTable(c);
    expect(table).toMatch(/^sylvania +north +12 +0% +100%\* +0%\* +0%/m);
  });
});
