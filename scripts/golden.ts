/**
 * Golden hashes: one SHA-1 over the JSON reports of a fixed set of texts (the demo corpus, the
 * reader-check style fixtures and 60 generated articles), for rules only with layers on and off and
 * for analyze() with the shipped model. A refactor that must not change output keeps all three.
 * Usage: npx tsx scripts/golden.ts [--json]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Analyzer } from '../src/analysis/analyzer.js';
import { articles } from '../bench/corpus.mjs';

const texts: string[] = [];
for (const line of readFileSync(new URL('../demo/corpus.jsonl', import.meta.url), 'utf8').split('\n')) {
  if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}
// The reader-check texts (wire, op-ed with footnotes, commentaries, converted PDF): long and varied.
const readerDir = new URL('../demo/reader/', import.meta.url);
for (const name of readdirSync(readerDir).filter((n) => n.endsWith('.txt')).sort()) texts.push(readFileSync(new URL(name, readerDir), 'utf8'));
for (const a of articles({ count: 60, bytes: 3000, seed: 11 }) as Iterable<string | { text: string }>) texts.push(typeof a === 'string' ? a : a.text);

function hashOf(analyzer: Analyzer, layers: boolean): string {
  const h = createHash('sha1');
  for (const t of texts) h.update(JSON.stringify(analyzer.analyze(t, { layers })));
  return h.digest('hex').slice(0, 16);
}
const rules = new Analyzer({ model: null });
const withModel = new Analyzer();
const out = { texts: texts.length, rulesLayers: hashOf(rules, true), rulesOnly: hashOf(rules, false), model: hashOf(withModel, true) };
console.log(process.argv.includes('--json') ? JSON.stringify(out) : Object.entries(out).map(([k, v]) => `${k} ${v}`).join('\n'));
