import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import type { Report } from '../../core/report.js';

/**
 * The framing party-swap suite: 22 templates written for this test, each filled with three pairs of
 * parties (invented states the gazetteer does not know, states it knows, and titled persons) in both
 * orders: 66 pairs. In every pair, the role (and scores, archetypes, source castings) of each party
 * must follow its name to the other place. The classifier never sees a name, so a party cannot be
 * cast by who it is.
 */
const analyzer = new Analyzer({ model: null });

interface Party { name: string; demonym: string; person: string }
const PAIRS: Array<[Party, Party]> = [
  [{ name: 'Marvonia', demonym: 'Marvonian', person: 'General Ilo Marek' }, { name: 'Oltresia', demonym: 'Oltresian', person: 'General Tova Renn' }],
  [{ name: 'Peru', demonym: 'Peruvian', person: 'Minister Ana Quispe' }, { name: 'Kenya', demonym: 'Kenyan', person: 'Minister Ruth Wanjiku' }],
  [{ name: 'Sylvania', demonym: 'Sylvanian', person: 'President Karl Oster' }, { name: 'Freedonia', demonym: 'Freedonian', person: 'President Lise Brun' }],
];

/** {A} {B} names, {a} {b} demonyms, {PA} {PB} persons. */
const TEMPLATES = [
  '{a} forces shelled three {b} villages on Monday, killing nine civilians.',
  'Thousands of {b} families fled as {a} troops advanced on the valley.',
  '{A} rescued forty {b} sailors from the storm.',
  '{a} officials lied about the death toll for a week, {b} doctors said.',
  '{A} accused {B} of genocide. Such claims are baseless.',
  '{PA} said that {b} militias had burned the market.',
  '"We will defend every village," {PA} said, as {b} drones struck the border town.',
  'According to the UN, {a} soldiers detained hundreds of {b} men without charge.',
  'The brutal {a} regime crushed the protests and jailed {b} students.',
  '{A} brokered the ceasefire and kept {B} at the table for three weeks.',
  '{b} migrants are blamed for a crisis that {a} bankers caused.',
  'Talks between {A} and {B} resumed in Geneva on Tuesday.',
  '{PA} falsely claimed that {B} had started the war.',
  '{a} volunteers fed and sheltered every {b} family that reached the border.',
  'The {a} water board ignored three warnings before the dam broke and flooded {b} towns.',
  '{PB} rightly warned that {a} spies were mapping the power station.',
  '{A} is meddling in the {b} election, {PB} told reporters.',
  'Critics argue that {a} trawler firms exploit {b} fishermen.',
  '{PA} met {PB} in the capital. Both sides said the meeting was useful.',
  '{a} saboteurs cut the pipeline that supplies {b} towns, the ministry said, and {PB} called for calm.',
  '{a} border police turned back the aid convoy bound for {b} villages and expelled the inspectors.',
  '{A} reneged on the truce and kept the crossings shut while {b} families ran out of food.',
];

function fill(t: string, a: Party, b: Party): string {
  return t.replace(/\{(A|B|a|b|PA|PB)\}/g, (_, k: string) => ({ A: a.name, B: b.name, a: a.demonym, b: b.demonym, PA: a.person, PB: b.person })[k]!);
}

/** How the report casts whatever a party's words name: by actor name with the party's words replaced. */
function casting(r: Report, swap: (name: string) => string): Array<string> {
  return (r.actors ?? [])
    .map((x) => JSON.stringify([swap(x.name), x.type, x.framing.role, x.framing.scores, x.framing.archetypes, x.framing.byVoice.map((v) => [v.kind, v.role, v.scores]), x.mentions.map((m) => [m.role, m.scores])]))
    .sort();
}

describe('framing party swap (66 templated pairs)', () => {
  const cases = TEMPLATES.flatMap((t, k) => PAIRS.map(([a, b], p) => ({ label: `template ${k + 1}, pair ${p + 1}`, t, a, b })));

  it('has at least 60 pairs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('the role follows the name: $label', ({ t, a, b }) => {
    const original = analyzer.analyze(fill(t, a, b));
    const swapped = analyzer.analyze(fill(t, b, a));
    // Names in the original map to the other party's in the swapped text.
    const words: Array<[string, string]> = [];
    for (const [x, y] of [[a, b], [b, a]] as const) {
      words.push([x.person, y.person], [x.name, y.name], [x.demonym, y.demonym]);
      // Surnames and given names alone ("Marek"), as the actors layer may name them.
      const xs = x.person.split(' ');
      const ys = y.person.split(' ');
      for (let k = 1; k < xs.length; k++) words.push([xs[k]!, ys[k]!]);
    }
    const swap = (name: string) => {
      let out = name;
      // Longest first, through placeholders so that a swapped name is not swapped back.
      const sorted = [...words].sort((p, q) => q[0].length - p[0].length);
      sorted.forEach(([from], k) => { out = out.split(from).join(`\u0000${k}\u0000`); });
      sorted.forEach(([, to], k) => { out = out.split(`\u0000${k}\u0000`).join(to); });
      return out;
    };
    expect(casting(swapped, (n) => n)).toEqual(casting(original, swap));
  });

  it('casts the parties, not only leaves them unframed', () => {
    // Over the suite, the author casts parties in all three roles (the test would be empty otherwise).
    const roles = new Set<string>();
    for (const { t, a, b } of cases) for (const x of analyzer.analyze(fill(t, a, b)).actors ?? []) roles.add(x.framing.role);
    expect([...roles].sort()).toEqual(['antagonist', 'innocent', 'protagonist', 'unframed']);
  });
});
