import { resolve } from 'node:path';
import type { ResolvedConfig } from '../core/config.js';
import { isPackPath, splitPackSpecs } from '../layers/narratives/pack.js';

/** The `--narratives` option of analyze, ingest, serve, eval and compare. */
export const NARRATIVES_FLAG = '--narratives <packs>';
export const NARRATIVES_HELP =
  'narrative packs, comma-separated: built-in names (disputes, ukraine-russia-war, climate-change) or pack files; "none" for no narratives (default: the config\'s, else disputes)';

/** The configuration with `--narratives` applied (pack files made absolute, so that worker threads find them). */
export function withNarratives(config: ResolvedConfig, value: string | undefined): ResolvedConfig {
  if (value === undefined) return config;
  config.narratives = splitPackSpecs(value).map((s) => (isPackPath(s) ? resolve(s) : s));
  return config;
}
