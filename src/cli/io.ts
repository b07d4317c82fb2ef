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
