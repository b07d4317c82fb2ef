import { describe, expect, it } from 'vitest';
import { Analyzer } from '../analysis/analyzer.js';
import { loadDefaultModel } from '../analysis/model-hook.js';
import { segment } from '../text/segment.js';
import { buildView } from './features.js';
import { explainSpan, explainSpanPlain, explanationText } from './explain.js';
import type { TrainedModelDetector } from './detector.js';
import { predictDoc } from './model.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const detector = loadDefaultModel() as TrainedModelDetector | null;
const analyzer = new Analyzer();

// Written for this test: loaded wording about invented parties, and its mirror image.
const TEXT = 'The brutal regime of Freedonia and its cowardly thugs shelled the villages again. Every true patriot of Sylvania must stand with our nation now! This is the worst betrayal in the history of Sylvania.';
const swap = (s: string) => s.replace(/Freedonia|Sylvania/g, (m) => (m === 'Freedonia' ? 'Sylvania' : 'Freedonia'));

describe('model findings explain themselves', () => {
  it('puts the explanation in words: trigger words quoted, then cues; or cues alone; or what decides when nothing stands out', () => {
    expect(explanationText(['brutal', 'regime'], ['loaded words'])).toBe('the words “brutal” and “regime” weigh most, then loaded words');
    expect(explanationText(['worst'], [])).toBe('the word “worst” weighs most');
    expect(explanationText(['a', 'b', 'c'], ['x', 'y'])).toBe('the words “a”, “b” and “c” weigh most, then x and y');
    expect(explanationText([], ['the words around it'])).toBe('no single word decides; most weight comes from the words around it');
    expect(explanationText([], [])).toMatch(/^no word or list stands out/);
  });

  it.skipIf(!detector)('every model finding says which words weigh most, as evidence and in its message, and they are words of the span', () => {
    const report = analyzer.analyze(TEXT);
    const model = report.findings.filter((f) => f.source === 'model');
    expect(model.length).toBeGreaterThan(2);
    for (const f of model) {
      expect(f.message).toMatch(/^The trained model reads this as [a-z ,-]+ \(span \d+%, technique \d+%\): .+\.$/);
      const triggers = (f.evidence ?? []).filter((e) => e.label === 'trigger').map((e) => e.text);
      for (const w of triggers) {
        expect(f.text).toContain(w);
        expect(f.message).toContain(`“${w}”`);
      }
    }
    // The loaded wording is named for what it is.
    expect(model.some((f) => (f.evidence ?? []).some((e) => e.label === 'trigger' && /brutal|worst|cowardly|patriot/.test(e.text)))).toBe(true);
  });

  it.skipIf(!detector)('never names a party as a reason (names are one placeholder to the model): swapping the parties swaps nothing else', () => {
    const a = analyzer.analyze(TEXT).findings.filter((f) => f.source === 'model');
    const b = analyzer.analyze(swap(TEXT)).findings.filter((f) => f.source === 'model');
    expect(b.map((f) => swap(f.message))).toEqual(a.map((f) => f.message));
    for (const f of a) expect((f.evidence ?? []).map((e) => e.text).join(' ')).not.toMatch(/Freedonia|Sylvania/);
  });

  it.skipIf(!detector)('the words named weigh for the technique chosen (their weight against the mean class is positive)', () => {
    const model = detector!.model;
    const doc = segment(TEXT, vocab);
    const view = buildView(doc, model.table, true);
    for (const span of predictDoc(model, doc, view)) {
      for (const t of span.techniques) {
        const e = explainSpan(model.classifier, model.table.lists, view, span.a, span.b, t.index);
        expect(e.triggers.length).toBeLessThanOrEqual(3);
        for (const k of e.triggers) expect(k >= span.a && k < span.b).toBe(true);
        expect(e.cues.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it.skipIf(!detector)('explains every span and class as explainSpanPlain (every weight computed, then sorted) does', () => {
    const model = detector!.model;
    // Written for this test: loaded and plain wording, names, punctuation, repeated words (ties).
    const texts = [TEXT, swap(TEXT), 'Shameful, shameful, shameful: the so-called reforms of Sylvania are a disgrace, and every honest citizen knows it. "They lied," said Mara Olen of the Freedonian council. The plan costs 40 million, officials said.'];
    let asked = 0;
    for (const text of texts) {
      const view = buildView(segment(text, vocab), model.table, true);
      // Every window of up to 8 tokens, and the tagger's own spans.
      const spans: Array<[number, number]> = [];
      for (let a = 0; a < view.n; a++) for (let b = a + 1; b <= Math.min(view.n, a + 8); b++) spans.push([a, b]);
      for (const sp of predictDoc(model, view.doc, view)) spans.push([sp.a, sp.b]);
      for (const [a, b] of spans) {
        for (let c = 0; c < model.classifier.classes; c++) {
          expect(explainSpan(model.classifier, model.table.lists, view, a, b, c)).toEqual(explainSpanPlain(model.classifier, model.table.lists, view, a, b, c));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(1000);
  });
});
