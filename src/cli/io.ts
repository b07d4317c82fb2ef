import { terminalSafe } from './safe-output.js';

/** Output helpers shared by commands: one place that writes to stdout/stderr. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
};

/**
 * The same channels with every write made terminal-safe (src/cli/safe-output.ts): whatever a
 * command prints, an escape sequence from an input is shown, never obeyed.
 */
export function safeIO(io: CliIO): CliIO {
  return { out: (t) => io.out(terminalSafe(t)), err: (t) => io.err(terminalSafe(t, true)), isTTY: io.isTTY };
}
