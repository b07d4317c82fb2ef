// Cross-validation of the narrative packs over their TRAINING documents (never the held-out ones):
// k folds of documents; each fold's documents are predicted by a model trained on the pack's
// examples and the other folds. `npx tsx scripts/cv-narratives.ts [pack...] [--folds 5] [--without FILE]`.
import { join } from 'node:path';
import { scoreLevel } from '../src/eval/narratives.js';
import { FIXTURES_DIR } from '../src/layers/narratives/fixtures.js';
import { labelsOfChoice } from '../src/layers/narratives/labels.js';
import { NarrativeModel } from '../src/layers/narratives/model.js';
import { loadPacks } from '../src/layers/narratives/pack.js';
import { standaloneSignals } from '../src/layers/narratives/signals.js';
import { trainPack } from '../src/layers/narratives/train.js';
import { segment } from '../src/text/segment.js';
import { loadNarrativeRecords, trainingDocsFor } from '../src/training/narratives.js';
import { preparedVocab } from '../src/lexicon/per-vocab.js';

/** Texts are tokenised with one vocabulary, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

// The training files of each pack (the same lists as scripts/train-narratives.ts); folds are taken over their documents together.
const TRAIN: Record<string, string[]> = {
  disputes: ['disputes-docs.train.yaml'],
  'ukraine-russia-war': ['urw-docs.train.yaml', 'urw-news.train.yaml', 'urw-long.train.yaml'],
  'climate-change': ['cc-docs.train.yaml', 'cc-news.train.yaml', 'cc-long.train.yaml'],
};
const args = process.argv.slice(2);
// Training options to try, as JSON in NARRATIVES_TRAIN (e.g. {"l1": 1}); never tuned on held-out documents.
const opts = JSON.parse(process.env.NARRATIVES_TRAIN ?? '{}');
const fi = args.indexOf('--folds');
const K = fi >= 0 ? Number(args[fi + 1]) : 5;
const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--folds' && args[i - 1] !== '--weigh-other' && args[i - 1] !== '--without');
for (const name of names.length ? names : Object.keys(TRAIN)) {
  const packs = loadPacks([name]);
  const pack = packs[0]!;
  const docs = TRAIN[name]!.flatMap((f) => {
    const file = join(FIXTURES_DIR, f);
    return trainingDocsFor(packs, 0, loadNarrativeRecords(file), file).map((d) => ({ ...d, set: f }));
  });
  // --first-set-only: every fold trains on the documents of the pack's first file only (still
  // scoring all), to see what the other files (long articles) add.
  const firstOnly = args.includes('--first-set-only');
  // --without FILE: every fold trains without that file's documents (still scoring all), to see what
  // one training file adds on the same folds.
  const wo = args.indexOf('--without');
  const without = wo >= 0 ? args[wo + 1] : null;
  const bySet = new Map<string, { g: string[][]; p: string[][] }>();
  let nnz = 0;
  const goldN: string[][] = [], predN: string[][] = [], goldS: string[][] = [], predS: string[][] = [];
  const longG: string[][] = [], longP: string[][] = [];
  for (let f = 0; f < K; f++) {
    const train = docs.filter((d, i) => i % K !== f && (!firstOnly || d.set === TRAIN[name]![0]) && d.set !== without);
    const test = docs.filter((_, i) => i % K === f);
    const w = trainPack(pack, { documents: train, ...opts });
    nnz += w.weights.reduce((a, r) => a + r.length / 2, 0) / K;
    const model = new NarrativeModel(pack, w);
    for (const d of test) {
      const doc = segment(d.text, vocab);
      const r = model.score(doc, standaloneSignals(doc, pack));
      const g = new Uint8Array(pack.items.length);
      for (const k of d.items) g[k] = 1;
      const gl = labelsOfChoice([pack], [g]);
      const pl = labelsOfChoice([pack], [r.chosen]);
      goldN.push(gl.narratives); predN.push(pl.narratives);
      let per = bySet.get(d.set);
      if (!per) bySet.set(d.set, (per = { g: [], p: [] }));
      per.g.push(gl.narratives); per.p.push(pl.narratives);
      if (args.includes('--why')) {
        const top = pack.items.filter((it) => it.level === 'narrative').sort((x, y) => r.prob[y.index]! - r.prob[x.index]!).slice(0, 3);
        console.log(`   gold ${gl.narratives.join(' | ')}\n      ${top.map((it) => `${it.title} p=${r.prob[it.index]!.toFixed(2)} max=${Math.max(...Array.from({ length: r.S }, (_, s) => r.z[s * r.L + it.index]!)).toFixed(2)}`).join('; ')}  (threshold ${model.weights.stacker.narrative.threshold})`);
      }
      if (d.subsKnown) { goldS.push(gl.subnarratives); predS.push(pl.subnarratives); }
      // The same document padded with the fold's documents that carry nothing (a long article).
      const fillers = test.filter((x) => x !== d && x.items.length === 0).map((x) => x.text.trim().split(/\n\s*\n/).slice(1).join('\n\n'));
      const long = segment([d.text.trim(), ...fillers].join('\n\n'), vocab);
      const rl = model.score(long, standaloneSignals(long, pack));
      longG.push(gl.narratives);
      longP.push(labelsOfChoice([pack], [rl.chosen]).narratives);
    }
  }
  const n = scoreLevel(goldN, predN);
  const s = goldS.length ? scoreLevel(goldS, predS) : null;
  console.log(`${name}: ${K}-fold CV over ${docs.length} training documents: narratives samples-F1 ${n.f1.toFixed(3)} (carrying ${n.f1Carrying.toFixed(3)})` + (s ? `, sub-narratives ${s.f1.toFixed(3)} (${s.f1Carrying.toFixed(3)})` : '') + `; ${Math.round(nnz)} weights`);
  // The same, with documents weighted so that "Other" documents make up the pack's otherShare (the
  // share its thresholds are fitted for), when it has one.
  const wi = args.indexOf('--weigh-other');
  const share = wi >= 0 ? Number(args[wi + 1]) : pack.otherShare;
  if (share !== null) {
    const isOther = goldN.map((g) => g.length === 1 && g[0] === 'Other');
    const p0 = isOther.filter(Boolean).length / goldN.length;
    const w = (i: number) => (isOther[i] ? share / p0 : (1 - share) / (1 - p0));
    const f1 = (g: string[], p: string[]) => (2 * g.filter((x) => p.includes(x)).length) / (g.length + p.length);
    let num = 0;
    let den = 0;
    goldN.forEach((g, i) => { num += w(i) * f1(g, predN[i]!); den += w(i); });
    console.log(`   weighted to ${share} "Other" documents: narratives samples-F1 ${(num / den).toFixed(3)}`);
  }
  if (bySet.size > 1) for (const [set, x] of bySet) console.log(`   ${set}: ${x.g.length} documents, narratives samples-F1 ${scoreLevel(x.g, x.p).f1.toFixed(3)}`);
  const l = scoreLevel(longG, longP);
  console.log(`   the same documents padded with the fold's no-narrative documents: narratives samples-F1 ${l.f1.toFixed(3)} (carrying ${l.f1Carrying.toFixed(3)})`);
  if (args.includes('--docs')) goldN.forEach((g, i) => console.log(`   gold ${g.join(' | ')}  pred ${predN[i]!.join(' | ')}`));
}
