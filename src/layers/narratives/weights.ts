import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import type { Stacker } from './stacker.js';
import { STACK_K } from './stacker.js';

/**
 * Trained weights of a narrative pack, as written by `framewise train --narratives` (train.ts) and
 * shipped beside the built-in packs (`<pack>.weights.json`). They name the pack's content hash:
 * weights for another version of the pack are not used (the pack is trained from its examples at
 * load instead).
 */
export const WEIGHTS_FORMAT = 'framewise-narratives-2';

const StackerSchema = z.object({
  coef: z.array(z.number()).length(STACK_K),
  intercept: z.number(),
  threshold: z.number().min(0).max(1),
  maxChosen: z.number().int().min(1),
});

export const WeightsSchema = z.object({
  format: z.literal(WEIGHTS_FORMAT),
  pack: z.string(),
  packHash: z.string(),
  /** Item ids in pack order (the label axis). */
  items: z.array(z.string()),
  parties: z.array(z.string()),
  /** Unit strings; their index is the unit's code and unigram feature id. */
  units: z.array(z.string()),
  /** Unit pairs [a0, b0, a1, b1, ...]; pair k is feature units + k. */
  pairs: z.array(z.number().int()),
  /**
   * Per column, sparse weights as [feature, weight * 1e4 rounded, ...]: the items in pack order,
   * then the narratives' "none" and the sub-narratives' "none" (see softmax.ts).
   */
  weights: z.array(z.array(z.number().int())),
  /** Per column, the bias * 1e4 rounded. */
  bias: z.array(z.number().int()),
  stacker: z.object({ narrative: StackerSchema, subnarrative: StackerSchema }),
  /** What it was trained on (counts), for the model card. */
  training: z.record(z.string(), z.union([z.number(), z.string()])),
});

export type NarrativeWeights = z.infer<typeof WeightsSchema>;
export type { Stacker };

export const WEIGHT_SCALE = 1e4;

/** Reads a weights file; null when absent or of another format. A malformed file is an error naming it. */
export function readWeightsFile(file: string): NarrativeWeights | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`, { file });
  }
  // Weights of an older format are stale, like weights of another pack version: the caller retrains.
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format !== WEIGHTS_FORMAT) return null;
  const r = WeightsSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { file, field: issue.path.join('.') });
  }
  return r.data;
}
