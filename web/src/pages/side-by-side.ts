import type { DocumentComparison, KeyPhrase } from '../../../src/core/compare.js';
import { notAnalysedNotice } from '../analyse-missing.js';
import { api, type DocumentWithReport } from '../api.js';
import { CATEGORY_NAME } from '../colors.js';
import { fmt, h, replace } from '../dom.js';
import { documentComparisonCsv, download, json } from '../export.js';
import { renderReport, swatch } from '../report-view.js';
import { techniqueName } from '../taxonomy.js';
import { errorBox, go, hashParams, loading } from '../ui.js';

/** Two documents side by side: highlighted texts, technique and category counts, shared and distinct key phrases. */
export async function sideBySidePage(root: HTMLElement): Promise<void> {
  const params = hashParams();
  const a = Number(params.get('a')) || null;
  const b = Number(params.get('b')) || null;

  const picker = (name: 'a' | 'b', current: number | null) => h('select', { id: `pick-${name}`, name }, h('option', { value: '' }, `Document ${name.toUpperCase()}…`), current ? h('option', { value: String(current), selected: 'selected' }, `#${current}`) : null);
  const pickA = picker('a', a);
  const pickB = picker('b', b);
  const body = h('div', { class: 'side-body' });
  replace(
    root,
    h('h1', null, 'Side by side'),
    h(
      'form',
      {
        class: 'row',
        on: {
          submit: (ev) => {
            ev.preventDefault();
            if (pickA.value && pickB.value) go(`#/side?a=${pickA.value}&b=${pickB.value}`);
          },
        },
      },
      pickA,
      pickB,
      h('button', { type: 'submit' }, 'Compare'),
    ),
    body,
  );
  fillPickers([pickA, pickB], [a, b]).catch((e) => body.prepend(errorBox(e)));
  if (!a || !b) return replace(body, h('p', { class: 'muted' }, 'Pick two documents from the corpus (or tick two rows on the Corpus page).'));

  replace(body, loading());
  try {
    const [da, db] = await Promise.all([api.getDocument(a), api.getDocument(b)]);
    // Reads never analyse: offer the authorised call for a document without an analysis.
    const missing = [da, db].filter((d) => !d.report).map((d) => d.document.id);
    if (missing.length > 0) return replace(body, notAnalysedNotice(missing.length, { ids: missing }, () => go(location.hash)));
    const cmp = await api.compareDocuments(a, b);
    replace(
      body,
      h(
        'div',
        { class: 'exports' },
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`side-${a}-${b}.json`, json(cmp), 'application/json') } }, 'Export JSON'),
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`side-${a}-${b}.csv`, documentComparisonCsv(cmp), 'text/csv') } }, 'Export CSV'),
      ),
      h('div', { class: 'table-scroll' }, summaryTable(cmp)),
      phrases(cmp),
      h('div', { class: 'columns' }, column(da, 'A'), column(db, 'B')),
    );
  } catch (e) {
    replace(body, errorBox(e));
  }
}

async function fillPickers(selects: HTMLSelectElement[], current: Array<number | null>): Promise<void> {
  const { items } = await api.listDocuments({}, { limit: 200, offset: 0 });
  selects.forEach((s, i) => {
    replace(
      s,
      h('option', { value: '' }, `Document ${i === 0 ? 'A' : 'B'}…`),
      items.map((d) => h('option', { value: String(d.id), selected: d.id === current[i] ? 'selected' : undefined }, `#${d.id} ${d.title ?? ''}${d.outlet ? ` (${d.outlet})` : ''}`)),
    );
  });
}

function column({ document: doc, report }: DocumentWithReport, side: string): HTMLElement {
  return h(
    'div',
    { class: 'column', data: { testid: `side-${side.toLowerCase()}` } },
    h('h2', null, h('span', { class: 'side-label' }, side), ' ', h('a', { href: `#/doc/${doc.id}` }, doc.title || `Document ${doc.id}`)),
    h('p', { class: 'meta muted' }, [doc.outlet, doc.author, doc.publishedAt].filter(Boolean).join(' · ')),
    renderReport(doc.text, report!, { compact: true }),
  );
}

function summaryTable(c: DocumentComparison): HTMLElement {
  const head = (x: DocumentComparison['a'], side: string) => `${side}: ${x.title ?? `#${x.id}`}`;
  return h(
    'table',
    { class: 'side-summary', data: { testid: 'side-summary' } },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', null, head(c.a, 'A')), h('th', null, head(c.b, 'B')))),
    h(
      'tbody',
      null,
      h('tr', null, h('td', null, 'Words'), h('td', { class: 'num' }, fmt(c.a.words)), h('td', { class: 'num' }, fmt(c.b.words))),
      h('tr', null, h('td', null, 'Findings'), h('td', { class: 'num' }, c.a.findings), h('td', { class: 'num' }, c.b.findings)),
      h('tr', null, h('td', null, 'Per 1,000 words'), h('td', { class: 'num' }, fmt(c.a.ratePer1000Words, 1)), h('td', { class: 'num' }, fmt(c.b.ratePer1000Words, 1))),
      // Categories either document uses, each followed by its techniques.
      c.categories
        .filter((x) => x.a + x.b > 0)
        .map((x) => [
          h('tr', { class: 'cat' }, h('td', null, swatch(x.category), CATEGORY_NAME[x.category]), cell(x.a, x.b), cell(x.b, x.a)),
          c.techniques
            .filter((t) => t.category === x.category)
            .map((t) => h('tr', null, h('td', { class: 'indent' }, techniqueName(t.technique)), cell(t.a, t.b), cell(t.b, t.a))),
        ]),
    ),
  );
}

/** A count, marked when only this side has it. */
function cell(mine: number, other: number): HTMLElement {
  return h('td', { class: `num${mine > 0 && other === 0 ? ' only' : ''}` }, mine === 0 ? '–' : String(mine));
}

function phrases(c: DocumentComparison): HTMLElement {
  const list = (title: string, items: KeyPhrase[], testid: string) =>
    h('div', { class: 'phrase-list', data: { testid } }, h('h3', null, title), items.length ? h('ul', null, items.slice(0, 15).map((p) => h('li', null, p.phrase, h('span', { class: 'muted small' }, ` ${p.a}/${p.b}`)))) : h('p', { class: 'muted' }, 'None.'));
  return h(
    'div',
    null,
    h('div', { class: 'phrases' }, list('Only in A', c.phrases.onlyA, 'only-a'), list('Shared key phrases', c.phrases.shared, 'shared'), list('Only in B', c.phrases.onlyB, 'only-b')),
    h('p', { class: 'muted small' }, 'Ranked by how much a phrase tells the two texts apart, not by how often it occurs: common words need far more use than rare ones to rank (log-odds with a prior from general English). The numbers are uses in A / in B.'),
  );
}
