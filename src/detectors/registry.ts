import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { TECHNIQUE_IDS, type TechniqueId } from '../core/taxonomy.js';
import type { Detector } from './engine/contract.js';
import { loadRuleFile } from './engine/load.js';
import type { LoadedRuleFile } from './engine/ruleset.js';
import { codeDetectors } from './code-detectors.js';

/** Folder of the built-in detectors; one sub-folder per technique. */
export const DETECTORS_DIR = fileURLToPath(new URL('.', import.meta.url));

export function techniqueDir(id: TechniqueId): string {
  return join(DETECTORS_DIR, id);
}

let builtinRules: LoadedRuleFile[] | null = null;

/** The built-in rule files (rules.yaml of each technique folder), loaded once. */
export function builtinRuleFiles(): LoadedRuleFile[] {
  if (!builtinRules) {
    builtinRules = [];
    for (const id of TECHNIQUE_IDS) {
      const file = join(techniqueDir(id), 'rules.yaml');
      if (existsSync(file)) builtinRules.push({ file, data: loadRuleFile(file) });
    }
  }
  return builtinRules;
}

export { builtinLexicons } from '../lexicon/builtin.js';

/** Detectors written as code (repetition, whataboutism structure, ...), listed explicitly. */
export function builtinCodeDetectors(): readonly Detector[] {
  return codeDetectors;
}
