import type { CategoryId } from '../../src/core/taxonomy.js';

/** One colour per technique category (Okabe-Ito palette: distinguishable with colour-vision deficiency). */
export const CATEGORY_COLOR: Record<CategoryId, string> = {
  'attack-on-reputation': '#D55E00',
  justification: '#E69F00',
  simplification: '#CC79A7',
  distraction: '#009E73',
  call: '#0072B2',
  'manipulative-wording': '#C9B800',
  'sourcing-and-framing': '#56B4E9',
};

/**
 * Colours of the compared groups (outlets, tags, authors): dark and muted hues chosen so that none
 * can be taken for a category colour (CIE76 colour difference at least 28 from each, and from each
 * other; checked in colors.test.ts), since a corpus page shows both kinds side by side.
 */
export const GROUP_COLORS = ['#332288', '#E15759', '#225555', '#BAB0AC', '#6B4226', '#DDCC77', '#5F0F40', '#225522', '#6D597A', '#997700'];
export const groupColor = (i: number): string => GROUP_COLORS[i % GROUP_COLORS.length]!;

export const CATEGORY_NAME: Record<CategoryId, string> = {
  'attack-on-reputation': 'Attack on reputation',
  justification: 'Justification',
  simplification: 'Simplification',
  distraction: 'Distraction',
  call: 'Call',
  'manipulative-wording': 'Manipulative wording',
  'sourcing-and-framing': 'Sourcing and framing',
};

/** `#rrggbb` with an alpha, for highlight backgrounds. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
