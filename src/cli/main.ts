import { Command, CommanderError, Help, type Option } from 'commander';
import { EXIT_BUG, EXIT_OK, EXIT_USER_ERROR, UserError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { commands } from './commands/index.js';
import { processIO, safeIO, type CliIO } from './io.js';
import { endQuietlyOnClosedPipe } from './safe-output.js';

/** A command sets this when it finished but some inputs failed (exit 2 after doing the rest). */
export interface CommandResult {
  exitCode?: number;
}

export function buildProgram(io: CliIO, result: CommandResult): Command {
  const program = new Command('framewise')
    .description('See how news and opinion texts persuade: techniques, frames, intensity, sourcing, actors.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    // Inherited by every command: numbers shown as numbers, required options said to be required.
    .configureHelp({ optionDescription: describeOption });
  for (const register of commands) register(program, io, result);
  return program;
}

function describeOption(this: Help, option: Option): string {
  if (typeof option.defaultValue === 'string' && /^-?\d+(\.\d+)?$/.test(option.defaultValue) && !option.defaultValueDescription) {
    option.defaultValueDescription = option.defaultValue;
  }
  const text = Help.prototype.optionDescription.call(this, option);
  if (!option.mandatory) return text;
  return text.endsWith(')') ? `${text.slice(0, -1)}, required)` : `${text} (required)`;
}

/**
 * The CLI entry: the only place (with the server's error handler) that turns errors into exit codes.
 * 0 success, 2 user error (bad input, bad config), 70 a bug.
 */
export async function main(argv: string[], raw: CliIO = processIO): Promise<number> {
  if (raw === processIO) endQuietlyOnClosedPipe();
  const io = safeIO(raw);
  const result: CommandResult = {};
  const program = buildProgram(io, result);
  try {
    await program.parseAsync(argv);
    return result.exitCode ?? EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
      return EXIT_USER_ERROR;
    }
    if (e instanceof UserError) {
      io.err(`framewise: ${e.message}\n`);
      return EXIT_USER_ERROR;
    }
    io.err(`framewise: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_BUG;
  }
}
