import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stableAnalyzer } from '../store/test-support/analyzer.js';
import type { Finding } from '../core/finding.js';
import type { Report } from '../core/report.js';
import { CATEGORIES, TECHNIQUE_IDS, categoryOf, type TechniqueId } from '../core/taxonomy.js';
import { openSqliteStore } from '../store/sqlite.js';
import { engineKeyOf } from '../store/types.js';
import { compareGroups, GroupAccumulator, groupKeysOf, UNKNOWN_GROUP } from './groups.js';

/** A report with `words` words and the given findings (technique, confidence), as data. */
function reportWith(words: number, findings: Array<[TechniqueId, number?]>): Report {
  const list: Finding[] = findings.map(([technique, confidence = 0.5], i) => ({
    id: `${technique}@${i * 10}-${i * 10 + 4}`,
    technique,
    category: categoryOf(technique),
    start: i * 10,
    end: i * 10 + 4,
    line: 1,
    column: i * 10 + 1,
    text: `w${i}`,
    confidence,
    ruleId: `${technique}/test`,
    source: 'lexicon',
    message: 'test finding',
  }));
  return {
    engine: { name: 'framewise', version: 't', rules: 'r', model: null },
    length: words * 6,
    words,
    sentences: 1,
    paragraphs: 1,
    headline: null,
    findings: list,
    counts: {
      total: list.length,
      byTechnique: Object.fromEntries(TECHNIQUE_IDS.map((t) => [t, list.filter((f) => f.technique === t).length])) as Report['counts']['byTechnique'],
      byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, list.filter((f) => f.category === c).length])) as Report['counts']['byCategory'],
    },
    ratePer1000Words: 0,
    quotes: [],
    errors: [],
  };
}
const times = (t: TechniqueId, n: number, confidence = 0.5): Array<[TechniqueId, number]> => Array.from({ length: n }, () => [t, confidence]);
const doc = (id: number, outlet: string | null, tags: string[] = [], author: string | null = null) => ({ id, title: `doc ${id}`, outlet, author, tags });

describe('groupKeysOf', () => {
  it('gives one group for outlet/author (unknown when missing) and one per matching tag', () => {
    expect(groupKeysOf(doc(1, 'A'), 'outlet')).toEqual(['A']);
    expect(groupKeysOf(doc(1, null), 'outlet')).toEqual([UNKNOWN_GROUP]);
    expect(groupKeysOf(doc(1, 'A', [], 'Kim'), 'author')).toEqual(['Kim']);
    expect(groupKeysOf(doc(1, 'A', ['camp:x', 'topic:y']), 'tag')).toEqual(['camp:x', 'topic:y']);
    expect(groupKeysOf(doc(1, 'A', ['camp:x', 'topic:y']), 'tag', 'camp:')).toEqual(['camp:x']);
  });
});

describe('GroupAccumulator', () => {
  it('counts only findings at or above a confidence when asked', () => {
    const acc = new GroupAccumulator({ by: 'outlet', minConfidence: 0.5 });
    acc.add(doc(1, 'A'), reportWith(100, [...times('loaded-language', 3, 0.8), ...times('loaded-language', 2, 0.2), ...times('doubt', 1, 0.49)]));
    const r = acc.result('k');
    expect(r.totals.findings).toBe(3);
    expect(r.groups[0]!.techniques.map((t) => [t.technique, t.count])).toEqual([['loaded-language', 3]]);
  });

  it('computes counts, rates, category mix and hand-checked tests for two outlets', () => {
    const acc = new GroupAccumulator({ by: 'outlet' });
    acc.add(doc(1, 'A'), reportWith(500, times('loaded-language', 3)));
    acc.add(doc(2, 'A'), reportWith(500, times('loaded-language', 2)));
    acc.add(doc(3, 'B'), reportWith(3000, [...times('loaded-language', 5), ...times('name-calling', 2)]));
    const c = acc.result('k');
    expect(c.totals).toEqual({ documents: 3, words: 4000, findings: 12, ratePer1000Words: 3 });
    expect(c.groups.map((g) => g.key)).toEqual(['A', 'B']);
    const [a, b] = c.groups;
    expect(a).toMatchObject({ documents: 2, words: 1000, findings: 5, ratePer1000Words: 5 });
    expect(b).toMatchObject({ documents: 1, words: 3000, findings: 7, ratePer1000Words: 2.33 });

    const aLL = a!.techniques.find((t) => t.technique === 'loaded-language')!;
    // 5 in 1,000 words against 5 in 3,000: ratio 3, p = 2 * P(Bin(10, 1/4) >= 5) = 0.15625381...
    expect(aLL).toMatchObject({ count: 5, ratePer1000Words: 5, restCount: 5, restRatePer1000Words: 1.67, direction: 'same', significant: false });
    expect(aLL.rateRatio).toBeCloseTo(3, 10);
    expect(aLL.pValue).toBeCloseTo(0.15625381469726562, 10);
    // Four tests with p = [0.15625, 1, 0.15625, 1]: BH gives 0.15625 * 4 / 2 = 0.3125.
    expect(aLL.qValue).toBeCloseTo(0.31250762939453125, 10);
    const aNC = a!.techniques.find((t) => t.technique === 'name-calling')!;
    expect(aNC).toMatchObject({ count: 0, restCount: 2, rateRatio: 0, pValue: 1, qValue: 1 });
    const bNC = b!.techniques.find((t) => t.technique === 'name-calling')!;
    expect(bNC.rateRatio).toBeNull(); // none in the rest: infinite ratio
    expect(bNC.ci95![1]).toBeNull();
    expect(a!.techniques).toHaveLength(2);

    const mix = Object.fromEntries(b!.categoryMix.map((m) => [m.category, m]));
    expect(mix['manipulative-wording']).toMatchObject({ category: 'manipulative-wording', count: 5, share: 5 / 7 });
    // Category tests: B's manipulative wording is A's loaded language seen from the other side.
    expect(mix['manipulative-wording']!.vsRest).toMatchObject({ count: 5, restCount: 5, ratePer1000Words: 1.67, restRatePer1000Words: 5 });
    expect(mix['manipulative-wording']!.vsRest.pValue).toBeCloseTo(0.15625381469726562, 10);
    // 14 category tests (7 per group), two of them at p = 0.15625: BH gives 0.15625 * 14 / 2 > 1, capped.
    expect(mix['manipulative-wording']!.vsRest.qValue).toBe(1);
    expect(mix['call']!.vsRest).toMatchObject({ count: 0, restCount: 0, rateRatio: null, ci95: null, pValue: 1 });
    // Overall: 5 findings in 1,000 words against 7 in 3,000: p = 2 * P(Bin(12, 1/4) >= 5).
    expect(a!.overall.rateRatio).toBeCloseTo(2.142857142857143, 12);
    expect(a!.overall.pValue).toBeCloseTo(0.31528735160827637, 10);
    expect(a!.overall.qValue).toBeCloseTo(0.31528735160827637, 10);
    expect(b!.overall).toMatchObject({ count: 7, restCount: 5, significant: false, direction: 'same' });
    expect(mix['attack-on-reputation']!.count).toBe(2);
    expect(b!.categoryMix.map((m) => m.category)).toEqual([...CATEGORIES]);
    expect(b!.top.map((t) => t.technique)).toEqual(['loaded-language', 'name-calling']);
    expect(a!.top.map((t) => t.technique)).toEqual(['loaded-language']);
  });

  it('marks a large difference significant, in both directions', () => {
    const acc = new GroupAccumulator({ by: 'outlet' });
    acc.add(doc(1, 'Loud'), reportWith(1000, times('flag-waving', 20)));
    acc.add(doc(2, 'Quiet'), reportWith(1000, times('flag-waving', 1)));
    const c = acc.result('k');
    const loud = c.groups.find((g) => g.key === 'Loud')!.significant[0]!;
    const quiet = c.groups.find((g) => g.key === 'Quiet')!.significant[0]!;
    // p = 2 * P(Bin(21, 1/2) >= 20) = 2 * 22 / 2^21; two equal p-values: BH leaves them unchanged.
    expect(loud.pValue).toBeCloseTo(44 / 2 ** 21, 12);
    expect(loud.qValue).toBeCloseTo(44 / 2 ** 21, 12);
    expect(loud).toMatchObject({ technique: 'flag-waving', direction: 'higher', significant: true, rateRatio: 20 });
    expect(quiet).toMatchObject({ direction: 'lower', significant: true, rateRatio: 0.05 });
    expect(loud.ci95![0]).toBeGreaterThan(1);
    expect(c.groups.find((g) => g.key === 'Loud')!.overall).toMatchObject({ significant: true, direction: 'higher', rateRatio: 20 });
    expect(quiet.ci95![1]).toBeLessThan(1);
  });

  it('groups by tag prefix, counting a document in each of its groups, and keeps the most confident examples', () => {
    const acc = new GroupAccumulator({ by: 'tag', tagPrefix: 'camp:', examples: 2 });
    acc.add(doc(1, 'A', ['camp:north', 'topic:river']), reportWith(100, [['doubt', 0.4], ['doubt', 0.9]]));
    acc.add(doc(2, 'B', ['camp:north', 'camp:south']), reportWith(100, [['doubt', 0.7]]));
    acc.add(doc(3, 'C', ['topic:river']), reportWith(100, []));
    const c = acc.result('k');
    expect(c.totals.documents).toBe(3);
    expect(c.groups.map((g) => [g.key, g.documents])).toEqual([
      ['camp:north', 2],
      ['camp:south', 1],
    ]);
    const north = c.groups[0]!.techniques[0]!;
    expect(north.examples.map((e) => [e.documentId, e.confidence])).toEqual([
      [1, 0.9],
      [2, 0.7],
    ]);
    expect(north.restCount).toBe(0);
  });

  it('keeps distinct wordings as examples', () => {
    const acc = new GroupAccumulator({ by: 'outlet', examples: 2 });
    const r = reportWith(100, [['doubt', 0.5], ['doubt', 0.6], ['doubt', 0.4]]);
    // reportWith names spans w0, w1, w2: make the first two the same wording.
    r.findings[1]!.text = 'W0';
    acc.add(doc(1, 'A'), r);
    const ex = acc.result('k').groups[0]!.techniques[0]!.examples;
    expect(ex.map((e) => [e.text, e.confidence])).toEqual([
      ['W0', 0.6],
      ['w2', 0.4],
    ]);
  });

  it('gives a group that is the whole corpus no test', () => {
    const acc = new GroupAccumulator({ by: 'outlet' });
    acc.add(doc(1, 'Only'), reportWith(100, times('slogans', 2)));
    const t = acc.result('k').groups[0]!.techniques[0]!;
    expect(t).toMatchObject({ count: 2, restCount: 0, rateRatio: null, ci95: null, pValue: 1, significant: false });
  });
});

describe('compareGroups over a real SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framewise-compare-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams analysed documents, honours where, and validates options', async () => {
    const store = await openSqliteStore(join(dir, 'c.db'));
    const analyzer = stableAnalyzer();
    const texts = [
      { text: 'The brutal, barbaric and despicable raid was a vile act.', outlet: 'Herald', tags: ['camp:north'] },
      { text: 'The officials met on Tuesday and agreed on water quotas.', outlet: 'Wire', tags: ['camp:neutral'] },
      { text: 'A shameful, outrageous decision by the council.', outlet: 'Herald', tags: ['camp:north'] },
    ];
    const ids = await store.insertDocuments(texts);
    const reports = texts.map((t) => analyzer.analyze(t.text));
    const key = engineKeyOf(analyzer.engine);
    await store.saveAnalyses(ids.map((r, i) => ({ key: { documentId: r.id, engineKey: key }, report: reports[i]! })));

    const c = await compareGroups(store, key, { by: 'outlet' });
    const herald = c.groups.find((g) => g.key === 'Herald')!;
    expect(herald.documents).toBe(2);
    expect(herald.words).toBe(reports[0]!.words + reports[2]!.words);
    expect(herald.findings).toBe(reports[0]!.findings.length + reports[2]!.findings.length);
    expect(herald.findings).toBeGreaterThan(0);
    expect(c.totals.documents).toBe(3);

    const onlyNorth = await compareGroups(store, key, { by: 'outlet', where: { tag: 'camp:north' } });
    expect(onlyNorth.groups.map((g) => g.key)).toEqual(['Herald']);
    expect(onlyNorth.where).toEqual({ tag: 'camp:north' });

    await expect(compareGroups(store, key, { by: 'colour' as never })).rejects.toThrow(/by: expected/);
    await expect(compareGroups(store, key, { by: 'outlet', alpha: 2 })).rejects.toThrow(/alpha/);
    await store.close();
  });
});
