import type { Report } from '../../../src/core/report.js';
import type { IntensityReport, SentenceIntensity } from '../../../src/core/intensity.js';
import { h } from '../dom.js';
import { attachTooltip } from '../tooltip.js';

export const BAND_COLOR: Record<string, string> = { neutral: '#eef2f6', mild: '#ffe9a8', moderate: '#ffb74d', strong: '#f4511e', extreme: '#9b1111' };

/** Colour of a 0..100 score on a white-to-dark-red ramp. */
export function heat(score: number): string {
  const stops: Array<[number, [number, number, number]]> = [
    [0, [238, 242, 246]],
    [10, [255, 233, 168]],
    [30, [255, 183, 77]],
    [50, [244, 81, 30]],
    [70, [155, 17, 17]],
    [100, [90, 0, 0]],
  ];
  const x = Math.max(0, Math.min(100, score));
  let i = 0;
  while (i < stops.length - 2 && x > stops[i + 1]![0]) i++;
  const [x0, c0] = stops[i]!;
  const [x1, c1] = stops[i + 1]!;
  const t = (x - x0) / (x1 - x0 || 1);
  const c = c0.map((v, k) => Math.round(v + (c1[k]! - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Document intensity gauge and a heat strip with one cell per sentence (tooltip: score and why). */
export function intensityPanel(report: Report, text: string): HTMLElement | null {
  const it = report.intensity as IntensityReport | undefined;
  if (!it || !Array.isArray(it.sentences)) return null;
  const total = it.sentences.reduce((n, s) => n + Math.max(1, s.end - s.start), 0) || 1;
  return h(
    'section',
    { class: 'panel', data: { testid: 'panel-intensity' } },
    h('h3', null, 'Intensity'),
    h(
      'div',
      { class: 'gauge' },
      h('span', { class: 'gauge-score', style: { background: heat(it.score), color: it.score >= 50 ? '#fff' : '#1d2430' } }, String(Math.round(it.score))),
      h('span', null, h('strong', null, it.band), h('span', { class: 'muted small' }, ` · peak sentence ${Math.round(it.peak)} / 100`)),
    ),
    h(
      'div',
      { class: 'heat-strip', data: { testid: 'heat-strip' }, role: 'list', aria: { label: 'intensity per sentence' } },
      it.sentences.map((s) => {
        const cell = h('span', {
          class: 'heat-cell',
          role: 'listitem',
          tabindex: 0,
          aria: { label: `sentence ${s.index + 1}: ${Math.round(s.score)} (${s.band})` },
          style: { flexGrow: String(Math.max(1, s.end - s.start) / total), background: heat(s.score) },
        });
        attachTooltip(cell, () => sentenceTip(text, s));
        return cell;
      }),
    ),
    it.contributions.length
      ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'Why: '), it.contributions.map((c) => `${c.kind} ×${c.count}`).join(', '))
      : h('p', { class: 'small muted' }, 'No intensifying language.'),
    h(
      'div',
      { class: 'band-key small muted' },
      Object.entries(BAND_COLOR).map(([band, color]) => h('span', null, h('span', { class: 'swatch', style: { background: color } }), band, ' ')),
    ),
  );
}

function sentenceTip(text: string, s: SentenceIntensity): HTMLElement[] {
  return [
    h(
      'div',
      { class: 'tip-entry' },
      h('div', { class: 'tip-title' }, h('strong', null, `Sentence ${s.index + 1}: ${Math.round(s.score)} / 100`), h('span', { class: 'muted' }, ` · ${s.band}`)),
      h('div', { class: 'tip-text' }, text.slice(s.start, s.end)),
      s.contributions.length
        ? h('ul', { class: 'evidence' }, s.contributions.map((c) => h('li', null, h('span', { class: 'muted' }, `${c.kind}${c.quoted ? ' (quoted)' : ''}: `), `“${c.text}” +${c.points}`)))
        : h('div', { class: 'muted' }, 'Nothing intensifying.'),
    ),
  ];
}
