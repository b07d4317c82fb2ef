import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { buildView, FeatureBuffer, tokenOwnFeatures } from './features.js';
import { buildLexiconTable } from './lexicon-table.js';
import { allTemplates, T, TOKEN_MAX_FEATURES, TOKEN_TEMPLATES, tokenCapacity } from './templates.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

describe('feature templates', () => {
  it('have distinct numbers (a feature of one template never reads as another)', () => {
    const seen = new Map<number, string>();
    for (const [name, id] of allTemplates()) {
      expect(seen.get(id), `${name} reuses ${id}`).toBeUndefined();
      seen.set(id, name);
    }
    expect(seen.size).toBeGreaterThan(70);
  });

  it('keep the numbers trained artefacts were built with', () => {
    expect([T.bias, T.word, T.suffix, T.listBit, T.ruleTag, T.firstWordAt, T.sentScore, T.sentScoreToEnd]).toEqual([1, 2, 10, 15, 30, 33, 40, 44]);
  });

  it('give the token buffer its room: a new template grows it by its most', () => {
    expect(TOKEN_MAX_FEATURES).toBe(15 + 5 + 5 + 4 + 3 + 3 + 64);
    expect(tokenCapacity({ ...TOKEN_TEMPLATES, extra: { id: 99, most: 3 } })).toBe(TOKEN_MAX_FEATURES + 3);
  });

  it('count exactly what a token with every condition met gets (besides its tags)', () => {
    const table = {
      ...buildLexiconTable(new Map([['loudly', 2]]), [['a', ['loudly']]]),
      clusters: { hashes: new Uint32Array(0), ids: new Uint32Array(0) },
      wordClasses: { hashes: new Uint32Array(0), ids: new Int8Array(0) },
      loaded: { hashes: new Uint32Array(0), levels: new Uint8Array(0) },
    };
    const doc = segment('They shouted Loudly today again.', vocab);
    const v = buildView(doc, table);
    // Every list bit on every token, a valence and a stage-one score everywhere, no word a stop word.
    v.lex.fill(0xffffffff);
    v.valence.fill(1);
    v.masked.fill(0);
    v.stopBit = 0;
    v.sentScore = new Float32Array(doc.sentences.length).fill(0.5);
    const i = 2; // "Loudly": capitalised, not first, longer than four units
    const out = new FeatureBuffer();
    tokenOwnFeatures(v, i, out);
    expect(out.length).toBe(TOKEN_MAX_FEATURES);
    v.tags[i] = [3, 4];
    out.reset();
    tokenOwnFeatures(v, i, out);
    expect(out.length).toBe(TOKEN_MAX_FEATURES + 2);
  });
});
