import { writeFileSync } from 'node:fs';
import { renderTechniquesDoc } from '../src/docs/techniques-doc.js';

writeFileSync('docs/techniques.md', renderTechniquesDoc());
console.log('wrote docs/techniques.md');
