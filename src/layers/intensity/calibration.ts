import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseYamlFile } from '../../core/yaml.js';
import { toOriginalSpan } from '../../text/normalise.js';
import { segment } from '../../text/segment.js';
import { IntensityScorer } from './score.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

export const CALIBRATION_FILE = fileURLToPath(new URL('./calibration.yaml', import.meta.url));

const CalibrationFile = z
  .object({
    sets: z.array(z.object({ topic: z.string().min(1), sentences: z.array(z.string().min(1)).min(4).max(5) }).strict()).min(1),
  })
  .strict();

export type CalibrationSet = z.infer<typeof CalibrationFile>['sets'][number];

export function loadCalibration(file = CALIBRATION_FILE): CalibrationSet[] {
  return parseYamlFile(file, readFileSync(file, 'utf8'), CalibrationFile).sets;
}

/** Ranks with ties sharing their average rank (1-based). */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation (Pearson correlation of the ranks); 0 when either side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

export interface CalibrationResult {
  sets: number;
  sentences: number;
  /** Mean over sets of Spearman(position, score). */
  meanSpearman: number;
  /** Spearman over all sentences pooled (position in set vs score). */
  pooledSpearman: number;
  /** Sets whose scores strictly increase from first to last. */
  strictlyOrdered: number;
  /** Per set: topic, scores, Spearman. */
  details: Array<{ topic: string; scores: number[]; spearman: number }>;
}

/** Scores each calibration sentence on its own (lexicon evidence only, no detector findings). */
export function runCalibration(scorer = new IntensityScorer(), sets = loadCalibration()): CalibrationResult {
  const details: CalibrationResult['details'] = [];
  const pos: number[] = [];
  const all: number[] = [];
  const vocab = preparedVocab();
  for (const set of sets) {
    const scores = set.sentences.map((text) => {
      const doc = segment(text, vocab);
      return scorer.score(doc, (s, e) => {
        const [a, b] = toOriginalSpan(doc.nt, s, e);
        return { start: a, end: b, text: text.slice(a, b) };
      }).score;
    });
    scores.forEach((s, i) => {
      pos.push(i);
      all.push(s);
    });
    details.push({ topic: set.topic, scores, spearman: spearman(scores.map((_, i) => i), scores) });
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    sets: sets.length,
    sentences: all.length,
    meanSpearman: r3(details.reduce((s, d) => s + d.spearman, 0) / details.length),
    pooledSpearman: r3(spearman(pos, all)),
    strictlyOrdered: details.filter((d) => d.scores.every((s, i) => i === 0 || s > d.scores[i - 1]!)).length,
    details,
  };
}
