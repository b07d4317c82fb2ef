import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { TECHNIQUE_IDS } from '../core/taxonomy.js';
import { renderTechniquesDoc } from './techniques-doc.js';

it('docs/techniques.md is current (run `npm run docs` after changing the taxonomy)', () => {
  expect(readFileSync('docs/techniques.md', 'utf8')).toBe(renderTechniquesDoc());
});

it('lists every technique with its PTC mapping', () => {
  const doc = renderTechniquesDoc();
  for (const id of TECHNIQUE_IDS) expect(doc).toContain(`[\`${id}\`]`);
  expect(doc).toContain('| `Black-and-White_Fallacy` | `false-dilemma` |');
});
