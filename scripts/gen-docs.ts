import { writeFileSync } from 'node:fs';
import { renderFramingDoc } from '../src/docs/framing-doc.js';
import { renderTechniquesDoc } from '../src/docs/techniques-doc.js';

writeFileSync('docs/techniques.md', renderTechniquesDoc());
writeFileSync('docs/framing.md', renderFramingDoc());
console.log('wrote docs/techniques.md and docs/framing.md');
