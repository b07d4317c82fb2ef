import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { CUE_CLASSES, cueClassIndex } from './cues.js';
import { key as cueKey, T } from './features.js';
import { roleShownBy, roleShownByPlain, valenceFits } from './cue-direction.js';

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

  it('a valence word is evidence only for a role its sign fits: negative for antagonist and innocent, positive for protagonist', () => {
    // valenceValue: where * 4 + (negative ? 2 : 0) + (strong ? 1 : 0)
    for (const where of [0, 1, 2]) {
      for (const strong of [0, 1]) {
        const pos = cueKey(T.VAL, 0, where * 4 + strong);
        const neg = cueKey(T.VAL, 0, where * 4 + 2 + strong);
        expect([valenceFits(pos, 'protagonist'), valenceFits(pos, 'antagonist'), valenceFits(pos, 'innocent')]).toEqual([true, false, false]);
        expect([valenceFits(neg, 'protagonist'), valenceFits(neg, 'antagonist'), valenceFits(neg, 'innocent')]).toEqual([false, true, true]);
      }
    }
    // Other cues are left to roleShownBy.
    expect(valenceFits(cueKey(T.AGENT, 0, cueClassIndex('help')), 'antagonist')).toBe(true);
  });

  it('a casting never cites a positive word near the name as evidence of an antagonist', () => {
    const analyzer = new Analyzer({ model: null });
    for (const [a, b] of [['Ostrelia', 'Tarvia'], ['Tarvia', 'Ostrelia']]) {
      const r = analyzer.analyze(`Exporters sell gas to ${a} at prices they could only dream of before. ${a} sanctioned itself and banned the imports. ${b} did not.`);
      const x = r.actors!.find((m) => m.name === a)!;
      expect(x.framing.evidence.map((e) => e.text)).toContain('sanctioned');
      expect(x.framing.evidence.map((e) => e.text)).not.toContain('dream');
    }
  });

  it('the verb after "and" is not the act of a party that is the object of a preposition', () => {
    const analyzer = new Analyzer({ model: null });
    for (const [a, b] of [['France', 'Britain'], ['Germany', 'France']]) {
      const r = analyzer.analyze(`When the wind dropped, ${b} was importing power from ${a} and burning gas at full tilt.`);
      const x = r.actors!.find((m) => m.name === a)!;
      expect(x.framing.evidence.map((e) => e.text)).not.toContain('burning');
      expect(x.framing.role).not.toBe('antagonist');
    }
  });

  it('a source named inside a report the author rejects is cleared, not doubted: the reporter is the one argued against', () => {
    const analyzer = new Analyzer({ model: null });
    for (const [a, b] of [['Oskari', 'Velmaran'], ['Velmaran', 'Oskari']]) {
      const r = analyzer.analyze(`The ${a} foreign minister said on Monday that the monitors had claimed ${b} troops fired on the convoy. The monitors claimed no such thing. Their report lists the convoy as turned back at a checkpoint.`);
      const monitors = r.actors!.find((x) => x.name === 'the monitors')!;
      expect(monitors.framing.evidence.map((e) => e.cue).filter((c) => /speaker of words/.test(c))).toEqual([]);
      expect(monitors.framing.role).not.toBe('antagonist');
      const reporter = r.actors!.find((x) => x.name === `${a === 'Oskari' ? 'Oskari' : 'Velmaran'} government`)!;
      expect(reporter.framing.evidence.map((e) => e.cue)).toContain('speaker of words the author rejects');
    }
  });
});

