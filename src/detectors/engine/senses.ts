/**
 * Findings that are a charged word in its other sense are dropped, whichever detector made them
 * (the table and its reader live in lexicon/senses.ts, shared with the layers).
 */
import type { Doc } from '../../text/segment.js';
import { otherSense, senses } from '../../lexicon/senses.js';
import type { CollectedFinding } from './contract.js';

export { loadSenses, otherSense, SENSES_FILE } from '../../lexicon/senses.js';

/** Removes, in place, the findings that are a charged word used in its other sense. */
export function dropOtherSenses(doc: Doc, findings: CollectedFinding[]): void {
  if (findings.length === 0) return;
  const table = senses();
  let w = 0;
  for (const f of findings) if (!otherSense(doc, f.start, f.end, table)) findings[w++] = f;
  findings.length = w;
}
