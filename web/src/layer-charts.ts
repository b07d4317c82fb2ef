import type { ActorComparison, LayerComparison } from '../../src/core/compare.js';
import { FRAMES } from '../../src/core/frames.js';
import { make } from './charts.js';
import { h } from './dom.js';
import { BAND_COLOR } from './panels/intensity.js';
import { SOURCING_STYLE } from './panels/sourcing.js';
import type { Chart } from 'chart.js';
import { countShare, numbersTable, short } from './chart-numbers.js';

/** Per-group charts of the report layers: frame mix, intensity bands, sourcing shares, and the actor x group role heat map. */

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

const ROLE_RGB: Record<string, [number, number, number]> = { antagonist: [198, 40, 40], innocent: [21, 101, 192], protagonist: [46, 125, 50], unframed: [158, 158, 158] };
const CAST = ['protagonist', 'antagonist', 'innocent', 'unframed'] as const;

/**
 * Actor x group role heat map: per cell, the colour mixes the roles by the share of the group's
 * documents that cast the actor in each (red antagonist, green protagonist, blue innocent, grey
 * unframed); the text gives the largest share, and * marks a share that differs significantly from
 * the rest of the corpus.
 */
export function actorHeatmap(c: ActorComparison, maxActors = 10): HTMLElement {
  const actors = c.actors.slice(0, maxActors);
  if (actors.length === 0) return h('p', { class: 'muted', data: { testid: 'actor-heatmap' } }, 'No actor is mentioned in enough documents to compare.');
  return h(
    'table',
    { class: 'heatmap', data: { testid: 'actor-heatmap' } },
    h('caption', null, `How each ${c.by} casts the actors (share of its documents that mention them; * differs from the rest)`),
    h('thead', null, h('tr', null, h('th', null, 'Actor'), c.groups.map((g) => h('th', null, g)))),
    h(
      'tbody',
      null,
      actors.map((a) =>
        h(
          'tr',
          { data: { actor: a.id } },
          h('td', null, a.name),
          c.groups.map((key) => {
            const g = a.groups.find((x) => x.key === key);
            if (!g) return h('td', { class: 'muted' }, '–');
            const rgb = [0, 0, 0];
            for (const r of CAST) for (let k = 0; k < 3; k++) rgb[k]! += g.roles[r].share * ROLE_RGB[r]![k]!;
            const top = CAST.reduce((x, y) => (g.roles[y].share > g.roles[x].share ? y : x));
            const star = CAST.some((r) => r !== 'unframed' && g.roles[r].significant) ? '*' : '';
            const tip = `${g.documents} document(s): ${CAST.map((r) => `${r} ${Math.round(g.roles[r].share * 100)}%${g.roles[r].significant ? ` (rest ${Math.round(g.roles[r].restShare * 100)}%, q ${g.roles[r].q})` : ''}`).join(', ')}`;
            const alpha = 0.25 + 0.75 * (1 - g.roles.unframed.share);
            return h(
              'td',
              { class: 'heat', title: tip, data: { role: top, group: key }, style: { background: `rgba(${rgb.map((x) => Math.round(x)).join(',')},${alpha.toFixed(2)})`, color: '#fff' } },
              `${top} ${Math.round(g.roles[top].share * 100)}%${star}`,
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
