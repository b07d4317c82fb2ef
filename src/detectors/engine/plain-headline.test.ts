import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import type { CollectedFinding } from './contract.js';
import { dropPlainHeadlineExaggeration, plainHeadlineAbsences } from './plain-headline.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const borne = (text: string) => {
  const doc = segment(text, vocab);
  return plainHeadlineAbsences(doc).map(([a, b]) => doc.text.slice(a, b));
};

const finding = (start: number, end: number, technique: CollectedFinding['technique'] = 'exaggeration-minimisation'): CollectedFinding => ({
  technique, start, end, confidence: 0.4, message: 'm', ruleId: 'model/x', source: 'model',
});

describe('plain headlines that state an absence', () => {
  it('are borne out by an absence the body states in its own words', () => {
    expect(borne('No one hurt as storm hits Tarvian coast\n\nThe storm reached the coast on Monday. There were no injuries, officials said.')).toEqual(['No one']);
    expect(borne('Nobody voted against the Sylvanian budget\n\nThe Sylvanian budget passed. Not a single member opposed it.')).toEqual(['Nobody']);
  });

  it('are not borne out when the body states no absence (the rhetorical "nobody")', () => {
    expect(borne('Nobody wants this war\n\nThe Freedonian government says the offensive is needed. Critics say the fighting must stop.')).toEqual([]);
    expect(borne('No one trusts the Korvani council\n\nThe council met on Monday. It will no longer meet in public, and many residents left.')).toEqual([]);
  });

  it('lose only the exaggeration findings that rest on the absence, in the headline', () => {
    const text = 'No one claimed the Dastrian lottery prize\n\nThe lottery said the prize had expired. No ticket holder came forward in time.';
    const doc = segment(text, vocab);
    const findings = [finding(0, 12), finding(0, 12, 'loaded-language'), finding(7, 14)];
    dropPlainHeadlineExaggeration(doc, findings);
    expect(findings.map((f) => `${f.technique}@${f.start}`)).toEqual(['loaded-language@0', 'exaggeration-minimisation@7']);
  });
});
