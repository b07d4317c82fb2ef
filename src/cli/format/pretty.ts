import pc from 'picocolors';
import type { Report } from '../../core/report.js';
import { CATEGORIES, techniqueInfo } from '../../core/taxonomy.js';
import { strengthOf } from '../../core/finding.js';
import { categoryPaint } from './colors.js';
import { sourcingSection } from '../../layers/sourcing/pretty.js';
import { claimsSection } from '../../layers/claims/pretty.js';
import { actorsSection } from '../../layers/actors/pretty.js';
import { voicesSection } from '../../layers/voice/pretty.js';
import { framesSection } from '../../layers/frames/pretty.js';
import { intensitySection } from '../../layers/intensity/pretty.js';
import { narrativesSection } from '../../layers/narratives/pretty.js';
import { STANCE_PHRASE as STANCE } from '../../core/voice.js';

export interface PrettyOptions {
  colors: boolean;
  file?: string;
}

/** Extra sections (frame bar, intensity gauge, sourcing...) contributed by report layers. */
export type PrettySection = (report: Report, colors: boolean) => string | null;
export const prettySections: PrettySection[] = [framesSection, intensitySection, sourcingSection, voicesSection, claimsSection, actorsSection, narrativesSection];


/** "  in the words of X (rejected by the author)" for a finding in a source's words; "" in the author's. */
function voiceOf(f: Report['findings'][number], c: ReturnType<typeof pc.createColors>): string {
  const v = f.voice;
  if (!v || v.kind === 'author') return '';
  const stance = v.stance ? `, ${STANCE[v.stance]}` : '';
  return c.magenta(`  in the words of ${v.speaker ?? 'an unnamed source'}${v.quoted ? ' (quoted' + stance + ')' : stance ? ` (${stance.slice(2)})` : ''}`);
}

/**
 * The text with every finding highlighted in its category's colour and numbered, then a legend and
 * one line per finding: where, what, how confident, why. Strong findings (calibrated confidence 0.5
 * or more) are highlighted in their category colour; possible ones only underlined, and their number
 * carries a question mark ("[3?]"), so the difference shows without colours too.
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
  const mark = (k: number) => `[${k + 1}${strengthOf(findings[k]!.confidence) === 'strong' ? '' : '?'}]`;
  findings.forEach((f, k) => {
    if (f.start < pos) return;
    const words = text.slice(f.start, f.end);
    out += text.slice(pos, f.start) + (strengthOf(f.confidence) === 'strong' ? paint[f.category](words) : c.underline(words)) + c.dim(mark(k));
    pos = f.end;
  });
  out += text.slice(pos);
  lines.push(out.trimEnd(), '');
  const used = CATEGORIES.filter((cat) => report.counts.byCategory[cat] > 0);
  if (used.length > 0) {
    lines.push(`${c.bold('Legend')}  ${used.map((cat) => `${paint[cat](` ${cat} `)} ${report.counts.byCategory[cat]}`).join('  ')}`);
    lines.push(c.dim(`         strong: highlighted, [n] (confidence ${'\u2265'} 0.5)   possible: ${c.underline('underlined')}, [n?]`));
  }
  findings.forEach((f, k) => {
    const name = techniqueInfo(f.technique).name;
    const strength = strengthOf(f.confidence);
    lines.push(
      `${c.dim(mark(k))} ${f.line}:${f.column} ${paint[f.category](` ${f.technique} `)} ${strength === 'strong' ? c.bold(strength) : strength} ${c.dim(`${f.confidence.toFixed(2)} ${f.source} ${f.ruleId}`)}${voiceOf(f, c)}\n     ${name}: ${f.message}`,
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
