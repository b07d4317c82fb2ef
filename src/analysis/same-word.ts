import type { Finding } from '../core/finding.js';
import { TECHNIQUE_IDS, techniqueInfo, toPtcLabel } from '../core/taxonomy.js';

/**
 * One word, one finding: two techniques reported on the very same single word ("crooks" as loaded
 * language and as name calling, at nearly the same confidence) tell a reader the same thing twice.
 * One finding stays and names the other in its evidence; the other is dropped. The one that stays:
 * a technique whose confidence is calibrated (PTC annotates it) over one whose confidence is only
 * its rule's (capped), then the more confident, then the earlier in the taxonomy. Spans of several
 * words keep every technique: there the techniques usually rest on different words of the span.
 *
 * `findings` must be sorted by start and end (finaliseFindings' order); filtered in place.
 */
export function foldSameWord(findings: Finding[]): Finding[] {
  let w = 0;
  for (let r = 0; r < findings.length; r++) {
    const f = findings[r]!;
    const prev = w > 0 ? findings[w - 1]! : null;
    if (prev && prev.start === f.start && prev.end === f.end && prev.technique !== f.technique && isOneWord(f.text)) {
      const [keep, drop] = before(f, prev) ? [f, prev] : [prev, f];
      (keep.evidence ??= []).push({ label: 'also read as', text: `${techniqueInfo(drop.technique).name} (${drop.confidence})`, start: drop.start, end: drop.end });
      findings[w - 1] = keep;
      continue;
    }
    findings[w++] = f;
  }
  findings.length = w;
  return findings;
}

function isOneWord(text: string): boolean {
  return text.length > 0 && !/\s/.test(text);
}

/** Does `a` stay rather than `b` (see the module comment)? */
function before(a: Finding, b: Finding): boolean {
  const ca = toPtcLabel(a.technique) !== null;
  const cb = toPtcLabel(b.technique) !== null;
  if (ca !== cb) return ca;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return TECHNIQUE_IDS.indexOf(a.technique) < TECHNIQUE_IDS.indexOf(b.technique);
}
