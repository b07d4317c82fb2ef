import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

// Texts written for this test, in the style of a commentary that lists and answers the other side's claims.
const analyzer = new Analyzer({ model: null });
const voices = (text: string) => analyzer.analyze(text).voices!.map((v) => [v.speaker, v.text]);

describe('a rebuttal brief (fifth reading round)', () => {
  it('reads "an unsupported claim" as a noun, and gives the words after ", which alleges" to the institution before it', () => {
    expect(voices('Editors should treat the accusation for what it is: an unsupported claim in a political campaign.')).toEqual([]);
    for (const [a, b] of [['Tarsian', 'Dorvian'], ['Dorvian', 'Tarsian']]) {
      expect(voices(`The charge comes from the ${a} Council, a diaspora organisation based abroad, which alleges that ${b} troops drove families from their homes.`))
        .toEqual([[`${a} Council`, `${b} troops drove families from their homes`]]);
    }
    // A person described by a title, then "went further and wrote": the subject speaks.
    expect(voices('One prominent columnist went further and wrote that Dorvia "wants a valley without Tarsians".')[0]).toEqual(['One prominent columnist', 'Dorvia "wants a valley without Tarsians"']);
    expect(voices('The foreign minister stood up and said that the talks were over.')).toEqual([['foreign minister', 'the talks were over']]);
    // A clause opened by ", which" inside the subject ends at its comma; the main clause is the author's.
    expect(voices('The report, which claims that the dam is safe, was published on Monday.')).toEqual([['report', 'the dam is safe']]);
  });
});

describe('words that look like reported speech but are not', () => {
  it('reads "Five Kremlin claims about the war" as a noun phrase, not Five Kremlin claiming', () => {
    expect(voices('Five Kremlin claims about the war, and what the record shows\n\nThe record is public.')).toEqual([]);
    // A singular subject still reports: "The Kremlin claims the strikes were precise."
    expect(voices('The Kremlin claims the strikes were precise.').map((v) => v[0])).toEqual(['Kremlin']);
  });

  it('does not make the number of a list label the speaker of its quotation ("Claim one: ...")', () => {
    const text = 'Claim one: "NATO provoked the war." The record says otherwise.\n\nClaim two: "Kyiv is run by extremists." It is not.';
    const speakers = voices(text).map((v) => v[0]);
    expect(speakers).not.toContain('one');
    expect(speakers).not.toContain('two');
    // A headline-style speaker before a colon still speaks: "Minister: ...".
    expect(voices('Minister Lia Dorn: "We will not negotiate under fire."').map((v) => v[0])).toEqual(['Lia Dorn']);
  });

  it('does not read a pronoun object as reported words ("announced it on television"), but keeps "said it would"', () => {
    expect(voices('Troops crossed the border at dawn, and the president announced it on television.')).toEqual([]);
    expect(voices('The president said it would end within weeks.').map((v) => v[1])).toEqual(['it would end within weeks']);
  });
});

describe('an investigation\'s own words that look like reported speech (fourth reading round)', () => {
  const classes = (text: string) => analyzer.analyze(text).sourcing!.sentences.map((s) => s.class);

  it('"X explains the readings" reports nothing; "X explained that ..." does', () => {
    expect(voices('Its answer is that disturbance of old workings, some of them from the 1970s, explains the readings.').map((v) => v[1])).not.toContain('the readings');
    expect(voices('The engineer explained that the liner was sound.')).toEqual([['engineer', 'the liner was sound']]);
  });

  it('"The memo says nothing about cost" is what it does not say', () => {
    expect(voices('The memo says nothing about cost, and nothing about the river.')).toEqual([]);
  });

  it('the reporter\'s first person reports; it is no opinion', () => {
    expect(classes('The permit, which I obtained from the registry, covers only the main outfall.')).toEqual(['unattributed-claim']);
    expect(classes('We read the data, the lawsuits and the company\'s own reports.')).not.toContain('opinion');
    expect(classes('I think the permit is a disgrace.')).toEqual(['opinion']);
  });

  it('"that" after a preposition is a determiner: the words start at the verb ("built for that purpose")', () => {
    const text = 'The lawsuit names the leak. Halvard Mining Group does not dispute that the memo is genuine. It says the seepage was captured by a drain built for that purpose.';
    expect(voices(text)).toContainEqual(['Halvard Mining Group', 'the seepage was captured by a drain built for that purpose']);
  });
});
