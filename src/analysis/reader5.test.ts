/**
 * Reading checks, fifth round (demo/reader/README.md): a climate op-ed with footnotes and the wire
 * report on the same levy (Valdoria), a commentary against arms aid in the war in Ukraine, and a
 * think-tank brief that rebuts an accusation (Dorvia). Each expectation is a finding a journalist
 * would call wrong if it failed, not a snapshot of today's output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report.js';
import { Analyzer } from './analyzer.js';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../demo/reader/${name}.txt`, import.meta.url)), 'utf8');
const analyzer = new Analyzer();
const cache = new Map<string, Report>();
const report = (name: string): Report => {
  let r = cache.get(name);
  if (!r) cache.set(name, (r = analyzer.analyze(read(name))));
  return r;
};
const speakerOf = (r: Report, words: string) => r.voices!.find((v) => v.text.includes(words))?.speaker ?? null;
const actor = (r: Report, name: string) => r.actors!.find((a) => a.name === name);

describe('reading check: the fifth round', () => {
  it('op-ed: speakers are named as the text names them, and the activist group is an organisation', () => {
    const r = report('valdoria-op-ed');
    expect(speakerOf(r, 'a loaf of bread')).toBe("bakers' association");
    expect(speakerOf(r, 'she will sell her herd')).toBe('dairy farmer near Lenz');
    expect(speakerOf(r, 'lose around 1,400 euros')).toBe('Ministry of Environment');
    expect(actor(r, 'Last Summer')?.type).toBe('organisation');
    expect(actor(r, 'Clean Horizon Act')?.type).toBe('event');
    // "in March" is when the glue protest was, not a march by the ministry.
    expect(r.actors!.flatMap((a) => a.framing.evidence).some((e) => e.text === 'March')).toBe(false);
    // The footnote markers are citations.
    expect(r.sourcing!.sentences.some((s) => s.class === 'cited')).toBe(true);
  });

  it('wire: the agency in the dateline is media, the minister is named without her portfolio, no technique in the agency\'s words', () => {
    const r = report('valdoria-wire');
    expect(actor(r, 'Northwire')?.type).toBe('media');
    expect(actor(r, 'Ilse Marrow')?.type).toBe('person');
    for (const f of r.findings) expect(r.voices!.some((v) => f.start >= v.start && f.end <= v.end)).toBe(true);
  });

  it('aid commentary: "he was denounced in Brussels as a traitor" is Brussels\' word for him, and Brussels is the EU', () => {
    const r = report('aid-commentary');
    expect(speakerOf(r, 'a traitor to European unity')).toBe('Brussels');
    expect(actor(r, 'Belgium')).toBeUndefined();
    // "he" there is the Hungarian prime minister of the same sentence, not Zelensky.
    const text = read('aid-commentary');
    const he = text.indexOf('he was denounced');
    expect(actor(r, 'Zelensky')!.mentions.some((m) => m.start === he)).toBe(false);
  });

  it('brief: the accusations it rebuts are the Council\'s, and its own sentences about the charge accuse nobody', () => {
    const r = report('dorvia-brief');
    expect(speakerOf(r, 'driven tens of thousands')).toBe('Tarsian Council');
    // A columnist's words do not continue the Council's.
    expect(speakerOf(r, 'wants a valley without Tarsians')).toBe('One prominent columnist');
    expect(r.voices!.some((v) => v.speaker === 'unsupported')).toBe(false);
    const accusers = r.claims!.filter((c) => c.accusation).map((c) => c.accusation!.accuser?.text ?? null);
    expect(accusers).not.toContain(null);
    // "the Council" is the Tarsian Council: one actor.
    expect(actor(r, 'Council')).toBeUndefined();
    expect(actor(r, 'Tarsian Council')!.framing.role).toBe('antagonist');
  });
});
