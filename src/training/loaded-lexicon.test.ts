import { describe, expect, it } from 'vitest';
import { toPtcDocs } from '../eval/records.js';
import { hashString } from '../model/hash.js';
import { LOADED_NEUTRAL, loadedLevelOf } from '../model/lexicon-table.js';
import { syntheticTable } from '../model/test-support/synthetic.js';
import { NAME_HASH } from '../model/word-cache.js';
import { buildView } from '../model/features.js';
import { prepareDoc, type PreparedDoc } from './corpus.js';
import { DEFAULT_LOADED, docCounts, fitLoaded, levelOf, loadedTable, tokenLevels, type WordVectors } from './loaded-lexicon.js';

/** Documents written for the test: loaded words inside loaded-language spans, names beside them. */
function docs(): PreparedDoc[] {
  const texts: Array<[string, string[]]> = [
    ['The disgraceful plan of Brannock was voted down on Monday.', ['disgraceful']],
    ['Officials in Korvani called the plan disgraceful and shameful.', ['disgraceful', 'shameful']],
    ['A disgraceful vote in Dastria ended the session early.', ['disgraceful']],
    ['The plan was voted down after a long session on Monday.', []],
    ['The session on Monday discussed the plan for the port.', []],
    ['Talks in Ostrelia resumed on Monday after a short pause.', []],
  ];
  const table = syntheticTable();
  return texts.map(([text, loaded], k) => {
    const spans = loaded.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, technique: 'Loaded_Language' }));
    const rec = toPtcDocs([{ id: `d${k}`, text, spans }], 'test')[0]!;
    return prepareDoc({ ...rec, text }, table);
  });
}

const opts = { ...DEFAULT_LOADED, neighbours: 0, prior: 2 };
const h = (w: string) => hashString(w);

describe('loaded-word lexicon', () => {
  it('counts words inside the techniques spans, every name as the placeholder', () => {
    const d = docs()[1]!;
    const c = docCounts(d, opts.labels);
    expect(c.get(h('disgraceful'))).toEqual({ inside: 1, all: 1 });
    expect(c.get(h('called'))).toEqual({ inside: 0, all: 1 });
    // Capitalised and no ordinary word of this small table: read as a name.
    expect(c.has(h('officials'))).toBe(false);
    // "Korvani" is read as a name: no count of its own.
    expect(c.has(h('korvani'))).toBe(false);
    expect(c.get(NAME_HASH)).toEqual({ inside: 0, all: 2 });
  });

  it('gives loaded words a high level, common words of clean text a low or neutral one', () => {
    const fit = fitLoaded(docs(), opts, null);
    expect(levelOf(fit, h('disgraceful'))).toBeGreaterThanOrEqual(5);
    expect(levelOf(fit, h('shameful'))).toBeGreaterThan(LOADED_NEUTRAL);
    expect(levelOf(fit, h('monday'))).toBeLessThanOrEqual(LOADED_NEUTRAL);
    expect(levelOf(fit, h('unseenword'))).toBe(LOADED_NEUTRAL);
    // One table row per word off the neutral level; the artefact reads the same levels.
    const table = { ...syntheticTable(), loaded: loadedTable(fit) };
    for (const w of ['disgraceful', 'shameful', 'monday', 'plan', 'unseenword']) expect(loadedLevelOf(table, h(w))).toBe(levelOf(fit, h(w)));
    expect(loadedLevelOf(table, NAME_HASH)).toBe(levelOf(fit, NAME_HASH));
  });

  it('reads a training document without its own counts (a word only it shows falls back to its prior)', () => {
    const all = docs();
    const fit = fitLoaded(all, opts, null);
    const d = all[1]!;
    const at = (w: string) => d.doc.tokens.start.findIndex((s, i) => d.doc.text.slice(s, d.doc.tokens.end[i]) === w);
    const own = tokenLevels(d, fit, opts.labels, true);
    const plain = tokenLevels(d, fit, opts.labels, false);
    expect(plain[at('shameful')]).toBeGreaterThan(LOADED_NEUTRAL);
    expect(own[at('shameful')]).toBe(LOADED_NEUTRAL);
    // "disgraceful" is loaded in two other documents too.
    expect(own[at('disgraceful')]).toBeGreaterThan(LOADED_NEUTRAL);
    expect(own[at('disgraceful')]).toBeLessThanOrEqual(plain[at('disgraceful')]!);
  });

  it('gives a held-out document the levels the artefact\'s table gives at analysis time', () => {
    const all = docs();
    const fit = fitLoaded(all.slice(0, 4), opts, null);
    const table = { ...syntheticTable(), loaded: loadedTable(fit) };
    for (const d of all) {
      const levels = tokenLevels(d, fit, opts.labels, false);
      const v = buildView(d.doc, table);
      expect(v.words.leveled).toBe(true);
      expect([...levels]).toEqual([...v.slot].map((s) => v.words.level[s]));
    }
  });

  it('lends a word without counts the level of its nearest neighbours', () => {
    const dim = 4;
    const words = ['disgraceful', 'shameful', 'despicable', 'monday', 'tuesday'];
    // disgraceful, shameful and despicable point one way, the weekdays another.
    const rows = [
      [1, 0.1, 0, 0],
      [1, 0, 0.1, 0],
      [1, 0.05, 0.05, 0],
      [0, 0, 0, 1],
      [0, 0, 0.1, 1],
    ].map((r) => {
      const n = Math.hypot(...r);
      return r.map((x) => x / n);
    });
    const vectors: WordVectors = { hashes: Uint32Array.from(words, h), vecs: Float32Array.from(rows.flat()), dim };
    const fit = fitLoaded(docs(), { ...opts, neighbours: 2, reliable: 1 }, vectors);
    expect(levelOf(fit, h('despicable'))).toBeGreaterThan(LOADED_NEUTRAL);
    expect(levelOf(fit, h('tuesday'))).toBeLessThanOrEqual(LOADED_NEUTRAL);
    // Deterministic: the same documents and vectors give the same table.
    const again = fitLoaded(docs(), { ...opts, neighbours: 2, reliable: 1 }, vectors);
    expect([...loadedTable(again).hashes]).toEqual([...loadedTable(fit).hashes]);
    expect([...loadedTable(again).levels]).toEqual([...loadedTable(fit).levels]);
  });
});
