import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ARCHETYPE_IDS } from '../core/framing.js';
import { renderFramingDoc } from './framing-doc.js';

it('docs/framing.md is current (run `npm run docs` after changing src/core/framing.ts)', () => {
  expect(readFileSync('docs/framing.md', 'utf8')).toBe(renderFramingDoc());
});

it('defines and exemplifies every archetype', () => {
  const doc = renderFramingDoc();
  for (const id of ARCHETYPE_IDS) expect(doc).toMatch(new RegExp(`\\| \`${id}\` \\| [^|]+ \\| [^|]*\\[`));
  expect(ARCHETYPE_IDS).toHaveLength(22);
});
