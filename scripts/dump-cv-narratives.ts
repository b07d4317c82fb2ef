// Dumps what the document decision of a narrative pack reads, fold by fold of the same CV as
// scripts/cv-narratives.ts: the stacker's training data inside each fold (out-of-fold sentence
// logits and explicit evidence of the fold's training documents) and the fold's test documents
// (plain and padded), so that document-decision variants can be compared on CV without retraining.
// `npx tsx scripts/dump-cv-narratives.ts PACK OUT.json`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../src/layers/narratives/fixtures.js';
import { NarrativeModel } from '../src/layers/narratives/model.js';
import { loadPacks } from '../src/layers/narratives/pack.js';
import { standaloneSignals } from '../src/layers/narratives/signals.js';
import { trainPack } from '../src/layers/narratives/train.js';
import type { DocEvidence } from '../src/layers/narratives/evidence.js';
import { segment, type Doc } from '../src/text/segment.js';
import { tokenLower } from '../src/text/tokenise.js';
import { loadNarrativeRecords, trainingDocsFor } from '../src/training/narratives.js';
import { preparedVocab } from '../src/lexicon/per-vocab.js';

const vocab = preparedVocab();
const TRAIN: Record<string, string[]> = {
  disputes: ['disputes-docs.train.yaml'],
  'ukraine-russia-war': ['urw-docs.train.yaml', 'urw-news.train.yaml', 'urw-long.train.yaml'],
  'climate-change': ['cc-docs.train.yaml', 'cc-news.train.yaml', 'cc-long.train.yaml'],
};
const [name, out] = process.argv.slice(2) as [string, string];
const K = 5;
const packs = loadPacks([name]);
const pack = packs[0]!;
const docs = TRAIN[name]!.flatMap((f) => {
  const file = join(FIXTURES_DIR, f);
  return trainingDocsFor(packs, 0, loadNarrativeRecords(file), file).map((d) => ({ ...d, set: f }));
});
const zs = (z: Float64Array, n: number) => Array.from(z.subarray(0, n), (v) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null));
const hitsOf = (doc: Doc, ev: DocEvidence) =>
  ev.hits.map((h) => {
    const words: string[] = [];
    for (let i = h.a; i < h.b; i++) words.push(tokenLower(doc.tokens, i));
    return { item: h.item, kind: h.kind, s: h.sentence, text: words.join(' ') };
  });
const sentTexts = (doc: Doc) => doc.sentences.map((s) => doc.text.slice(doc.tokens.start[s.tokenStart] ?? 0, doc.tokens.end[s.tokenEnd - 1] ?? 0));
const folds: unknown[] = [];
for (let f = 0; f < K; f++) {
  const train = docs.filter((_, i) => i % K !== f);
  const test = docs.filter((_, i) => i % K === f);
  let inner: unknown = null;
  const w = trainPack(pack, {
    documents: train,
    capture: (d) => {
      inner = d.docs.map((x, i) => ({ items: x.items, subsKnown: x.subsKnown, S: d.sentences[i], z: zs(d.oof[i]!, d.sentences[i]! * pack.items.length), hits: hitsOf(d.segmented[i]!, d.evidence[i]!), inScope: d.evidence[i]!.inScope, words: d.segmented[i]!.words }));
    },
  });
  const model = new NarrativeModel(pack, w);
  const testOut = test.map((d) => {
    const one = (text: string) => {
      const doc = segment(text, vocab);
      const r = model.score(doc, standaloneSignals(doc, pack));
      return { S: r.S, z: zs(r.z, r.S * r.L), hits: hitsOf(doc, r.ev), inScope: r.inScope, words: doc.words, sentences: sentTexts(doc) };
    };
    const fillers = test.filter((x) => x !== d && x.items.length === 0).map((x) => x.text.trim().split(/\n\s*\n/).slice(1).join('\n\n'));
    return { set: d.set, items: d.items, subsKnown: d.subsKnown, plain: one(d.text), padded: one([d.text.trim(), ...fillers].join('\n\n')) };
  });
  folds.push({ stacker: w.stacker, inner, test: testOut });
  console.error(`${name}: fold ${f + 1}/${K}`);
}
writeFileSync(out, JSON.stringify({ pack: name, folds }));
