import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import type { Report } from '../../core/report.js';
import { BUILTIN_GAZETTEER, loadGazetteerFile } from './gazetteer.js';

/**
 * Neutrality, the party-swap test: putting one country's names (name, capital, demonym) where the
 * other's were, and the other way round, must swap the two actors' roles and change nothing
 * else: not the sourcing classes, not the claims, not the quotations, not any other actor.
 * Pairs are drawn from the whole gazetteer, so the rules cannot favour any country.
 */
const analyzer = new Analyzer({ model: null });

interface Party { id: string; name: string; capital: string; demonym: string }

const parties: Party[] = loadGazetteerFile(BUILTIN_GAZETTEER)
  .countries.filter((c) => c.capital && c.demonyms.length > 0 && !/\s/.test(c.name))
  .map((c) => ({ id: c.id, name: c.name, capital: c.capital!, demonym: c.demonyms[0]! }));

const TEMPLATES = [
  '{a} forces shelled three {b} villages on Monday, killing at least 12 civilians, the UN mission said. ' +
    '{B} accused {A} of war crimes, citing satellite images. "We will defend every village," said {b} President Ivan Horvat. ' +
    '{a} officials reportedly denied the attack.',
  '{CA} and {CB} traded accusations on Tuesday. The {a} government said {b} troops had violated the ceasefire. ' +
    'Thousands of {a} civilians fled as {b} drones struck the border town. According to the OSCE, the shelling of {A} continued overnight.',
  '{b} drone strike kills three {a} soldiers\n\n{B} launched a drone strike on the {a} army post, killing three soldiers, ' +
    '{a} officials said. "This was a cowardly provocation," the {a} defence ministry claimed. ' +
    '{b} media reported that the post was a legitimate target. The brutal {a} regime must answer for its crimes.',
  'Talks between {A} and {B} collapsed in Geneva. {A} blamed {B} for the failure, while {b} diplomats said {CA} had never been serious. ' +
    'Many believe the war will resume. "We are ready for peace," the {a} foreign minister insisted.',
  'The {a} people mourned their dead after {b} artillery hit a market in the capital. It is believed that 40 people died. ' +
    'The UN called for restraint, and the Red Cross confirmed that its staff had reached the {a} town.',
];

function fill(t: string, a: Party, b: Party): string {
  return t.replace(/\{(A|B|a|b|CA|CB)\}/g, (_, k: string) =>
    ({ A: a.name, B: b.name, a: a.demonym, b: b.demonym, CA: a.capital, CB: b.capital })[k]!);
}

/**
 * Everything the sourcing, claims and actors layers say, with actor ids passed through `id` and no
 * offsets or name strings. Technique findings are left out: detectors have their own swap test
 * (src/analysis/swap.test.ts); this one checks the layers.
 */
function signature(r: Report, id: (x: string | null) => string | null) {
  return {
    classes: r.sourcing!.sentences.map((s) => s.class),
    quotations: r.quotations!.map((q) => [q.kind, q.nested, q.speaker?.via ?? null, q.verb?.lemma ?? null, q.verb?.tone ?? null]),
    claims: r.claims!.map((c) => [c.types, c.hedging, c.source.class, c.accusation?.charges ?? null,
      id(c.accusation?.accuser?.actor ?? null), id(c.accusation?.accused?.actor ?? null)]),
    actors: r.actors!
      .map((a) => [id(a.id), a.type, a.mentions.map((m) => [m.role, m.scores, m.archetypes]), a.framing.role, a.framing.scores, a.framing.archetypes,
        a.loadedTerms.map((l) => l.text).sort(), a.framing.evidence.map((e) => `${e.role}:${e.cue}:${e.weight}`).sort(),
        a.framing.byVoice.map((v) => [v.kind, v.role, v.scores])])
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
  };
}

describe('party swap', () => {
  it('has enough countries to draw from', () => {
    expect(parties.length).toBeGreaterThan(100);
  });

  it('swapping two countries swaps their roles and nothing else', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TEMPLATES.length - 1 }),
        fc.integer({ min: 0, max: parties.length - 1 }),
        fc.integer({ min: 0, max: parties.length - 1 }),
        (t, i, j) => {
          fc.pre(i !== j);
          const a = parties[i]!;
          const b = parties[j]!;
          const original = analyzer.analyze(fill(TEMPLATES[t]!, a, b));
          const swapped = analyzer.analyze(fill(TEMPLATES[t]!, b, a));
          // Ids name a party in any part: "albania", "albania:people", "media:albania".
          const swapId = (x: string | null) => (x === null ? null : x.split(':').map((p) => (p === a.id ? b.id : p === b.id ? a.id : p)).join(':'));
          expect(signature(swapped, (x) => x)).toEqual(signature(original, swapId));
          // And the two parties really are cast in roles, by the author or by a source the text
          // reports (the test would be empty otherwise). (Template 3, failed talks and mutual blame
          // in others' words, frames nobody.) A party's people or forces count as the party ("morocco:people").
          const roles = original.actors!.filter((x) => x.id.split(':').some((p) => p === a.id || p === b.id)).flatMap((x) => x.framing.byVoice.map((v) => v.role));
          if (t !== 3) expect(roles.some((r) => r !== 'unframed')).toBe(true);
        },
      ),
      { numRuns: 100, seed: 20261125 },
    );
  });

  it('keeps each template\'s roles: the attacker is the antagonist whoever it is, in the voice that says so', () => {
    const [x, y] = [parties.find((p) => p.id === 'azerbaijan')!, parties.find((p) => p.id === 'armenia')!];
    for (const [a, b] of [[x, y], [y, x]] as const) {
      const r = analyzer.analyze(fill(TEMPLATES[0]!, a, b));
      const attacker = r.actors!.find((z) => z.id === a.id)!.framing;
      const shelled = r.actors!.find((z) => z.id === b.id)!.framing;
      const byMission = (f: typeof attacker) => f.byVoice.find((v) => v.speaker === 'UN mission')?.role;
      // The shelling is in the UN mission's words: the mission casts the attacker as antagonist and
      // the shelled side as innocent; the wire's author may leave both unframed, never the reverse.
      expect(byMission(attacker)).toBe('antagonist');
      expect(byMission(shelled)).toBe('innocent');
      expect(['antagonist', 'unframed']).toContain(attacker.role);
      expect(['innocent', 'unframed']).toContain(shelled.role);
    }
  });
});
