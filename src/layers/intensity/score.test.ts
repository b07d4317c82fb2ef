import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../core/finding.js';
import { UserError } from '../../core/errors.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { WIRE_REPORT } from './test-support/texts.js';
import { bandOf, IntensityScorer, KIND_POINTS, pointsToScore, type IntensityReport } from './score.js';
import { defaultScale } from './scale.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const scorer = new IntensityScorer();

function run(text: string, findings: Finding[] = [], s = scorer): IntensityReport {
  const doc = segment(text, vocab);
  return s.score(doc, (a, b) => {
    const [start, end] = toOriginalSpan(doc.nt, a, b);
    return { start, end, text: text.slice(start, end) };
  }, findings);
}


describe('IntensityScorer', () => {
  it('scores a neutral wire report in the neutral band, every sentence included', () => {
    const r = run(WIRE_REPORT);
    expect(r.band).toBe('neutral');
    expect(r.score).toBeLessThan(10);
    for (const s of r.sentences) expect(s.band, WIRE_REPORT.slice(s.start, s.end)).toBe('neutral');
  });

  it('scores eliminationist, dehumanising language as extreme, and says why', () => {
    const text = 'These vermin must be exterminated, wipe them out!';
    const r = run(text);
    expect(r.band).toBe('extreme');
    expect(r.score).toBeGreaterThanOrEqual(70);
    const kinds = r.sentences[0]!.contributions.map((c) => `${c.kind}:${c.text}`);
    expect(kinds).toEqual(['dehumanising:vermin', 'call-to-action:must', 'eliminationist:exterminated', 'eliminationist:wipe them out', 'exclamation:!']);
    expect(r.contributions[0]!.kind).toBe('eliminationist');
  });

  it('rises with each kind of contribution', () => {
    const levels = [
      'The ministry published the figures on Monday.',
      'The ministry published the controversial figures on Monday.',
      'The shameful ministry always publishes outrageous lies.',
      'The ministry thugs massacred villagers; rise up and resist!',
      'The ministry rats are vermin; exterminate them all.',
    ].map((t) => run(t).score);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!, `level ${i}`).toBeGreaterThan(levels[i - 1]!);
  });

  it('finds second-person threats, by phrase and by "you ... will <verb>"', () => {
    const a = run('We know where you live.').sentences[0]!.contributions;
    expect(a.map((c) => c.kind)).toEqual(['threat']);
    const b = run('Your homes will burn.').sentences[0]!.contributions;
    expect(b).toEqual([expect.objectContaining({ kind: 'threat', text: 'Your homes will burn' })]);
    expect(run('You will pay taxes on the sale, the adviser said.').sentences[0]!.contributions.map((c) => c.kind)).toEqual(['threat']);
    expect(run('You pay taxes on the sale.').sentences[0]!.contributions).toEqual([]);
  });

  it('counts shouting in capitals but not acronyms, and exclamation marks', () => {
    const r = run('NATO and UNICEF officials met. They are LYING to us!!').sentences;
    expect(r[0]!.contributions).toEqual([]);
    expect(r[1]!.contributions.map((c) => `${c.kind}:${c.text}`)).toEqual(['loaded-term:LYING', 'capitals:LYING', 'exclamation:!!']);
    // "!!" is two marks: the first counts in full, the second `decay` times as much (within the cap).
    const bang = KIND_POINTS.exclamation;
    expect(r[1]!.contributions[2]!.points).toBeCloseTo(Math.min(bang.cap, bang.each * 2), 1);
    expect(r[1]!.contributions[1]!.points).toBeCloseTo(KIND_POINTS.capitals.each, 1);
  });

  it('keeps a run of capitals across punctuation, ends it at any other token, and counts each sentence apart', () => {
    // THEY, ARE and LIARS are one run of three (all count, short words too); "now" ends it.
    const r = run('THEY, ARE; LIARS, now they go. BIG SHAME 12 NO and more. YOU will pay!').sentences;
    expect(r[0]!.contributions.filter((c) => c.kind === 'capitals').map((c) => c.text)).toEqual(['THEY', 'ARE', 'LIARS']);
    // BIG and NO are short, and "12" parts them from SHAME (long enough on its own).
    expect(r[1]!.contributions.map((c) => `${c.kind}:${c.text}`)).toEqual(['capitals:SHAME']);
    expect(r[2]!.contributions.map((c) => `${c.kind}:${c.text}`)).toEqual(['threat:YOU will pay', 'exclamation:!']);
  });

  it('reads a subheading in capitals on a line of its own as typography, not shouting (a wire report\'s "TURNOUT QUESTIONED")', () => {
    const r = run('The count ended on Monday.\n\nTURNOUT QUESTIONED\n\nThe sharpest dispute concerns turnout. They are LYING to us.');
    expect(r.sentences.flatMap((s) => s.contributions).filter((c) => c.kind === 'capitals').map((c) => c.text)).toEqual(['LYING']);
    // Inside a line, or with more on the line, capitals still count.
    expect(run('The count ended.\nSTOP THE LIES, they wrote.').sentences[1]!.contributions.some((c) => c.kind === 'capitals')).toBe(true);
    // A masthead in capitals as the first line of a converted report is typography too.
    const masthead = run('VALDORIAN CLIMATE COUNCIL\nAnnual Progress Report 2026\n\nEmissions fell by 3.1 percent in 2025.');
    expect(masthead.sentences.flatMap((s) => s.contributions).filter((c) => c.kind === 'capitals')).toEqual([]);
  });

  it('weighs quoted speech less than the author\u2019s own words, and marks it', () => {
    const own = run('The rebels are butchers, the minister said.').score;
    const quoted = run('"The rebels are butchers," the minister said.');
    expect(quoted.score).toBeLessThan(own);
    expect(quoted.sentences[0]!.contributions.every((c) => c.quoted)).toBe(true);
  });

  it('counts a name-calling finding by its confidence where no word list names its words, and the lists\u2019 words where one does', () => {
    const finding = (text: string, start: number, end: number, confidence: number): Finding => ({
      id: 'x', technique: 'name-calling', category: 'attack-on-reputation' as Finding['category'], start, end, line: 1, column: 1,
      text: text.slice(start, end), confidence, ruleId: 'name-calling/test', source: 'model', message: 'm',
    });
    const listed = 'Those buffoons and crooks met again.';
    const bare = run(listed).sentences[0]!.contributions;
    expect(bare.map((c) => `${c.kind}:${c.text}`)).toEqual(['name-calling:buffoons', 'name-calling:crooks']);
    // A finding over both labels does not swallow them into one.
    expect(run(listed, [finding(listed, 0, 25, 0.8)]).sentences[0]!.contributions).toEqual(bare);
    const unlisted = 'Those grubworm merchants met again.';
    expect(run(unlisted).sentences[0]!.contributions).toEqual([]);
    const strong = run(unlisted, [finding(unlisted, 6, 24, 0.8)]).sentences[0]!.contributions;
    const weak = run(unlisted, [finding(unlisted, 6, 24, 0.2)]).sentences[0]!.contributions;
    expect(strong).toEqual([{ kind: 'name-calling', text: 'grubworm merchants', start: 6, end: 24, points: expect.any(Number) }]);
    expect(strong[0]!.points).toBeCloseTo(KIND_POINTS['name-calling'].each * 0.8 * defaultScale().findingWeight, 1);
    expect(weak[0]!.points).toBeLessThan(strong[0]!.points);
  });

  it('adds less for each further hit of a kind, and caps each kind per sentence', () => {
    const { each, cap } = KIND_POINTS.dehumanising;
    const pts = (text: string) => run(text).sentences[0]!.contributions.map((c) => c.points);
    const five = pts('Vermin, vermin, vermin, vermin, vermin.');
    expect(five[0]).toBeCloseTo(each, 1);
    for (let i = 1; i < five.length; i++) expect(five[i]!).toBeLessThan(five[i - 1]!);
    expect(five.reduce((s, p) => s + p, 0)).toBeLessThanOrEqual(cap + 0.05);
  });

  it('keeps labels, calls and exclamations under the extreme band without hateful words, in order', () => {
    const pile = run('The thugs of the junta lied again.').score;
    const more = run('The thugs, crooks, liars and traitors of the murderous junta must be stopped; rise up, fight back and take to the streets NOW!!').score;
    expect(bandOf(pile)).toBe('strong');
    expect(more).toBeGreaterThan(pile);
    expect(bandOf(more)).toBe('strong');
    expect(bandOf(run('The traitors are vermin.').score)).toBe('extreme');
  });

  it('weighs a source\u2019s reported words less than the author\u2019s own', () => {
    const text = 'The rebels are butchers, the minister said.';
    const doc = segment(text, vocab);
    const span = (a: number, b: number) => ({ start: a, end: b, text: text.slice(a, b) });
    const own = scorer.score(doc, span).score;
    // Every word reported (as the voice layer marks "the rebels are butchers" here).
    const reported = scorer.score(doc, span, [], (at) => at < 24).score;
    expect(reported).toBeLessThan(own);
    expect(reported).toBeGreaterThan(0);
  });

  it('counts mildly loaded verbs: a dodge is no neutral report', () => {
    const neutral = run('Officials answered questions about the return of refugees.').score;
    const dodged = run('Officials dodged questions about the slow return of refugees.');
    expect(neutral).toBe(0);
    expect(dodged.band).toBe('mild');
    for (const t of ['The minister slammed the plan.', 'The party clung to power.', 'The minister brushed aside the criticism.']) expect(run(t).band, t).toBe('mild');
  });

  it('reads a dateline in capitals as a place, not shouting', () => {
    expect(run('DASKO, June 5 (Wire) - Two people were hurt.').score).toBe(0);
    expect(run('VARN (Wire) - The storm passed.').score).toBe(0);
    // With the region or country between the place and the date.
    expect(run('PELLA, Lower Dastria, June 5 (Wire) - Two people were hurt.').score).toBe(0);
    expect(run('PELLA, Dastria, June 5 (Wire) - Two people were hurt.').score).toBe(0);
    // Capitals followed by a comma and capitalised words with no date are no dateline.
    expect(run('TRAITORS, Liars and Thieves, all of them!').sentences[0]!.contributions.some((c) => c.kind === 'capitals')).toBe(true);
    expect(run('STOP THE LIES, now!').sentences[0]!.contributions.some((c) => c.kind === 'capitals')).toBe(true);
  });

  it('reads a first line in capitals that the pages repeat as a running header as typography, not shouting', () => {
    const page = 'The commission visited four wells in the valley and measured their levels twice a week. '.repeat(5);
    const header = 'WATER COMMISSION - LOWER VALLEY';
    expect(run(`${header}\nPage 1 of 2\n\n${page}\n\n${header}\nPage 2 of 2\n\n${page}`).score).toBe(0);
    // Said once, the same capitals are a headline that shouts.
    expect(run(`${header}\n\n${page}`).sentences[0]!.contributions.some((c) => c.kind === 'capitals')).toBe(true);
  });

  it('maps contribution offsets to the original text (CRLF, curly quotes)', () => {
    const text = 'Calm day.\r\n\r\n\u201cThey are vermin,\u201d he said \u2014 a massacre!';
    const r = run(text);
    for (const s of r.sentences) for (const c of s.contributions) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(r.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Calm day.', '\u201cThey are vermin,\u201d he said \u2014 a massacre!']);
  });

  it('handles empty text', () => {
    expect(run('')).toEqual({ score: 0, band: 'neutral', peak: 0, contributions: [], sentences: [] });
  });

  it('bands and the points-to-score curve are monotone', () => {
    expect([0, 10, 30, 50, 70].map(bandOf)).toEqual(['neutral', 'mild', 'moderate', 'strong', 'extreme']);
    expect([9.9, 29.9, 49.9, 69.9, 100].map(bandOf)).toEqual(['neutral', 'mild', 'moderate', 'strong', 'extreme']);
    expect(pointsToScore(0)).toBe(0);
    expect(pointsToScore(1)).toBeGreaterThan(10);
    for (let p = 0; p < 30; p++) expect(pointsToScore(p + 1)).toBeGreaterThanOrEqual(pointsToScore(p));
    expect(pointsToScore(100)).toBeLessThanOrEqual(100);
  });

  it('takes user word lists (intensity-<kind>.txt) and names a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-int-'));
    writeFileSync(join(dir, 'intensity-dehumanising.txt'), 'grubworms\n');
    const custom = new IntensityScorer([dir]);
    expect(run('They are grubworms.').score).toBe(0);
    expect(run('They are grubworms.', [], custom).sentences[0]!.contributions.map((c) => c.kind)).toEqual(['dehumanising']);
    writeFileSync(join(dir, 'intensity-shouting.txt'), 'x\n');
    expect(() => new IntensityScorer([dir])).toThrow(UserError);
    expect(() => new IntensityScorer([dir])).toThrow(/intensity-shouting\.txt.*"shouting" is not/);
  });
});
