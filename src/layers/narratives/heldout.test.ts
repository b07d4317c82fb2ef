import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { scoreNarratives } from '../../eval/narratives.js';
import { canonicalRecord, loadNarrativeRecords } from '../../training/narratives.js';
import { FIXTURES_DIR } from './fixtures.js';
import { loadPacks } from './pack.js';

/**
 * The shipped packs on text written for framewise and never used for training or tuning (the
 * *.heldout.* fixtures). The bounds sit below the figures measured when the weights were trained
 * (docs/narratives.md) so that a change that loses much of them fails here.
 */
const evaluate = (packs: string, files: string[]) => {
  const loaded = loadPacks(packs.split(','));
  const gold = files.flatMap((f) => loadNarrativeRecords(join(FIXTURES_DIR, f))).map((g) => canonicalRecord(loaded, g, g.id));
  const a = new Analyzer({ model: null, narratives: packs });
  const pred = gold.map((g) => {
    const n = a.analyze(g.text!).narratives!;
    return { id: g.id, narratives: n.narratives, subnarratives: n.subnarratives };
  });
  return { res: scoreNarratives(gold, pred), other: scoreNarratives(gold, gold.map((g) => ({ id: g.id, narratives: ['Other'], subnarratives: ['Other'] }))) };
};

describe('held-out narratives', () => {
  it('disputes pack: 60 documents of six disputes, both sides', () => {
    const { res, other } = evaluate('disputes', ['disputes-docs.heldout.yaml']);
    expect(res.narratives.documents).toBe(60);
    expect(res.narratives.f1).toBeGreaterThan(0.6);
    expect(res.narratives.f1).toBeGreaterThan(other.narratives.f1 + 0.3);
  });

  it('the two SemEval-2025 taxonomies together: Ukraine war and climate documents', () => {
    const { res, other } = evaluate('ukraine-russia-war,climate-change', ['urw-docs.heldout.yaml', 'cc-docs.heldout.yaml']);
    expect(res.narratives.documents).toBe(60);
    // Bounds a little under the shipped packs' figures (0.664, 0.587, 0.559 in docs/evaluation.md).
    // The public packs' thresholds are fitted for the task's news, where about half the articles
    // carry no narrative (otherShare); a quarter of these documents do not, so they score lower here.
    expect(res.narratives.f1).toBeGreaterThan(0.63);
    expect(res.narratives.f1Carrying).toBeGreaterThan(0.55);
    expect(res.subnarratives!.f1).toBeGreaterThan(0.53);
    expect(res.narratives.f1).toBeGreaterThan(other.narratives.f1 + 0.3);
  });

  it('disputes pack: held-out sentences of each narrative, analysed alone', () => {
    const held = parse(readFileSync(join(FIXTURES_DIR, 'disputes-sentences.heldout.yaml'), 'utf8')) as Record<string, string[]>;
    const pack = loadPacks([])[0]!;
    expect(Object.keys(held).sort()).toEqual(pack.items.filter((it) => it.level === 'narrative').map((it) => it.id).sort());
    const a = new Analyzer({ model: null });
    let chosen = 0;
    let n = 0;
    for (const [id, sentences] of Object.entries(held)) {
      expect(sentences.length).toBeGreaterThanOrEqual(20);
      // None of them is one of the pack's own examples.
      const own = new Set(pack.items.flatMap((it) => it.examples));
      for (const s of sentences) {
        expect(own.has(s)).toBe(false);
        n++;
        if (a.analyze(s).narratives!.items.find((it) => it.id === id)!.chosen) chosen++;
      }
    }
    // 0.62 measured: a sentence alone is short evidence, and the thresholds are fitted for texts of
    // which three in ten carry none of the pack's narratives (otherShare; 0.75 before off-topic news
    // joined the training documents).
    expect(chosen / n).toBeGreaterThan(0.58);
  });

  it('disputes pack: ordinary news that carries none of its narratives is mostly left "Other"', () => {
    const { res } = evaluate('disputes', ['disputes-offtopic.heldout.yaml']);
    expect(res.narratives.documents).toBe(10);
    expect(res.narratives.carrying).toBe(0);
    // samples-F1 on texts whose gold is "Other" is the share predicted "Other": 0.6-0.7 measured (0.1
    // before off-topic news joined the training documents).
    expect(res.narratives.f1).toBeGreaterThanOrEqual(0.5);
  });
});

/** Each held-out dispute's names, to exchange (longest first, all at once). */
const SWAPS: Record<string, Array<[string, string]>> = {
  'freedonia-sylvania': [['Freedonians', 'Sylvanians'], ['Freedonian', 'Sylvanian'], ['Freedonia', 'Sylvania']],
  'ostrelia-tarvia': [['Ostrelian', 'Tarvian'], ['Ostrelia', 'Tarvia']],
  'dastria-korvani': [['Dastrian', 'Korvani'], ['Dastria', 'Korvania']],
  'marovia-belcaria': [['Marovian', 'Belcarian'], ['Marovia', 'Belcaria']],
  'lumeria-eskeria': [['Lumerians', 'Eskerians'], ['Lumerian', 'Eskerian'], ['Lumeria', 'Eskeria']],
  'ardenia-vellmark': [['Ardenian', 'Vellmarkish'], ['Ardenia', 'Vellmark']],
};

function swap(text: string, pairs: Array<[string, string]>): string {
  const map = new Map<string, string>();
  for (const [a, b] of pairs) {
    map.set(a, b);
    map.set(b, a);
  }
  const re = new RegExp(`\\b(${[...map.keys()].sort((x, y) => y.length - x.length).join('|')})\\b`, 'g');
  return text.replace(re, (m) => map.get(m)!);
}

describe('party swap', () => {
  it('exchanging the parties of a dispute keeps every document\'s narratives and scores', () => {
    const docs = parse(readFileSync(join(FIXTURES_DIR, 'disputes-docs.heldout.yaml'), 'utf8')) as Array<{ id: string; dispute: string; text: string }>;
    const a = new Analyzer({ model: null });
    let changed = 0;
    for (const d of docs) {
      const swapped = swap(d.text, SWAPS[d.dispute]!);
      if (swapped !== d.text) changed++;
      const x = a.analyze(d.text).narratives!;
      const y = a.analyze(swapped).narratives!;
      expect(y.narratives, d.id).toEqual(x.narratives);
      expect(y.subnarratives, d.id).toEqual(x.subnarratives);
      y.items.forEach((it, k) => expect(it.score, `${d.id} ${it.id}`).toBeCloseTo(x.items[k]!.score, 9));
    }
    expect(changed).toBeGreaterThanOrEqual(48);
  });
});
