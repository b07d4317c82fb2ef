import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
