import { api, type DocumentFilterParams } from './api.js';
import { h } from './dom.js';
import { errorBox } from './ui.js';

/**
 * Reads never analyse: documents without an analysis for the server's engine are left out of
 * comparisons and shown without a report. This notice says so and offers the authorised call
 * (POST /api/analyses, which needs the token when the server has one), repeated until none remain.
 */
export function notAnalysedNotice(count: number, scope: DocumentFilterParams & { ids?: number[] }, onDone: () => void): HTMLElement | null {
  if (count <= 0) return null;
  const what = scope.ids?.length === 1 ? 'This document has no analysis yet' : `${count} matching document${count === 1 ? ' has' : 's have'} no analysis yet and ${count === 1 ? 'is' : 'are'} not counted here`;
  const status = h('span', { class: 'muted', role: 'status' });
  const button = h('button', { type: 'button', class: 'secondary', data: { testid: 'analyse-missing' } }, scope.ids?.length === 1 ? 'Analyse now' : 'Analyse them');
  const box = h('div', { class: 'notice', data: { testid: 'not-analysed' } }, `${what}. `, button, ' ', status);
  button.addEventListener('click', async () => {
    button.disabled = true;
    let done = 0;
    const failed: string[] = [];
    try {
      for (;;) {
        const r = await api.analyseMissing({ ...scope, limit: 20 });
        done += r.analysed;
        failed.push(...r.failed.map((f) => `document ${f.id}: ${f.message}`));
        status.textContent = `${done} analysed${r.remaining ? `, ${r.remaining} to go…` : ''}`;
        if (r.remaining === 0 || r.analysed === 0) break;
      }
      if (failed.length) box.append(errorBox(new Error(failed.join('; '))));
      else onDone();
    } catch (e) {
      box.append(errorBox(e));
      button.disabled = false;
    }
  });
  return box;
}
