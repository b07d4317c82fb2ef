import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { renderReport } from '../report-view.js';
import { errorBox, go } from '../ui.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Paste or upload a text, see it highlighted; optionally save it to the corpus. */
export function analyzePage(root: HTMLElement): void {
  const input = h('textarea', {
    id: 'text-input',
    rows: 10,
    placeholder: 'Paste a news article or opinion piece here, or open a .txt / .md file.',
    spellcheck: 'false',
  });
  const file = h('input', { type: 'file', id: 'file-input', accept: '.txt,.md,.text,text/plain,text/markdown' });
  const minConf = h('input', { type: 'number', id: 'min-confidence', min: '0', max: '1', step: '0.05', value: '0' });
  const out = h('div', { class: 'result' });
  const status = h('span', { class: 'status muted', role: 'status' });
  const analyzeBtn = h('button', { type: 'submit', id: 'analyze-button' }, 'Analyze');

  const meta = {
    title: h('input', { id: 'doc-title', placeholder: 'Title' }),
    outlet: h('input', { id: 'doc-outlet', placeholder: 'Outlet' }),
    author: h('input', { id: 'doc-author', placeholder: 'Author' }),
    tags: h('input', { id: 'doc-tags', placeholder: 'Tags, comma-separated (e.g. camp:north)' }),
  };

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) return replace(out, errorBox(new Error(`${f.name} is ${f.size} bytes; the limit is ${MAX_FILE_BYTES}`)));
    input.value = await f.text();
    if (!meta.title.value) meta.title.value = f.name.replace(/\.[^.]+$/, '');
    status.textContent = `Loaded ${f.name}`;
  });

  const run = async (ev: Event) => {
    ev.preventDefault();
    const text = input.value;
    if (!text.trim()) return replace(out, errorBox(new Error('Paste or open a text first.')));
    analyzeBtn.disabled = true;
    status.textContent = 'Analysing…';
    try {
      const minConfidence = Number(minConf.value) || 0;
      const report = await api.analyze(text, minConfidence > 0 ? { minConfidence } : {});
      replace(out, renderReport(text, report, { name: (meta.title.value || 'framewise-report').replace(/[^\w.-]+/g, '-') }));
      status.textContent = '';
    } catch (e) {
      replace(out, errorBox(e));
      status.textContent = '';
    } finally {
      analyzeBtn.disabled = false;
    }
  };

  const save = async () => {
    if (!input.value.trim()) return replace(out, errorBox(new Error('Paste or open a text first.')));
    try {
      const tags = meta.tags.value.split(',').map((t) => t.trim()).filter(Boolean);
      const res = await api.createDocument({
        text: input.value,
        ...(meta.title.value ? { title: meta.title.value } : {}),
        ...(meta.outlet.value ? { outlet: meta.outlet.value } : {}),
        ...(meta.author.value ? { author: meta.author.value } : {}),
        ...(tags.length ? { tags } : {}),
      });
      go(`#/doc/${res.id}`);
    } catch (e) {
      replace(out, errorBox(e));
    }
  };

  replace(
    root,
    h('h1', null, 'Analyze a text'),
    h('p', { class: 'lede muted' }, 'Every highlight names a persuasion technique, the words that triggered it, the rule that fired and how confident it is. The same rules apply to every side.'),
    h(
      'form',
      { class: 'analyze-form', on: { submit: run } },
      input,
      h(
        'div',
        { class: 'row' },
        h('label', { class: 'file' }, 'Open file ', file),
        h('label', null, 'Min. confidence ', minConf),
        analyzeBtn,
        status,
      ),
      h(
        'details',
        { class: 'save' },
        h('summary', null, 'Save to corpus'),
        h('div', { class: 'row' }, meta.title, meta.outlet, meta.author, meta.tags, h('button', { type: 'button', class: 'secondary', id: 'save-button', on: { click: save } }, 'Save')),
      ),
    ),
    out,
  );
}
