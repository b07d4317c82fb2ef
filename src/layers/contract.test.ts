import { describe, expect, it } from 'vitest';
import { Analyzer } from '../analysis/analyzer.js';
import type { Report } from '../core/report.js';
import { segment } from '../text/segment.js';
import { createLayerContext, defineProduct, orderLayers, type ReportLayer } from './contract.js';
import { builtinLayers } from './index.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const layer = (name: string, needs: string[] = []): ReportLayer => ({ name, needs, apply() {} });

describe('orderLayers', () => {
  it('runs each layer after the layers it needs and keeps the given order otherwise', () => {
    const names = orderLayers([layer('claims', ['sourcing', 'actors']), layer('frames'), layer('actors', ['sourcing']), layer('sourcing')]).map((l) => l.name);
    expect(names).toEqual(['sourcing', 'actors', 'claims', 'frames']);
  });
  it('names the missing need, the circle and a duplicate name', () => {
    expect(() => orderLayers([layer('claims', ['actors'])])).toThrow('report layer "claims" needs "actors", which is not in the list');
    expect(() => orderLayers([layer('a', ['b']), layer('b', ['a'])])).toThrow('a -> b -> a');
    expect(() => orderLayers([layer('a'), layer('a')])).toThrow('two report layers are named "a"');
  });
  it('puts the built-in claims layer after sourcing and actors', () => {
    const names = builtinLayers.map((l) => l.name);
    expect(names.indexOf('claims')).toBeGreaterThan(names.indexOf('actors'));
    expect(names.indexOf('actors')).toBeGreaterThan(names.indexOf('sourcing'));
  });
});

describe('layer products', () => {
  it('are computed once per document context, by whichever layer needs them first', () => {
    let runs = 0;
    const words = defineProduct('words', (ctx) => {
      runs++;
      return ctx.doc.words;
    });
    const doc = segment('One two three. Four five.', vocab);
    const ctx = createLayerContext({ doc, report: {} as Report, span: (s, e) => ({ start: s, end: e, text: doc.text.slice(s, e) }) });
    expect(ctx.need(words)).toBe(5);
    expect(ctx.need(words)).toBe(5);
    expect(runs).toBe(1);
    const other = createLayerContext({ doc, report: {} as Report, span: (s, e) => ({ start: s, end: e, text: '' }) });
    other.need(words);
    expect(runs).toBe(2);
  });
});

describe('a user layer added through the library', () => {
  it('runs after the layer it needs, reads its section, and changes the engine key', () => {
    const counter: ReportLayer = {
      name: 'quote-count',
      needs: ['sourcing'],
      apply(ctx) {
        (ctx.report as Report & { quoteCount?: number }).quoteCount = ctx.report.quotations!.length;
      },
    };
    const analyzer = new Analyzer({ model: null, layers: [counter, ...builtinLayers] });
    const report = analyzer.analyze('"We will stay," the mayor said on Monday. Nobody else spoke.') as Report & { quoteCount?: number };
    expect(report.quoteCount).toBe(1);
    expect(report.errors).toEqual([]);
    expect(analyzer.engine.rules).not.toBe(new Analyzer({ model: null }).engine.rules);
  });
});
