import { ApiError } from './api.js';
import { h } from './dom.js';

/** Small shared UI pieces: error boxes and navigation. */

export function errorBox(e: unknown): HTMLElement {
  const message = e instanceof Error ? e.message : String(e);
  const status = e instanceof ApiError ? `Error ${e.status}: ` : '';
  return h('div', { class: 'error', role: 'alert', data: { testid: 'error' } }, status, message);
}

export function go(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function loading(): HTMLElement {
  return h('p', { class: 'muted' }, 'Loading…');
}

/** Query parameters of the hash route (`#/corpus?outlet=X`). */
export function hashParams(): URLSearchParams {
  const i = location.hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : location.hash.slice(i + 1));
}
