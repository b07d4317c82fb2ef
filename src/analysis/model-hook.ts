import type { Detector } from '../detectors/engine/contract.js';

/** A trained model exposed as a detector (findings carry source "model"). */
export interface ModelDetector extends Detector {
  /** Version of the model artefact, recorded in every report. */
  version: string;
}

type ModelLoader = () => ModelDetector | null;

let loader: ModelLoader = () => null;

/**
 * The model package registers how to load the shipped artefact; analysis stays independent of
 * model code. With no artefact available, analysis runs on rules alone.
 */
export function setDefaultModelLoader(fn: ModelLoader): void {
  loader = fn;
}

export function loadDefaultModel(): ModelDetector | null {
  return loader();
}
