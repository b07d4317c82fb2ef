import type { LayerComparison } from '../../src/core/compare.js';
import { FRAMES } from '../../src/core/frames.js';
import { make } from './charts.js';
import { h } from './dom.js';
import { BAND_COLOR } from './panels/intensity.js';
import { SOURCING_STYLE } from './panels/sourcing.js';
import type { Chart } from 'chart.js';
import { countShare, numbersTable, short } from './chart-numbers.js';

/** Per-group charts of the report layers: frame mix, intensity bands, sourcing shares, actor portrayal. */

// Tableau 10: eight clearly different hues for the strongest frames.
const FRAME_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#9c755f'];
const frameName = new Map<string, string>(FRAMES.map((f) => [f.id, f.name]));
const stacked = { x: { stacked: true }, y: { stacked: true, beginAtZero: true, max: 100, title: { display: true, text: '%' } } } as const;
const pct1 = (x: number) => Math.round(x * 1000) / 10;
const base = { responsive: true, maintainAspectRatio: false, animation: false } as const;
const legend = { position: 'bottom', labels: { boxWidth: 12 } } as const;

/** Mean frame shares per group: the eight strongest frames overall, the rest as "other". */
export function frameMixChart(canvas: HTMLCanvasElement, c: LayerComparison): Chart {
  const totals = new Map<string, number>();
  for (const g of c.groups) for (const [id, x] of Object.entries(g.frames.mix)) totals.set(id, (totals.get(id) ?? 0) + x);
  const shown = [...totals].filter(([, x]) => x > 0).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([id]) => id);
  const other = (g: LayerComparison['groups'][number]) => 1 - shown.reduce((n, id) => n + ((g.frames.mix as Record<string, number>)[id] ?? 0), 0);
  return make(canvas, {
    type: 'bar',
    data: {
      labels: c.groups.map((g) => short(g.key)),
      datasets: [
        ...shown.map((id, i) => ({ label: frameName.get(id) ?? id, data: c.groups.map((g) => pct1((g.frames.mix as Record<string, number>)[id] ?? 0)), backgroundColor: FRAME_COLORS[i % FRAME_COLORS.length]! })),
        { label: 'Other frames', data: c.groups.map((g) => (g.frames.framed ? pct1(Math.max(0, other(g))) : 0)), backgroundColor: '#d5dbe3' },
      ],
    },
    options: {
      ...base,
      plugins: {
        legend,
        tooltip: {
          callbacks: {
            title: (items: Array<{ dataIndex: number }>) => c.groups[items[0]!.dataIndex]!.key,
            label: (item: { dataset: { label?: string }; formattedValue: string; dataIndex: number; datasetIndex: number }) => {
              const g = c.groups[item.dataIndex]!;
              const id = shown[item.datasetIndex];
              const dominant = id ? ((g.frames.dominant as Record<string, number>)[id] ?? 0) : null;
              return `${item.dataset.label}: ${item.formattedValue}%${dominant === null ? '' : ` (dominant in ${dominant} of ${g.frames.framed} framed documents)`}`;
            },
          },
        },
      },
      scales: stacked,
    },
  });
}

/** Share of each group's documents per intensity band, with the mean score in the label. */
export function intensityBandsChart(canvas: HTMLCanvasElement, c: LayerComparison): Chart {
  const bands = Object.keys(BAND_COLOR);
  return make(canvas, {
    type: 'bar',
    data: {
      labels: c.groups.map((g) => `${short(g.key)} (mean ${Math.round(g.intensity.mean)})`),
      datasets: bands.map((b) => ({
        label: b,
        data: c.groups.map((g) => (g.intensity.scored ? pct1(((g.intensity.bands as Record<string, number>)[b] ?? 0) / g.intensity.scored) : 0)),
        backgroundColor: BAND_COLOR[b]!,
        borderColor: '#c8d1dc',
        borderWidth: b === 'neutral' ? 1 : 0,
      })),
    },
    options: {
      ...base,
      plugins: {
        legend,
        tooltip: {
          callbacks: {
            title: (items: Array<{ dataIndex: number }>) => c.groups[items[0]!.dataIndex]!.key,
            label: (item: { dataset: { label?: string }; formattedValue: string; dataIndex: number }) => {
              const g = c.groups[item.dataIndex]!;
              return `${item.dataset.label}: ${item.formattedValue}% (${(g.intensity.bands as Record<string, number>)[item.dataset.label ?? ''] ?? 0} of ${g.intensity.scored} documents)`;
            },
          },
        },
      },
      scales: stacked,
    },
  });
}

/** Pooled sourcing shares per group (every sentence weighs the same). */
export function sourcingChart(canvas: HTMLCanvasElement, c: LayerComparison): Chart {
  const classes = Object.keys(SOURCING_STYLE).filter((cls) => c.groups.some((g) => ((g.sourcing.shares as Record<string, number>)[cls] ?? 0) > 0));
  return make(canvas, {
    type: 'bar',
    data: {
      labels: c.groups.map((g) => `${short(g.key)} (${Math.round(g.sourcing.weakShare * 100)}% weak)`),
      datasets: classes.map((cls) => ({
        label: SOURCING_STYLE[cls]!.name,
        data: c.groups.map((g) => pct1((g.sourcing.shares as Record<string, number>)[cls] ?? 0)),
        backgroundColor: SOURCING_STYLE[cls]!.color,
      })),
    },
    options: {
      ...base,
      plugins: {
        legend,
        tooltip: {
          callbacks: {
            title: (items: Array<{ dataIndex: number }>) => c.groups[items[0]!.dataIndex]!.key,
            label: (item: { dataset: { label?: string }; formattedValue: string; dataIndex: number; datasetIndex: number }) => {
              const g = c.groups[item.dataIndex]!;
              const n = (g.sourcing.counts as Record<string, number> | undefined)?.[classes[item.datasetIndex]!] ?? 0;
              return `${item.dataset.label}: ${item.formattedValue}% (${n} of ${g.sourcing.sentences} sentences)`;
            },
          },
        },
      },
      scales: stacked,
    },
  });
}

const ROLE_COLOR: Record<string, string> = { aggressor: '#c62828', victim: '#1565c0', authority: '#6a1b9a', neutral: '#757575' };

/** The most mentioned actors (rows) and how each group casts them (dominant role, with documents). */
export function portrayalTable(c: LayerComparison, maxActors = 8): HTMLElement {
  const mentions = new Map<string, { name: string; n: number }>();
  for (const g of c.groups) for (const a of g.actors) mentions.set(a.id, { name: a.name, n: (mentions.get(a.id)?.n ?? 0) + a.mentions });
  const actors = [...mentions].sort((a, b) => b[1].n - a[1].n).slice(0, maxActors);
  if (actors.length === 0) return h('p', { class: 'muted' }, 'No actors recognised.');
  return h(
    'table',
    { class: 'portrayal', data: { testid: 'portrayal' } },
    h('caption', null, 'Portrayal of actors (dominant role; documents casting each role in the tooltip)'),
    h('thead', null, h('tr', null, h('th', null, 'Actor'), c.groups.map((g) => h('th', null, g.key)))),
    h(
      'tbody',
      null,
      actors.map(([id, { name }]) =>
        h(
          'tr',
          null,
          h('td', null, name),
          c.groups.map((g) => {
            const a = g.actors.find((x) => x.id === id);
            if (!a) return h('td', { class: 'muted' }, '–');
            const roles = Object.entries(a.roles).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join(', ');
            return h(
              'td',
              { title: `${a.documents} document(s), ${a.mentions} mention(s): ${roles}${a.loadedTerms.length ? `; loaded terms: ${a.loadedTerms.map((t) => t.term).join(', ')}` : ''}` },
              h('span', { class: 'badge', style: { background: ROLE_COLOR[a.dominantRole] ?? '#757575' } }, a.dominantRole),
              h('span', { class: 'muted small' }, ` ${a.documents} doc${a.documents === 1 ? '' : 's'}`),
            );
          }),
        ),
      ),
    ),
  );
}

/** Counts beside shares, as tables under the layer charts (bands: documents; sourcing: sentences). */
export function intensityNumbers(c: LayerComparison): HTMLElement {
  const bands = Object.keys(BAND_COLOR);
  return numbersTable('Documents per intensity band (share of the group)', c.groups.map((g) => g.key), bands, (gi, bi) => {
    const g = c.groups[gi]!;
    return countShare((g.intensity.bands as Record<string, number>)[bands[bi]!] ?? 0, g.intensity.scored);
  });
}

export function sourcingNumbers(c: LayerComparison): HTMLElement {
  const classes = Object.keys(SOURCING_STYLE).filter((cls) => c.groups.some((g) => ((g.sourcing.shares as Record<string, number>)[cls] ?? 0) > 0));
  return numbersTable('Sentences per sourcing class (share of the group)', c.groups.map((g) => g.key), classes.map((cls) => SOURCING_STYLE[cls]!.name), (gi, ci) => {
    const g = c.groups[gi]!;
    return countShare((g.sourcing.counts as Record<string, number> | undefined)?.[classes[ci]!] ?? 0, g.sourcing.sentences);
  });
}
