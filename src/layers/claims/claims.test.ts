import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { evaluateClaims } from './evaluate.js';

const analyzer = new Analyzer({ model: null });

describe('claims layer', () => {
  it('finds check-worthy claims with type, source and hedging', () => {
    const text = 'At least 40 people were killed, the UN said. Some 3,000 families may have fled. The talks will be hard. Is this peace?';
    const claims = analyzer.analyze(text).claims!;
    expect(claims.map((c) => [c.type, c.hedging, c.source.class, c.source.name])).toEqual([
      ['casualties', 'certain', 'attributed-named', 'UN'],
      ['displacement', 'hedged', 'unattributed-claim', null],
    ]);
    expect(claims[1]!.hedges.map((h) => h.text)).toEqual(['Some', 'may']);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('counts no number in a list item\'s own number, but the numbers it states', () => {
    const text = 'The board recommends that:\n\n1. the wells be tested every month;\n2. at least 40 new pumps be installed;\n';
    expect(analyzer.analyze(text).claims!.map((c) => [c.text, c.type])).toEqual([['2. at least 40 new pumps be installed;', 'number']]);
  });

  it('names the accuser past its auxiliaries, and the subject of an accusing participle', () => {
    const acc = (text: string) => analyzer.analyze(text).claims!.filter((c) => c.accusation).map((c) => [c.accusation!.accuser?.text, c.accusation!.accused?.text]);
    expect(acc('Critics are accusing the harbour board of waste.')).toEqual([['Critics', 'the harbour board']]);
    expect(acc('The Lowen council has filed two complaints, accusing Dastrian engineers of sabotage.')).toEqual([['Lowen council', 'Dastrian engineers']]);
  });

  it('reads a quoted charge after "accused X of"', () => {
    const acc = (text: string) => analyzer.analyze(text).claims!.filter((c) => c.accusation).map((c) => c.accusation!.charge.text);
    expect(acc('The mayor accused the board of "starving the valley" on Monday.')).toEqual(['starving the valley']);
    expect(acc('Farm groups accuse the board of a "war on wells".')).toEqual(['a "war on wells"']);
  });

  it('marks conditional claims', () => {
    expect(analyzer.analyze('The toll will rise to 100 if the rescuers cannot reach the village.').claims![0]!.hedging).toBe('conditional');
  });

  it('says who accuses whom of what, on what evidence', () => {
    const text = 'Sylvania accused Freedonia of genocide and ethnic cleansing, citing mass graves near the river.';
    const [c] = analyzer.analyze(text).claims!;
    expect(c!.type).toBe('accusation');
    expect(c!.accusation).toMatchObject({
      accuser: { text: 'Sylvania', actor: 'sylvania' },
      accused: { text: 'Freedonia', actor: 'freedonia' },
      charges: ['genocide', 'ethnic-cleansing'],
      evidence: { text: 'citing mass graves near the river' },
    });
    const ev = c!.accusation!.evidence!;
    expect(text.slice(ev.start, ev.end)).toBe(ev.text);
  });

  it('ends the accused at the verb\'s own preposition and the accuser before a time phrase', () => {
    const [c] = analyzer.analyze('Prosecutors in Velda last month charged two officials of a construction firm with bribing inspectors.').claims!;
    expect(c!.accusation).toMatchObject({ accuser: { text: 'Prosecutors in Velda' }, accused: { text: 'two officials of a construction firm' } });
    const [d] = analyzer.analyze('The Sylvanian ministry accused Freedonian engineers of falsifying the gauge readings.').claims!;
    expect(d!.accusation).toMatchObject({ accused: { text: 'Freedonian engineers', actor: 'freedonia' } });
  });

  it('reads no accusation where the verb is negated or blames nobody', () => {
    for (const text of ['The monitors counted 46 violations and, with admirable caution, blamed nobody.', 'The monitors did not blame either side for the shelling.',
      'The monitors declined to blame either side.', 'Freedonia accused no one of the attack.', 'Korvani and Dastrian officials traded blame after the talks.']) {
      expect(analyzer.analyze(text).claims!.filter((c) => c.accusation).map((c) => c.text), text).toEqual([]);
    }
    expect(analyzer.analyze('The monitors blamed Tarvia for the shelling.').claims![0]!.accusation).not.toBeNull();
  });

  it('gives an accusation quoted inside a report the author\'s judgement of that report', () => {
    const text = 'Dastrian officials have repeated one explanation: that Korvan shelters "terrorist cells". These charges are not supported by any evidence.';
    const c = analyzer.analyze(text).claims!.find((x) => x.accusation)!;
    expect(c.accusation!.accuser?.text).toBe('Dastrian officials');
    expect(c.voice?.stance).toBe('rejects');
  });

  it('records an accusation the text itself makes, with no accuser and no evidence', () => {
    const [c] = analyzer.analyze('Northland aggression has cost thousands of lives.').claims!;
    expect(c!.accusation).toMatchObject({ accuser: null, charges: ['aggression'], evidence: null });
    expect(c!.source.class).toBe('unattributed-claim');
  });

  it.each(['claims', 'claims-blind'] as const)('scores the %s fixture table', (set) => {
    const ev = evaluateClaims(analyzer, set);
    const misses = ev.errors.join('\n');
    expect(ev.checkWorthy.f1, misses).toBeGreaterThanOrEqual(0.9);
    for (const k of ['type', 'hedging', 'accuser', 'accused', 'charges', 'evidence'] as const) {
      expect(ev[k].correct / ev[k].total, `${k}\n${misses}`).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('accusations made, not named', () => {
  // Texts written for this test.
  const accusations = (text: string) => analyzer.analyze(text).claims!.filter((c) => c.type === 'accusation');

  it('does not read a charge named as a term ("the genocide charge", "the word genocide") as one made', () => {
    expect(accusations('One columnist wrote that anyone who doubts the genocide charge "has been bought."')).toEqual([]);
    expect(accusations('Using the word genocide for a dam cheapens it.')).toEqual([]);
    const made = accusations('The ministry accused Kelvaria of genocide.');
    expect(made.map((c) => c.accusation!.charges)).toEqual([['genocide']]);
  });

  it('reads no accusation in a charge named in general ("The charge of X is the gravest") or made against a general case', () => {
    expect(accusations('The charge of ethnic cleansing is the gravest that can be made against a state.')).toEqual([]);
    expect(accusations('A state engaged in ethnic cleansing does not do these things.')).toEqual([]);
    // Named with whom it accuses, or by an accuser, it is one made.
    expect(accusations('Tarsia repeated the charge of genocide against Dorvia.').length).toBe(1);
    for (const [a, b] of [['Tarsian', 'Dorvian'], ['Dorvian', 'Tarsian']]) {
      const made = accusations(`The ${a} council says ${b} troops committed ethnic cleansing in the valley.`);
      expect(made.map((c) => c.accusation!.charges)).toEqual([['ethnic-cleansing']]);
    }
  });

  it('reads no accusation in a gerund that names the act ("Blaming X for Y is convenient"), but one in a participle', () => {
    expect(accusations('"Blaming a modern, regulated operation for a legacy of fifty years is convenient, but it is not science," the company wrote.')).toEqual([]);
    expect(accusations('Accusing the council of fraud, the protesters marched to the square.').length).toBe(1);
  });

  it('spells the charge out after a colon, and reads evidence hidden as part of the charge, not evidence stated', () => {
    const [c] = accusations('Its critics, led by a group called Clean Sel, accuse the company of something much worse: of knowingly releasing arsenic into the river, and of hiding the evidence.');
    expect(c?.accusation?.charge?.text).toBe('knowingly releasing arsenic into the river');
    expect(c?.accusation?.evidence ?? null).toBeNull();
  });

  it('does not read blame laid on no party ("the drought is to blame") as an accusation', () => {
    expect(accusations('We are told that the drought is to blame.')).toEqual([]);
    expect(accusations('Officials say Kelvaria is to blame for the drought.').length).toBe(1);
  });
});
