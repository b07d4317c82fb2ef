import { describe, expect, it } from 'vitest';
import { loadDefaultModel } from '../analysis/model-hook.js';
import { segment } from '../text/segment.js';
import type { TrainedModelDetector } from './detector.js';
import { ExplainMemo } from './explain-memo.js';
import { explainSpan } from './explain.js';
import { buildView } from './features.js';
import { predictDoc } from './model.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const detector = loadDefaultModel() as TrainedModelDetector | null;

// Written for this test: a sentence said again and again (with its case changed once), between
// sentences of other wording, about invented parties both ways round.
const SAID = 'The brutal regime of Freedonia shelled the border villages again, officials said.';
const TEXT = [
  SAID,
  'Every true patriot of Sylvania must stand with our glorious nation now!',
  SAID,
  SAID.toUpperCase(),
  'The reckless warmongers of Sylvania betrayed the farmers of Freedonia, critics said.',
  SAID,
  'Cowardly thugs.',
  SAID,
].join(' ');

describe('ExplainMemo', () => {
  it.skipIf(!detector)('explains every span and technique as explainSpan does, repeated wordings included', () => {
    const model = detector!.model;
    const doc = segment(TEXT, vocab);
    const view = buildView(doc, model.table, true);
    const memo = new ExplainMemo();
    const spans = predictDoc(model, doc, view);
    expect(spans.length).toBeGreaterThan(4);
    let asked = 0;
    // Twice over, so the second round reads the memo for every span, and every class, not just the chosen ones.
    for (let round = 0; round < 2; round++) {
      for (const span of spans) {
        for (let c = 0; c < model.classifier.classes; c++) {
          expect(memo.explain(model.classifier, model.table.lists, view, span.a, span.b, c)).toEqual(explainSpan(model.classifier, model.table.lists, view, span.a, span.b, c));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });

  it.skipIf(!detector)('forgets a document when reset: another text on reused view arrays is explained afresh', () => {
    const model = detector!.model;
    const memo = new ExplainMemo();
    for (const text of [TEXT, 'Officials said the brutal regime of Sylvania shelled nothing at all, and the patriots of Freedonia agreed.']) {
      memo.reset();
      const doc = segment(text, vocab);
      const view = buildView(doc, model.table, true);
      for (const span of predictDoc(model, doc, view)) {
        for (const t of span.techniques) {
          expect(memo.explain(model.classifier, model.table.lists, view, span.a, span.b, t.index)).toEqual(explainSpan(model.classifier, model.table.lists, view, span.a, span.b, t.index));
        }
      }
    }
  });
});
