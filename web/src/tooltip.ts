import { replace, type Child } from './dom.js';

/**
 * One shared tooltip: shown on hover or keyboard focus of a highlight, pinned by a click, hidden by
 * Escape, a click elsewhere, or leaving the highlight (when not pinned).
 */
let pinnedTo: Element | null = null;

function box(): HTMLElement {
  return document.getElementById('tooltip')!;
}

export function showTooltip(anchor: Element, content: Child[]): void {
  const tip = box();
  replace(tip, ...content);
  tip.hidden = false;
  const r = anchor.getBoundingClientRect();
  const width = Math.min(380, window.innerWidth - 16);
  tip.style.maxWidth = `${width}px`;
  const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
  tip.style.left = `${left}px`;
  tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  // Flip above when it would run off the bottom of the viewport.
  const h = tip.getBoundingClientRect().height;
  if (r.bottom + h + 12 > window.innerHeight && r.top > h + 12) tip.style.top = `${r.top + window.scrollY - h - 6}px`;
}

export function hideTooltip(force = false): void {
  if (pinnedTo && !force) return;
  pinnedTo = null;
  box().hidden = true;
}

/** Wires hover, focus and click on `anchor`; `content` is built lazily. */
export function attachTooltip(anchor: HTMLElement, content: () => Child[]): void {
  anchor.addEventListener('mouseenter', () => !pinnedTo && showTooltip(anchor, content()));
  anchor.addEventListener('mouseleave', () => hideTooltip());
  anchor.addEventListener('focus', () => !pinnedTo && showTooltip(anchor, content()));
  anchor.addEventListener('blur', () => pinnedTo === anchor || hideTooltip());
  anchor.addEventListener('click', (ev) => {
    ev.stopPropagation();
    if (pinnedTo === anchor) return hideTooltip(true);
    pinnedTo = anchor;
    showTooltip(anchor, content());
  });
}

document.addEventListener('click', (ev) => {
  if (pinnedTo && !box().contains(ev.target as Node)) hideTooltip(true);
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') hideTooltip(true);
});
