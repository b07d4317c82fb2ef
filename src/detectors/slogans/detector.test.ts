import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import type { RawFinding } from '../engine/contract.js';
import { slogansDetector } from './detector.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function run(text: string): Array<RawFinding & { text: string }> {
  const doc = segment(text, vocab);
  const out: Array<RawFinding & { text: string }> = [];
  slogansDetector.create({ doc, report: (f) => out.push({ ...f, text: doc.text.slice(f.start, f.end) }) });
  return out;
}

describe('slogans detector', () => {
  it('reports campaign hashtags in CamelCase, lowercase and acronym form', () => {
    const found = run('Posts used #StopTheDam, #stopthedam, #JusticeNow and #FFUF all day.').map((f) => f.text);
    expect(found).toEqual(['#StopTheDam', '#stopthedam', '#JusticeNow', '#FFUF']);
  });

  it('ignores topic hashtags such as names and places', () => {
    expect(run('Residents tagged posts #Northland, #JaneDoe and #weather.')).toEqual([]);
  });

  it('reports a short exclamation in capitals but not a shouted question or the headline', () => {
    const text = 'BIG NEWS TODAY\n\nThe crowd gathered. NO MORE WARS FOR SYLVANIA! WHY IS NOBODY REPORTING THIS?';
    const found = run(text);
    expect(found.map((f) => f.text)).toEqual(['NO MORE WARS FOR SYLVANIA!']);
    expect(found[0]!.ruleId).toBe('slogans/shouted-chant');
  });

  it('reports a capitalised call without "!" but not a capitalised statement', () => {
    const found = run('The march began. DEFEND THE NORTHLAND COAST. THE COUNCIL MET ON MONDAY.').map((f) => f.text);
    expect(found).toEqual(['DEFEND THE NORTHLAND COAST.']);
  });
});
