import pc from 'picocolors';
import type { Report } from '../../core/report.js';
import { CATEGORIES, techniqueInfo } from '../../core/taxonomy.js';
import { categoryPaint } from './colors.js';
import { sourcingSection } from '../../layers/sourcing/pretty.js';
import { claimsSection } from '../../layers/claims/pretty.js';
import { actorsSection } from '../../layers/actors/pretty.js';
import { voicesSection } from '../../layers/voice/pretty.js';
import { framesSection } from '../../layers/frames/pretty.js';
import { intensitySection } from '../../layers/intensity/pretty.js';

export interface PrettyOptions {
  colors: boolean;
  file?: string;
}

/** Extra sections (frame bar, intensity gauge, sourcing...) contributed by report layers. */
export type PrettySection = (report: Report, colors: boolean) => string | null;
export const prettySections: PrettySection[] = [framesSection, intensitySection, sourcingSection, voicesSection, claimsSection, actorsSection];

/**
 * The text with every finding highlighted in its category's colour and numbered, then a legend and
 * one line per finding: where, what, how confident, why.
 */
export function formatPretty(text: string, report: Report, opts: PrettyOptions): string {
  const c = pc.createColors(opts.colors);
  const paint = categoryPaint(opts.colors);
  const lines: string[] = [];
  if (opts.file) lines.push(c.bold(opts.file));
  // Highlight outermost spans only (nested ones are listed below), numbering each.
  const findings = report.findings;
  let out = '';
  let pos = 0;
  findings.forEach((f, k) => {
    if (f.start < pos) return;
    out += text.slice(pos, f.start) + paint[f.category](text.slice(f.start, f.end)) + c.dim(`[${k + 1}]`);
    pos = f.end;
  });
  out += text.slice(pos);
  lines.push(out.trimEnd(), '');
  const used = CATEGORIES.filter((cat) => report.counts.byCategory[cat] > 0);
  if (used.length > 0) lines.push(`${c.bold('Legend')}  ${used.map((cat) => `${paint[cat](` ${cat} `)} ${report.counts.byCategory[cat]}`).join('  ')}`);
  findings.forEach((f, k) => {
    const name = techniqueInfo(f.technique).name;
    lines.push(
      `${c.dim(`[${k + 1}]`)} ${f.line}:${f.column} ${paint[f.category](` ${f.technique} `)} ${c.dim(`${f.confidence.toFixed(2)} ${f.source} ${f.ruleId}`)}\n     ${name}: ${f.message}`,
    );
  });
  for (const section of prettySections) {
    const s = section(report, opts.colors);
    if (s) lines.push('', s);
  }
  lines.push(
    '',
    `${c.bold(String(report.counts.total))} findings in ${report.words} words (${report.ratePer1000Words} per 1,000 words)` +
      (report.errors.length ? c.red(`; ${report.errors.length} detector error(s): ${report.errors.map((e) => e.detector).join(', ')}`) : ''),
  );
  return lines.join('\n') + '\n';
}
