import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseYamlFile } from './yaml.js';
import { UserError } from './errors.js';
import { TECHNIQUE_IDS, type TechniqueId } from './taxonomy.js';

export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Switch techniques on or off: `{ "repetition": false }`. Unlisted techniques stay on. */
    techniques: z.partialRecord(z.enum(TECHNIQUE_IDS as [TechniqueId, ...TechniqueId[]]), z.boolean()).default({}),
    /** Extra rule files (YAML or JSON, same format as the built-in rules.yaml), relative to the config file. */
    rules: z.array(z.string().min(1)).default([]),
    /** Extra word-list directories (`name.txt` becomes `@name` in patterns), relative to the config file. */
    lexicons: z.array(z.string().min(1)).default([]),
    /** Findings below this confidence are dropped (default: the level the shipped calibration recommends). */
    minConfidence: z.number().min(0).max(1).optional(),
    /** Use the trained model as well as the rules (when a model artefact is available). */
    model: z.boolean().default(true),
    /** Inputs larger than this are refused with a clear error. */
    maxInputBytes: z.number().int().positive().default(DEFAULT_MAX_INPUT_BYTES),
  })
  .strict();

export type FramewiseConfig = z.infer<typeof ConfigSchema>;

/** A config with paths made absolute, ready for `createAnalyzer`. */
export interface ResolvedConfig extends FramewiseConfig {
  /** Where the config came from, for messages; undefined for defaults. */
  file?: string;
}

export const CONFIG_FILENAMES = ['framewise.config.json', 'framewise.config.yaml', 'framewise.config.yml'];

export function defaultConfig(): ResolvedConfig {
  return ConfigSchema.parse({});
}

/** Validates a config object (from an API body or a parsed file); errors name the field. */
export function parseConfig(value: unknown, file = 'config'): ResolvedConfig {
  const r = ConfigSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { file, field: issue.path.join('.') });
  }
  return { ...r.data, file };
}

export function loadConfigFile(file: string): ResolvedConfig {
  const abs = resolve(file);
  if (!existsSync(abs)) throw new UserError(`${file}: config file not found`, { file });
  const cfg = parseYamlFile(file, readFileSync(abs, 'utf8'), ConfigSchema);
  const base = dirname(abs);
  return {
    ...cfg,
    rules: cfg.rules.map((p) => resolve(base, p)),
    lexicons: cfg.lexicons.map((p) => resolve(base, p)),
    file,
  };
}

/** Finds `framewise.config.*` in a directory (the CLI looks in the working directory). */
export function findConfigFile(dir: string): string | undefined {
  for (const name of CONFIG_FILENAMES) {
    const p = resolve(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

export function enabledTechniques(cfg: FramewiseConfig, only?: readonly TechniqueId[]): Set<TechniqueId> {
  const set = new Set<TechniqueId>(only && only.length > 0 ? only : TECHNIQUE_IDS);
  for (const [id, on] of Object.entries(cfg.techniques)) if (on === false) set.delete(id as TechniqueId);
  return set;
}
