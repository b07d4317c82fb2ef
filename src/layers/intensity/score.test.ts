import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../core/finding.js';
import { UserError } from '../../core/errors.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { WIRE_REPORT } from './test-texts.js';
import { bandOf, IntensityScorer, pointsToScore, type IntensityReport } from './score.js';

const scorer = new IntensityScorer();

function run(text: string, findings: Finding[] = [], s = scorer): IntensityReport {
  const doc = segment(text);
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
    expect(kinds).toEqual(['dehumanising:vermin', 'eliminationist:exterminated', 'eliminationist:wipe them out', 'exclamation:!']);
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
    expect(r[1]!.contributions.map((c) => `${c.kind}:${c.text}:${c.points}`)).toEqual(['loaded-term:LYING:1', 'capitals:LYING:0.8', 'exclamation:!!:1.6']);
  });

  it('keeps a run of capitals across punctuation, ends it at any other token, and counts each sentence apart', () => {
    // THEY, ARE and LIARS are one run of three (all count, short words too); "now" ends it.
    const r = run('THEY, ARE; LIARS, now they go. BIG SHAME 12 NO and more. YOU will pay!').sentences;
    expect(r[0]!.contributions.filter((c) => c.kind === 'capitals').map((c) => c.text)).toEqual(['THEY', 'ARE', 'LIARS']);
    // BIG and NO are short, and "12" parts them from SHAME (long enough on its own).
    expect(r[1]!.contributions.map((c) => `${c.kind}:${c.text}`)).toEqual(['capitals:SHAME']);
    expect(r[2]!.contributions.map((c) => `${c.kind}:${c.text}`)).toEqual(['threat:YOU will pay', 'exclamation:!']);
  });

  it('weighs quoted speech less than the author\u2019s own words, and marks it', () => {
    const own = run('The rebels are butchers, the minister said.').score;
    const quoted = run('"The rebels are butchers," the minister said.');
    expect(quoted.score).toBeLessThan(own);
    expect(quoted.sentences[0]!.contributions.every((c) => c.quoted)).toBe(true);
  });

  it('counts a name-calling finding once, replacing word-list hits inside it', () => {
    const text = 'Those buffoons met again.';
    const bare = run(text).sentences[0]!.contributions;
    expect(bare.map((c) => c.kind)).toEqual(['name-calling']);
    const f: Finding = {
      id: 'x', technique: 'name-calling', category: 'attack-on-reputation' as Finding['category'], start: 0, end: 14, line: 1, column: 1,
      text: 'Those buffoons', confidence: 0.8, ruleId: 'name-calling/test', source: 'lexicon', message: 'm',
    };
    const withFinding = run(text, [f]).sentences[0]!.contributions;
    expect(withFinding).toEqual([{ kind: 'name-calling', text: 'Those buffoons', start: 0, end: 14, points: 1.5 }]);
  });

  it('caps each kind per sentence', () => {
    const r = run('Vermin, vermin, vermin, vermin, vermin.');
    const pts = r.sentences[0]!.contributions.reduce((s, c) => s + c.points, 0);
    expect(pts).toBe(9);
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
