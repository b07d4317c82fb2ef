import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';
import { registerAnalyze } from './analyze.js';

export type RegisterCommand = (program: Command, io: CliIO, result: CommandResult) => void;

/** Every CLI command, in one explicit list (help lists them in this order). */
export const commands: RegisterCommand[] = [registerAnalyze];
