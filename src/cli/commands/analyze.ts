import type { Command } from 'commander';
import { Option } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { defaultConfig, findConfigFile, loadConfigFile, type ResolvedConfig } from '../../core/config.js';
import { EXIT_USER_ERROR, UserError } from '../../core/errors.js';
import type { Report } from '../../core/report.js';
import { isTechniqueId, type TechniqueId } from '../../core/taxonomy.js';
import { formatPretty } from '../format/pretty.js';
import { deepDisplaySafe, displaySafe, jsonOut } from '../safe-output.js';
import { expandInputs, readInput } from '../../ingest/inputs.js';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';

export function parseTechniques(value: string | undefined): TechniqueId[] | undefined {
  if (!value) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) if (!isTechniqueId(id)) throw new UserError(`--techniques: unknown technique "${id}" (see docs/techniques.md)`, { field: 'techniques' });
  return ids as TechniqueId[];
}

export function parseConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new UserError(`--min-confidence: expected a number from 0 to 1, got "${value}"`, { field: 'min-confidence' });
  return x;
}

/** The config named by --config, else framewise.config.* in the working directory, else defaults. */
export function resolveConfig(path: string | undefined): ResolvedConfig {
  if (path) return loadConfigFile(path);
  const found = findConfigFile(process.cwd());
  return found ? loadConfigFile(found) : defaultConfig();
}

interface AnalyzeFlags {
  format: 'pretty' | 'json' | 'jsonl';
  techniques?: string;
  minConfidence?: string;
  config?: string;
  maxBytes?: string;
  model: boolean;
  color?: boolean;
}

export function registerAnalyze(program: Command, io: CliIO, result: CommandResult): void {
  program
    .command('analyze')
    .description('Find persuasion techniques in texts (files, directories, or - for stdin)')
    .argument('[inputs...]', 'files, directories (searched for .txt/.md) or - for standard input', ['-'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json', 'jsonl']).default('pretty'))
    .option('-t, --techniques <ids>', 'comma-separated technique ids to look for (default: all enabled)')
    .option('-m, --min-confidence <x>', 'drop findings below this confidence (0..1)')
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--max-bytes <n>', 'refuse inputs larger than this many bytes')
    .option('--no-model', 'rules only, without the trained model')
    .option('--no-color', 'plain pretty output')
    .action((inputs: string[], flags: AnalyzeFlags) => {
      const config = resolveConfig(flags.config);
      if (flags.maxBytes !== undefined) {
        const n = Number(flags.maxBytes);
        if (!Number.isInteger(n) || n <= 0) throw new UserError(`--max-bytes: expected a positive integer, got "${flags.maxBytes}"`);
        config.maxInputBytes = n;
      }
      if (!flags.model) config.model = false;
      const techniques = parseTechniques(flags.techniques);
      const minConfidence = parseConfidence(flags.minConfidence);
      const analyzer = new Analyzer({ config });
      const entries = expandInputs(inputs.length ? inputs : ['-']);
      const several = entries.length > 1;
      const reports: Array<Report & { file?: string }> = [];
      let failed = 0;
      for (const entry of entries) {
        try {
          if (entry.error) throw entry.error;
          const { text } = readInput(entry.file, config.maxInputBytes);
          const report = analyzer.analyze(text, { techniques, minConfidence });
          const named = several || flags.format === 'jsonl' ? { file: entry.file, ...report } : report;
          // Shown, never obeyed: the text and what the report quotes of it, made display-safe (same offsets).
          if (flags.format === 'pretty') io.out(formatPretty(displaySafe(text), deepDisplaySafe(report), { colors: flags.color !== false && io.isTTY, file: several ? displaySafe(entry.file) : undefined }) + (several ? '\n' : ''));
          else if (flags.format === 'jsonl') io.out(jsonOut(named) + '\n');
          else reports.push(named);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          failed++;
          io.err(`framewise: ${e.message}\n`);
        }
      }
      if (flags.format === 'json' && (reports.length > 0 || failed === 0)) io.out(jsonOut(several ? reports : reports[0], 2) + '\n');
      if (failed > 0) result.exitCode = EXIT_USER_ERROR;
    });
}
