import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { ARCHETYPE_IDS, MAIN_OF, MAIN_ROLES } from '../../core/framing.js';
import { createLayerContext } from '../contract.js';
import { ACTORS } from '../actors/layer.js';
import { VOICE } from '../voice/product.js';
import { SOURCING } from '../sourcing/analyse.js';
import { docContext, Featurizer, key, mentionFeatures, segmentHits, segmentHitsPlain, T } from './features.js';
import { evidenceOf, evidenceOfPlain, frameMentions } from './infer.js';
import type { FramingModel } from './model.js';
import { K_ARCH, K_MAIN, round3, shippedFramingModel } from './model.js';
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

  it('scoreRows + archetypesOf give what score gives, bit for bit, for every role', () => {
    let withRows = 0;
    for (let k = 0; k < dc.spans.length; k++) {
      for (const neutral of [false, true]) {
        const { keys } = mentionFeatures(dc, k, neutral);
        const plain = new Float64Array(K_MAIN);
        model.score(keys, keys.length, plain, null);
        const fast = new Float64Array(2 * K_MAIN).fill(5);
        const rows = new Int32Array(3 + keys.length + 2).fill(-7);
        const nr = model.scoreRows(keys, keys.length, fast, K_MAIN, rows, 3);
        expect(nr).toBeLessThanOrEqual(keys.length);
        withRows += nr > 0 ? 1 : 0;
        expect(Array.from(fast.subarray(K_MAIN))).toEqual(Array.from(plain));
        expect(Array.from(fast.subarray(0, K_MAIN))).toEqual([5, 5, 5, 5]);
        for (const role of MAIN_ROLES) {
          const a = new Float64Array(K_ARCH);
          model.score(keys, keys.length, new Float64Array(K_MAIN), a, role);
          const b = new Float64Array(2 * K_ARCH).fill(3);
          model.archetypesOf(rows, 3, nr, role, b, K_ARCH);
          expect(Array.from(b.subarray(K_ARCH))).toEqual(Array.from(a));
          expect(Array.from(b.subarray(0, K_ARCH))).toEqual(new Array(K_ARCH).fill(3));
        }
        expect(Array.from(rows.subarray(0, 3))).toEqual([-7, -7, -7]);
        expect(Array.from(rows.subarray(3 + nr))).toEqual(new Array(keys.length + 2 - nr).fill(-7));
      }
    }
    expect(withRows).toBeGreaterThan(0);
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

  it('roleAndScores gives what decide (best, given) and roundedScores give, for probabilities near every boundary', () => {
    let seed = 11;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const cut = model.artefact.unframedCut;
    for (let trial = 0; trial < 2000; trial++) {
      // Ties, zeros and a framed share right at the cut are common.
      const raw = Array.from({ length: 3 }, () => (rand() < 0.2 ? 0 : Math.floor(rand() * 8) / 7));
      const framed = trial % 3 === 0 ? cut : rand();
      const sum = raw[0]! + raw[1]! + raw[2]! || 1;
      const p = [...raw.map((x) => (x / sum) * framed), 1 - framed];
      expect(model.roleAndScores(p, false)).toEqual({ role: model.decide(p), scores: model.roundedScores(p) });
      expect(model.roleAndScores(p, true)).toEqual({ role: model.best(p), scores: model.roundedScores(p) });
    }
  });

  it('chooseArchetypes reads the archetypes from an offset as from their own array', () => {
    const a = Float64Array.from({ length: K_ARCH }, (_x, c) => ((c * 7) % 10) / 10);
    const padded = new Float64Array(3 * K_ARCH).fill(0.99);
    padded.set(a, K_ARCH);
    for (const role of MAIN_ROLES) expect(model.chooseArchetypes(role, padded, K_ARCH)).toEqual(model.chooseArchetypes(role, a));
  });

  it('chooseArchetypes orders as a stable sort by score would, ties included', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const cuts = model.artefact.archetypeCut;
    for (let trial = 0; trial < 500; trial++) {
      // Few distinct values, so that ties are common.
      const a = Float64Array.from({ length: K_ARCH }, () => Math.floor(rand() * 6) / 5);
      for (const role of MAIN_ROLES) {
        const idx = ARCHETYPE_IDS.map((id, c) => ({ id, c })).filter((x) => MAIN_OF[x.id] === role).map((x) => x.c);
        let best = idx[0]!;
        for (const c of idx) if (a[c]! > a[best]!) best = c;
        const plain = [{ id: ARCHETYPE_IDS[best]!, score: round3(a[best]!) }];
        for (const c of idx) if (c !== best && a[c]! >= (cuts[c] ?? 0.5)) plain.push({ id: ARCHETYPE_IDS[c]!, score: round3(a[c]!) });
        plain.sort((x, y) => y.score - x.score);
        expect(model.chooseArchetypes(role, a)).toEqual(plain);
      }
    }
  });

  it('evidenceOf keeps what the plain sort of every candidate keeps, on the model', () => {
    const rich = contextOf(
      TEXT + ' The brutal Tarvian regime shelled, looted and burned Ostrelian villages, murdering terrified civilians. ' +
        'The corrupt Ostrelian junta lied, betrayed its allies and starved besieged Tarvian families. Brave Korvani volunteers rescued them.',
    ).dc;
    const f = new Featurizer(rich);
    let several = 0;
    for (let k = 0; k < rich.spans.length; k++) {
      for (const neutral of [false, true]) {
        f.run(k, neutral);
        for (const role of MAIN_ROLES) {
          const fast = evidenceOf(model, f, role);
          expect(fast).toEqual(evidenceOfPlain(model, f, role));
          if (fast.length >= 2) several++;
        }
      }
    }
    expect(several).toBeGreaterThan(0);
  });

  it('evidenceOf keeps what the plain sort keeps when weights tie (earlier cues first)', () => {
    let seed = 5;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const templates = [T.AGENT, T.PATIENT, T.BIAS, T.LOADED, T.R1, T.TECH];
    for (let trial = 0; trial < 300; trial++) {
      const nc = Math.floor(rand() * 9);
      const cueKey = Int32Array.from({ length: nc }, (_x, j) => key(templates[Math.floor(rand() * templates.length)]!, 0, j));
      // A handful of weights (ties common), some under the evidence threshold or unknown (NaN).
      const weights = new Map<number, number>();
      for (const k of cueKey) weights.set(k, [0.01, 0.2, 0.2, 0.5, 0.5004, 0.9, NaN][Math.floor(rand() * 7)]!);
      const fake = { nc, cueKey, cueA: cueKey.map((_x, j) => j), cueB: cueKey.map((_x, j) => j + 1), cueSeg: cueKey.map(() => -1) } as unknown as Featurizer;
      const m = { contrast: (k: number) => weights.get(k)! } as unknown as FramingModel;
      expect(evidenceOf(m, fake, 'antagonist')).toEqual(evidenceOfPlain(m, fake, 'antagonist'));
    }
  });

  it('featurizers sharing token facts read each its own document, however their runs interleave', () => {
    const other = contextOf('Freedonian police detained dozens of protesters in Vell, a Sylvanian rights group said. The Freedonian interior ministry called the protesters rioters.').dc;
    const expected = dc.spans.map((_m, k) => mentionFeatures(dc, k).keys);
    const expectedOther = other.spans.map((_m, k) => mentionFeatures(other, k).keys);
    const a = new Featurizer(dc);
    const b = new Featurizer(other);
    for (let k = 0; k < Math.max(dc.spans.length, other.spans.length); k++) {
      if (k < dc.spans.length) {
        a.run(k);
        expect(Array.from(a.keys.subarray(0, a.n))).toEqual(expected[k]);
      }
      if (k < other.spans.length) {
        b.run(k);
        expect(Array.from(b.keys.subarray(0, b.n))).toEqual(expectedOther[k]);
      }
    }
  });

  it('frames a document the same whatever was framed before it (scratch reused between documents)', () => {
    const other = contextOf('Freedonian police detained dozens of protesters in Vell, a Sylvanian rights group said. The Freedonian interior ministry called the protesters rioters.').dc;
    const first = JSON.stringify(frameMentions(model, dc), (_k, v) => (v instanceof Float64Array ? Array.from(v) : v));
    frameMentions(model, other);
    const again = JSON.stringify(frameMentions(model, dc), (_k, v) => (v instanceof Float64Array ? Array.from(v) : v));
    expect(again).toBe(first);
    expect(first).toContain('antagonist');
  });
});
