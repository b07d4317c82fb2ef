import pc from 'picocolors';
import type { ActorSummary, VoiceCasting } from '../../core/actors.js';
import type { FramingRole } from '../../core/framing.js';
import type { Report } from '../../core/report.js';

type Paint = (s: string) => string;

/**
 * The archetypes a cast list names: the strongest, and a second one only when it scores nearly as
 * high (three quarters of the first). The report lists every archetype over its cut with its score
 * (the task's metric counts them all); a reader of a summary line is better served by the one or two
 * the classifier is surest of than by four weak ones ("Europe antagonist (tyrant, instigator,
 * terrorist)" for a government that buys arms).
 */
export function shownArchetypes(list: readonly { id: string; score: number }[]): string[] {
  if (list.length === 0) return [];
  const sorted = [...list].sort((a, b) => b.score - a.score);
  const out = [sorted[0]!.id];
  if (sorted.length > 1 && sorted[1]!.score >= 0.75 * sorted[0]!.score) out.push(sorted[1]!.id);
  return out;
}

/** "A antagonist (tyrant)": one actor as a voice casts it. */
function castEntry(name: string, v: Pick<VoiceCasting, 'role' | 'archetypes'>, paint: Record<FramingRole, Paint>): string {
  const shown = shownArchetypes(v.archetypes);
  const arch = shown.length ? ` (${shown.join(', ')})` : '';
  return `${name} ${paint[v.role](v.role)}${arch}`;
}

/**
 * Cast lists per voice: how the author casts each framed actor, then how the quoted and reported
 * sources cast them ("author casts: A antagonist (tyrant), B innocent (victim); quoted sources cast: ...").
 */
export function castLines(actors: readonly ActorSummary[], paint: Record<FramingRole, Paint>): string[] {
  const author = actors.filter((a) => a.framing.role !== 'unframed').map((a) => castEntry(a.name, a.framing, paint));
  const bySpeaker = new Map<string, string[]>();
  for (const a of actors) {
    for (const v of a.framing.byVoice) {
      if (v.kind !== 'source' || v.role === 'unframed') continue;
      const who = v.speaker ?? 'an unnamed source';
      const list = bySpeaker.get(who) ?? [];
      list.push(castEntry(a.name, v, paint));
      bySpeaker.set(who, list);
    }
  }
  const lines = [`  author casts: ${author.length ? author.join(', ') : 'nobody'}`];
  if (bySpeaker.size > 0) lines.push(`  quoted sources cast: ${[...bySpeaker].map(([who, list]) => `${who}: ${list.join(', ')}`).join('; ')}`);
  return lines;
}

/** Terminal section: the cast per voice, then each actor with its type, mentions, evidence and the words it speaks. */
export function actorsSection(report: Report, colors: boolean): string | null {
  const actors = report.actors;
  if (!actors || actors.length === 0) return null;
  const c = pc.createColors(colors);
  const paint: Record<FramingRole, Paint> = { antagonist: c.red, innocent: c.yellow, protagonist: c.green, unframed: c.dim };
  const lines = [c.bold('Actors'), ...castLines(actors, paint)];
  for (const a of actors.slice(0, 12)) {
    // An actor the author leaves unframed shows only what its sources' words hold against or for it.
    const shown = a.framing.role === 'unframed' ? a.framing.evidence.filter((e) => e.voice) : a.framing.evidence;
    const ev = [...new Set(shown.map((e) => `"${e.text}"${e.voice ? ` [${e.voice.speaker ?? 'a source'}]` : ''}`))].slice(0, 3).join(' ');
    const speaks = a.sourceOf.length ? `  speaks ${a.sourceOf.length}x${a.sourceOf.some((s) => s.stance === 'rejects') ? ' (the author rejects some)' : ''}` : '';
    // A term in a source's words says whose: "genocide [Tarvian diaspora groups]".
    const loaded = a.loadedTerms.length
      ? `  loaded: ${[...new Set(a.loadedTerms.map((l) => (l.voice ? `${l.text} [${l.voice.speaker ?? 'a source'}]` : l.text)))].join(', ')}`
      : '';
    lines.push(`  ${a.name} ${c.dim(`(${a.type}, ${a.mentions.length}x)`)} ${paint[a.framing.role](a.framing.role)} ${c.dim(ev)}${speaks}${loaded}`);
  }
  if (actors.length > 12) lines.push(c.dim(`  ... and ${actors.length - 12} more`));
  return lines.join('\n');
}
