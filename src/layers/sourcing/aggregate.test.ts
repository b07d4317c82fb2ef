import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { aggregateSourcing } from './aggregate.js';

const analyzer = new Analyzer({ model: null });

describe('aggregates for compare', () => {
  const a = analyzer.analyze('"We will stay," said Omar Haddad. Sources say the talks collapsed. Sylvania accused Freedonia of genocide.');
  const b = analyzer.analyze('Freedonian forces shelled Sylvanian villages. The rebels reportedly fled. The ministry claimed that "nothing happened there at all".');

  it('pools sourcing counts and averages per-document shares', () => {
    const g = aggregateSourcing([a, b, { sourcing: undefined }]);
    expect(g.documents).toBe(2);
    expect(g.sentences).toBe(a.sourcing!.sentences.length + b.sourcing!.sentences.length);
    expect(g.counts.quote).toBe(a.sourcing!.counts.quote + b.sourcing!.counts.quote);
    expect(g.meanShares['attributed-vague']).toBeCloseTo((a.sourcing!.shares['attributed-vague'] + b.sourcing!.shares['attributed-vague']) / 2, 2);
    expect(g.weakShare).toBeCloseTo((g.counts['attributed-vague'] + g.counts.hearsay + g.counts['unattributed-claim']) / g.sentences, 2);
    expect(g.quotations).toBe(2);
    expect(g.loadedVerbShare).toBe(0.5);
    expect(g.accusations).toBe(1);
    expect(g.accusationsWithoutEvidence).toBe(1);
  });

  it('is all zeros for no documents', () => {
    const g = aggregateSourcing([]);
    expect(g).toMatchObject({ documents: 0, sentences: 0, weakShare: 0, quotations: 0, claims: 0 });
  });

});
