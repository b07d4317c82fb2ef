import type { Report } from '../../../src/core/report.js';
import { h } from '../dom.js';
import { framesPanel } from './frames.js';

/**
 * Panels for the report sections that layers add (sourcing, claims, actors, frames, intensity).
 * Each returns null when its section is absent, so reports from any engine version render.
 */
export type Panel = (report: Report) => HTMLElement | null;

export const panels: Panel[] = [framesPanel];

export function renderPanels(report: Report): HTMLElement | null {
  const shown = panels.map((p) => p(report)).filter((x): x is HTMLElement => x !== null);
  return shown.length ? h('div', { class: 'panels' }, shown) : null;
}
