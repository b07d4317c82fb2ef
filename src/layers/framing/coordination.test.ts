import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

/** The cues cited as a party's own acts ("... by it") in a one-sentence text. */
function actsOf(text: string, name: string): string[] {
  const r = new Analyzer({ model: null }).analyze(text);
  const x = r.actors!.find((m) => m.name === name);
  expect(x, `${name} is an actor of "${text}"`).toBeDefined();
  return x!.framing.evidence.filter((e) => / by it/.test(e.cue)).map((e) => e.text);
}

describe('parties listed after a prepositional object', () => {
  it('do not do what the subject does: "Farmers in X and Y have blocked the roads"', () => {
    for (const [a, b] of [['Sylvania', 'Freedonia'], ['Freedonia', 'Sylvania']]) {
      expect(actsOf(`Farmers in ${a} and ${b} have blocked the roads for a week and halted every convoy.`, b)).toEqual([]);
      expect(actsOf(`Farmers in ${a}, and ${b} have blocked the roads for a week and halted every convoy.`, b)).toEqual([]);
    }
  });

  it('still do what they do as subjects: "X and Y have blocked the roads"', () => {
    for (const [a, b] of [['Sylvania', 'Freedonia'], ['Freedonia', 'Sylvania']]) {
      expect(actsOf(`${a} and ${b} have blocked the roads for a week and halted every convoy.`, b).length).toBeGreaterThan(0);
    }
  });
});
