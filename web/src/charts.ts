import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { Comparison, TechniqueComparison } from '../../src/compare/types.js';
import { CATEGORY_COLOR, CATEGORY_NAME, withAlpha } from './colors.js';
import { techniqueName } from './taxonomy.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Charts live until the next page render; chart.js needs them destroyed to free their canvases. */
const live: Chart[] = [];
export function destroyCharts(): void {
  while (live.length) live.pop()!.destroy();
}

function make(canvas: HTMLCanvasElement, config: ChartConfiguration<'bar'>): Chart {
  const chart = new Chart(canvas, config);
  live.push(chart);
  return chart;
}

const GROUP_COLORS = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB', '#332288', '#117733', '#882255'];
export const groupColor = (i: number) => GROUP_COLORS[i % GROUP_COLORS.length]!;

const common = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/** Findings per 1,000 words per group, with the corpus average in the title. */
export function rateChart(canvas: HTMLCanvasElement, c: Comparison): Chart {
  return make(canvas, {
    type: 'bar',
    data: {
      labels: c.groups.map((g) => g.key),
      datasets: [{ label: 'Findings per 1,000 words', data: c.groups.map((g) => g.ratePer1000Words), backgroundColor: c.groups.map((_, i) => groupColor(i)) }],
    },
    options: {
      ...common,
      plugins: { legend: { display: false }, tooltip: { callbacks: { afterLabel: (item) => `${c.groups[item.dataIndex]!.documents} documents, ${c.groups[item.dataIndex]!.words} words` } } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'per 1,000 words' } } },
    },
  });
}

/** Share of each category in a group's findings (stacked to 100%). */
export function mixChart(canvas: HTMLCanvasElement, c: Comparison): Chart {
  const categories = Object.keys(CATEGORY_COLOR) as Array<keyof typeof CATEGORY_COLOR>;
  const used = categories.filter((cat) => c.groups.some((g) => g.categoryMix.some((m) => m.category === cat && m.count > 0)));
  return make(canvas, {
    type: 'bar',
    data: {
      labels: c.groups.map((g) => g.key),
      datasets: used.map((cat) => ({
        label: CATEGORY_NAME[cat],
        data: c.groups.map((g) => Math.round((g.categoryMix.find((m) => m.category === cat)?.share ?? 0) * 1000) / 10),
        backgroundColor: CATEGORY_COLOR[cat],
      })),
    },
    options: {
      ...common,
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.formattedValue}%` } } },
      scales: { x: { stacked: true }, y: { stacked: true, max: 100, beginAtZero: true, title: { display: true, text: '% of findings' } } },
    },
  });
}

/**
 * Rate of the most frequent techniques per group. Bars whose difference from the rest of the corpus is
 * significant (after Benjamini-Hochberg correction) get a thick dark border and a ★ in their tooltip.
 */
export function techniqueChart(canvas: HTMLCanvasElement, c: Comparison, maxTechniques = 8): Chart {
  const totals = new Map<string, number>();
  for (const g of c.groups) for (const t of g.techniques) totals.set(t.technique, (totals.get(t.technique) ?? 0) + t.count);
  const techniques = [...totals].sort((a, b) => b[1] - a[1]).slice(0, maxTechniques).map(([t]) => t);
  const cell = (gi: number, t: string): TechniqueComparison | undefined => c.groups[gi]!.techniques.find((x) => x.technique === t);
  return make(canvas, {
    type: 'bar',
    data: {
      labels: techniques.map(techniqueName),
      datasets: c.groups.map((g, gi) => ({
        label: g.key,
        data: techniques.map((t) => cell(gi, t)?.ratePer1000Words ?? 0),
        backgroundColor: techniques.map((t) => withAlpha(groupColor(gi), cell(gi, t)?.significant ? 1 : 0.55)),
        borderColor: techniques.map((t) => (cell(gi, t)?.significant ? '#111' : 'transparent')),
        borderWidth: techniques.map((t) => (cell(gi, t)?.significant ? 2.5 : 0)),
      })),
    },
    options: {
      ...common,
      plugins: {
        // Plain swatches in the legend: the dark border marks single bars, not whole groups.
        legend: { position: 'bottom', labels: { generateLabels: (chart) => c.groups.map((g, gi) => ({ text: g.key, fillStyle: groupColor(gi), strokeStyle: 'transparent', lineWidth: 0, hidden: !chart.isDatasetVisible(gi), datasetIndex: gi })) } },
        tooltip: {
          callbacks: {
            afterLabel: (item) => {
              const t = cell(item.datasetIndex, techniques[item.dataIndex]!);
              if (!t) return '';
              return `${t.significant ? '★ significant: ' : ''}${t.direction === 'same' ? '' : `${t.direction} than the rest, `}q = ${t.qValue.toPrecision(2)}`;
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'per 1,000 words' } } },
    },
  });
}
