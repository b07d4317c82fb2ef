import pc from 'picocolors';
import type { Report } from '../../core/report.js';

/** Terminal section: the actors of the document, each with its portrayal and the cue words behind it. */
export function actorsSection(report: Report, colors: boolean): string | null {
  const actors = report.actors;
  if (!actors || actors.length === 0) return null;
  const c = pc.createColors(colors);
  const paint = { aggressor: c.red, victim: c.yellow, authority: c.blue, neutral: c.dim };
  const lines = [c.bold('Actors')];
  for (const a of actors.slice(0, 12)) {
    const cues = [...new Set(a.portrayal.evidence.map((e) => `${e.role.slice(0, 3)}:${e.cue}`))].slice(0, 4).join(' ');
    const loaded = a.loadedTerms.length ? `  loaded: ${[...new Set(a.loadedTerms.map((l) => l.text))].join(', ')}` : '';
    lines.push(`  ${a.name} ${c.dim(`(${a.type}, ${a.mentions.length}x)`)} ${paint[a.portrayal.role](a.portrayal.role)} ${c.dim(cues)}${loaded}`);
  }
  if (actors.length > 12) lines.push(c.dim(`  ... and ${actors.length - 12} more`));
  return lines.join('\n');
}
