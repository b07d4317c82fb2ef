import { describe, expect, it } from 'vitest';
import type { ActorSummary } from '../../core/actors.js';
import type { FramingRole } from '../../core/framing.js';
import { aggregateActors } from './aggregate.js';

/** A hand-made actor entry: only what the accumulator reads. */
function actor(id: string, role: FramingRole, opts: { source?: FramingRole; speaks?: boolean; archetype?: 'tyrant' | 'victim' } = {}): ActorSummary {
  const scores = { protagonist: 0, antagonist: 0, innocent: 0 };
  return {
    id, name: id, type: 'country', origin: 'gazetteer', techniques: [], loadedTerms: [{ start: 0, end: 6, text: 'Regime' }],
    mentions: [{ start: 0, end: 1, text: 'x', role, scores, archetypes: [] }],
    sourceOf: opts.speaks ? [{ segment: 0, quoted: true, stance: null }] : [],
    framing: {
      role, scores, archetypes: opts.archetype ? [{ id: opts.archetype, score: 0.9 }] : [], evidence: [],
      byVoice: [
        { kind: 'author', speaker: null, actor: null, role, scores, archetypes: [], mentions: 1 },
        ...(opts.source ? [{ kind: 'source' as const, speaker: 'X', actor: null, role: opts.source, scores, archetypes: [], mentions: 1 }] : []),
      ],
    },
  };
}

describe('actor aggregate', () => {
  it('counts documents per role, per source role, archetypes and speaking', () => {
    const agg = aggregateActors([
      { actors: [actor('freedonia', 'antagonist', { archetype: 'tyrant', source: 'innocent' }), actor('sylvania', 'innocent', { speaks: true })] },
      { actors: [actor('freedonia', 'antagonist', { archetype: 'tyrant' })] },
      { actors: [actor('freedonia', 'protagonist')] },
    ]);
    const f = agg.find((x) => x.id === 'freedonia')!;
    expect(f).toMatchObject({ documents: 3, mentions: 3, dominantRole: 'antagonist', asSource: 0 });
    expect(f.roles).toEqual({ protagonist: 1, antagonist: 2, innocent: 0, unframed: 0 });
    expect(f.roleShares.antagonist).toBeCloseTo(0.667, 3);
    expect(f.sourceRoles.innocent).toBe(1);
    expect(f.archetypes).toEqual([{ id: 'tyrant', documents: 2 }]);
    expect(f.loadedTerms).toEqual([{ term: 'regime', count: 3 }]);
    expect(agg.find((x) => x.id === 'sylvania')).toMatchObject({ asSource: 1, dominantRole: 'innocent' });
    expect(agg[0]!.id).toBe('freedonia');
  });

  it('calls a tie or no framing at all unframed, and is empty for no documents', () => {
    expect(aggregateActors([{ actors: [actor('a', 'antagonist')] }, { actors: [actor('a', 'innocent')] }])[0]!.dominantRole).toBe('unframed');
    expect(aggregateActors([{ actors: [actor('a', 'unframed')] }])[0]!.dominantRole).toBe('unframed');
    expect(aggregateActors([])).toEqual([]);
  });

  it('leaves out actors named only by description: "the government" of one text is not that of another', () => {
    const agg = aggregateActors([{ actors: [actor('desc:government', 'antagonist'), actor('freedonia', 'innocent')] }, { actors: [actor('desc:government', 'antagonist')] }]);
    expect(agg.map((x) => x.id)).toEqual(['freedonia']);
  });
});
