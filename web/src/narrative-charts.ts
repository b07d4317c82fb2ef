import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { NarrativeComparison } from '../../src/core/narrative-compare.js';
import type { PeriodBy, PeriodSeries } from '../../src/core/narrative-compare.js';
import type { GroupBy } from '../../src/core/compare.js';
import type { DocumentFilterParams } from './api.js';
import { groupColor, make } from './charts.js';
import { h, replace } from './dom.js';
import { download, json } from './export.js';
import { narrativeApi } from './narrative-api.js';
import { narrativeSharesCsv, periodsCsv } from './narrative-export.js';
import { errorBox } from './ui.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Line charts are made here (charts.ts makes bar charts); both are destroyed with the page. */
const lines: Chart[] = [];
function line(canvas: HTMLCanvasElement, config: ConstructorParameters<typeof Chart<'line'>>[1]): Chart {
  while (lines.length) lines.pop()!.destroy();
  const c = new Chart(canvas, config);
  lines.push(c);
  return c;
}

const pct1 = (x: number) => Math.round(x * 1000) / 10;
const base = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/** Narrative x group: for each narrative, the share of each group's documents that carry it (narratives only, sub-narratives in the table). */
export async function renderNarrativeComparison(box: HTMLElement, by: GroupBy, filter: DocumentFilterParams, tagPrefix: string): Promise<void> {
  let c: NarrativeComparison;
  try {
    c = await narrativeApi.compareNarratives(by, filter, tagPrefix);
  } catch (e) {
    return replace(box, errorBox(e));
  }
  if (c.groups.length === 0 || c.totals.documents === 0) return replace(box, h('p', { class: 'muted' }, 'No analysed documents with narratives to compare.'));
  const narr = c.labels.filter((l) => l.level === 'narrative');
  const canvas = h('canvas', { role: 'img', aria: { label: `Narratives by ${by}` } });
  const share = (g: NarrativeComparison['groups'][number], key: string) => g.narratives.find((s) => s.key === key);
  replace(
    box,
    h(
      'p',
      { class: 'muted' },
      `${c.totals.documents} documents; ${c.totals.other} carry none of the packs' narratives. ★ marks a share significantly different from the rest of the corpus (q < ${c.alpha}). `,
      h('span', { class: 'method', title: c.method }, 'How?'),
      h(
        'span',
        { class: 'exports' },
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`narratives-by-${by}.json`, json(c), 'application/json') } }, 'Export JSON'),
        h('button', { type: 'button', class: 'secondary', data: { testid: 'narratives-by-group-csv' }, on: { click: () => download(`narratives-by-${by}.csv`, narrativeSharesCsv(c), 'text/csv') } }, 'Export CSV'),
      ),
    ),
    narr.length
      ? h('figure', { class: 'chart wide', data: { testid: 'chart-narratives' } }, h('figcaption', null, `Share of documents carrying each narrative, by ${by}`), h('div', { class: 'canvas-box tall' }, canvas))
      : h('p', { class: 'muted' }, 'No document carries a narrative of the loaded packs.'),
    // A wide table scrolls in its own box on a narrow screen.
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'narratives', data: { testid: 'narratives-table' } },
        h('caption', null, `Narratives by ${by} (% of each group's documents)`),
        h('thead', null, h('tr', null, h('th', null, 'Narrative'), c.groups.map((g) => h('th', { class: 'num' }, `${g.key} (${g.documents})`)))),
        h(
          'tbody',
          null,
          c.labels.map((l) =>
            h(
              'tr',
              { class: l.level },
              h('td', null, l.level === 'subnarrative' ? `↳ ${l.label}` : l.label),
              c.groups.map((g) => {
                const s = share(g, l.key);
                if (!s) return h('td', null, '');
                return h('td', { class: `num ${s.significant ? (s.direction === 'higher' ? 'up' : 'down') : ''}`, title: `${s.count} of ${g.documents}; rest ${Math.round(s.restShare * 100)}%, q = ${s.qValue.toPrecision(2)}` }, `${pct1(s.share)}%${s.significant ? (s.direction === 'higher' ? ' ★▲' : ' ★▼') : ''}`);
              }),
            ),
          ),
          h('tr', { class: 'other' }, h('td', null, 'None (Other)'), c.groups.map((g) => h('td', { class: 'num' }, `${pct1(g.documents ? g.other / g.documents : 0)}%`))),
        ),
      ),
    ),
  );
  if (!narr.length) return;
  make(canvas, {
    type: 'bar',
    data: {
      labels: narr.map((l) => l.label),
      datasets: c.groups.map((g, i) => ({
        label: g.key,
        data: narr.map((l) => pct1(share(g, l.key)?.share ?? 0)),
        backgroundColor: groupColor(i),
        borderColor: narr.map((l) => (share(g, l.key)?.significant ? '#111' : 'transparent')),
        borderWidth: narr.map((l) => (share(g, l.key)?.significant ? 2 : 0)),
      })),
    },
    options: {
      ...base,
      indexAxis: 'y',
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.formattedValue}% of documents` } } },
      scales: { x: { beginAtZero: true, max: 100, title: { display: true, text: '% of documents' } } },
    },
  });
}

const MEASURE_CHOICES: Array<{ id: string; label: string }> = [
  { id: 'narratives', label: 'Narratives (% of documents)' },
  { id: 'techniques', label: 'Technique rates (per 1,000 words)' },
  { id: 'intensity', label: 'Intensity (mean 0–100)' },
  { id: 'roles', label: 'Actor roles (% of actors)' },
  { id: 'frames', label: 'Dominant frames (% of documents)' },
];

/** A timeline of one measure per month, week or day, with a line per series (the strongest eight). */
export async function renderTimeline(box: HTMLElement, filter: DocumentFilterParams, by: PeriodBy = 'month', measure = 'narratives'): Promise<void> {
  let s: PeriodSeries;
  try {
    s = await narrativeApi.comparePeriods(by, filter, [measure]);
  } catch (e) {
    return replace(box, errorBox(e));
  }
  const bySelect = h(
    'select',
    { id: 'timeline-by', on: { change: () => void renderTimeline(box, filter, bySelect.value as PeriodBy, measureSelect.value) } },
    (['month', 'week', 'day'] as const).map((k) => h('option', { value: k, selected: k === by ? 'selected' : undefined }, k)),
  );
  const measureSelect = h(
    'select',
    { id: 'timeline-measure', on: { change: () => void renderTimeline(box, filter, bySelect.value as PeriodBy, measureSelect.value) } },
    MEASURE_CHOICES.map((m) => h('option', { value: m.id, selected: m.id === measure ? 'selected' : undefined }, m.label)),
  );
  const series = new Map<string, number>();
  for (const p of s.periods) for (const [k, v] of Object.entries(p.measures[measure] ?? {})) series.set(k, (series.get(k) ?? 0) + v);
  const shown = [...series].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k]) => k);
  const canvas = h('canvas', { role: 'img', aria: { label: `${measure} per ${by}` } });
  const percent = measure !== 'techniques' && measure !== 'intensity';
  replace(
    box,
    h(
      'div',
      { class: 'row' },
      h('label', null, 'Measure ', measureSelect),
      h('label', null, ' per ', bySelect),
      h(
        'span',
        { class: 'exports' },
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`timeline-${measure}-by-${by}.json`, json(s), 'application/json') } }, 'Export JSON'),
        h('button', { type: 'button', class: 'secondary', data: { testid: 'timeline-csv' }, on: { click: () => download(`timeline-${measure}-by-${by}.csv`, periodsCsv(s), 'text/csv') } }, 'Export CSV'),
      ),
    ),
    h(
      'p',
      { class: 'muted small', data: { testid: 'timeline-note' } },
      `${s.periods.length} ${by === 'day' ? 'days' : `${by}s`}, ${s.periods.reduce((a, p) => a + p.documents, 0)} dated documents.`,
      s.undated ? ` ${s.undated.documents} documents without a date are counted apart and not drawn.` : '',
    ),
    s.periods.length
      ? h('figure', { class: 'chart wide', data: { testid: 'chart-timeline' } }, h('figcaption', null, `${MEASURE_CHOICES.find((m) => m.id === measure)?.label ?? measure} per ${by}`), h('div', { class: 'canvas-box' }, canvas))
      : h('p', { class: 'muted' }, 'No dated documents.'),
  );
  if (!s.periods.length) return;
  line(canvas, {
    type: 'line',
    data: {
      labels: s.periods.map((p) => p.period),
      datasets: shown.map((k, i) => ({
        label: k,
        data: s.periods.map((p) => (percent ? pct1(p.measures[measure]?.[k] ?? 0) : (p.measures[measure]?.[k] ?? 0))),
        borderColor: groupColor(i),
        backgroundColor: groupColor(i),
        tension: 0.2,
      })),
    },
    options: { ...base, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }, scales: { y: { beginAtZero: true, title: { display: true, text: percent ? '%' : measure === 'intensity' ? '0–100' : 'per 1,000 words' } } } },
  });
}
