import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../analysis/analyzer.js';
import { UserError } from '../core/errors.js';
import { toPtcDocs } from '../eval/records.js';
import { segment } from '../text/segment.js';
import { decodeModel, encodeModel } from './artefact.js';
import { prepareDoc } from '../training/corpus.js';
import { modelDetector } from './detector.js';
import { lookupWord } from './lexicon-table.js';
import { hashString } from './hash.js';
import { chosenTechniques, decodeSpans, predictDoc, sentenceSequence, type TaggedSpan } from './model.js';
import { buildView } from './features.js';
import { crfMarginals } from './crf.js';
import { trainFromFiles } from '../training/pipeline.js';
import { syntheticCorpus, syntheticTable } from './test-support/synthetic.js';
import { DEFAULT_TRAIN_CONFIG, fitPlatt } from '../training/train.js';
import { FILTER_FEATURES } from './span-filter.js';
import { judgeProblem, ruleEmits } from './judge.js';
import { toPtcLabel } from '../core/taxonomy.js';
import { floorOf, lowestFloor } from '../analysis/default-cuts.js';
import { preparedVocab } from '../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

// The loaded-word lexicon without neighbour priors (those read the 300 MB vectors file; loaded-lexicon.test.ts covers them).
const SMALL = { taggerBits: 14, classifierBits: 13, taggerEpochs: 8, classifierEpochs: 15, threshold: 0.3, loadedLexicon: 1, loadedNeighbours: 0 };

function corpusFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fw-model-'));
  const file = join(dir, 'train.jsonl');
  writeFileSync(file, syntheticCorpus().map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

const file = corpusFile();
const train = (seed = 7) => trainFromFiles({ files: [file], folds: 2, config: { ...SMALL, seed }, version: 'test-1', table: syntheticTable(), rules: false });

describe('lexicon table', () => {
  it('finds words, prefix entries and valence', () => {
    const t = syntheticTable();
    expect(lookupWord(t, 'disgraceful', hashString('disgraceful')).valence).toBeCloseTo(-2.52, 1);
    const labelsBit = 1 << t.lists.indexOf('labels');
    expect(lookupWord(t, 'puppets', hashString('puppets')).mask & labelsBit).toBe(labelsBit);
    expect(lookupWord(t, 'table', hashString('table')).mask).toBe(0);
  });
});

describe('training', () => {
  const run = train();

  it('is deterministic: the same data and seed give the same bytes', () => {
    const again = train();
    expect(Buffer.compare(encodeModel(run.model), encodeModel(again.model))).toBe(0);
    expect(Buffer.compare(encodeModel(run.model), encodeModel(train(8).model))).not.toBe(0);
  });

  it('reports cross-validation scores and a calibration', () => {
    expect(run.cv).not.toBeNull();
    expect(run.cv!.si.f1).toBeGreaterThan(0.5);
    expect(run.cv!.tc.microF1).toBeGreaterThan(0.5);
    expect(Number.isFinite(run.model.calibration.a)).toBe(true);
  });

  it('tags and classifies a new document written in the same style', () => {
    const text = 'Freedonia signed a trade deal.\nThe outrageous decision by Sylvania shocked the region.\n';
    const doc = segment(text, vocab);
    const spans = predictDoc(run.model, doc);
    const hit = spans.find((s) => text.slice(s.start, s.end).includes('outrageous'));
    expect(hit).toBeDefined();
    expect(hit!.techniques[0]!.label).toBe('Loaded_Language');
    expect(spans.some((s) => text.slice(s.start, s.end).includes('trade deal'))).toBe(false);
  });

  it('is neutral: swapping the names of two parties changes no span, technique or score', () => {
    const text =
      'The vile decision by Sylvania shocked the region. Leaders in Freedonia called the Christians thugs of a foreign power, ' +
      'and the Muslims at the mosque said nothing.\nThe church stayed closed.';
    const swapped = text.replace(/Sylvania|Freedonia|Christians|Muslims|mosque|church/g, (m) =>
      ({ Sylvania: 'Freedonia', Freedonia: 'Sylvania', Christians: 'Muslims', Muslims: 'Christians', mosque: 'church', church: 'mosque' })[m]!);
    const shape = (t: string) => predictDoc(run.model, segment(t, vocab)).map((s) => [s.score, ...s.techniques.map((x) => `${x.label}:${x.probability}`)]);
    expect(shape(swapped)).toEqual(shape(text));
    expect(shape(text).length).toBeGreaterThan(0);
  });

  it('sums the sentence-wide features once at inference, with the same marginals as per token', () => {
    const doc = segment('The vile decision shocked the region!\nLeaders called them thugs of a foreign power, and nobody answered.', vocab);
    const view = buildView(doc, run.model.table);
    const mask = run.model.tagger.buckets - 1;
    for (const s of doc.sentences) {
      const full = crfMarginals(run.model.tagger, sentenceSequence(view, s.tokenStart, s.tokenEnd, mask));
      const split = sentenceSequence(view, s.tokenStart, s.tokenEnd, mask, undefined, true);
      expect(split.shared!.length).toBeGreaterThan(0);
      expect(split.feats.length).toBeLessThan(sentenceSequence(view, s.tokenStart, s.tokenEnd, mask).feats.length);
      const fast = crfMarginals(run.model.tagger, split);
      for (let i = 0; i < full.length; i++) expect(fast[i]).toBeCloseTo(full[i]!, 12);
    }
  });

  it('tags a whole document at once exactly as sentence by sentence', () => {
    const text = 'The vile decision shocked the region!\n\nLeaders called them thugs of a foreign power.  And nobody answered. Why? Why now?';
    const doc = segment(text, vocab);
    const view = buildView(doc, run.model.table);
    const mask = run.model.tagger.buckets - 1;
    const reference: TaggedSpan[] = [];
    for (const s of doc.sentences) {
      if (s.tokenEnd <= s.tokenStart) continue;
      decodeSpans(doc, crfMarginals(run.model.tagger, sentenceSequence(view, s.tokenStart, s.tokenEnd, mask, undefined, true)), s.tokenStart, run.model.settings, reference);
    }
    expect(reference.length).toBeGreaterThan(0);
    const unfiltered = { ...run.model, filter: null };
    const spans = predictDoc(unfiltered, doc, view);
    expect(spans.map((s) => [s.start, s.end, s.score])).toEqual(reference.map((r) => [doc.tokens.start[r.a], doc.tokens.end[r.b - 1], r.score]));
    // Twice in a row (reused buffers) gives the same.
    expect(predictDoc(unfiltered, doc, buildView(doc, run.model.table))).toEqual(spans);
  });

  it('trains a span filter from held-out spans that drops spans under its keep level', () => {
    const filter = run.model.filter!;
    expect(filter.weights).toHaveLength(FILTER_FEATURES);
    expect(filter.keep).toBe(DEFAULT_TRAIN_CONFIG.filterKeep);
    const text = 'The vile decision shocked the region!\n\nLeaders called them thugs of a foreign power. The outrageous plan failed.';
    const doc = segment(text, vocab);
    const all = predictDoc({ ...run.model, filter: null }, doc);
    expect(all.length).toBeGreaterThan(0);
    const at = (keep: number) => predictDoc({ ...run.model, filter: { ...filter, keep } }, doc).map((s) => [s.start, s.end]);
    expect(at(0)).toEqual(all.map((s) => [s.start, s.end]));
    expect(at(1.01)).toEqual([]);
    // A stricter filter keeps a subset of what a looser one keeps.
    const loose = at(0.2).map(String);
    expect(at(0.6).every((s) => loose.includes(String(s)))).toBe(true);
    // Without cross-validation there are no held-out spans to learn from: no filter.
    expect(trainFromFiles({ files: [file], folds: 0, config: SMALL, version: 't', table: syntheticTable(), rules: false }).model.filter).toBeNull();
  });

  it('survives the artefact round trip with the same predictions', () => {
    const bytes = encodeModel(run.model, { note: 'test' });
    const { model, header } = decodeModel(bytes);
    expect(header.meta).toEqual({ note: 'test' });
    expect(model.version).toBe('test-1');
    const doc = segment(syntheticCorpus(30)[27]!.text!, vocab);
    const a = predictDoc(run.model, doc);
    const b = predictDoc(model, doc);
    expect(b.map((s) => [s.start, s.end, s.techniques[0]!.label])).toEqual(a.map((s) => [s.start, s.end, s.techniques[0]!.label]));
    for (let i = 0; i < a.length; i++) expect(b[i]!.score).toBeCloseTo(a[i]!.score, 3);
    expect(model.filter).toEqual(run.model.filter);
    // The loaded-word levels travel with the artefact.
    expect(run.model.table.loaded?.hashes.length).toBeGreaterThan(0);
    expect(model.table.loaded).toEqual(run.model.table.loaded);
    // A span filter of the wrong size is refused rather than misread.
    const bad = encodeModel({ ...run.model, filter: { weights: [1, 2], keep: 0.2 } });
    expect(() => decodeModel(bad, 'bad-filter.fwm')).toThrow(/bad-filter\.fwm: span filter has 2 weights, expected 33/);
  });

  it('tags with 16-bit weights (word templates summed per word) exactly as with every feature listed', () => {
    const { model } = decodeModel(encodeModel(run.model));
    expect(model.tagger.emission).toBeInstanceOf(Int16Array);
    // The same integer weights as floats take the path that lists every feature of every token.
    const listed = { ...model, tagger: { ...model.tagger, emission: Float32Array.from(model.tagger.emission) } };
    const texts = syntheticCorpus(12).map((r) => r.text!);
    texts.push('Thugs! Vile thugs of Sylvania, again and again.\n\nWhy? A', 'One.');
    for (const text of texts) {
      const doc = segment(text, vocab);
      const a = predictDoc({ ...model, filter: null }, doc, buildView(doc, model.table, true));
      const b = predictDoc({ ...listed, filter: null }, doc, buildView(doc, listed.table));
      expect(a).toEqual(b);
    }
  });

  it('plugs into the analyzer as a detector with source "model", original offsets and calibrated confidence', () => {
    const analyzer = new Analyzer({ model: modelDetector(run.model) });
    const text = '\uFEFFLeaders in Sylvania called the envoys thugs of a foreign power.\r\nThe vile decision by Freedonia shocked the region.';
    const report = analyzer.analyze(text);
    expect(report.engine.model).toBe('test-1');
    const model = report.findings.filter((f) => f.source === 'model');
    expect(model.length).toBeGreaterThan(0);
    for (const f of model) {
      expect(f.text).toBe(text.slice(f.start, f.end));
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.ruleId).toBe(`model/${f.technique}`);
    }
    expect(model.some((f) => f.technique === 'name-calling' && f.text.includes('thugs'))).toBe(true);
  });

  it('judges every finding: rule spans get the span filter\'s evidence, confidences come from the judge', () => {
    const judge = run.model.judge!;
    expect(judge).not.toBeNull();
    expect(judgeProblem(judge)).toBeNull();
    const analyzer = new Analyzer({ model: modelDetector(run.model) });
    const text = 'The vile thugs of Sylvania lied again. Freedonia says the disgraceful regime must go.';
    const raw = analyzer.collect(text).findings;
    const rules = raw.filter((f) => f.source !== 'model' && toPtcLabel(f.technique) && ruleEmits(judge, f.ruleId));
    expect(rules.length).toBeGreaterThan(0);
    for (const f of rules) {
      expect(f.basis!.keep).toBeGreaterThan(0);
      expect(f.basis!.keep).toBeLessThan(1);
    }
    // The reported confidences are the judge's, never over 1, and the default cut is the judge's.
    const report = analyzer.analyze(text);
    expect(analyzer.minConfidence).toBe(lowestFloor(judge));
    for (const f of report.findings) {
      expect(f.confidence).toBeGreaterThanOrEqual(floorOf(judge, f.technique));
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
    // The judge travels with the artefact.
    expect(decodeModel(encodeModel(run.model)).model.judge).toEqual(judge);
  });

  it('rejects a damaged artefact with a clear error', () => {
    expect(() => decodeModel(Buffer.from('not a model'), 'bad.fwm')).toThrow(UserError);
    expect(() => decodeModel(Buffer.from('not a model'), 'bad.fwm')).toThrow(/bad\.fwm: not a framewise model/);
    const bytes = encodeModel(run.model);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 1000), 'cut.fwm')).toThrow(/cut\.fwm: model is truncated/);
    // A gzipped artefact reads the same.
    expect(decodeModel(gzipSync(bytes)).model.version).toBe('test-1');
    expect(() => decodeModel(gzipSync(bytes).subarray(0, 50), 'gz.fwm')).toThrow(/gz\.fwm: not a framewise model \(damaged gzip\)/);
  });
});

describe('corpus preparation', () => {
  it('labels tokens B/I/O from gold spans given in original offsets (CRLF text)', () => {
    const rec = toPtcDocs(syntheticCorpus(1), 'synthetic')[0]!;
    const d = prepareDoc({ ...rec, text: rec.text! }, syntheticTable());
    const labelled = [...d.bio].map((l, i) => (l ? `${l}:${d.doc.text.slice(d.doc.tokens.start[i], d.doc.tokens.end[i])}` : '')).filter(Boolean);
    expect(labelled).toContain('1:disgraceful');
    expect(labelled).toContain('1:Never');
    expect(labelled).toContain('2:again');
    expect(d.gold.map((g) => g.techniques[0])).toEqual(['Loaded_Language', 'Name_Calling,Labeling', 'Slogans']);
  });
});

describe('Platt scaling', () => {
  it('fits a rising curve when higher scores are more often right', () => {
    const pts = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].flatMap((x, i) => [{ x, correct: i >= 4 }, { x, correct: i >= 6 }]);
    const p = fitPlatt(pts);
    expect(p.a).toBeGreaterThan(0);
    const at = (x: number) => 1 / (1 + Math.exp(-(p.a * x + p.b)));
    expect(at(0.9)).toBeGreaterThan(0.8);
    expect(at(0.1)).toBeLessThan(0.2);
  });
});

describe('chosen techniques', () => {
  it('takes the most probable class, and the runner-up only above the second-label level (ties to the lower index)', () => {
    expect(chosenTechniques(new Float64Array([0.1, 0.5, 0.4]), 0.35)).toEqual([1, 2]);
    expect(chosenTechniques(new Float64Array([0.1, 0.6, 0.3]), 0.35)).toEqual([1]);
    expect(chosenTechniques(new Float64Array([0.4, 0.2, 0.4]), 0.35)).toEqual([0, 2]);
    expect(chosenTechniques(new Float64Array([0.5, 0.5, 0]), 0.6)).toEqual([0]);
  });
});
