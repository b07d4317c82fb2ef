import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../core/taxonomy.js';
import { stableAnalyzer } from '../store/test-support/analyzer.js';
import { compareDocuments, contentNgrams } from './documents.js';

describe('contentNgrams', () => {
  it('counts 1- to 3-word runs of content words, broken by stopwords and punctuation', () => {
    const g = contentNgrams('Freedonian troops shelled the river valley. The river valley burns.');
    expect(Object.fromEntries(g)).toEqual({
      freedonian: 1,
      troops: 1,
      shelled: 1,
      'freedonian troops': 1,
      'troops shelled': 1,
      'freedonian troops shelled': 1,
      river: 2,
      valley: 2,
      'river valley': 2,
      burns: 1,
      'valley burns': 1,
      'river valley burns': 1,
    });
  });

  it('lowercases, skips numbers and short words, and handles an empty text', () => {
    expect([...contentNgrams('RIVER 2024 of Vell, Ox').keys()]).toEqual(['river', 'vell']);
    expect(contentNgrams('').size).toBe(0);
  });
});

describe('compareDocuments', () => {
  const analyzer = stableAnalyzer();
  const textA = 'Freedonian troops shelled the river valley. The river valley burns.';
  const textB = 'Sylvanian troops entered the river valley at dawn.';

  it('lists shared and distinct key phrases, preferring the longer phrase with the same counts', () => {
    const c = compareDocuments({ id: 1, title: 'A', text: textA, report: analyzer.analyze(textA) }, { id: 2, title: 'B', text: textB, report: analyzer.analyze(textB) });
    expect(c.phrases.shared).toEqual([
      { phrase: 'river valley', a: 2, b: 1 },
      { phrase: 'troops', a: 1, b: 1 },
    ]);
    expect(c.phrases.onlyA).toEqual([
      { phrase: 'freedonian troops shelled', a: 1, b: 0 },
      { phrase: 'river valley burns', a: 1, b: 0 },
    ]);
    expect(c.phrases.onlyB).toEqual([
      { phrase: 'sylvanian troops entered', a: 0, b: 1 },
      { phrase: 'dawn', a: 0, b: 1 },
    ]);
    expect(c.a).toMatchObject({ id: 1, title: 'A', outlet: null, words: 10 });
    expect(c.b).toMatchObject({ id: 2, words: 8 });
  });

  it('counts techniques and categories on each side', () => {
    const a = 'The brutal, despicable council and its vile aides.';
    const b = 'The council met the delegation on Tuesday.';
    const ra = analyzer.analyze(a);
    const c = compareDocuments({ text: a, report: ra }, { text: b, report: analyzer.analyze(b) });
    expect(c.b.findings).toBe(0);
    expect(c.techniques.length).toBeGreaterThan(0);
    for (const t of c.techniques) {
      expect(t.a).toBe(ra.counts.byTechnique[t.technique]);
      expect(t.b).toBe(0);
    }
    expect(c.techniques.find((t) => t.technique === 'loaded-language')!.a).toBeGreaterThanOrEqual(3);
    expect(c.categories.map((x) => x.category)).toEqual([...CATEGORIES]);
    expect(c.categories.reduce((s, x) => s + x.a, 0)).toBe(ra.findings.length);
    expect(c.phrases.shared).toEqual([{ phrase: 'council', a: 1, b: 1 }]);
  });

  it('limits each phrase list', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Topic${String.fromCharCode(97 + (i % 26))}${i} stands alone.`).join(' ');
    const c = compareDocuments({ text: long, report: analyzer.analyze(long) }, { text: 'Nothing shared.', report: analyzer.analyze('Nothing shared.') }, { phrases: 4 });
    expect(c.phrases.onlyA).toHaveLength(4);
  });
});
