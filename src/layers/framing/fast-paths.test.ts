import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { MAIN_ROLES } from '../../core/framing.js';
import { createLayerContext } from '../contract.js';
import { ACTORS } from '../actors/layer.js';
import { VOICE } from '../voice/product.js';
import { SOURCING } from '../sourcing/analyse.js';
import { docContext, mentionFeatures, segmentHits, segmentHitsPlain } from './features.js';
import { K_ARCH, K_MAIN, shippedFramingModel } from './model.js';
import { analysisSpans, ruleFindings, sentenceClasses } from './spans.js';

/*
 * The framing layer's speed paths against the plain versions they replace: one scoring pass for the
 * main role and every archetype, and the voice segments each mention speaks or is accused in.
 */

const analyzer = new Analyzer({ model: null });

const TEXT =
  'Sylvanian troops shelled the border town of Vell on Tuesday, the Freedonian defence ministry said, accusing Sylvania of ' +
  'deliberately targeting civilians. "Our forces answered an attack," a Sylvanian army spokesman told reporters, and he ' +
  'accused Freedonia of staging the incident. Freedonian officials rejected the claim that their soldiers fired first. ' +
  'According to the Red Cross, dozens of Vell residents fled to Freedonian villages. Aid workers said the Sylvanian ' +
  'government had blocked convoys; Sylvania says Freedonian militias had looted them. Critics of both governments ' +
  'argue that the residents of Vell are the ones who pay.';

function contextOf(text: string) {
  const report = analyzer.analyze(text, { layers: false });
  const doc = analyzer.segment(text);
  const ctx = createLayerContext({ doc, report, span: (s, e) => ({ start: s, end: e, text: text.slice(s, e) }), config: analyzer.config });
  const model = shippedFramingModel()!;
  const spans = analysisSpans(ctx.need(ACTORS));
  return { model, dc: docContext(doc, spans, ctx.need(VOICE), model.stems, ruleFindings(doc, report.findings), model.valence, sentenceClasses(ctx.need(SOURCING))) };
}

describe('framing speed paths', () => {
  const { model, dc } = contextOf(TEXT);

  it('has mentions in reported words, speakers and an accusation to test on', () => {
    expect(dc.spans.length).toBeGreaterThan(8);
    expect(dc.voice.segments.some((x) => x.speaker !== null)).toBe(true);
    expect(dc.voice.segments.some((x) => x.mode === 'accusation')).toBe(true);
  });

  it('scoreLogits + archetypesOf give what score gives, bit for bit, for every role', () => {
    const logits = new Float64Array(2 * K_ARCH);
    for (let k = 0; k < dc.spans.length; k++) {
      for (const neutral of [false, true]) {
        const { keys } = mentionFeatures(dc, k, neutral);
        const plain = new Float64Array(K_MAIN);
        model.score(keys, keys.length, plain, null);
        const fast = new Float64Array(K_MAIN);
        logits.fill(7); // stale values must not leak in
        model.scoreLogits(keys, keys.length, fast, logits, K_ARCH);
        expect(Array.from(fast)).toEqual(Array.from(plain));
        for (const role of MAIN_ROLES) {
          const a = new Float64Array(K_ARCH);
          model.score(keys, keys.length, new Float64Array(K_MAIN), a, role);
          const b = new Float64Array(K_ARCH).fill(3);
          model.archetypesOf(logits, K_ARCH, role, b);
          expect(Array.from(b)).toEqual(Array.from(a));
        }
        expect(Array.from(logits.subarray(0, K_ARCH))).toEqual(new Array(K_ARCH).fill(7));
      }
    }
  });

  it('segmentHits equals the plain scan, for sorted spans and for shuffled ones', () => {
    const fast = segmentHits(dc.spans, dc.voice);
    expect(fast).toEqual(segmentHitsPlain(dc.spans, dc.voice));
    expect(fast.some((h) => h !== undefined && h.some((x) => x % 2 === 0))).toBe(true);
    expect(fast.some((h) => h !== undefined && h.some((x) => x % 2 === 1))).toBe(true);
    const reversed = [...dc.spans].reverse();
    expect(segmentHits(reversed, dc.voice)).toEqual(segmentHitsPlain(reversed, dc.voice));
    expect(segmentHits(reversed, dc.voice)).toEqual([...fast].reverse());
  });
});
