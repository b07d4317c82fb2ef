import type { GroupBlindSpots, StoryView } from '../core/stories.js';

/** `framewise stories --format table`: each story, its versions by group, and what each leaves out. */

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pad = (s: string, n: number) => clip(s, n).padEnd(n);
const day = (s: string | null) => (s ? s.slice(0, 10) : 'undated');

export function storyToTable(v: StoryView, options: { evidence?: number } = {}): string {
  const evidence = options.evidence ?? 1;
  const span = v.firstAt === v.lastAt ? day(v.firstAt) : `${day(v.firstAt)} to ${day(v.lastAt)}`;
  const lines = [`Story ${v.id}: ${v.title}`, `  ${span}, ${v.documents.length} version${v.documents.length === 1 ? '' : 's'}: ${v.groups.map((g) => `${g.group} ${g.documents}`).join(', ')}; ${v.facts.filter((f) => f.carriedBy >= 2).length} facts carried by two or more`];
  for (const d of v.documents) {
    const counts = d.analysed ? `shares ${d.shares.length}  only ${d.only.length}  omits ${d.omits.length}${d.changed.length ? `  changed ${d.changed.length}` : ''}` : 'not analysed';
    lines.push(`  ${pad(d.group, 12)} ${pad(d.outlet ?? '-', 22)} #${String(d.id).padEnd(6)} ${pad(d.title ?? '', 44)} ${counts}`);
    for (const o of d.omits) {
      lines.push(`      omits: ${clip(o.text, 100)} (${o.carriedBy} of ${o.others} others)`);
      for (const e of o.evidence.slice(0, evidence)) lines.push(`        ${e.outlet ?? e.group}: "${clip(e.text, 96)}"`);
    }
    for (const c of d.changed) {
      const cell = v.facts.find((f) => f.id === c.fact)?.cells.find((x) => x.documentId === d.id);
      lines.push(`      changed: "${clip(cell?.text ?? '', 80)}" where most say "${clip(c.text, 60)}"`);
    }
    if (d.headline && !d.headline.supported) lines.push(`      misleading headline: "${d.headline.text}": ${d.headline.reason}`);
    if (d.roles) lines.push(`      roles: ${d.roles.map((r) => `${r.name} ${r.role}`).join(', ')}`);
    if (d.narratives) lines.push(`      narratives: ${d.narratives.length ? d.narratives.map((n) => n.label).join(', ') : 'none chosen'}`);
  }
  for (const b of v.blindSpots) lines.push(`  blind spots of ${b.group}: ${b.facts.map((f) => `"${clip(f.text, 70)}"`).join('; ')}`);
  return lines.join('\n') + '\n';
}

export function blindSpotsToTable(groups: GroupBlindSpots[]): string {
  if (groups.length === 0) return '';
  const lines = ['Blind spots by group (facts most other versions carry that every version of the group leaves out):'];
  for (const g of groups) {
    lines.push(`  ${g.group}: ${g.facts.length} in ${g.stories} stor${g.stories === 1 ? 'y' : 'ies'}`);
    for (const f of g.facts.slice(0, 10)) lines.push(`    story ${f.storyId}: ${clip(f.text, 100)} (${f.carriedBy} of ${f.others} others)`);
    if (g.facts.length > 10) lines.push(`    and ${g.facts.length - 10} more`);
  }
  return lines.join('\n') + '\n';
}
