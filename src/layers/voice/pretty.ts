import pc from 'picocolors';
import type { Report } from '../../core/report.js';
import { STANCE_PHRASE as STANCE } from '../../core/voice.js';


/** Terminal section: who speaks in the text besides the author, and where the author takes a stance. */
export function voicesSection(report: Report, colors: boolean): string | null {
  const vs = report.voices;
  if (!vs || vs.length === 0) return null;
  const c = pc.createColors(colors);
  const top = vs.filter((v) => v.mode !== 'phrase' || v.speaker !== null);
  const lines = [`${c.bold('Voices')}  ${vs.length} reported part(s); the rest is the author's`];
  for (const v of top.slice(0, 10)) {
    // One line per voice, however the page wrapped the words.
    const flat = v.text.replace(/\s+/g, ' ');
    const words = flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
    const stance = v.stance ? `  ${c.magenta(STANCE[v.stance])}` : '';
    const nested = v.parent !== null ? c.dim(' (reported within another source)') : '';
    lines.push(`  ${v.speaker ?? c.dim('(unnamed)')} ${c.dim(`[${v.mode}${v.quoted ? ', quoted' : ''}${v.denied ? ', denies' : ''}]`)} ${words}${stance}${nested}`);
  }
  if (top.length > 10) lines.push(c.dim(`  ... and ${top.length - 10} more`));
  return lines.join('\n');
}
