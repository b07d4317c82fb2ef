import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

// Texts written for this test.
const analyzer = new Analyzer({ model: null });
const actorsOf = (text: string) => analyzer.analyze(text).actors!;

describe('what is a name', () => {
  it('never takes a capitalised compound adjective or a capitalised common adjective for an actor', () => {
    const names = actorsOf('Voters elected a Russian-speaking president. The Czech-made launchers arrived. Western outlets covered it, and Eastern regions voted early. ' +
      '"Without Western weapons and Western targeting data, such strikes would be impossible," a source said. Western capitals lifted their limits.').map((a) => a.name);
    expect(names.some((n) => /speaking|made|Western|Eastern|Without/.test(n))).toBe(false);
  });

  it('keeps a demonym that opens an institution\'s name inside the name ("American Petroleum Institute")', () => {
    const actors = actorsOf('The American Petroleum Institute said prices would rise. American troops left.');
    expect(actors.find((a) => a.name === 'American Petroleum Institute')).toMatchObject({ type: 'organisation' });
    expect(actors.some((a) => a.name === 'Petroleum Institute')).toBe(false);
    expect(actors.find((a) => a.id === 'united-states')!.mentions.map((m) => m.text)).toEqual(['American troops']);
  });
});

describe('"and" inside a name', () => {
  it('keeps "National Oceanic and Atmospheric Administration" whole, but not two parties joined by "and"', () => {
    const names = actorsOf('Scientists at the National Oceanic and Atmospheric Administration report warming. Russia and Ukraine met in Geneva.').map((a) => a.name);
    expect(names).toContain('National Oceanic and Atmospheric Administration');
    expect(names).toEqual(expect.arrayContaining(['Russia', 'Ukraine']));
  });
});

describe('an actor named only as a setting', () => {
  it('casts no role for a country named only as where things happen, and casts it where it acts', () => {
    const model = new Analyzer();
    const only = model.analyze('Record wildfires burned across Canada this summer, destroying homes and killing dozens of firefighters.').actors!;
    const canada = only.find((a) => a.id === 'canada')!;
    expect(canada.framing.role).toBe('unframed');
    expect(canada.mentions.every((m) => m.role === 'unframed')).toBe(true);
    const acts = model.analyze('Canada shelled the border villages at dawn, killing twelve civilians. Canada has refused every call for a ceasefire.').actors!;
    expect(acts.find((a) => a.id === 'canada')!.mentions.some((m) => m.role !== 'unframed')).toBe(true);
  });
});
