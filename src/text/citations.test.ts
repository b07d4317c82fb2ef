import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from './segment.js';
import { Vocab } from './vocab.js';

/** One vocabulary for this file's texts. */
const vocab = new Vocab();

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const markers = (text: string) => {
  const d = segment(text, vocab);
  return d.citations.map((c) => [text.slice(c.start, c.end), d.text.slice(d.sentences[c.sentence]!.start, d.sentences[c.sentence]!.end)]);
};
const sentences = (text: string) => {
  const d = segment(text, vocab);
  return d.sentences.map((s) => d.text.slice(s.start, s.end).trim());
};

describe('footnote and reference markers', () => {
  it('ends a sentence after a marker that follows its full stop', () => {
    expect(sentences('Some 60,000 people fled to Dastria.[13] International media covered it.')).toEqual([
      'Some 60,000 people fled to Dastria.',
      'International media covered it.',
    ]);
    expect(sentences('The river fell.¹² Farmers lost the crop.')).toEqual(['The river fell.', 'Farmers lost the crop.']);
    expect(sentences('The river fell.^4 Farmers lost the crop.')).toEqual(['The river fell.', 'Farmers lost the crop.']);
  });

  it('gives each marker the sentence it closes', () => {
    expect(markers('Some 60,000 people fled to Dastria.[13] International media covered it[14] in detail.')).toEqual([
      ['[13]', 'Some 60,000 people fled to Dastria.'],
      ['[14]', 'International media covered it     in detail.'],
    ]);
  });

  it('reads every marker of a footnoted op-ed, and its notes', () => {
    const text = fixture('footnoted-op-ed.txt');
    const m = markers(text);
    expect(m.map((x) => x[0])).toEqual(['¹', '²', '³', '⁴', '⁵', '[6]', '¹', '²', '³', '⁴', '⁵', '[6]']);
    // A marker that opens a line labels the note after it.
    expect(m[6]![1]).toBe('Regional Water Commission, annual flow statistics, 1990-2024.');
    expect(m[11]![1]).toBe('Commission proposals to the Lisk conference, 2009 and 2016.');
  });

  it('takes "(6)" for a note only where it points at one', () => {
    const text = fixture('think-tank-commentary.txt');
    expect(markers(text).map((x) => x[0])).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]', '(6)', '(7)', '[1]', '[2]', '[3]', '[4]', '[5]', '(6)', '(7)']);
    expect(segment('Ana Petrov (34) was hurt.', vocab).citations).toEqual([]);
    expect(segment('The plan has two parts: (1) a ceasefire and (2) a census of the displaced.', vocab).citations).toEqual([]);
    expect(segment("The treaty's Article 5(2) bars troops from the zone.", vocab).citations).toEqual([]);
  });

  it('leaves units and exponents alone', () => {
    expect(segment('The reservoir covers 40 km² of farmland and 3 m³ of silt a day; 10² is a hundred.', vocab).citations).toEqual([]);
  });

  it('blanks markers so that no number token is left of them', () => {
    const d = segment('Prices rose by a third.[12] Bread doubled.³', vocab);
    const numbers = [];
    for (let i = 0; i < d.tokens.count; i++) if (d.tokens.kind[i] === 2) numbers.push(d.text.slice(d.tokens.start[i], d.tokens.end[i]));
    expect(numbers).toEqual([]);
  });
});

describe('a notes list', () => {
  it('reads each note line as stating nothing, and a quoted title in a note as no quotation', () => {
    const text = 'The wells ran dry in May.[1] Farmers left the valley.[2]\n\nNotes\n[1] Water Board, "Levels of the lower wells", survey, June.\n[2] Interview with a farmer in Pella, 3 June. He asked not to be named.\n';
    const d = segment(text, vocab);
    const titles = d.titleLines.map((k) => d.text.slice(d.sentences[k]!.start, d.sentences[k]!.end));
    expect(titles).toContain('Water Board, "Levels of the lower wells", survey, June.');
    expect(titles).toContain('He asked not to be named.');
    expect(titles).not.toContain('The wells ran dry in May.');
    expect(d.quotes).toEqual([]);
    // A quotation in the body stays.
    expect(segment('The board called it "a dry year".[1]\n\nNotes\n[1] Water Board, survey, June.\n', vocab).quotes).toHaveLength(1);
  });
});
