import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableAnalyzer } from '../store/test-support/analyzer.js';
import { compareDocuments } from './documents.js';
import { logOdds, priorOf, weighPhrases } from './key-phrases.js';

describe('key phrases by log-odds with an informative prior', () => {
  it('a familiar word needs more use than a rare one to weigh as much; more use weighs more', () => {
    expect(priorOf('take')).toBeGreaterThan(priorOf('regime'));
    expect(priorOf('soldier')).toBeGreaterThan(priorOf('ostrelian'));
    // A phrase is as rare as its rarest word.
    expect(priorOf('take regime')).toBe(priorOf('regime'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 50, max: 2000 }), fc.double({ min: 0.001, max: 50, noNaN: true }), (y, n, prior) => {
        const one = logOdds(y, n, 0, n, prior);
        return one > 0 && logOdds(y + 1, n, 0, n, prior) > one && logOdds(y, n, 0, n, prior * 2) < one && Math.abs(logOdds(0, n, y, n, prior) + one) < 1e-9;
      }),
    );
  });

  it('drops phrases of closed-class words only ("every", "must")', () => {
    const w = weighPhrases([
      { phrase: 'every', a: 3, b: 0 },
      { phrase: 'must', a: 2, b: 0 },
      { phrase: 'every patriot', a: 1, b: 0 },
    ]);
    expect(w.map((p) => p.phrase)).toEqual(['every patriot']);
  });

  it('side by side: the phrases that distinguish the texts come first, not the familiar words they use more often', () => {
    const analyzer = stableAnalyzer();
    // Written for this test: two accounts of the same dam dispute, one loaded, one plain.
    const a =
      'Every citizen must take a stand. Every family must take sides now. We must take back the valley from the Tarvian junta, ' +
      'and every patriot must take up the fight against the junta and its cowardly saboteurs.';
    const b =
      'Engineers from Ostrelia and Tarvia must take readings at the dam every morning. Every reading goes to the joint commission, ' +
      'which must take a decision on the spillway before the spring floods.';
    const c = compareDocuments({ text: a, report: analyzer.analyze(a) }, { text: b, report: analyzer.analyze(b) }, { phrases: 5 });
    const onlyA = c.phrases.onlyA.map((p) => p.phrase);
    const onlyB = c.phrases.onlyB.map((p) => p.phrase);
    expect(onlyA).toContain('junta');
    expect(onlyA.slice(0, 3).some((p) => /junta|saboteurs|patriot/.test(p))).toBe(true);
    expect(onlyB.slice(0, 3).some((p) => /spillway|commission|engineers|floods|dam/.test(p))).toBe(true);
    for (const p of [...onlyA, ...onlyB, ...c.phrases.shared.map((x) => x.phrase)]) expect(['every', 'must', 'take']).not.toContain(p);
    // "take" is used by both, four times by A: shared, but no key phrase of the pair.
    expect(c.phrases.shared.map((p) => p.phrase).indexOf('take')).not.toBe(0);
  });
});
