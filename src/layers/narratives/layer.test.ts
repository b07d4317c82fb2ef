import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import type { Report } from '../../core/report.js';
import { segment } from '../../text/segment.js';
import { findEvidence, planEvidence, withoutDisowned } from './evidence.js';
import { FIXTURES_DIR } from './fixtures.js';
import { modelOf } from './layer.js';
import { loadPack, loadPacks, scopeNeeded } from './pack.js';
import { standaloneSignals } from './signals.js';
import { modelUnits, sentenceUnits } from './features.js';
import { trainPack } from './train.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const analyzer = new Analyzer({ model: null });
const docs = parse(readFileSync(join(FIXTURES_DIR, 'disputes-docs.heldout.yaml'), 'utf8')) as Array<{ id: string; text: string; narratives: string[] }>;


/** Every span of the narratives section points at the original text it quotes. */
function checkSpans(input: string, r: Report): void {
  const n = r.narratives!;
  for (const it of n.items) {
    for (const e of it.evidence) {
      expect(input.slice(e.start, e.end)).toBe(e.text);
      for (const c of e.cues) {
        expect(input.slice(c.start, c.end)).toBe(c.text);
        expect(c.start).toBeGreaterThanOrEqual(e.start);
        expect(c.end).toBeLessThanOrEqual(e.end);
      }
    }
  }
  if (n.dominant) {
    for (const p of n.dominant.explanation.parts) expect(input.slice(p.start, p.end)).toBe(p.text);
    expect(n.dominant.explanation.words).toBeLessThanOrEqual(80);
  }
}

describe('narrative pack scope', () => {
  it('applies a topical pack only to texts that keep to its topic: a long text naming it in passing is "Other"', () => {
    const urw = new Analyzer({ model: null, narratives: ['ukraine-russia-war'] });
    const para = 'For eight years the regime in Kyiv shelled the towns of the Donbas while Europe looked away. The war did not begin in 2022; NATO pushed up to the border and left no choice.';
    const filler = Array.from({ length: 60 }, (_, i) => `The council of the river town met again on day ${i + 1} to discuss the cost of repairing the old bridge and the school roof.`).join(' ');
    expect(urw.analyze(para).narratives!.narratives).not.toEqual(['Other']);
    // Four scope hits in about 1,500 words: under the pack's one hit per 300 words.
    const long = urw.analyze(`${para}\n\n${filler}`).narratives!;
    expect(long.narratives).toEqual(['Other']);
    expect(long.items.every((it) => !it.chosen)).toBe(true);
    expect(scopeNeeded({ scope: { terms: ['x'], min: 1, wordsPerHit: 300 } }, 1474)).toBe(5);
    expect(scopeNeeded({ scope: { terms: ['x'], min: 2, wordsPerHit: null } }, 5000)).toBe(2);
    expect(scopeNeeded({ scope: null }, 5000)).toBe(0);
  });
});

describe('narratives layer', () => {
  it('scores every narrative and sub-narrative of the default pack, and chooses what a text carries', () => {
    const text = docs.find((d) => d.id === 'mb-01')!.text;
    const n = analyzer.analyze(text).narratives!;
    expect(n.packs.map((p) => p.name)).toEqual(['disputes']);
    const pack = loadPacks([])[0]!;
    expect(n.items.map((it) => it.id)).toEqual(pack.items.map((it) => it.id));
    for (const it of n.items) {
      expect(it.pack).toBe('disputes');
      expect(it.score).toBeGreaterThanOrEqual(0);
      expect(it.score).toBeLessThanOrEqual(1);
      if (it.chosen) expect(it.evidence.length).toBeGreaterThan(0);
      // A sub-narrative is chosen only under a chosen narrative.
      if (it.chosen && it.parent) expect(n.items.find((x) => x.id === it.parent)!.chosen).toBe(true);
    }
    expect(n.narratives).toContain('Civilian harm and humanitarian catastrophe');
    expect(n.dominant).not.toBeNull();
    expect(n.narratives).toContain(n.dominant!.label);
    checkSpans(text, analyzer.analyze(text));
  });

  it('says "Other" for a text that carries none, and leaves the section out with --narratives none', () => {
    const text = 'The railway company will add two trains on the coastal line from June. Tickets go on sale next week.';
    const n = analyzer.analyze(text).narratives!;
    expect(n.narratives).toEqual(['Other']);
    expect(n.subnarratives).toEqual(['Other']);
    expect(n.dominant).toBeNull();
    expect(new Analyzer({ model: null, narratives: 'none' }).analyze(text).narratives).toBeUndefined();
  });

  it('tells whose words the evidence is', () => {
    const text = '"Our people are being driven out of their homes, village by village," the mayor of Kordel said.\n\nShells fell on the town all night.';
    const n = analyzer.analyze(text).narratives!;
    const ev = n.items.flatMap((it) => it.evidence).find((e) => e.sentence === 0);
    expect(ev).toBeDefined();
    expect(ev!.voice.kind).toBe('source');
    expect(ev!.voice.quoted).toBe(true);
  });

  it('keeps its offsets in the original text, whatever the input (property)', () => {
    const pieces = ['Shells hit the hospital. ', '\r\n', '\u00a0', '“Genocide,” they said. ', 'ﬁ', '👩‍👩‍👧 ', 'This is an internal affair. ', 'A', '\n\n', 'Talks resume. '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const input = parts.join('');
        const r = analyzer.analyze(input);
        checkSpans(input, r);
        expect(JSON.stringify(analyzer.analyze(input).narratives)).toBe(JSON.stringify(r.narratives));
      }),
      { numRuns: 60 },
    );
  });

  it('gives evidence the voice of its cue, and leaves out a story the author quotes to rebut, for either side', () => {
    // Written for this test: an author on one side quotes the other side's accusation to reject it,
    // and a report quotes the same accusation without taking a side.
    const rebut = (accuser: string, ruler: string) =>
      `${accuser}n officials and their supporters in the diaspora speak of "ethnic cleansing" and even "genocide". ` +
      `These charges are not supported by any evidence. The islands belong to ${ruler} under the treaty of 1951, and every map recognises them as ${ruler}n.\n\n3.\n\nNotes`;
    const report = (accuser: string) =>
      `${accuser}n officials speak of "ethnic cleansing" and "genocide" on the islands, where 4,000 people have fled their villages since March, the agency said.`;
    const genocide = (it: { id: string }) => /genocide|cleansing/.test(it.id);
    for (const [a, b] of [['Tarvia', 'Ostrelia'], ['Ostrelia', 'Tarvia']] as const) {
      const rebutted = analyzer.analyze(rebut(a, b));
      const evidence = rebutted.narratives!.items.flatMap((it) => it.evidence);
      // The accusation is the diaspora's, and the author rejects it: not the text's story. It is
      // never evidence, and the narrative scores far below the same text whose author endorses it.
      expect(evidence.some((e) => e.cues.some((c) => /genocide|ethnic cleansing/.test(c.text)))).toBe(false);
      const endorsed = analyzer.analyze(rebut(a, b).replace('are not supported by any evidence', 'are confirmed by the evidence'));
      const score = (r: typeof rebutted) => Math.max(...r.narratives!.items.filter(genocide).map((it) => it.score));
      const chosen = (r: typeof rebutted) => r.narratives!.items.some((it) => genocide(it) && it.level === 'narrative' && it.chosen);
      expect(chosen(endorsed)).toBe(true);
      expect(chosen(rebutted)).toBe(false);
      expect(score(rebutted)).toBeLessThan(score(endorsed) - 0.3);
      // "3." and "Notes" say too little to be shown as evidence without a cue of their own.
      for (const e of evidence) expect(e.text.split(/\s+/).length >= 3 || e.cues.some((c) => c.kind !== 'model')).toBe(true);
      checkSpans(rebut(a, b), rebutted);
      const reported = analyzer.analyze(report(a));
      const quoted = reported.narratives!.items.flatMap((it) => it.evidence).filter((e) => e.cues.some((c) => c.kind === 'cue' && /genocide|ethnic cleansing/.test(c.text)));
      expect(quoted.length).toBeGreaterThan(0);
      for (const e of quoted) expect(e.voice.kind).toBe('source');
      checkSpans(report(a), reported);
    }
  });

  it('reads the same units in the scoring pass as the training path does', () => {
    for (const name of ['disputes', 'ukraine-russia-war']) {
      const pack = loadPacks([name])[0]!;
      const model = modelOf(pack);
      const texts = [...docs.map((d) => d.text), 'NATO and the EU: "Russia\u2019s war" in Ukraine, 97 percent consensus! U.S.-backed Kyiv. Mr Ivan Petrov said so.'];
      for (const text of texts) {
        const doc = segment(text, vocab);
        const parties = standaloneSignals(doc, pack).parties;
        for (const s of doc.sentences) {
          const n = s.tokenEnd - s.tokenStart;
          const [c1, t1, c2, t2] = [0, 0, 0, 0].map(() => new Int32Array(2 * n + 2));
          const out = { starts: new Int32Array(2 * n + 2), pays: new Int32Array(2 * n + 2), n: 0, anchors: new Int32Array(2 * n + 2), na: 0 };
          const m1 = sentenceUnits(doc, s.tokenStart, s.tokenEnd, parties, model.coder, c1!, t1!);
          const m2 = modelUnits(doc, s.tokenStart, s.tokenEnd, pack.parties.length ? parties : null, model.coder, c2!, t2!, out);
          expect(Array.from(c2!.subarray(0, m2))).toEqual(Array.from(c1!.subarray(0, m1)));
          expect(Array.from(t2!.subarray(0, m2))).toEqual(Array.from(t1!.subarray(0, m1)));
          // Every position where the pack's matcher finds a cue is among the starts.
          const starts = new Set(out.starts.subarray(0, out.n));
          pack.evidence.scanEntries(doc, s.tokenStart, s.tokenEnd, (_e, a) => expect(starts.has(a)).toBe(true));
        }
      }
    }
  });

  it('finds the same evidence sentence by sentence (while scoring) as scanning each sentence whole', () => {
    const pack = loadPacks([])[0]!;
    const model = modelOf(pack);
    const plan = planEvidence(pack);
    for (const d of docs.slice(0, 30)) {
      const doc = segment(d.text, vocab);
      const sig = standaloneSignals(doc, pack);
      const fused = model.score(doc, sig).ev;
      const whole = withoutDisowned(findEvidence(doc, pack, plan, sig.parties, sig.roles), sig.disowned);
      expect(fused.hits).toEqual(whole.hits);
      expect(Array.from(fused.hitOff)).toEqual(Array.from(whole.hitOff));
    }
  });
});

describe('narrative training', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-narr-train-'));
  const file = join(dir, 'mini.yaml');
  writeFileSync(
    file,
    `name: mini
title: Mini
version: 1
background: [The bridge reopened on Monday., Rain is expected tomorrow., The council met to discuss the budget., Schools close for the holidays next week.]
narratives:
  - id: harm
    title: Harm to civilians
    description: Civilians are hurt.
    cues: [civilian casualties]
    examples: [Shells killed three children in their beds., The hospital was bombed again., Families hide in cellars from the shelling.]
  - id: talks
    title: Talks
    description: Negotiation is the way.
    examples: [Both sides must return to the negotiating table., Only dialogue can end the war., The mediators proposed a ceasefire.]
`,
  );

  it('is deterministic, and a pack without weights is trained when loaded', () => {
    const pack = loadPack(file);
    const a = JSON.stringify(trainPack(pack));
    expect(JSON.stringify(trainPack(pack))).toBe(a);
    const an = new Analyzer({ model: null, narratives: file });
    const n = an.analyze('Shells killed two children in the old town. The bridge reopened on Monday.').narratives!;
    expect(n.packs[0]!.name).toBe('mini');
    expect(n.items.find((it) => it.id === 'harm')!.score).toBeGreaterThan(n.items.find((it) => it.id === 'talks')!.score);
  });
});

describe('narrative evidence cues', () => {
  it('never show a bare quantifier ("every", "never") as a cue of its own', () => {
    const a = new Analyzer({ model: null });
    for (const [x, y] of [['Ardenia', 'Vellmark'], ['Vellmark', 'Ardenia']]) {
      const r = a.analyze(`After a swift operation, ${x} restored control over the valley, which every court and every map recognise as ${x}n territory. ${y} never accepted it.`);
      const cues = r.narratives!.items.filter((it) => it.chosen).flatMap((it) => it.evidence.flatMap((e) => e.cues.map((c) => c.text.toLowerCase())));
      expect(cues.length).toBeGreaterThan(0);
      for (const c of cues) expect(['every', 'never', 'all', 'each', 'any', 'always', 'ever']).not.toContain(c);
    }
  });
});
