import type { CliIO } from '../io.js';
import { main } from '../main.js';

/** Runs the CLI in-process and captures its output (for tests). */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), isTTY: false };
  const code = await main(['node', 'framewise', ...args], io);
  return { code, stdout, stderr };
}
