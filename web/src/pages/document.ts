import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { notAnalysedNotice } from '../analyse-missing.js';
import { editMetadataForm } from '../edit-metadata.js';
import { renderReport } from '../report-view.js';
import { errorBox, go, loading } from '../ui.js';

/** One stored document: metadata, its report, delete. */
export async function documentPage(root: HTMLElement, id: number): Promise<void> {
  replace(root, loading());
  try {
    const { document: doc, report } = await api.getDocument(id);
    const del = async () => {
      if (!confirm(`Delete document ${id}?`)) return;
      try {
        await api.deleteDocument(id);
        go('#/corpus');
      } catch (e) {
        root.prepend(errorBox(e));
      }
    };
    replace(
      root,
      h('p', null, h('a', { href: '#/corpus' }, '← Corpus')),
      h('h1', { data: { testid: 'doc-title' } }, doc.title || `Document ${doc.id}`),
      h(
        'p',
        { class: 'meta muted' },
        [doc.outlet, doc.author, doc.publishedAt, `${doc.words} words`].filter(Boolean).join(' · '),
        doc.tags.length ? h('span', null, ' · ', doc.tags.map((t) => h('span', { class: 'tag' }, t))) : null,
        doc.url ? h('span', null, ' · ', h('a', { href: safeUrl(doc.url), rel: 'noopener noreferrer', target: '_blank' }, 'source')) : null,
      ),
      h('div', { class: 'row' }, h('a', { class: 'button secondary', href: `#/side?a=${doc.id}` }, 'Compare with…'), h('button', { type: 'button', class: 'danger', on: { click: del } }, 'Delete')),
      editMetadataForm(doc, () => go(`#/doc/${doc.id}`)),
      report ? renderReport(doc.text, report, { name: `document-${doc.id}` }) : h('div', null, notAnalysedNotice(1, { ids: [doc.id] }, () => go(`#/doc/${doc.id}`)), h('pre', { class: 'plain-text' }, doc.text)),
    );
  } catch (e) {
    replace(root, h('p', null, h('a', { href: '#/corpus' }, '← Corpus')), errorBox(e));
  }
}

/** Only http(s) links: a stored `javascript:` URL must not become clickable. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}
