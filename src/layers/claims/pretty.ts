import pc from 'picocolors';
import type { Claim } from '../../core/claims.js';
import type { Report } from '../../core/report.js';

const STANCE_NOTE = { rejects: 'the author rejects it', doubts: 'the author casts doubt on it', endorses: 'the author endorses it' } as const;

/** Who makes an accusation: the speaker, an unnamed source, or the author when nobody else does. */
function accuserText(x: Claim): string {
  const a = x.accusation!;
  if (a.accuser) return x.voice?.speaker && x.voice.speaker !== a.accuser.text ? `${x.voice.speaker}` : a.accuser.text;
  if (x.voice) return x.voice.speaker ?? '(an unnamed source)';
  return '(the author)';
}

function stanceNote(x: Claim): string {
  const s = x.voice?.stance;
  return s ? ` (${STANCE_NOTE[s]})` : '';
}

/** Terminal section: check-worthy claims by type and hedging, and every accusation with its parties. */
export function claimsSection(report: Report, colors: boolean): string | null {
  const claims = report.claims;
  if (!claims || claims.length === 0) return null;
  const c = pc.createColors(colors);
  const byType = new Map<string, number>();
  for (const x of claims) byType.set(x.type, (byType.get(x.type) ?? 0) + 1);
  const unsourced = claims.filter((x) => x.source.class === 'unattributed-claim' || x.source.class === 'opinion').length;
  const lines = [
    `${c.bold('Claims')}  ${claims.length} check-worthy (${[...byType].map(([k, v]) => `${k} ${v}`).join(', ')}); ${unsourced} without a source; ` +
      `${claims.filter((x) => x.hedging !== 'certain').length} hedged or conditional`,
  ];
  for (const x of claims) {
    const a = x.accusation;
    if (!a) continue;
    const line =
      `  ${c.red('accusation')} ${accuserText(x)} -> ${a.accused?.text ?? c.dim('(unnamed)')}: ${a.charges.join(', ') || a.charge.text}` +
      ` ${c.dim(a.evidence ? `evidence: ${a.evidence.text}` : 'no stated evidence')}${stanceNote(x)}`;
    lines.push(line.replace(/\s*\n\s*/g, ' ')); // one line, however the page wrapped the words
  }
  return lines.join('\n');
}
