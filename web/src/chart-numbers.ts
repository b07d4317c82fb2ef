import type { Chart, Plugin } from 'chart.js';
import { fmt, h } from './dom.js';

/**
 * The numbers behind the charts, for readers who cannot hover: counts beside shares in a small
 * table under a chart, and the value written next to a bar too small to see.
 */

/** A bar as drawn: its top (y) and its base, in pixels, and its value. */
export interface DrawnBar {
  x: number;
  y: number;
  base: number;
  value: number;
}

/** Bars shorter than this many pixels (but not zero) get their value written above them. */
export const SMALL_BAR_PX = 14;

/** Where to write the values of the bars too small to read: just above each such bar. */
export function smallBarLabels(bars: readonly DrawnBar[], format: (v: number) => string, minPx = SMALL_BAR_PX, charPx = 6.5): Array<{ x: number; y: number; text: string }> {
  const out: Array<{ x: number; y: number; text: string; left: number; right: number }> = [];
  const small = bars.filter((b) => b.value > 0 && Math.abs(b.base - b.y) < minPx).sort((p, q) => p.x - q.x);
  for (const b of small) {
    const text = format(b.value);
    const half = (text.length * charPx) / 2;
    let y = Math.min(b.y, b.base) - 3;
    // Labels of neighbouring bars would overlap: lift one a line up, and drop it if that is taken too.
    const clash = (yy: number) => out.some((l) => Math.abs(l.y - yy) < 11 && l.right + 2 > b.x - half && l.left - 2 < b.x + half);
    if (clash(y)) y -= 12;
    if (clash(y)) continue;
    out.push({ x: b.x, y, text, left: b.x - half, right: b.x + half });
  }
  return out.map(({ x, y, text }) => ({ x, y, text }));
}

/** A chart.js plugin that writes the value of each very small bar (unstacked vertical bar charts). */
export function smallValues(format: (v: number) => string = (v) => fmt(v, 1)): Plugin<'bar'> {
  return {
    id: 'smallValues',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = '#1d2430';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      // All datasets' bars at once: grouped bars of different datasets stand side by side.
      const bars: DrawnBar[] = [];
      chart.data.datasets.forEach((ds, i) => {
        if (!chart.isDatasetVisible(i)) return;
        chart.getDatasetMeta(i).data.forEach((el, k) => {
          const p = el.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
          bars.push({ x: p.x, y: p.y, base: p.base, value: Number(ds.data[k] ?? 0) });
        });
      });
      for (const l of smallBarLabels(bars, format)) ctx.fillText(l.text, l.x, l.y);
      ctx.restore();
    },
  };
}

/** A group name short enough for an axis or a legend on a phone; the tooltip gives it whole. */
export function short(name: string, max = 22): string {
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}

/** "17 (42%)": a count beside its share of a total. */
export function countShare(count: number, total: number): string {
  return `${fmt(count)} (${total > 0 ? Math.round((count / total) * 100) : 0}%)`;
}

/**
 * A compact table of the numbers a stacked share chart draws: one row per group, one column per
 * part, each cell the count beside its share. Folded away under "Numbers" (keyboard and touch open it).
 */
export function numbersTable(caption: string, groups: readonly string[], parts: readonly string[], cell: (group: number, part: number) => string): HTMLElement {
  return h(
    'details',
    { class: 'chart-numbers' },
    h('summary', null, 'Numbers'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'numbers' },
        h('caption', null, caption),
        h('thead', null, h('tr', null, h('th', null, ''), parts.map((p) => h('th', null, p)))),
        h('tbody', null, groups.map((g, gi) => h('tr', null, h('th', null, g), parts.map((_, pi) => h('td', { class: 'num' }, cell(gi, pi)))))),
      ),
    ),
  );
}
