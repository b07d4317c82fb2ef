import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

// Texts written for this test: an op-ed about a river dispute between two invented states.
const analyzer = new Analyzer({ model: null });
const actors = (text: string) => analyzer.analyze(text).actors!;

describe('parties in a Title Case headline', () => {
  it('reads a party the body establishes in the headline, where capitals say nothing', () => {
    const text = "Kelvaria's Water Lies Will Not Wash\n\nFor three years Kelvarian officials have promised cooperation. Kelvaria built the dam anyway, and Kelvaria keeps the gauge.";
    const k = actors(text).find((a) => a.id === 'country:kelvar')!;
    expect(k.mentions[0]!.text).toBe('Kelvaria');
    expect(k.mentions[0]!.start).toBe(0);
    // The headline's other capitalised words are no actors.
    expect(actors(text).map((a) => a.name)).not.toContain('Water Lies');
  });

  it('reads nothing in the headline when the body never names the party', () => {
    const text = 'Water Lies Will Not Wash\n\nFor three years officials have promised cooperation.';
    expect(actors(text).filter((a) => a.mentions.some((m) => m.start < 25))).toEqual([]);
  });
});

describe('types of capitalised names', () => {
  const notes = 'Notes\n[1] Ardesian Institute of Hydrology, Dry-Season Flow Assessment, 2024.\n[2] Interview with the newspaper Kelvarski Vestnik, 9 June 2019.';
  const text = `The dam has cut the flow by a fifth.[1] A general said so in 2019.[2]\n\n${notes}`;
  const typeOf = (name: string) => actors(text).find((a) => a.name === name)?.type;

  it('types an institution whose head comes before "of" as an organisation', () => {
    expect(typeOf('Ardesian Institute of Hydrology')).toBe('organisation');
  });
  it('types a name after "the newspaper" as media', () => {
    expect(typeOf('Kelvarski Vestnik')).toBe('media');
  });
  it('never takes the title of a document for a person', () => {
    // Before: "Dry-Season Flow Assessment (person)". Seen once and not a person, it is too weak to be an actor.
    expect(actors(text).map((a) => a.name)).not.toContain('Dry-Season Flow Assessment');
    const twice = actors('The Valley Water Accord was signed in May. Critics say the Valley Water Accord is weak.');
    expect(twice.find((a) => a.name === 'Valley Water Accord')?.type ?? 'none').not.toBe('person');
  });
});

describe('places by what is done to them', () => {
  it('types a town that is visited and stood in as a place ("visited Tessin", "in Tessin", "residents of Tessin")', () => {
    const text = 'More than 3,000 residents of Tessin were without power. Engineers worked in Tessin through the night. The president visited Tessin on Wednesday.';
    expect(actors(text).find((a) => a.name === 'Tessin')?.type).toBe('place');
  });
});

describe('words with a demonym\'s ending that name no party', () => {
  it('reads "Neither government has published ..." as no country called "Neith"', () => {
    const ids = actors('Neither government has published the data it cites. Either government could publish it tomorrow.').map((a) => a.id);
    expect(ids.some((id) => id.startsWith('country:neith') || id.startsWith('country:eith'))).toBe(false);
    // A real demonym before "government" is still a party.
    expect(actors('The Dastrian government has published the data.').map((a) => a.id)).toContain('country:dastr');
  });
});
