import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { judgeProblem, type Judge } from '../model/judge.js';
import { loadModelFile } from '../model/artefact.js';
import { modelDetector, type ModelDetector } from '../model/detector.js';

export type { ModelDetector } from '../model/detector.js';
import { repoRoot } from '../model/resources.js';

/** The shipped model artefact, relative to the repository (or installed package) root. */
export const DEFAULT_MODEL_PATH = join('models', 'default', 'framewise-ptc.fwm');

export function defaultModelFile(): string {
  return join(repoRoot(), DEFAULT_MODEL_PATH);
}

let cached: ModelDetector | null | undefined;

/**
 * The shipped model, loaded on first use and cached; null when the artefact is absent (analysis then
 * runs on rules alone). A corrupt artefact is an error, not a silent fallback.
 */
export function loadDefaultModel(): ModelDetector | null {
  if (cached === undefined) {
    const file = defaultModelFile();
    cached = existsSync(file) ? modelDetector(loadModelFile(file).model) : null;
  }
  return cached;
}

/** The calibration of rule findings when no model runs, next to the shipped model. */
export const DEFAULT_RULE_JUDGE_PATH = join('models', 'default', 'rules-judge.json');

let cachedRuleJudge: Judge | null | undefined;

/**
 * The rules-only judge (each rule's measured precision as its confidence, and which rules report),
 * loaded on first use; null when the file is absent (rules then report their own confidences).
 */
export function loadRuleJudge(): Judge | null {
  if (cachedRuleJudge === undefined) {
    const file = join(repoRoot(), DEFAULT_RULE_JUDGE_PATH);
    cachedRuleJudge = existsSync(file) ? readJudgeFile(file) : null;
  }
  return cachedRuleJudge;
}

export function readJudgeFile(file: string): Judge {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`, { file });
  }
  const problem = judgeProblem(value);
  if (problem) throw new UserError(`${file}: ${problem}`, { file });
  return value as Judge;
}
