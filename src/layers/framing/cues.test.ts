import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { cueClassesOf } from './cues.js';

describe('framing cue lists', () => {
  it('reads obstruction, denial of access and reneging as sabotage, in any inflection', () => {
    for (const w of ['blocked', 'blocking', 'shut', 'withheld', 'reneged', 'hampered', 'thwarted', 'stymie']) expect(cueClassesOf(w)).toContain('sabotage');
    for (const w of ['expelled', 'expelling', 'expulsion', 'blockade']) expect(cueClassesOf(w)).toContain('harm');
  });

  it('reads oversight as its own class, and participles that are almost always passive as suffering', () => {
    for (const w of ['investigated', 'warned', 'inspectors', 'uncovered']) expect(cueClassesOf(w)).toEqual(['expose']);
    expect(cueClassesOf('agreed')).toEqual(['peace']);
  });

  it('casts the party that keeps a convoy out as antagonist on that evidence, whichever party it is', () => {
    const analyzer = new Analyzer({ model: null });
    for (const [a, b] of [['Ostrelian', 'Tarvian'], ['Tarvian', 'Ostrelian']]) {
      const r = analyzer.analyze(`The ${a} border police kept the crossings shut for nine days and turned back every aid convoy, while ${b} families ran out of food.`);
      const x = r.actors!.find((m) => m.name.startsWith(a))!;
      expect(x.framing.role).toBe('antagonist');
      expect(x.framing.evidence.some((e) => /sabotage by it/.test(e.cue))).toBe(true);
    }
  });

  it('an adverb before a passive auxiliary does not turn suffering into harm done', () => {
    const analyzer = new Analyzer({ model: null });
    for (const b of ['Tarvians', 'Ostrelians']) {
      const r = analyzer.analyze(`More than 12,000 ${b} have already been driven from the homes their families built.`);
      const x = r.actors!.find((m) => m.name === b)!;
      expect(x.framing.role).toBe('innocent');
    }
  });

  it('a month is no protest march: "in March" carries no cue', () => {
    const analyzer = new Analyzer({ model: null });
    for (const group of ['Last Summer', 'Blue Tide']) {
      const r = analyzer.analyze(`The activist group ${group}, whose members glued themselves to the doors of the finance ministry in March, claims that delay kills.`);
      const ev = r.actors!.flatMap((a) => a.framing.evidence);
      expect(ev.some((e) => e.text === 'March')).toBe(false);
    }
    expect(cueClassesOf('march')).toContain('defy');
  });
});
