import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config.js';
import { Analyzer, analyze } from './analyzer.js';
import type { ModelDetector } from './model-hook.js';

const rulesOnly = new Analyzer({ model: null });

describe('Analyzer', () => {
  it('returns counts per technique and category, words and a rate per 1,000 words', () => {
    const text = 'The brutal regime lied. Some say the barbaric thugs will be wiped out.';
    const r = rulesOnly.analyze(text);
    expect(r.words).toBe(13);
    expect(r.counts.total).toBe(r.findings.length);
    expect(Object.keys(r.counts.byTechnique)).toHaveLength(27);
    expect(Object.values(r.counts.byTechnique).reduce((a, b) => a + b, 0)).toBe(r.findings.length);
    expect(Object.values(r.counts.byCategory).reduce((a, b) => a + b, 0)).toBe(r.findings.length);
    expect(r.ratePer1000Words).toBeCloseTo((r.findings.length * 1000) / 13, 1);
    expect(r.engine.model).toBeNull();
  });

  it('maps findings to the original text through CRLF, entities and curly quotes', () => {
    const text = '\ufeffHeadline here\r\n\r\n&ldquo;The brutal regime&rdquo; fell.\u00a0A barbaric act.';
    const r = rulesOnly.analyze(text);
    const brutal = r.findings.find((f) => f.text.includes('brutal'));
    expect(brutal).toBeDefined();
    expect(text.slice(brutal!.start, brutal!.end)).toBe(brutal!.text);
    expect(brutal!.line).toBe(3);
    expect(r.headline?.text).toBe('Headline here');
    expect(r.quotes[0]!.text).toBe('&ldquo;The brutal regime&rdquo;');
  });

  it('loads user rule files and lexicons from the config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-user-rules-'));
    writeFileSync(join(dir, 'mine.yaml'), [
      'technique: loaded-language',
      'rules:',
      '  - id: house-words',
      '    kind: pattern',
      '    confidence: 0.9',
      '    message: "{match} is on our house list."',
      '    patterns: ["@house-list"]',
    ].join('\n'));
    writeFileSync(join(dir, 'house-list.txt'), '# our words\nzorblax\n');
    const a = new Analyzer({ model: null, config: { ...parseConfig({}), rules: [join(dir, 'mine.yaml')], lexicons: [dir] } });
    const f = a.analyze('A zorblax plan.').findings.find((x) => x.ruleId === 'loaded-language/house-words');
    expect(f?.text).toBe('zorblax');
    expect(f?.message).toBe('zorblax is on our house list.');
    expect(a.engine.rules).not.toBe(rulesOnly.engine.rules);
  });

  it('names the file and line of a broken user rule file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-bad-rules-'));
    writeFileSync(join(dir, 'bad.yaml'), 'technique: loaded-language\nrules:\n  - id: x\n    kind: lexicon\n    confidence: 2\n    message: m\n    terms: [a]\n');
    expect(() => new Analyzer({ model: null, config: { ...parseConfig({}), rules: [join(dir, 'bad.yaml')] } })).toThrow(/bad.yaml:5: rules.0.confidence/);
  });

  it('records a failing detector on the report and keeps the other findings', () => {
    const broken: ModelDetector = {
      version: 'broken-1',
      meta: { id: 'model/broken', technique: 'loaded-language', description: 'always fails', source: 'model' },
      create() {
        throw new Error('weights missing');
      },
    };
    const r = new Analyzer({ model: broken }).analyze('The brutal regime.');
    expect(r.errors).toEqual([{ detector: 'model/broken', message: 'weights missing' }]);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.engine.model).toBe('broken-1');
  });

  it('refuses input over the configured size', () => {
    const a = new Analyzer({ model: null, config: { ...parseConfig({}), maxInputBytes: 10 } });
    expect(() => a.analyze('x'.repeat(11))).toThrow(/over the limit of 10/);
  });

  it('is available as a plain function with the default configuration', () => {
    expect(analyze('Hello there.').findings).toEqual([]);
  });
});

describe('engine key', () => {
  it('changes with the enabled techniques and the confidence threshold, not between equal configs', () => {
    const base = new Analyzer({ model: null }).engine.rules;
    expect(new Analyzer({ model: null }).engine.rules).toBe(base);
    expect(new Analyzer({ model: null, config: parseConfig({ techniques: { repetition: false } }) }).engine.rules).not.toBe(base);
    expect(new Analyzer({ model: null, config: parseConfig({ minConfidence: 0.5 }) }).engine.rules).not.toBe(base);
  });
});
