import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Analyzer } from '../analysis/analyzer.js';
import { TECHNIQUE_IDS, type TechniqueId } from '../core/taxonomy.js';
import { parseYamlFile } from '../core/yaml.js';
import { techniqueDir } from './registry.js';

/**
 * ESLint-style rule tester: every technique folder holds fixtures.yaml with sentences that must
 * trigger the technique (`invalid`) and sentences that must not (`valid`), checked with rules only.
 */
const Fixtures = z
  .object({
    invalid: z.array(z.union([z.string(), z.object({ text: z.string(), match: z.string().optional() }).strict()])).min(3),
    valid: z.array(z.string()).min(3),
  })
  .strict();

// The rules themselves: no judge (which would recalibrate them and silence rules under their measured floor).
const analyzer = new Analyzer({ model: null, judge: null });

function findingsOf(text: string, technique: TechniqueId) {
  return analyzer.analyze(text, { techniques: [technique], layers: false }).findings.filter((f) => f.technique === technique);
}

describe.each(TECHNIQUE_IDS.map((id) => [id]))('%s', (technique) => {
  const dir = techniqueDir(technique);
  it('has rules or a code detector, fixtures and docs', () => {
    expect(existsSync(join(dir, 'rules.yaml')) || existsSync(join(dir, 'detector.ts')), 'rules.yaml or detector.ts').toBe(true);
    expect(existsSync(join(dir, 'fixtures.yaml')), 'fixtures.yaml').toBe(true);
    expect(existsSync(join(dir, 'README.md')), 'README.md').toBe(true);
  });
  const file = join(dir, 'fixtures.yaml');
  if (!existsSync(file)) return;
  const fixtures = parseYamlFile(file, readFileSync(file, 'utf8'), Fixtures);
  it.each(fixtures.invalid.map((f) => [typeof f === 'string' ? f : f.text, typeof f === 'string' ? undefined : f.match]))(
    'flags: %s',
    (text, match) => {
      const found = findingsOf(text, technique);
      expect(found.length, `no ${technique} finding`).toBeGreaterThan(0);
      if (match !== undefined) {
        const at = text.indexOf(match);
        expect(at, `fixture's match "${match}" is not in its text`).toBeGreaterThanOrEqual(0);
        expect(found.some((f) => f.start <= at && at + match.length <= f.end), `no finding covers "${match}": ${found.map((f) => f.text).join(' | ')}`).toBe(true);
      }
    },
  );
  it.each(fixtures.valid.map((t) => [t]))('passes: %s', (text) => {
    expect(findingsOf(text, technique).map((f) => `${f.ruleId}: ${f.text}`)).toEqual([]);
  });
});
