import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { claimsSection } from '../claims/pretty.js';
import { voicesSection } from './pretty.js';

// Written for this test: a hard-wrapped decision, as a converted PDF gives it.
const text =
  'The Integrity Unit charged the athlete with a violation of\nArticle 2.1 of the Rules. The coach told the panel that the officer had\nstepped out of the room "for two or three\nminutes" to take a call.';

describe('voices and claims in the pretty output', () => {
  it('show each voice and each accusation on one line, however the page wrapped the words', () => {
    const report = new Analyzer({ model: null }).analyze(text);
    const voices = voicesSection(report, false)!;
    expect(voices).toContain('the officer had stepped out of the room');
    expect(voices.split('\n').every((l) => !l.endsWith('had'))).toBe(true);
    const claims = claimsSection(report, false)!;
    expect(claims).toContain('a violation of Article 2.1');
  });
});
