import { describe, expect, it } from 'vitest';
import { castLines, shownArchetypes } from './pretty.js';
import type { ActorSummary } from '../../core/actors.js';

const plain = { antagonist: (s: string) => s, innocent: (s: string) => s, protagonist: (s: string) => s, unframed: (s: string) => s };

describe('cast lists', () => {
  it('name the strongest archetype, and a second only when it scores nearly as high', () => {
    expect(shownArchetypes([])).toEqual([]);
    expect(shownArchetypes([{ id: 'tyrant', score: 0.372 }, { id: 'instigator', score: 0.31 }, { id: 'terrorist', score: 0.203 }])).toEqual(['tyrant', 'instigator']);
    expect(shownArchetypes([{ id: 'deceiver', score: 0.364 }, { id: 'incompetent', score: 0.219 }])).toEqual(['deceiver']);
    // Order of the input does not matter.
    expect(shownArchetypes([{ id: 'b', score: 0.2 }, { id: 'a', score: 0.4 }, { id: 'c', score: 0.39 }])).toEqual(['a', 'c']);
  });

  it('list how the author and each source cast the framed actors', () => {
    const actor = (name: string, role: 'antagonist' | 'innocent' | 'unframed', archetypes: { id: string; score: number }[], byVoice: unknown[] = []) =>
      ({ name, framing: { role, archetypes, byVoice, scores: {}, evidence: [] } }) as unknown as ActorSummary;
    const lines = castLines(
      [
        actor('Europe', 'antagonist', [{ id: 'tyrant', score: 0.372 }, { id: 'instigator', score: 0.31 }, { id: 'terrorist', score: 0.203 }]),
        actor('Villagers', 'innocent', [{ id: 'victim', score: 0.8 }], [{ kind: 'source', speaker: 'The mayor', role: 'innocent', archetypes: [{ id: 'forgotten', score: 0.5 }] }]),
        actor('Talks', 'unframed', []),
      ],
      plain,
    );
    expect(lines).toEqual(['  author casts: Europe antagonist (tyrant, instigator), Villagers innocent (victim)', '  quoted sources cast: The mayor: Villagers innocent (forgotten)']);
  });
});
