import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bandOf, INTENSITY_BANDS, type IntensityBand } from '../../core/intensity.js';
import { parseYamlFile } from '../../core/yaml.js';
import { spearman } from './calibration.js';

/**
 * Sentences rated by hand on the five bands of the rating guide (README.md), and agreement between
 * those ratings and the score. The guide's bands are the report's bands under other names.
 */
export const GUIDE_BANDS = ['wire', 'analysis', 'opinion', 'polemic', 'hate'] as const;
export type GuideBand = (typeof GUIDE_BANDS)[number];
/** The report band of each guide band (same order). */
export const REPORT_BAND: Record<GuideBand, IntensityBand> = { wire: 'neutral', analysis: 'mild', opinion: 'moderate', polemic: 'strong', hate: 'extreme' };

export const RATED_FILE = fileURLToPath(new URL('./rated.yaml', import.meta.url));
export const RATED_HOLDOUT_FILE = fileURLToPath(new URL('./rated-holdout.yaml', import.meta.url));

const RatedFile = z
  .object({
    sentences: z
      .array(z.object({ band: z.enum(GUIDE_BANDS), genre: z.enum(['wire', 'analysis', 'opinion', 'polemic', 'speech', 'forum']), topic: z.string().min(1), text: z.string().min(1) }).strict())
      .min(1),
  })
  .strict();
export type RatedSentence = z.infer<typeof RatedFile>['sentences'][number];

export function loadRated(file = RATED_FILE): RatedSentence[] {
  return parseYamlFile(file, readFileSync(file, 'utf8'), RatedFile).sentences;
}

export interface RatingAgreement {
  sentences: number;
  /** Share whose score falls in the rated band. */
  exact: number;
  /** Share whose score falls in the rated band or a neighbour. */
  withinOne: number;
  /** Spearman between the rated band (0-4) and the score. */
  spearman: number;
  /** Rows: rated band; columns: the score's band (report band order). */
  confusion: Record<GuideBand, number[]>;
  /** Mean score per rated band. */
  meanScore: Record<GuideBand, number>;
  misses: Array<{ text: string; band: GuideBand; score: number }>;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Agreement of `score(text)` (0-100) with the rated bands. */
export function rateAgreement(items: readonly RatedSentence[], score: (text: string) => number): RatingAgreement {
  const confusion = Object.fromEntries(GUIDE_BANDS.map((b) => [b, INTENSITY_BANDS.map(() => 0)])) as Record<GuideBand, number[]>;
  const sums = Object.fromEntries(GUIDE_BANDS.map((b) => [b, [0, 0]])) as Record<GuideBand, [number, number]>;
  const rated: number[] = [];
  const scores: number[] = [];
  const misses: RatingAgreement['misses'] = [];
  let exact = 0;
  let near = 0;
  for (const it of items) {
    const s = score(it.text);
    const want = GUIDE_BANDS.indexOf(it.band);
    const got = INTENSITY_BANDS.indexOf(bandOf(s));
    confusion[it.band][got]!++;
    sums[it.band][0] += s;
    sums[it.band][1]++;
    if (got === want) exact++;
    else misses.push({ text: it.text, band: it.band, score: s });
    if (Math.abs(got - want) <= 1) near++;
    rated.push(want);
    scores.push(s);
  }
  const n = items.length;
  return {
    sentences: n,
    exact: r3(exact / n),
    withinOne: r3(near / n),
    spearman: r3(spearman(rated, scores)),
    confusion,
    meanScore: Object.fromEntries(GUIDE_BANDS.map((b) => [b, sums[b][1] ? Math.round((sums[b][0] / sums[b][1]) * 10) / 10 : 0])) as Record<GuideBand, number>,
    misses,
  };
}
