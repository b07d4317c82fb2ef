import pc from 'picocolors';
import type { NarrativeEvidence, NarrativeScore } from '../../core/narratives.js';
import type { Report } from '../../core/report.js';
import { STANCE_PHRASE as STANCE } from '../../core/voice.js';

/** Characters of an evidence sentence shown before it is cut. */
const MAX_SENTENCE = 110;
/** Narratives not chosen that are still listed (the closest ones), and the score they need. */
const MAX_CLOSE = 2;
const MIN_CLOSE = 0.2;

/** "[author]", or the source and how it speaks, with the author's stance toward its words. */
function voiceTag(e: NarrativeEvidence, c: ReturnType<typeof pc.createColors>): string {
  const v = e.voice;
  if (v.kind === 'author') return c.dim('[author]');
  const who = v.speaker ?? 'an unnamed source';
  const stance = v.stance ? `, ${STANCE[v.stance]}` : '';
  return c.dim(`[${who}${v.quoted ? ', quoted' : ''}${stance}]`);
}

function sentenceLine(e: NarrativeEvidence, c: ReturnType<typeof pc.createColors>): string {
  const text = e.text.replace(/\s+/g, ' ').trim();
  const cut = text.length > MAX_SENTENCE ? `${text.slice(0, MAX_SENTENCE - 3)}...` : text;
  const cues = e.cues.length > 0 ? c.dim(`  cues: ${e.cues.slice(0, 4).map((x) => `"${x.text}"`).join(' ')}`) : '';
  return `      "${cut}" ${voiceTag(e, c)}${cues}`;
}

/**
 * Terminal section: the narratives each loaded pack finds (or "Other"), each with its score, its
 * chosen sub-narratives and the sentences behind it in their voice; then the closest narratives not
 * chosen, so a reader sees what nearly counted.
 */
export function narrativesSection(report: Report, colors: boolean): string | null {
  const n = report.narratives;
  if (!n || n.packs.length === 0) return null;
  const c = pc.createColors(colors);
  const packs = n.packs.map((p) => p.name).join(', ');
  const chosen = n.items.filter((it) => it.chosen && it.level === 'narrative');
  const head = chosen.length === 0 ? `none of the pack's narratives (${c.bold('Other')})` : `${chosen.length} chosen`;
  const lines = [`${c.bold('Narratives')}  ${head}  ${c.dim(`pack: ${packs}`)}`];
  const subsOf = (it: NarrativeScore) => n.items.filter((s) => s.parent === it.id && s.pack === it.pack);
  for (const it of chosen.sort((a, b) => b.score - a.score)) {
    lines.push(`  ${c.bold(it.label)}  ${it.score.toFixed(2)}`);
    for (const s of subsOf(it).filter((s) => s.chosen)) lines.push(`    ${s.label}  ${s.score.toFixed(2)}`);
    for (const e of it.evidence) lines.push(sentenceLine(e, c));
  }
  const close = n.items
    .filter((it) => !it.chosen && it.level === 'narrative' && it.score >= MIN_CLOSE)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CLOSE);
  if (close.length > 0) lines.push(c.dim(`  closest not chosen: ${close.map((it) => `${it.label} ${it.score.toFixed(2)}`).join('; ')}`));
  return lines.join('\n');
}
