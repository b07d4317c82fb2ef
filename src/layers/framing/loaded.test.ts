import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { loadedAt } from '../sourcing/classify.js';
import { LoadedTerms } from './loaded.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

/* The loaded-term memo against the plain call it keeps, with memos of two documents interleaved. */

const A =
  'The brutal Sylvanian regime shelled Vell again. Freedonian officials called the raid a cowardly act of terror. ' +
  'Our heroic volunteers, the ministry said, saved dozens of families from the ruthless thugs.';
const B =
  'Sylvanian media called the Freedonian government a gang of reckless warmongers. Freedonia rejected the shameful ' +
  'smear and said its soldiers had only answered an attack. Residents of Vell fled to the hills.';

const plain = (doc: ReturnType<typeof segment>, i: number) => loadedAt(doc, i, doc.sentences[doc.tokenSentence[i]!]!.tokenEnd);

describe('LoadedTerms', () => {
  it('gives loadedAt bounded by the sentence at every token, whatever memo ran between', () => {
    const da = segment(A, vocab);
    const db = segment(B, vocab);
    const ma = new LoadedTerms(da);
    const mb = new LoadedTerms(db);
    const n = Math.max(da.tokens.count, db.tokens.count);
    let found = 0;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < n; i++) {
        if (i < da.tokens.count) expect(ma.at(i)).toBe(plain(da, i));
        if (i < db.tokens.count) expect(mb.at(i)).toBe(plain(db, i));
        if (i < da.tokens.count && ma.at(i) > 0) found++;
      }
      // A memo made later (another document) takes the shared arrays over; the first still answers right.
      const again = new LoadedTerms(db);
      for (let i = 0; i < db.tokens.count; i++) expect(again.at(i)).toBe(plain(db, i));
    }
    expect(found).toBeGreaterThan(2);
  });
});
