/**
 * Well-formed text: one rule for every way in (API, JSONL, CSV, files). A lone UTF-16 surrogate
 * cannot be stored as UTF-8 (SQLite and PostgreSQL would replace or refuse it), so the text stored
 * would no longer be the text its report was made from: such input is refused with its position.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** UTF-16 index of the first lone surrogate, or -1 when the string is well-formed. */
export function loneSurrogateAt(s: string): number {
  const m = LONE_SURROGATE.exec(s);
  return m ? m.index : -1;
}

/** "a lone surrogate (U+D83D) at index 12", for messages; null when well-formed. */
export function illFormedReason(s: string): string | null {
  const at = loneSurrogateAt(s);
  if (at < 0) return null;
  return `not well-formed Unicode: a lone surrogate (U+${s.charCodeAt(at).toString(16).toUpperCase()}) at index ${at}`;
}

/** Decodes UTF-8 strictly; throws with the byte offset of the first invalid sequence. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find where: the longest prefix that decodes (binary search over the valid prefix).
    let lo = 0;
    let hi = bytes.length;
    const ok = (n: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ok(mid)) lo = mid;
      else hi = mid - 1;
    }
    // The prefix that streams may end inside a sequence: the fault is where that sequence starts.
    let lead = lo;
    while (lead > 0 && (bytes[lead - 1]! & 0xc0) === 0x80) lead--;
    if (lead > 0) {
      const b = bytes[lead - 1]!;
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (length > 1 && lo - (lead - 1) < length) lo = lead - 1;
    }
    throw new InvalidUtf8Error(lo);
  }
}

export class InvalidUtf8Error extends Error {
  constructor(readonly offset: number) {
    super(`not valid UTF-8 (at byte ${offset})`);
  }
}
