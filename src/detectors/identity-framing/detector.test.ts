import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

// The detector's own confidences: no judge (which caps techniques PTC cannot calibrate).
const analyzer = new Analyzer({ model: null, judge: null });
const find = (text: string) =>
  analyzer.analyze(text, { techniques: ['identity-framing'], layers: false }).findings.map((f) => ({ text: f.text, confidence: f.confidence }));

describe('identity-framing detector', () => {
  it('reports the modifier and the head noun, with offsets into the original text', () => {
    const text = 'Shells hit the\r\nmainly Christian enclave at dawn.';
    const [f] = analyzer.analyze(text, { techniques: ['identity-framing'], layers: false }).findings;
    expect(f?.text).toBe('mainly Christian enclave');
    expect(text.slice(f!.start, f!.end)).toBe('mainly Christian enclave');
  });

  it('ranks places above actors above demographic groups, and raises explicit dominance markers', () => {
    const place = find('Troops entered the Muslim nation.')[0]!.confidence;
    const actor = find('Sunni militias entered the town.')[0]!.confidence;
    const group = find('The Hindu population grew.')[0]!.confidence;
    const marked = find('Troops entered the predominantly Muslim region.')[0]!.confidence;
    expect(place).toBeGreaterThan(actor);
    expect(actor).toBeGreaterThan(group);
    expect(marked).toBeGreaterThan(place);
  });

  it('treats nationality adjectives as identity only with an ethnic marker', () => {
    expect(find('Armenian forces shelled the hill.')).toEqual([]);
    expect(find('Ethnic Armenian forces shelled the hill.').map((f) => f.text)).toEqual(['Ethnic Armenian forces']);
    expect(find('The Azerbaijani-populated villages were shelled.').map((f) => f.text)).toEqual(['Azerbaijani-populated villages']);
  });

  it('skips organisation names and sentences about religion itself', () => {
    expect(find('The Islamic State claimed the attack.')).toEqual([]);
    expect(find('Muslim families gathered at the mosque for Eid prayers.')).toEqual([]);
  });
});
