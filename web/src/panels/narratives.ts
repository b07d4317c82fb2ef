import type { NarrativeEvidence, NarrativeScore, NarrativesReport } from '../../../src/core/narratives.js';
import type { Report } from '../../../src/core/report.js';
import { h, pct, type Child } from '../dom.js';
import { download } from '../export.js';
import { documentNarrativesCsv } from '../narrative-export.js';
import { section } from './section.js';

/** An evidence sentence with its cue spans highlighted (offsets are into the original text). */
function evidenceLine(e: NarrativeEvidence): HTMLElement {
  const parts: Child[] = [];
  let at = e.start;
  for (const c of e.cues) {
    if (c.start < at) continue;
    parts.push(e.text.slice(at - e.start, c.start - e.start));
    parts.push(h('mark', { class: `cue cue-${c.kind}`, title: c.kind === 'model' ? 'a word the model leaned on' : `pack ${c.kind}` }, e.text.slice(c.start - e.start, c.end - e.start)));
    at = c.end;
  }
  parts.push(e.text.slice(at - e.start));
  const voice = e.voice.kind === 'author' ? 'author' : `${e.voice.quoted ? 'quoted' : 'reported'}: ${e.voice.speaker ?? 'a source'}`;
  return h('li', { data: { testid: 'narrative-evidence' } }, h('span', { class: `voice voice-${e.voice.kind}` }, voice), ' ', ...parts);
}

function row(it: NarrativeScore, dominant: boolean): HTMLElement {
  return h(
    'details',
    { class: `bar-row${it.chosen ? ' chosen' : ''}${dominant ? ' dominant' : ''}${it.level === 'subnarrative' ? ' sub' : ''}`, data: { testid: 'narrative-row', id: it.id } },
    h(
      'summary',
      null,
      h('span', { class: 'bar-label' }, it.level === 'subnarrative' ? '↳ ' : '', it.label, it.chosen ? ' ✓' : ''),
      h('span', { class: 'bar-track' }, h('span', { class: 'bar-fill', style: { width: pct(it.score, 1) } })),
      h('span', { class: 'bar-value' }, pct(it.score)),
    ),
    it.evidence.length ? h('ul', { class: 'small evidence' }, it.evidence.map(evidenceLine)) : h('p', { class: 'small muted' }, 'No evidence sentence.'),
  );
}

/** Which narratives the text carries (✓), the dominant one explained, and the evidence with its cues highlighted. */
export function narrativesPanel(report: Report): HTMLElement | null {
  const n = section<NarrativesReport>(report, 'narratives');
  if (!n || !Array.isArray(n.items)) return null;
  const chosen = n.items.filter((it) => it.chosen);
  // Chosen items first (each narrative followed by its chosen sub-narratives), then the closest others with evidence.
  const near = n.items.filter((it) => !it.chosen && it.evidence.length > 0).sort((a, b) => b.score - a.score).slice(0, 3);
  return h(
    'section',
    { class: 'panel narratives-panel', data: { testid: 'panel-narratives' } },
    h(
      'h3',
      null,
      'Narratives',
      h('span', { class: 'muted small' }, ` (${n.packs.map((p) => p.name).join(', ')})`),
      h('button', { type: 'button', class: 'secondary small', data: { testid: 'narratives-csv' }, on: { click: () => download('narratives.csv', documentNarrativesCsv(n), 'text/csv') } }, 'CSV'),
    ),
    n.dominant
      ? h('p', { class: 'dominant-narrative', data: { testid: 'dominant-narrative' } }, h('strong', null, n.dominant.label), h('br'), h('span', { class: 'small explanation' }, n.dominant.explanation.text))
      : h('p', { class: 'muted', data: { testid: 'dominant-narrative' } }, 'Other: the text carries none of the packs’ narratives.'),
    chosen.length ? h('div', { class: 'bars' }, chosen.map((it) => row(it, it.id === n.dominant?.id))) : null,
    near.length ? h('div', { class: 'bars near' }, h('p', { class: 'small muted' }, 'Closest of the others:'), near.map((it) => row(it, false))) : null,
    h('p', { class: 'muted small' }, 'Scores are the probability that the text carries the narrative; ✓ chosen. Open one for its evidence: highlighted, the cues of the pack and the words the model leaned on.'),
  );
}
