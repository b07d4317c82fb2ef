import type { Comparison, GroupBy, GroupStats, RateComparison } from '../../../src/core/compare.js';
import type { LayerComparison } from '../../../src/core/compare.js';
import { api, type DocumentFilterParams } from '../api.js';
import { groupColor, mixChart, rateChart, techniqueChart } from '../charts.js';
import { actorHeatmap, frameMixChart, intensityBandsChart, intensityNumbers, sourcingChart, sourcingNumbers } from '../layer-charts.js';
import { fmt, h, pct, replace } from '../dom.js';
import { comparisonCsv, download, json } from '../export.js';
import { confidenceSlider, swatch } from '../report-view.js';
import { techniqueName } from '../taxonomy.js';
import { errorBox, go, hashParams, loading } from '../ui.js';
import { CATEGORY_NAME } from '../colors.js';
import { renderNarrativeComparison, renderTimeline } from '../narrative-charts.js';
import { notAnalysedNotice } from '../analyse-missing.js';
import { countShare, numbersTable } from '../chart-numbers.js';
import { CATEGORIES } from '../taxonomy.js';

const PAGE = 20;
const FILTERS = ['outlet', 'tag', 'author', 'q'] as const;

/** The corpus: documents with filters and paging, then a comparison of groups with charts. */
export async function corpusPage(root: HTMLElement): Promise<void> {
  const params = hashParams();
  const filter: DocumentFilterParams = {};
  for (const k of FILTERS) if (params.get(k)) filter[k] = params.get(k)!;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const by = (['outlet', 'tag', 'author'].includes(params.get('by') ?? '') ? params.get('by') : 'outlet') as GroupBy;
  // Tags mix kinds (camp:, country:, topic:); a prefix compares one kind at a time.
  const tagPrefix = params.get('tagPrefix') ?? 'camp:';

  const navigate = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams();
    for (const k of FILTERS) if (filter[k]) next.set(k, filter[k]!);
    next.set('by', by);
    if (by === 'tag') next.set('tagPrefix', tagPrefix);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (next.get('offset') === '0') next.delete('offset');
    go(`#/corpus?${next}`);
  };

  const inputs = Object.fromEntries(FILTERS.map((k) => [k, h('input', { name: k, id: `filter-${k}`, value: filter[k] ?? '', placeholder: k === 'q' ? 'text contains' : k })])) as Record<
    (typeof FILTERS)[number],
    HTMLInputElement
  >;
  const filterForm = h(
    'form',
    {
      class: 'filters row',
      on: {
        submit: (ev) => {
          ev.preventDefault();
          navigate({ ...Object.fromEntries(FILTERS.map((k) => [k, inputs[k].value.trim()])), offset: 0 });
        },
      },
    },
    FILTERS.map((k) => inputs[k]),
    h('button', { type: 'submit' }, 'Filter'),
    h('button', { type: 'button', class: 'secondary', on: { click: () => go('#/corpus') } }, 'Clear'),
  );

  const list = h('div', { class: 'doc-list', data: { testid: 'doc-list' } }, loading());
  const comparison = h('div', { class: 'comparison', data: { testid: 'comparison' } }, loading());
  const bySelect = h(
    'select',
    { id: 'compare-by', on: { change: () => navigate({ by: bySelect.value, tagPrefix: bySelect.value === 'tag' ? tagPrefix : undefined }) } },
    (['outlet', 'tag', 'author'] as const).map((k) => h('option', { value: k, selected: k === by ? 'selected' : undefined }, k)),
  );

  const prefixInput = h('input', { id: 'tag-prefix', value: tagPrefix, placeholder: 'all tags', title: 'Only tags starting with this form groups (empty: every tag)' });
  prefixInput.addEventListener('change', () => navigate({ by: 'tag', tagPrefix: prefixInput.value.trim() }));

  replace(
    root,
    h('h1', null, 'Corpus'),
    filterForm,
    list,
    h(
      'h2',
      null,
      'Compare by ',
      bySelect,
      by === 'tag' ? h('label', { class: 'small' }, ' tag prefix ', prefixInput) : null,
      h('span', { class: 'muted small' }, ' (documents matching the filters)'),
    ),
    comparison,
  );

  // Counts of the comparison follow a confidence slider (re-fetched, a moment after the slider stops).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slider = confidenceSlider((v) => {
    clearTimeout(timer);
    timer = setTimeout(() => void renderComparison(comparison, by, filter, by === 'tag' ? tagPrefix : '', v), 150);
  });
  comparison.before(slider);
  const layers = h('div', { class: 'layer-comparison', data: { testid: 'layer-comparison' } }, loading());
  root.append(h('h2', null, `Frames, intensity and sourcing by ${by}`), layers);
  const cast = h('div', { class: 'actor-comparison', data: { testid: 'actor-comparison' } }, loading());
  root.append(h('h2', null, `Who is cast as what, by ${by}`), cast);
  const narratives = h('div', { class: 'narrative-comparison', data: { testid: 'narrative-comparison' } }, loading());
  const timeline = h('div', { class: 'timeline', data: { testid: 'timeline' } }, loading());
  root.append(h('h2', null, `Narratives by ${by}`), narratives, h('h2', null, 'Over time'), timeline);

  await Promise.all([
    renderList(list, filter, offset, navigate),
    renderComparison(comparison, by, filter, by === 'tag' ? tagPrefix : ''),
    renderLayers(layers, by, filter, by === 'tag' ? tagPrefix : ''),
    renderActors(cast, by, filter, by === 'tag' ? tagPrefix : ''),
    renderNarrativeComparison(narratives, by, filter, by === 'tag' ? tagPrefix : ''),
    renderTimeline(timeline, filter),
  ]);
}

async function renderList(box: HTMLElement, filter: DocumentFilterParams, offset: number, navigate: (c: Record<string, string | number | undefined>) => void): Promise<void> {
  try {
    const page = await api.listDocuments(filter, { limit: PAGE, offset });
    if (page.total === 0) return replace(box, h('p', { class: 'muted' }, 'No documents match. Add some from the Analyze page, or run `framewise ingest`.'));
    const chosen = new Set<number>();
    const sideBtn = h('button', { type: 'button', id: 'side-by-side-button', disabled: true }, 'Side by side (pick 2)');
    sideBtn.addEventListener('click', () => {
      const [a, b] = [...chosen];
      go(`#/side?a=${a}&b=${b}`);
    });
    const pick = (id: number) => (ev: Event) => {
      const on = (ev.target as HTMLInputElement).checked;
      if (on) chosen.add(id);
      else chosen.delete(id);
      sideBtn.disabled = chosen.size !== 2;
    };
    replace(
      box,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'docs' },
          h('thead', null, h('tr', null, ['', 'Title', 'Outlet', 'Author', 'Published', 'Words', 'Tags'].map((c) => h('th', null, c)))),
          h(
            'tbody',
            null,
            page.items.map((d) =>
              h(
                'tr',
                { data: { id: d.id } },
                h('td', null, h('input', { type: 'checkbox', aria: { label: `select document ${d.id}` }, on: { change: pick(d.id) } })),
                h('td', null, h('a', { href: `#/doc/${d.id}` }, d.title || `Document ${d.id}`)),
                h('td', null, d.outlet ?? ''),
                h('td', null, d.author ?? ''),
                h('td', null, d.publishedAt ?? ''),
                h('td', { class: 'num' }, fmt(d.words)),
                h('td', null, d.tags.map((t) => h('span', { class: 'tag' }, t))),
              ),
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: 'row pager' },
        h('button', { type: 'button', class: 'secondary', disabled: offset === 0, on: { click: () => navigate({ offset: Math.max(0, offset - PAGE) }) } }, '← Previous'),
        h('span', { class: 'muted', data: { testid: 'page-info' } }, `${offset + 1}–${offset + page.items.length} of ${page.total}`),
        h('button', { type: 'button', class: 'secondary', disabled: offset + PAGE >= page.total, on: { click: () => navigate({ offset: offset + PAGE }) } }, 'Next →'),
        sideBtn,
      ),
    );
  } catch (e) {
    replace(box, errorBox(e));
  }
}

async function renderComparison(box: HTMLElement, by: GroupBy, filter: DocumentFilterParams, tagPrefix: string, minConfidence = 0): Promise<void> {
  let c: Comparison & { notAnalysed: number };
  try {
    c = await api.compareGroups(by, filter, tagPrefix, minConfidence);
  } catch (e) {
    return replace(box, errorBox(e));
  }
  const notice = notAnalysedNotice(c.notAnalysed, filter, () => go(location.hash));
  if (notice) box.before(notice);
  if (c.groups.length === 0) return replace(box, h('p', { class: 'muted' }, `No analysed documents with a${by === 'outlet' ? 'n' : ''} ${by} to compare.`));
  const canvas = () => h('canvas', { role: 'img' });
  const rate = canvas();
  const mix = canvas();
  const tech = canvas();
  rate.setAttribute('aria-label', `Findings per 1,000 words by ${by}`);
  mix.setAttribute('aria-label', `Category mix by ${by}`);
  tech.setAttribute('aria-label', `Technique rates by ${by}`);
  replace(
    box,
    h(
      'p',
      { class: 'muted' },
      `${c.totals.documents} documents, ${fmt(c.totals.words)} words, `,
      h('span', { data: { testid: 'corpus-findings' } }, String(c.totals.findings)),
      ` findings${minConfidence > 0 ? ` with confidence ${Math.round(minConfidence * 100)}% or more` : ''} (${fmt(c.totals.ratePer1000Words, 1)} per 1,000 words). `,
      `Each group is tested against the rest of the corpus; ★ marks differences significant at a false discovery rate of ${c.alpha}. `,
      h(
        'span',
        { class: 'exports' },
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`compare-by-${by}.json`, json(c), 'application/json') } }, 'Export JSON'),
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`compare-by-${by}.csv`, comparisonCsv(c), 'text/csv') } }, 'Export CSV'),
      ),
    ),
    // The method in words, open to keyboard and touch (a title attribute only shows on hover).
    h('details', { class: 'method', data: { testid: 'method-note' } }, h('summary', null, 'How are groups compared?'), h('p', { class: 'small' }, c.method)),
    h(
      'div',
      { class: 'charts' },
      h('figure', { class: 'chart', data: { testid: 'chart-rate' } }, h('figcaption', null, `Findings per 1,000 words by ${by}`), h('div', { class: 'canvas-box' }, rate)),
      h('figure', { class: 'chart', data: { testid: 'chart-mix' } }, h('figcaption', null, `Category mix by ${by}`), h('div', { class: 'canvas-box' }, mix), mixNumbers(c)),
      h('figure', { class: 'chart wide', data: { testid: 'chart-techniques' } }, h('figcaption', null, 'Most frequent techniques (dark border: significant difference from the rest)'), h('div', { class: 'canvas-box' }, tech)),
    ),
    h('div', { class: 'table-scroll' }, significantTable(c)),
    groupCards(c),
  );
  rateChart(rate, c);
  mixChart(mix, c);
  techniqueChart(tech, c);
}

interface SignificantRow {
  g: GroupStats;
  level: 'overall' | 'category' | 'technique';
  label: HTMLElement | string;
  r: RateComparison;
}

/** Every significant difference: a group's overall rate, a category's, or a technique's, against the rest. */
function significantTable(c: Comparison): HTMLElement {
  const rows: SignificantRow[] = c.groups.flatMap((g) => [
    ...(g.overall?.significant ? [{ g, level: 'overall' as const, label: 'All findings', r: g.overall }] : []),
    ...g.categoryMix.filter((m) => m.vsRest?.significant).map((m) => ({ g, level: 'category' as const, label: h('span', null, swatch(m.category), CATEGORY_NAME[m.category]), r: m.vsRest })),
    ...g.significant.map((t) => ({ g, level: 'technique' as const, label: h('span', { title: CATEGORY_NAME[t.category] }, swatch(t.category), techniqueName(t.technique)), r: t })),
  ]);
  if (rows.length === 0) return h('p', { class: 'muted', data: { testid: 'significant' } }, 'No difference between groups is significant at this corpus size.');
  const ci = (x: [number, number | null] | null) => (x ? `${fmt(x[0], 2)}–${x[1] === null ? '∞' : fmt(x[1], 2)}` : '');
  return h(
    'table',
    { class: 'significant', data: { testid: 'significant' } },
    h('caption', null, 'Significant differences (each group against the rest of the corpus)'),
    h('thead', null, h('tr', null, [c.by, 'What', 'Rate', 'Rest', 'Ratio (95% CI)', 'q', ''].map((x) => h('th', null, x)))),
    h(
      'tbody',
      null,
      rows.map(({ g, level, label, r }) =>
        h(
          'tr',
          { class: `level-${level}` },
          h('td', null, g.key),
          h('td', null, label),
          h('td', { class: 'num' }, fmt(r.ratePer1000Words, 1)),
          h('td', { class: 'num' }, fmt(r.restRatePer1000Words, 1)),
          h('td', { class: 'num' }, r.rateRatio === null ? '' : `${fmt(r.rateRatio, 2)} (${ci(r.ci95)})`),
          h('td', { class: 'num' }, r.qValue < 0.001 ? '<0.001' : fmt(r.qValue, 3)),
          h('td', { class: r.direction === 'higher' ? 'up' : 'down' }, r.direction === 'higher' ? '★ ▲ higher' : '★ ▼ lower'),
        ),
      ),
    ),
    h('tfoot', null, h('tr', null, h('td', { colspan: 7, class: 'muted small' }, 'Rates are findings per 1,000 words.'))),
  );
}

/** Per group: size, rate and its top techniques, each with an example span linking to its document. */
function groupCards(c: Comparison): HTMLElement {
  return h(
    'div',
    { class: 'group-cards', data: { testid: 'group-cards' } },
    c.groups.map((g, i) =>
      h(
        'section',
        { class: 'panel group-card' },
        h('h3', null, h('span', { class: 'swatch', style: { background: groupColor(i) } }), g.key),
        h('p', { class: 'small muted' }, `${g.documents} document${g.documents === 1 ? '' : 's'} · ${fmt(g.words)} words · ${fmt(g.ratePer1000Words, 1)} per 1,000 words`),
        g.top.length === 0
          ? h('p', { class: 'small muted' }, 'No findings.')
          : h(
              'ol',
              { class: 'small top-techniques' },
              g.top.map((t) =>
                h(
                  'li',
                  null,
                  swatch(t.category),
                  h('strong', null, techniqueName(t.technique)),
                  ` ${fmt(t.ratePer1000Words, 1)}`,
                  t.significant ? h('span', { class: t.direction === 'higher' ? 'up' : 'down', title: `q = ${t.qValue.toPrecision(2)}` }, t.direction === 'higher' ? ' ★▲' : ' ★▼') : null,
                  t.examples[0] ? h('div', { class: 'example' }, h('a', { href: `#/doc/${t.examples[0].documentId}`, title: t.examples[0].title ?? '' }, `“${t.examples[0].text}”`)) : null,
                ),
              ),
            ),
      ),
    ),
  );
}

async function renderLayers(box: HTMLElement, by: GroupBy, filter: DocumentFilterParams, tagPrefix: string): Promise<void> {
  let c: LayerComparison;
  try {
    c = await api.compareLayers(by, filter, tagPrefix);
  } catch (e) {
    return replace(box, errorBox(e));
  }
  if (c.groups.length === 0) return replace(box, h('p', { class: 'muted' }, 'Nothing to compare.'));
  const figure = (testid: string, caption: string, draw: (canvas: HTMLCanvasElement) => void, numbers: HTMLElement | null = null) => {
    const canvas = h('canvas', { role: 'img', aria: { label: caption } });
    const fig = h('figure', { class: `chart${testid === 'chart-sourcing' ? ' wide' : ''}`, data: { testid } }, h('figcaption', null, caption), h('div', { class: 'canvas-box' }, canvas), numbers);
    return { fig, draw: () => draw(canvas) };
  };
  const charts = [
    figure('chart-frames', `Frame mix by ${by} (mean share per document)`, (cv) => frameMixChart(cv, c)),
    figure('chart-intensity', `Intensity bands by ${by} (% of documents)`, (cv) => intensityBandsChart(cv, c), intensityNumbers(c)),
    figure('chart-sourcing', `Sourcing by ${by} (% of sentences)`, (cv) => sourcingChart(cv, c), sourcingNumbers(c)),
  ];
  replace(box, h('div', { class: 'charts' }, charts.map((x) => x.fig)));
  for (const x of charts) x.draw();
}

async function renderActors(box: HTMLElement, by: GroupBy, filter: DocumentFilterParams, tagPrefix: string): Promise<void> {
  try {
    replace(box, h('div', { class: 'table-scroll' }, actorHeatmap(await api.compareActors(by, filter, tagPrefix))));
  } catch (e) {
    replace(box, errorBox(e));
  }
}

/** Findings per category and group, each count beside its share of the group's findings. */
function mixNumbers(c: Comparison): HTMLElement {
  const used = CATEGORIES.filter((cat) => c.groups.some((g) => g.categoryMix.some((m) => m.category === cat && m.count > 0)));
  return numbersTable('Findings per category (share of the group)', c.groups.map((g) => g.key), used.map((cat) => CATEGORY_NAME[cat]), (gi, ci) => {
    const g = c.groups[gi]!;
    return countShare(g.categoryMix.find((m) => m.category === used[ci])?.count ?? 0, g.findings);
  });
}
