import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { CUE_CLASSES, cueClassIndex } from './cues.js';
import { key as cueKey, T } from './features.js';
import { roleShownBy, roleShownByPlain } from './cue-direction.js';

describe('what a cue can show', () => {
  it('harm by an actor shows an antagonist, harm to it a victim, help by it a protagonist; labels show any role', () => {
    expect(roleShownBy(cueKey(T.AGENT, 0, cueClassIndex('harm')))).toBe('antagonist');
    expect(roleShownBy(cueKey(T.PATIENT, 0, cueClassIndex('lie')))).toBe('innocent');
    expect(roleShownBy(cueKey(T.AGENT, 0, cueClassIndex('suffer')))).toBe('innocent');
    expect(roleShownBy(cueKey(T.AGENT, 0, cueClassIndex('help')))).toBe('protagonist');
    expect(roleShownBy(cueKey(T.PATIENT, 0, cueClassIndex('help')))).toBeNull();
  });

  it('the table answers as the rule for every template, voice condition and value', () => {
    let checked = 0;
    for (const tpl of Object.values(T)) {
      for (let cond = 0; cond < 8; cond++) {
        for (const v of [...CUE_CLASSES.keys(), CUE_CLASSES.length, 40, 1000]) {
          expect(roleShownBy(cueKey(tpl, cond, v))).toBe(roleShownByPlain(cueKey(tpl, cond, v)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('a party a smear campaign is run against is never cast as antagonist on that evidence, whichever party it is', () => {
    const analyzer = new Analyzer({ model: null });
    for (const [a, b] of [['Ostrelia', 'Tarvian'], ['Tarvia', 'Ostrelian']]) {
      const r = analyzer.analyze(`Several ${b} newspapers run an organised smear campaign against ${a}. ${a} distributed food and water to those who left.`);
      const x = r.actors!.find((m) => m.name === a)!;
      if (x.framing.role === 'antagonist') expect(x.framing.evidence.some((e) => !e.voice && !/to it/.test(e.cue) && e.cue !== 'val')).toBe(true);
      expect(x.framing.role).not.toBe('antagonist');
    }
  });
});
