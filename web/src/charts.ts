import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { Comparison, RateComparison, TechniqueComparison } from '../../src/core/compare.js';
import { CATEGORY_COLOR, CATEGORY_NAME, groupColor, withAlpha } from './colors.js';
import { techniqueName } from './taxonomy.js';
import { short, smallValues } from './chart-numbers.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Charts live until the next page render; chart.js needs them destroyed to free their canvases. */
const live: Chart[] = [];
export function destroyCharts(): void {
  while (live.length) live.pop()!.destroy();
}

export function make(canvas: HTMLCanvasElement, config: ChartConfiguration<'bar'>): Chart {
  const chart = new Chart(canvas, config);
  live.push(chart);
  return chart;
}

export { groupColor } from './colors.js';

const common = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/** Dark border on bars whose difference from the rest of the corpus is significant. */
const SIG_BORDER = '#111';
const sigStyle = (r: RateComparison | undefined) => ({ color: r?.significant ? SIG_BORDER : 'transparent', width: r?.significant ? 2.5 : 0 });

/** One line for a tooltip: how a rate compares with the rest, and whether that is significant. */
export function vsRest(r: RateComparison): string {
  const ratio = r.rateRatio === null ? '' : `×${r.rateRatio.toFixed(2)} the rest`;
  const ci = r.ci95 ? ` (95% CI ${r.ci95[0].toFixed(2)}–${r.ci95[1] === null ? '∞' : r.ci95[1].toFixed(2)})` : '';
  return `${r.significant ? `★ significantly ${r.direction}: ` : ''}${ratio}${ci}, q = ${r.qValue.toPrecision(2)}`;
}

/** Findings per 1,000 words per group; groups significantly above or below the rest get a dark border and a ★. */
export function rateChart(canvas: HTMLCanvasElement, c: Comparison): Chart {
  return make(canvas, {
    type: 'bar',
    data: {
      labels: c.groups.map((g) => (g.overall?.significant ? `★ ${short(g.key)}` : short(g.key))),
      datasets: [
        {
          label: 'Findings per 1,000 words',
          data: c.groups.map((g) => g.ratePer1000Words),
          backgroundColor: c.groups.map((_, i) => groupColor(i)),
          borderColor: c.groups.map((g) => sigStyle(g.overall).color),
          borderWidth: c.groups.map((g) => sigStyle(g.overall).width),
        },
      ],
    },
    options: {
      ...common,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => c.groups[items[0]!.dataIndex]!.key,
            afterLabel: (item) => {
              const g = c.groups[item.dataIndex]!;
              return [`${g.findings} findings in ${g.documents} documents, ${g.words} words`, ...(g.overall ? [vsRest(g.overall)] : [])];
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'per 1,000 words' } } },
    },
    plugins: [smallValues()],
  });
}

/** Share of each category in a group's findings (stacked to 100%). */
export function mixChart(canvas: HTMLCanvasElement, c: Comparison): Chart {
  const categories = Object.keys(CATEGORY_COLOR) as Array<keyof typeof CATEGORY_COLOR>;
  const used = categories.filter((cat) => c.groups.some((g) => g.categoryMix.some((m) => m.category === cat && m.count > 0)));
  return make(canvas, {
    type: 'bar',
    data: {
      labels: c.groups.map((g) => short(g.key)),
      datasets: used.map((cat) => {
        const mix = (g: Comparison['groups'][number]) => g.categoryMix.find((m) => m.category === cat);
        return {
          label: CATEGORY_NAME[cat],
          data: c.groups.map((g) => Math.round((mix(g)?.share ?? 0) * 1000) / 10),
          backgroundColor: CATEGORY_COLOR[cat],
          borderColor: c.groups.map((g) => sigStyle(mix(g)?.vsRest).color),
          borderWidth: c.groups.map((g) => sigStyle(mix(g)?.vsRest).width),
        };
      }),
    },
    options: {
      ...common,
      plugins: {
        legend: { position: 'bottom', labels: { generateLabels: (chart) => used.map((cat, i) => ({ text: CATEGORY_NAME[cat], fillStyle: CATEGORY_COLOR[cat], strokeStyle: 'transparent', lineWidth: 0, hidden: !chart.isDatasetVisible(i), datasetIndex: i })) } },
        tooltip: {
          callbacks: {
            title: (items) => c.groups[items[0]!.dataIndex]!.key,
            // Counts beside shares: "Attack on reputation: 42% (17 of 40 findings)".
            label: (item) => {
              const g = c.groups[item.dataIndex]!;
              const m = g.categoryMix.find((x) => x.category === used[item.datasetIndex]);
              return `${item.dataset.label}: ${item.formattedValue}% (${m?.count ?? 0} of ${g.findings} findings)`;
            },
            afterLabel: (item) => {
              const r = c.groups[item.dataIndex]!.categoryMix.find((m) => m.category === used[item.datasetIndex])?.vsRest;
              return r ? `rate ${r.ratePer1000Words} per 1,000 words; ${vsRest(r)}` : '';
            },
          },
        },
      },
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
        borderColor: techniques.map((t) => sigStyle(cell(gi, t)).color),
        borderWidth: techniques.map((t) => sigStyle(cell(gi, t)).width),
      })),
    },
    options: {
      ...common,
      plugins: {
        // Plain swatches in the legend: the dark border marks single bars, not whole groups.
        legend: { position: 'bottom', labels: { generateLabels: (chart) => c.groups.map((g, gi) => ({ text: short(g.key, 30), fillStyle: groupColor(gi), strokeStyle: 'transparent', lineWidth: 0, hidden: !chart.isDatasetVisible(gi), datasetIndex: gi })) } },
        tooltip: {
          callbacks: {
            afterLabel: (item) => {
              const t = cell(item.datasetIndex, techniques[item.dataIndex]!);
              return t ? [`${t.count} findings`, vsRest(t)] : '';
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'per 1,000 words' } } },
    },
    plugins: [smallValues()],
  });
}
