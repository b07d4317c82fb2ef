import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

const analyzer = new Analyzer({ model: null });
const mentionTexts = (text: string, pick: (name: string) => boolean) =>
  analyzer.analyze(text).actors!.filter((a) => pick(a.name)).flatMap((a) => a.mentions.map((m) => [a.name, m.text, m.start]));

describe('subject pronouns follow an actor to the next sentence', () => {
  it('reads "He" after a sentence about one person as that person', () => {
    const text = 'The interior minister calls the protesters hooligans. He has never produced a single name.';
    expect(mentionTexts(text, (n) => n === 'the interior minister')).toEqual([
      ['the interior minister', 'interior minister', 4],
      ['the interior minister', 'He', text.indexOf('He ')],
    ]);
  });

  it('reads "it" after a clause as the organisation named just before, but not the empty "it is"', () => {
    const text = 'If the Unity Bloc really won, it has nothing to fear. If it refuses, we will know exactly what it is. It is clear that nobody checked.';
    const got = mentionTexts(text, (n) => n === 'Unity Bloc').map((x) => x[2]);
    expect(got).toEqual([text.indexOf('Unity'), text.indexOf('it has'), text.indexOf('it refuses')]);
  });

  it('gives no antecedent when two actors could be meant', () => {
    const text = 'Minister Pavo Kesh met Senator Lia Dorn on Monday. She said the talks had failed.';
    const all = analyzer.analyze(text).actors!.flatMap((a) => a.mentions.map((m) => m.text));
    expect(all).not.toContain('She');
  });

  it('never reads a pronoun as a place or an event', () => {
    const text = 'Fighting resumed in the Lowen valley on Monday. It was shelled again overnight.';
    const all = analyzer.analyze(text).actors!.flatMap((a) => a.mentions.map((m) => m.text));
    expect(all).not.toContain('It');
  });

  it('leaves "he" alone when the sentence names an office before it: the office-holder is meant, not the last person named', () => {
    for (const [a, b] of [['Ostrelian', 'Tarvian'], ['Tarvian', 'Ostrelian']]) {
      const text = `President Anton Vell has signed a decree. When the ${a} prime minister travelled to the ${b} capital, he was denounced as a traitor.`;
      expect(mentionTexts(text, (n) => n === 'Anton Vell').map((x) => x[1])).toEqual(['Anton Vell']);
    }
    // An office that is the person's own mention still lets "he" follow that person.
    const own = 'The interior minister called the protesters hooligans, and he has never produced a single name.';
    expect(mentionTexts(own, (n) => n === 'the interior minister').map((x) => x[1])).toEqual(['interior minister', 'he']);
  });
});
