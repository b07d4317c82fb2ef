import type { StoredDocument } from '../../src/core/documents.js';
import { api, type MetadataPatch } from './api.js';
import { h } from './dom.js';
import { errorBox } from './ui.js';

const FIELDS = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['publishedAt', 'Published (YYYY-MM-DD)'],
  ['url', 'Source URL'],
] as const;

/**
 * A form to correct a stored document's metadata (PATCH /api/documents/:id; the text never
 * changes). Only the fields edited are sent; an emptied field is cleared.
 */
export function editMetadataForm(doc: StoredDocument, onSaved: () => void): HTMLElement {
  const inputs = Object.fromEntries(FIELDS.map(([k, label]) => [k, h('input', { id: `edit-${k}`, name: k, value: doc[k] ?? '', aria: { label } })])) as Record<(typeof FIELDS)[number][0], HTMLInputElement>;
  const tags = h('input', { id: 'edit-tags', name: 'tags', value: doc.tags.join(', '), aria: { label: 'Tags, separated by commas' } });
  const form = h(
    'form',
    { class: 'edit-meta', data: { testid: 'edit-meta' } },
    FIELDS.map(([k, label]) => h('label', { for: `edit-${k}` }, label, inputs[k])),
    h('label', { for: 'edit-tags' }, 'Tags (comma-separated)', tags),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save details')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const patch: MetadataPatch = {};
    for (const [k] of FIELDS) {
      const v = inputs[k].value.trim();
      if (v !== (doc[k] ?? '')) patch[k] = v === '' ? null : v;
    }
    const nextTags = tags.value.split(',').map((t) => t.trim()).filter(Boolean);
    if (nextTags.join('\u0000') !== doc.tags.join('\u0000')) patch.tags = nextTags;
    if (Object.keys(patch).length === 0) return onSaved();
    try {
      await api.updateDocument(doc.id, patch);
      onSaved();
    } catch (e) {
      form.querySelector('.error')?.remove();
      form.append(errorBox(e));
    }
  });
  return h('details', { class: 'edit' }, h('summary', null, 'Edit details'), form);
}
