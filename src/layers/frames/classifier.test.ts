import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { builtinFrameClassifier, FrameClassifier, loadExamples } from './classifier.js';
import { builtinCueTerms } from './cues.js';
import { crossValidateFrames, evaluateHoldout, loadHoldout } from './evaluate.js';
import { FRAME_IDS } from '../../core/frames.js';
import { builtinCommonStems, commonStems, isCommonWord } from '../../lexicon/content-words.js';
import { segment } from '../../text/segment.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

describe('frame examples', () => {
  const examples = loadExamples();
  it('hold at least 20 distinct sentences for every frame', () => {
    for (const id of FRAME_IDS) {
      const mine = examples.filter((e) => e.frame === id).map((e) => e.text);
      expect(new Set(mine).size, id).toBeGreaterThanOrEqual(20);
    }
  });
  it('refuse a file named after no frame', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-ex-'));
    writeFileSync(join(dir, 'economy.txt'), 'Prices rose.\n');
    expect(() => loadExamples(dir)).toThrow(UserError);
    expect(() => loadExamples(dir)).toThrow(/economy.*not a frame id/);
  });
});

describe('FrameClassifier', () => {
  it('trains deterministically', () => {
    const a = new FrameClassifier(loadExamples(), builtinCueTerms()).predictText('The clinic has no vaccines left for the children.');
    const b = new FrameClassifier(loadExamples(), builtinCueTerms()).predictText('The clinic has no vaccines left for the children.');
    expect([...a.probs]).toEqual([...b.probs]);
    expect(a.known).toBeGreaterThan(0);
  });
  it('puts unseen sentences in a plausible frame', () => {
    const c = builtinFrameClassifier();
    const top = (s: string) => {
      const p = c.predictText(s).probs;
      return FRAME_IDS[[...p.keys()].sort((x, y) => p[y]! - p[x]!)[0]!];
    };
    expect(top('Tanks and infantry advanced on the northern front.')).toBe('security-and-defense');
    expect(top('Voters in the by-election handed the governing party a heavy defeat.')).toBe('political');
    expect(top('The judges ruled the decree unconstitutional.')).toBe('legality-constitutionality-jurisprudence');
  });
  it('is uniform and abstains on words it has never seen', () => {
    const p = builtinFrameClassifier().predictText('Zyx qwv plorf.');
    expect(p.known).toBe(0);
    expect(Math.max(...p.probs)).toBeCloseTo(1 / FRAME_IDS.length);
  });
  it('keeps cross-validated accuracy above a floor (5 folds over the written examples)', () => {
    const r = crossValidateFrames(5);
    // Measured 0.675 combined and 0.775 top-2 (see docs/evaluation.md); floors leave room for edits.
    expect(r.combined).toBeGreaterThanOrEqual(0.6);
    expect(r.combinedTop2).toBeGreaterThanOrEqual(0.7);
    expect(r.classifier).toBeGreaterThan(1 / FRAME_IDS.length * 3);
  });
  it('generalises to held-out sentences written after tuning (floor)', () => {
    const holdout = loadHoldout();
    for (const id of FRAME_IDS) expect(holdout.filter((h) => h.frame === id).length, id).toBeGreaterThanOrEqual(3);
    const r = evaluateHoldout(holdout);
    // Measured 0.57 top-1, 0.71 top-2 (chance is 0.07).
    expect(r.top1).toBeGreaterThanOrEqual(0.45);
    expect(r.top2).toBeGreaterThanOrEqual(0.6);
  });
});

describe('the common words of the lexicon (src/lexicon/common-stems.txt)', () => {
  it('are the stems the examples write in lowercase (after editing the examples: npx tsx scripts/gen-common-stems.ts)', () => {
    const fromExamples = commonStems(loadExamples().map((ex) => ex.text));
    expect([...builtinCommonStems()].sort()).toEqual([...fromExamples].sort());
    const classifier = builtinFrameClassifier();
    for (const w of ['hospital', 'Hospital', 'warehouses', 'Freedonia', 'Sylvania']) expect(isCommonWord(w), w).toBe(classifier.isCommonWord(w));
    expect(isCommonWord('Hospital')).toBe(true);
    expect(isCommonWord('Freedonia')).toBe(false);
  });
});

describe('FrameClassifier.featureIdsInto', () => {
  it('gives the known features of featuresFor, in order, with their tokens (the packed per-word memo against the plain features)', () => {
    const c = builtinFrameClassifier();
    const texts = [
      'The economy shrank while hospitals in Freedonia ran out of beds, and the court ruled the tariffs unlawful.',
      'Northland troops shelled Sylvanian villages; refugees fled to the border. Zorblaxian ministers denied everything.',
      'Taxes, TAXES and taxation: the Parliament voted on healthcare spending for immigrants.',
    ];
    for (const text of texts) {
      const doc = segment(text, vocab);
      const n = doc.tokens.count;
      const ids = new Int32Array(2 * n);
      const tokens = new Int32Array(2 * n);
      const got = c.featureIdsInto(doc.tokens, 0, n, ids, tokens, 0);
      const want = c.featuresFor(doc, 0, n).filter((x) => c.knows(x.f));
      expect(got).toBe(want.length);
      expect(got).toBeGreaterThan(3);
      for (let k = 0; k < got; k++) {
        expect(tokens[k]).toBe(want[k]!.token);
        for (let j = 0; j < 14; j++) expect(c.liftById(ids[k]!, j)).toBe(c.liftOf(want[k]!.f, j));
      }
    }
  });
});
