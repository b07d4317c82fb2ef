import { describe, expect, it } from 'vitest';
import { Analyzer } from '../analysis/analyzer.js';
import { aggregateActors } from '../layers/actors/aggregate.js';
import { aggregateFrames } from '../layers/frames/aggregate.js';
import { aggregateIntensity } from '../layers/intensity/aggregate.js';
import { aggregateSourcing } from '../layers/sourcing/aggregate.js';
import { LayerAccumulator, layersToTable } from './layers.js';

const analyzer = new Analyzer({ model: null });
const texts = {
  north: [
    'Northland troops shelled the border town, sources say. The brutal Southland regime will be wiped out!',
    'Northland ministers said the treaty was violated. "We will defend every village," the defence minister said.',
  ],
  south: ['The Southland government said 12 people were injured on Monday, according to the Red Cross.'],
};

describe('LayerAccumulator', () => {
  it('gives each group the same aggregates as the layers aggregate functions, in one pass', () => {
    const acc = new LayerAccumulator({ by: 'outlet' });
    const reports: Record<string, ReturnType<typeof analyzer.analyze>[]> = { north: [], south: [] };
    for (const [outlet, list] of Object.entries(texts)) {
      for (const t of list) {
        const r = analyzer.analyze(t);
        reports[outlet]!.push(r);
        acc.add({ outlet, author: null, tags: [] }, r);
      }
    }
    const result = acc.result('key');
    expect(result.groups.map((g) => [g.key, g.documents])).toEqual([['north', 2], ['south', 1]]);
    for (const g of result.groups) {
      const rs = reports[g.key]!;
      expect(g.frames).toEqual(aggregateFrames(rs));
      expect(g.intensity).toEqual(aggregateIntensity(rs));
      expect(g.sourcing).toEqual(aggregateSourcing(rs));
      expect(g.actors).toEqual(aggregateActors(rs).slice(0, 12));
    }
    expect(result.groups[0]!.intensity.max).toBeGreaterThan(result.groups[1]!.intensity.max);
    const table = layersToTable(result);
    expect(table).toMatch(/^north +2 /m);
    expect(table).toContain('weak sourcing');
  });
});
