// Copies non-TypeScript assets (rule files, lexicons, model artefacts, web build) next to the
// compiled JavaScript, so that dist/ resolves them exactly as src/ does.
import { cpSync, existsSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ASSET = /\.(ya?ml|txt|json|bin|gz|md|csv|jsonl|html|css|svg)$/;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (ASSET.test(name)) {
      const to = join('dist', relative('.', p));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(p, to);
    }
  }
}
if (existsSync('src')) walk('src');
