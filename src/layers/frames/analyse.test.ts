import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { allScores, FrameAnalyser, type FramesReport } from './analyse.js';
import { FRAME_IDS } from '../../core/frames.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const analyser = new FrameAnalyser();

function run(text: string, a = analyser): FramesReport {
  const doc = segment(text, vocab);
  return a.analyse(doc, (s, e) => {
    const [start, end] = toOriginalSpan(doc.nt, s, e);
    return { start, end, text: text.slice(start, end) };
  });
}

// CRLF line breaks and curly quotes make the canonical text differ from the original.
const STORY = [
  'Shelling resumes on the border',
  '',
  'Artillery fire hit villages along the border overnight, and troops from both armies exchanged fire near the river.',
  '',
  'The fighting has pushed up the price of grain, and exporters say the blockade costs them millions a day.',
  '',
  '\u201cWe have no beds and no medicines left,\u201d a doctor at the district hospital said, as the wounded kept arriving.',
].join('\r\n');

describe('FrameAnalyser', () => {
  const r = run(STORY);

  it('finds a dominant frame per paragraph from its cues', () => {
    expect(r.paragraphs).toHaveLength(4);
    expect(r.paragraphs[1]!.dominant[0]).toBe('security-and-defense');
    expect(r.paragraphs[2]!.dominant[0]).toBe('economic');
    expect(r.paragraphs[3]!.dominant).toEqual(expect.arrayContaining(['health-and-safety']));
    expect(r.dominant[0]).toBe('security-and-defense');
  });

  it('scores every frame, shares summing to one', () => {
    expect(Object.keys(r.scores)).toEqual([...FRAME_IDS]);
    const sum = Object.values(r.scores).reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(0.99);
    expect(sum).toBeLessThan(1.01);
  });

  it('gives evidence (cues and sentences, with original offsets) for every frame it scores', () => {
    // Document: every scored frame; paragraphs: every dominant frame (compact), sparse scores.
    const units = [
      { unit: r, shown: FRAME_IDS.filter((f) => r.scores[f] > 0) },
      ...r.paragraphs.map((p) => ({ unit: p, shown: p.dominant })),
    ];
    for (const { unit, shown } of units) {
      expect(unit.frames.map((f) => f.frame).sort()).toEqual([...shown].sort());
      for (const f of unit.frames) {
        expect(f.sentences.length, f.frame).toBeGreaterThan(0);
        for (const c of f.cues) expect(STORY.slice(c.start, c.end)).toBe(c.text);
        for (const s of f.sentences) if (s.text !== undefined) expect(STORY.slice(s.start, s.end)).toBe(s.text);
      }
    }
    for (const p of r.paragraphs) for (const v of Object.values(p.scores)) expect(v).toBeGreaterThan(0);
    for (const f of r.frames) expect(f.sentences[0]!.text).toBeDefined();
    const health = r.frames.find((f) => f.frame === 'health-and-safety')!;
    expect(health.cues.map((c) => c.text.toLowerCase())).toEqual(expect.arrayContaining(['hospital', 'wounded']));
    expect(health.sentences[0]!.text).toContain('\u201cWe have no beds');
  });

  it('lists frames strongest first, consistent with the dominant list', () => {
    const weights = r.frames.map((f) => f.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(r.frames[0]!.frame).toBe(r.dominant[0]);
  });

  it('leaves an empty or frameless text unframed', () => {
    for (const text of ['', '   ', 'Zyx qwv plorf.']) {
      const e = run(text);
      expect(e.dominant).toEqual([]);
      expect(e.frames).toEqual([]);
      expect(Object.values(e.scores).every((x) => x === 0)).toBe(true);
    }
  });

  it('takes extra cues from a user directory (frame-<id>.txt)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-cues-'));
    writeFileSync(join(dir, 'frame-cultural-identity.txt'), '# user cues\nzorblat\ngrumfle of the vintar\n');
    writeFileSync(join(dir, 'unrelated.txt'), 'ignored\n');
    const text = 'The zorblat and the grumfle of the vintar.';
    expect(run(text).scores['cultural-identity']).toBe(0);
    const ext = run(text, new FrameAnalyser({ cueDirs: [dir] }));
    expect(ext.dominant).toEqual(['cultural-identity']);
    expect(ext.frames[0]!.cues.map((c) => c.text)).toEqual(['zorblat', 'grumfle of the vintar']);
  });

  it('names the bad file of a user directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-cues-'));
    writeFileSync(join(dir, 'frame-economics.txt'), 'money\n');
    expect(() => new FrameAnalyser({ cueDirs: [dir] })).toThrow(UserError);
    expect(() => new FrameAnalyser({ cueDirs: [dir] })).toThrow(/frame-economics\.txt.*"economics" is not a frame id/);
    expect(() => new FrameAnalyser({ cueDirs: [join(dir, 'missing')] })).toThrow(/not found/);
  });

  it('analyses text with words that name Object.prototype members', () => {
    expect(() => run('The constructor of the bridge said costs rose.')).not.toThrow();
  });

  it('is deterministic', () => {
    expect(run(STORY)).toEqual(r);
  });
});

describe('allScores', () => {
  it('keys every frame in FRAME_IDS order, with its value', () => {
    const o = allScores(FRAME_IDS.map((_, k) => k / 10));
    expect(Object.keys(o)).toEqual([...FRAME_IDS]);
    expect(Object.values(o)).toEqual(FRAME_IDS.map((_, k) => k / 10));
  });
});
