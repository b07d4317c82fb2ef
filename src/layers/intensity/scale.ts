import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INTENSITY_KINDS, type IntensityKind } from '../../core/intensity.js';
import { parseYamlFile } from '../../core/yaml.js';

/**
 * The numbers that turn word-list hits into a 0-100 score, calibrated on the rated sentences of
 * rated.yaml by scripts/calibrate-intensity.ts (see README.md, "Calibration") and kept as data in
 * scale.yaml. rated-holdout.yaml is never used to choose them.
 */
export const SCALE_FILE = fileURLToPath(new URL('./scale.yaml', import.meta.url));

const KindPoints = z.object({ each: z.number().min(0), cap: z.number().min(0) }).strict();
const ScaleFile = z
  .object({
    /** Points to score: 100 * (1 - e^(-points / scale)). */
    scale: z.number().positive(),
    /** Words inside quotation marks (reported speech) count this share of their points. */
    quoted: z.number().min(0).max(1),
    /** Words a source is reported to have said, outside quotation marks, count this share of their points. */
    reported: z.number().min(0).max(1),
    /** Each further hit of a kind in a sentence adds this times what the one before it added. */
    decay: z.number().min(0).max(1),
    /** Document score: power mean of the sentence scores with this exponent. */
    docPower: z.number().min(1),
    /** A name-calling finding with no word-list hit in it counts its confidence times this weight. */
    findingWeight: z.number().min(0),
    kinds: z.object(Object.fromEntries(INTENSITY_KINDS.map((k) => [k, KindPoints])) as Record<IntensityKind, typeof KindPoints>).strict(),
    /** Weight of each word list on its kind's points (lexicons.ts names the lists). */
    lists: z.record(z.string(), z.number().min(0)),
  })
  .strict();
export type IntensityScale = z.infer<typeof ScaleFile>;

export function loadScale(file = SCALE_FILE): IntensityScale {
  return parseYamlFile(file, readFileSync(file, 'utf8'), ScaleFile);
}

let cached: IntensityScale | null = null;
/** The shipped scale (scale.yaml), read once. */
export function defaultScale(): IntensityScale {
  cached ??= loadScale();
  return cached;
}
