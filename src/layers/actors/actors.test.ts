import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { evaluateRoleFixtures } from '../../training/test-support/framing-fixtures.js';

/** Floors a little under the shipped model's scores on the fixture tables (docs/evaluation.md). */
const FLOOR_DEV = 0.6;
const FLOOR_BLIND = 0.5;

const analyzer = new Analyzer({ model: null });

describe('actors layer', () => {
  it('reads a party name that only ever opens sentences as the party of its demonym', () => {
    const r = analyzer.analyze('The talks stalled again. Pellish negotiators left early. Pellia rejected the offer. Pellia will return on Monday.');
    const pel = r.actors!.find((a) => a.id === 'country:pell')!;
    expect(pel.name).toBe('Pellia');
    expect(pel.mentions.map((m) => m.text)).toEqual(['Pellish negotiators', 'Pellia', 'Pellia']);
    // Without a demonym beside it, a capitalised first word stays unread.
    expect(analyzer.analyze('Reform stalled again. Reform will return on Monday.').actors!.map((a) => a.name)).toEqual([]);
  });

  it('keeps a quantity and a demonym\'s title out of a name', () => {
    const r = analyzer.analyze('Thousands of Pellish farmers have left. Pellish Foreign Minister Ada Lind said on Friday that talks would resume. Ada Lind spoke again.');
    const names = r.actors!.map((a) => a.name);
    expect(names).toContain('Ada Lind');
    expect(names.some((n) => /Thousands|Minister/.test(n))).toBe(false);
    expect(r.actors!.find((a) => a.name === 'Ada Lind')!.mentions).toHaveLength(2);
  });

  it('resolves aliases to one actor and lists every mention in the original text', () => {
    const text = 'Baku said on Monday that the Azerbaijani government would talk. Azerbaijan\u2019s army withdrew.';
    const r = analyzer.analyze(text);
    const az = r.actors!.find((a) => a.id === 'azerbaijan')!;
    expect(az).toMatchObject({ name: 'Azerbaijan', type: 'country', origin: 'gazetteer' });
    expect(az.mentions.map((m) => m.text)).toEqual(['Baku', 'Azerbaijani government', 'Azerbaijan']);
    for (const m of az.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('says whose words a loaded term next to an actor is: the author\'s, or a source\'s', () => {
    const r = analyzer.analyze('Sylvanian officials said that Freedonia is committing genocide. The Freedonian regime has not answered.');
    const terms = r.actors!.find((a) => a.id === 'freedonia')!.loadedTerms.map((t) => [t.text, t.voice?.speaker ?? null]);
    expect(terms).toEqual(expect.arrayContaining([['genocide', 'Sylvanian officials'], ['regime', null]]));
  });

  it('finds a country named like a demonym ("Korvan" beside "Korvani") under its own name, and a dateline city as a place', () => {
    const text = 'VELDA, March 14 (Meridian Wire) - Talks between Korvan and Dastria broke up. The Korvani delegation left early. ' +
      "Korvan's water minister said the data were public. Both teams will return to Velda in April.";
    const actors = analyzer.analyze(text).actors!;
    const korvan = actors.find((a) => a.id === 'country:korvan')!;
    expect(korvan).toMatchObject({ name: 'Korvan', type: 'country' });
    expect(korvan.mentions.map((m) => m.text)).toEqual(['Korvan', 'Korvani delegation', 'Korvan']);
    expect(actors.find((a) => a.name.toLowerCase() === 'velda')).toMatchObject({ type: 'place' });
  });

  it('keeps one actor for one name, of the most specific type its mentions show', () => {
    const r = analyzer.analyze('The ruling Varn Bloc says it won. Critics of the Varn Bloc point to its funding.');
    const varn = r.actors!.filter((a) => a.name === 'Varn Bloc');
    expect(varn).toHaveLength(1);
    expect(varn[0]).toMatchObject({ type: 'organisation' });
    expect(varn[0]!.mentions).toHaveLength(2);
  });

  it('reads a faith before a place noun as a description, not a place name', () => {
    const names = analyzer.analyze('"The mainly Orthodox valley", one headline read. The Lowen valley was quiet.').actors!.map((a) => a.name);
    expect(names).toContain('Lowen valley');
    expect(names.filter((n) => /Orthodox/.test(n))).toEqual([]);
  });

  it('takes no name from the capitals of title lines: a heading or byline in Title Case names no actor', () => {
    const text = 'Water Access in the Lower Valley: Situation Analysis\n\nPrepared for the Lowland Working Group on Water Access\nBy Lena Maro\n\n' +
      'The water board closed two canals in March. Ana Petrova, who farms near the canals, said the closure came without warning.\n';
    const names = analyzer.analyze(text).actors!.map((a) => a.name);
    expect(names).toContain('Ana Petrova');
    expect(names.filter((n) => /Water Access|Working Group|Lena Maro/.test(n))).toEqual([]);
  });

  it('finds unknown persons and organisations by capitalisation and links a surname to the full name', () => {
    const r = analyzer.analyze('Ana Petrova met the Council of Elders in the old town. Petrova said the Council of Elders had agreed.');
    const petrova = r.actors!.find((a) => a.id === 'person:ana-petrova')!;
    expect(petrova).toMatchObject({ type: 'person', origin: 'heuristic' });
    expect(petrova.mentions.map((m) => m.text)).toEqual(['Ana Petrova', 'Petrova']);
    expect(r.actors!.find((a) => a.id === 'org:council-of-elders')!.mentions).toHaveLength(2);
  });

  it('keeps no actor state from one document to the next (mention counts, names as the text writes them)', () => {
    // "Marisco" once is too weak to call an actor; twice it is one. Case variants share an id, named as written in lower case.
    const once = 'Talks with Marisco resumed on Monday.';
    const twice = 'Talks with MARISCO resumed. The envoy from Marisco left.';
    const first = analyzer.analyze(twice).actors!;
    expect(first.map((a) => [a.id, a.name, a.mentions.length])).toEqual([['unknown:marisco', 'Marisco', 2]]);
    expect(analyzer.analyze(once).actors).toEqual([]);
    expect(analyzer.analyze(twice).actors).toEqual(first);
    expect(analyzer.analyze(once).actors).toEqual([]);
  });

  it('takes neither a quoted Title Case clause, a quantifier nor a date for a name', () => {
    const r = analyzer.analyze(
      'Several foreign outlets ran headlines such as "The Valley Is Being Emptied" about Korvani villages. ' +
        'Since February, Dastrian guards have closed the pass. Many Korvani farmers left.',
    );
    const names = r.actors!.map((a) => a.name);
    for (const bad of ['Several foreign', 'Valley Is Being Emptied', 'The Valley Is Being Emptied', 'Since February', 'Many Korvani']) expect(names).not.toContain(bad);
    expect(r.actors!.map((a) => a.type)).not.toContain('person');
  });

  it('does not take a capitalised first word for a name', () => {
    const r = analyzer.analyze('Meanwhile the talks went on. Yesterday nothing happened.');
    expect(r.actors).toEqual([]);
  });

  it('lists the loaded terms applied to an actor and the findings whose spans mention it', () => {
    const r = analyzer.analyze('The brutal Freedonian regime shelled the valley again.');
    const f = r.actors!.find((a) => a.id === 'freedonia')!;
    expect(f.loadedTerms.map((l) => l.text)).toEqual(expect.arrayContaining(['brutal', 'regime']));
    const covering = r.findings.filter((x) => f.mentions.some((m) => x.start <= m.start && m.end <= x.end));
    expect(f.techniques.map((t) => t.finding).sort()).toEqual(covering.map((x) => x.id).sort());
  });

  it('casts roles with evidence that points at the text, each cue with its voice', () => {
    const text = 'Freedonian forces shelled three Sylvanian villages. The UN said 40 people had died.';
    const r = analyzer.analyze(text);
    const framing = (id: string) => r.actors!.find((a) => a.id === id)!.framing;
    expect(framing('freedonia').role).toBe('antagonist');
    expect(framing('sylvania').role).toBe('innocent');
    // Being quoted is not a framing: the UN speaks, and that is a separate fact.
    expect(framing('un').role).toBe('unframed');
    expect(r.actors!.find((a) => a.id === 'un')!.sourceOf).toHaveLength(1);
    for (const a of r.actors!) {
      for (const e of a.framing.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
      for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(framing('freedonia').evidence.map((e) => e.text)).toContain('shelled');
    expect(framing('freedonia').byVoice[0]).toMatchObject({ kind: 'author', role: 'antagonist' });
  });

  it('gives every mention its own role and scores', () => {
    const r = analyzer.analyze('Freedonian forces shelled three Sylvanian villages. Talks between Freedonia and Sylvania resumed in Geneva.');
    const f = r.actors!.find((a) => a.id === 'freedonia')!;
    expect(f.mentions).toHaveLength(2);
    for (const m of f.mentions) {
      expect(['protagonist', 'antagonist', 'innocent', 'unframed']).toContain(m.role);
      expect(m.scores.protagonist + m.scores.antagonist + m.scores.innocent).toBeCloseTo(1, 2);
    }
    expect(f.mentions[0]!.role).toBe('antagonist');
  });

  it('scores the role fixture tables', () => {
    const dev = evaluateRoleFixtures(analyzer, 'development');
    const blind = evaluateRoleFixtures(analyzer, 'blind');
    expect(dev.total + blind.total).toBeGreaterThanOrEqual(60);
    expect(dev.correct / dev.total, dev.errors.join('\n')).toBeGreaterThanOrEqual(FLOOR_DEV);
    expect(blind.correct / blind.total, blind.errors.join('\n')).toBeGreaterThanOrEqual(FLOOR_BLIND);
  });
});
