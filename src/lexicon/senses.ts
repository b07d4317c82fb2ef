/**
 * Other senses (senses.yaml): "lies" in "the way forward lies in the talks" is where something is,
 * not untruths; "regime" in "a ceasefire regime" is a set of rules, not a government cast as
 * illegitimate. A finding that is exactly such a word, in such a context, is dropped, whichever
 * detector made it (detectors/engine/senses.ts), and the intensity and sourcing layers read it too.
 * Same words for every side: the table names no party.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseYamlFile } from '../core/yaml.js';
import { K_WORD, tokenLower } from '../text/tokenise.js';
import type { Doc } from '../text/segment.js';

export const SENSES_FILE = fileURLToPath(new URL('./senses.yaml', import.meta.url));

const Context = z.object({ next: z.array(z.string().min(1)).optional(), prev: z.array(z.string().min(1)).optional() }).strict();
const Schema = z.object({ senses: z.record(z.string().min(1), Context) }).strict();

export interface Sense {
  next: ReadonlySet<string>;
  prev: ReadonlySet<string>;
}

let table: Map<string, Sense> | null = null;
/** The shipped table, loaded once. */
export const senses = (): Map<string, Sense> => (table ??= loadSenses());

export function loadSenses(file = SENSES_FILE): Map<string, Sense> {
  const data = parseYamlFile(file, readFileSync(file, 'utf8'), Schema);
  const out = new Map<string, Sense>();
  for (const [word, c] of Object.entries(data.senses)) {
    out.set(word.toLowerCase(), { next: new Set((c.next ?? []).map((w) => w.toLowerCase())), prev: new Set((c.prev ?? []).map((w) => w.toLowerCase())) });
  }
  return out;
}

/** Index of the token starting exactly at `at`, or -1 (findings of one word start and end on a token). */
function tokenStartingAt(doc: Doc, at: number): number {
  const t = doc.tokens;
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.count && t.start[lo] === at ? lo : -1;
}

/** Is this one-word finding the word in its other sense? */
export function otherSense(doc: Doc, start: number, end: number, senses: ReadonlyMap<string, Sense> = (table ??= loadSenses())): boolean {
  const i = tokenStartingAt(doc, start);
  if (i === -1 || doc.tokens.end[i] !== end) return false;
  const sense = senses.get(tokenLower(doc.tokens, i));
  if (!sense) return false;
  const t = doc.tokens;
  // Only the next or previous word of the same sentence counts (punctuation breaks the context).
  if (sense.next.size > 0 && i + 1 < t.count && t.kind[i + 1] === K_WORD && doc.tokenSentence[i + 1] === doc.tokenSentence[i] && sense.next.has(tokenLower(t, i + 1))) return true;
  if (sense.prev.size > 0 && i > 0 && t.kind[i - 1] === K_WORD && doc.tokenSentence[i - 1] === doc.tokenSentence[i] && sense.prev.has(tokenLower(t, i - 1))) return true;
  return false;
}
