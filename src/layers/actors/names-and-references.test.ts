import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

// Texts written for this test (fourth reading round): an election, a mining dispute, a doping decision, invented parties.
const analyzer = new Analyzer({ model: null });
const actors = (text: string) => analyzer.analyze(text).actors!;
const typeOf = (text: string, name: string) => actors(text).find((a) => a.name === name)?.type;

describe('names of institutions, places and references', () => {
  it('an institution whose name opens with a compass word is an organisation, not a region', () => {
    const text = 'The Central Electoral Commission rejected the claims. A delegation from the Eastern Partnership of Parliaments praised the vote.';
    expect(typeOf(text, 'Central Electoral Commission')).toBe('organisation');
    expect(typeOf(text, 'Eastern Partnership of Parliaments')).toBe('organisation');
    // A compass word before a place is still a region.
    expect(typeOf('Fighting spread across the Western Highlands and the Upper Serel on Monday.', 'Western Highlands')).toBe('place');
  });

  it('a university, a panel and a group called by a name are organisations; a river is a place', () => {
    expect(typeOf('Oren Patel, a political scientist at Maltry State University, disagreed.', 'Maltry State University')).toBe('organisation');
    expect(typeOf('The Panel heard the athlete. The Panel found the violation established.', 'Panel')).toBe('organisation');
    expect(typeOf('Its critics, led by a small environmental group called Clean Sel, sued. Clean Sel lost.', 'Clean Sel')).toBe('organisation');
    expect(typeOf('The goats drank from a tributary of the River Sel below the mine.', 'River Sel')).toBe('place');
  });

  it('a name in apposition to a group noun is an organisation, whole, even when it opens with a common word', () => {
    const text = 'The activist group Last Summer, whose members glued themselves to the ministry doors, claims that delay kills. The campaign group Blue Tide said it would return.';
    expect(typeOf(text, 'Last Summer')).toBe('organisation');
    expect(typeOf(text, 'Blue Tide')).toBe('organisation');
    // A capitalised name without a group noun before it is read as before.
    expect(typeOf('Campaigners said Blue Tide would return.', 'Blue Tide')).toBe('person');
  });

  it('a law or a deal named by its title is an event, never an organisation cast in a role', () => {
    const text = 'The Clean Horizon Act hands power to the Climate Council. Critics of the European Green Deal met the Act Now campaign.';
    expect(typeOf(text, 'Clean Horizon Act')).toBe('event');
    expect(typeOf(text, 'European Green Deal')).toBe('event');
    expect(typeOf(text, 'Climate Council')).toBe('organisation');
    expect(typeOf(text, 'Act Now')).toBe('organisation');
  });

  it('a portfolio and a title before a name are no part of it; a wire agency credited in a dateline is media', () => {
    const names = actors('Environment Minister Ilse Marrow said no. Secretary of State Jan Roe came. The Union of Journalists protested.').map((a) => [a.name, a.type]);
    expect(names).toContainEqual(['Ilse Marrow', 'person']);
    expect(names).toContainEqual(['Jan Roe', 'person']);
    expect(names).toContainEqual(['Union of Journalists', 'organisation']);
    const wire = 'LENZ, Valdoria, March 14 (Northwire) - Farmers blocked the motorway. A spokesman told Northwire that talks would resume.';
    expect(typeOf(wire, 'Northwire')).toBe('media');
  });

  it('an organisation named by its head noun alone is the one organisation whose name it heads', () => {
    const text = 'The Tarsian Council alleges fraud. Observers of the Regional Security Forum disagree. The Council has not published its source, and the Forum has.';
    const names = actors(text).map((a) => a.name);
    expect(names).toContain('Tarsian Council');
    expect(names).toContain('Regional Security Forum');
    expect(names).not.toContain('Council');
    expect(names).not.toContain('Forum');
    // Two councils: "the Council" could be either, so it stays apart.
    const two = actors('The Tarsian Council alleges fraud. The Dorvian Council denies it. The Council met again.').map((a) => a.name);
    expect(two).toContain('Council');
  });

  it('an adjective that opens a sentence is no part of the name after it', () => {
    const names = actors('Neighbouring Ostrelia congratulated the president on Monday, and the president thanked Ostrelia.').map((a) => a.name);
    expect(names).not.toContain('Neighbouring Ostrelia');
    expect(names).toContain('Ostrelia');
  });

  it('"Article 2.1", "Case X", "Table 1" and "the Rules" are references, not actors', () => {
    const text = 'Case ASF/DP/07 concerns Katrin Olvey. She was charged under Article 2.1 of the Anti-Doping Rules. Table 1 shows the results. Article 4 of the Rules applies.';
    const names = actors(text).map((a) => a.name);
    for (const n of ['Case ASF', 'Article', 'Rules', 'Table', 'Case']) expect(names).not.toContain(n);
    expect(names).toContain('Katrin Olvey');
  });

  it('a name wrapped across a line break reads as one line', () => {
    const text = 'An expert called by the athlete, Professor Lena Voss of the Institute\nof Sports Medicine in Varna, gave evidence.';
    expect(actors(text).map((a) => a.name)).toContain('Institute of Sports Medicine');
  });
});

describe('an organisation named by the first word of its name', () => {
  it('"Halvard" after "Halvard Mining Group" is the company, one actor', () => {
    const text = 'The Gorna mine is run by Halvard Mining Group. Halvard says the mine is safe. Critics accuse Halvard of hiding a leak.';
    const hs = actors(text).filter((a) => a.name.startsWith('Halvard'));
    expect(hs.map((a) => [a.name, a.type, a.mentions.length])).toEqual([['Halvard Mining Group', 'organisation', 3]]);
  });

  it('a city that an institution is named after stays the city', () => {
    const text = 'MALTRY, Brenna, Oct 14 (Wirepress) - Police in Maltry detained two people. The Maltry Institute for Public Data counted the votes. Crowds gathered in Maltry.';
    const maltry = actors(text).find((a) => a.name === 'Maltry');
    expect(maltry?.type).toBe('place');
    expect(actors(text).find((a) => a.name === 'Maltry Institute for Public Data')?.mentions.length).toBe(1);
  });
});
