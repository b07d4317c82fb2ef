import type { Report } from '../../../src/core/report.js';
import { h } from '../dom.js';
import { actorsPanel } from './actors.js';
import { claimsPanel } from './claims.js';
import { framesPanel } from './frames.js';
import { intensityPanel } from './intensity.js';
import { narrativesPanel } from './narratives.js';
import { sourcingPanel } from './sourcing.js';

/**
 * Panels for the report sections that layers add (narratives, sourcing, claims, actors, frames, intensity).
 * Each returns null when its section is absent, so reports from any engine version render.
 */
export type Panel = (report: Report, text: string) => HTMLElement | null;

export const panels: Panel[] = [narrativesPanel, intensityPanel, sourcingPanel, framesPanel, claimsPanel, actorsPanel];

export function renderPanels(report: Report, text: string): HTMLElement | null {
  const shown = panels.map((p) => p(report, text)).filter((x): x is HTMLElement => x !== null);
  return shown.length ? h('div', { class: 'panels' }, shown) : null;
}
