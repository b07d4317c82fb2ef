/**
 * Output a terminal can show without obeying it. Texts, titles and file names come from inputs,
 * and an input can hold escape sequences that set the window title, write the clipboard (OSC 52),
 * clear the screen, or a carriage return that overwrites a line: printed verbatim, a document would
 * drive the reader's terminal. Everything the CLI prints goes through here.
 */

/**
 * C0 controls (but tab and line feed), a carriage return not followed by a line feed, DEL, C1
 * controls, and the bidirectional embeddings, overrides and isolates (which reorder what is shown).
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** One visible character in place of each unsafe one, so offsets into the text stay valid. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // control pictures: ␛ for ESC, ␍ for CR
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
}

/** The text with every unsafe character replaced by one visible character (same length). */
export function displaySafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** A copy of a value (a report, a comparison) with every string in it made display-safe. */
export function deepDisplaySafe<T>(value: T): T {
  if (typeof value === 'string') return displaySafe(value) as T;
  if (Array.isArray(value)) return value.map(deepDisplaySafe) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[displaySafe(k)] = deepDisplaySafe(v);
    return out as T;
  }
  return value;
}

/** SGR colour sequences, which the CLI itself writes when colours are on: they pass. */
const SGR = /\u001b\[[0-9;]*m/y;

/**
 * The last line of defence, on every write to stdout and stderr: unsafe characters become visible,
 * except the colour sequences the CLI writes itself and, with `statusLine`, a carriage return that
 * starts the write (a status line redrawn in place).
 */
export function terminalSafe(chunk: string, statusLine = false): string {
  let out = '';
  let last = 0;
  UNSAFE.lastIndex = 0;
  for (let m = UNSAFE.exec(chunk); m; m = UNSAFE.exec(chunk)) {
    const at = m.index;
    if (chunk.charCodeAt(at) === 0x1b) {
      SGR.lastIndex = at;
      if (SGR.test(chunk)) {
        UNSAFE.lastIndex = SGR.lastIndex;
        continue;
      }
    }
    if (statusLine && at === 0 && chunk.charCodeAt(0) === 0x0d) continue;
    out += chunk.slice(last, at) + visible(m[0]);
    last = at + 1;
  }
  return last === 0 ? chunk : out + chunk.slice(last);
}

/**
 * JSON for output: JSON.stringify escapes C0 controls already; C1 controls, the bidirectional
 * controls and the line and paragraph separators are escaped too (\uXXXX: the same data, nothing a
 * terminal acts on).
 */
export function jsonOut(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Installs the quiet end on a closed pipe (`framewise ... | head`): when the reader goes away,
 * stop with exit code 0 and no stack trace, whatever the format.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = (c) => process.exit(c)): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') exit(0);
    else throw e;
  });
}
