import { describe, expect, it } from 'vitest';
import { loadDefaultModel } from '../analysis/model-hook.js';
import { segment } from '../text/segment.js';
import type { TrainedModelDetector } from './detector.js';
import { buildView, countOccurrencesIn, FeatureBuffer, spanFeatures } from './features.js';
import { predictProba } from './logreg.js';
import { spanProbabilities } from './span-scores.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const detector = loadDefaultModel() as TrainedModelDetector | null;

// Written for this test: both sides of an invented dispute, names, quotations, a hyphenated and an
// accented word, one-letter words, numbers, and a sentence far longer than 400 characters.
const LONG = Array.from({ length: 12 }, (_, k) => `the reckless ministers of Sylvania promised the ${k}th time that every village would be rebuilt`).join(', ');
const TEXTS = [
  'The brutal regime of Freedonia shelled the border villages again, officials said. "They are cowardly thugs," a Sylvanian minister told reporters.',
  'Every true patriot of Sylvania must stand with our glorious nation now! The so-called peace plan is a betrayal, a disgrace and a lie.',
  `Critics in Freedonia called the café deal a naïve, self-serving scheme; I say a plan is a plan. ${LONG}.`,
  'Ostrelia and Tarvia traded accusations: Tarvia says Ostrelia lies, Ostrelia says Tarvia lies, and 3,000 families wait.',
];

describe('spanProbabilities', () => {
  it.skipIf(!detector)('gives predictProba over spanFeatures to the bit, for every span of several texts', () => {
    const model = detector!.model;
    const m = model.classifier;
    const mask = m.buckets - 1;
    let compared = 0;
    for (const text of TEXTS) {
      const doc = segment(text, vocab);
      const view = buildView(doc, model.table, true);
      const lower = doc.text.toLowerCase();
      const count = (phrase: string, atMost: number) => countOccurrencesIn(lower, phrase, atMost);
      const n = doc.tokens.count;
      // Every span of up to 8 tokens, and every span from a sentence start to the end of the text.
      const spans: Array<[number, number]> = [];
      for (let a = 0; a < n; a++) for (let b = a + 1; b <= Math.min(n, a + 8); b++) spans.push([a, b]);
      for (const s of doc.sentences) spans.push([s.tokenStart, n]);
      for (const [a, b] of spans) {
        const buf = new FeatureBuffer(mask);
        spanFeatures(view, a, b, buf, count);
        const plain = predictProba(m, buf.data.subarray(0, buf.length));
        const fast = spanProbabilities(m, view, a, b, count, new Float64Array(m.classes));
        expect(Array.from(fast)).toEqual(Array.from(plain));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
