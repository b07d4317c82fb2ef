/** Regex rules: triggered by required words, skipped where a character every match needs is absent. */

export interface RegexEntry {
  rule: number;
  re: RegExp;
  /** A character every match contains (see requiredFinalChar), or null: without it in the sentence, exec is skipped. */
  needs: string | null;
}

/**
 * The character every match of a regex must contain, found only in plain shapes: the source is
 * a concatenation at top level (no `|` outside groups and classes) whose last atom is an escaped
 * `?`, `!` or `.` with no quantifier after it ("...[^?.!]{3,250}\?"), or a literal `!` alone or
 * with `+` after it ("...{1,40}!+"). Null for anything else.
 */
export function requiredFinalChar(source: string): string | null {
  let depth = 0;
  let inClass = false;
  let lastEscape = -1;
  /** The last two unescaped characters outside classes at top level. */
  let plain = -1;
  let plainBefore = -1;
  for (let k = 0; k < source.length; k++) {
    const c = source[k]!;
    if (c === '\\') {
      if (depth === 0 && !inClass) lastEscape = k;
      k++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
    else if (depth === 0) {
      plainBefore = plain;
      plain = k;
    }
  }
  if (depth !== 0 || inClass) return null;
  const n = source.length;
  // A literal '!' as the last atom, possibly repeated with '+': every match ends with at least one.
  if (plain === n - 1 && source[n - 1] === '!') return '!';
  if (plain === n - 1 && source[n - 1] === '+' && plainBefore === n - 2 && source[n - 2] === '!') return '!';
  if (lastEscape !== n - 2) return null;
  const last = source[n - 1]!;
  return last === '?' || last === '!' || last === '.' ? last : null;
}
