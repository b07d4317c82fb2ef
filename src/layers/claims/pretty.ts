import pc from 'picocolors';
import type { Report } from '../../core/report.js';

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
    lines.push(
      `  ${c.red('accusation')} ${a.accuser?.text ?? c.dim('(the text itself)')} -> ${a.accused?.text ?? c.dim('(unnamed)')}: ${a.charges.join(', ') || a.charge.text}` +
        ` ${c.dim(a.evidence ? `evidence: ${a.evidence.text}` : 'no stated evidence')}`,
    );
  }
  return lines.join('\n');
}
