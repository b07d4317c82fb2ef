import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { defaultConfig } from '../../core/config.js';
import { TECHNIQUE_IDS } from '../../core/taxonomy.js';
import { WIRE_REPORT } from './test-support/texts.js';

const analyzer = new Analyzer({
  model: null,
  config: { ...defaultConfig(), techniques: Object.fromEntries(TECHNIQUE_IDS.map((id) => [id, id === 'name-calling'])) },
});

describe('intensity layer', () => {
  it('scores the neutral wire report as neutral through the analyzer', () => {
    const r = analyzer.analyze(WIRE_REPORT);
    expect(r.intensity!.band).toBe('neutral');
    expect(r.intensity!.sentences).toHaveLength(r.sentences);
  });

  it('counts the name-calling detector\u2019s findings as contributions', () => {
    const text = 'The senator is a liar and a hypocrite.';
    const r = analyzer.analyze(text);
    const names = r.findings.filter((f) => f.technique === 'name-calling');
    expect(names.length).toBeGreaterThan(0);
    const contribs = r.intensity!.sentences[0]!.contributions.filter((c) => c.kind === 'name-calling');
    expect(contribs.map((c) => c.text)).toEqual(names.map((f) => f.text));
    expect(r.intensity!.band).not.toBe('neutral');
  });
});
