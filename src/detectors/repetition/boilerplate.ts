import { K_WORD } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';

/**
 * Sentences that recur verbatim in a document (a sign-off, a standing disclaimer, a caption used
 * twice): their repeats are layout, not rhetoric, so the repetition detector reads past them.
 */
/** Sentences of at least this many words that recur verbatim are boilerplate. */
const MIN_BOILERPLATE_WORDS = 3;

/** Indices of sentences whose words recur verbatim elsewhere in the document (null: none). */
export function boilerplateSentences(doc: Doc): Set<number> | null {
  const t = doc.tokens;
  // Sentences by a hash of their token ids; equal hashes are compared token by token.
  let seen: Map<number, number[]> | null = null;
  let out: Set<number> | null = null;
  for (const s of doc.sentences) {
    let words = 0;
    let h = s.tokenEnd - s.tokenStart;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (t.kind[i] === K_WORD) words++;
      h = Math.imul(h ^ t.id[i]!, 0x9e3779b1) ^ (h >>> 15);
    }
    if (words < MIN_BOILERPLATE_WORDS) continue;
    seen ??= new Map();
    const same = seen.get(h);
    if (!same) {
      seen.set(h, [s.index]);
      continue;
    }
    const twin = same.find((k) => sameTokens(doc, doc.sentences[k]!, s));
    if (twin === undefined) same.push(s.index);
    else (out ??= new Set()).add(twin).add(s.index);
  }
  return out;
}

function sameTokens(doc: Doc, a: Doc['sentences'][number], b: Doc['sentences'][number]): boolean {
  const n = a.tokenEnd - a.tokenStart;
  if (n !== b.tokenEnd - b.tokenStart) return false;
  for (let k = 0; k < n; k++) if (doc.tokens.id[a.tokenStart + k] !== doc.tokens.id[b.tokenStart + k]) return false;
  return true;
}

export function inBoilerplate(doc: Doc, boiler: ReadonlySet<number>, start: number): boolean {
  for (const s of doc.sentences) if (start >= s.start && start < s.end) return boiler.has(s.index);
  return false;
}
