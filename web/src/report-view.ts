import { STRONG_CONFIDENCE, strengthOf, type Finding } from '../../src/core/finding.js';
import type { Report } from '../../src/core/report.js';
import { CATEGORY_COLOR, CATEGORY_NAME, withAlpha } from './colors.js';
import { fmt, h, pct, replace, type Child } from './dom.js';
import { download, findingsCsv, json } from './export.js';
import { splitIntoPieces } from './highlight.js';
import { renderPanels } from './panels/index.js';
import { CATEGORIES, techniqueDefinition, techniqueName, type CategoryId, type TechniqueId } from './taxonomy.js';
import { attachTooltip } from './tooltip.js';

/** Counts rendered reports, for unique ids (two reports side by side). */
let views = 0;

export interface ReportViewOptions {
  /** Base name for exported files. */
  name?: string;
  /** Side-by-side columns: no findings table, no export buttons. */
  compact?: boolean;
}

/**
 * A report as a reader sees it: totals, a legend that filters, the text with every finding
 * highlighted in its category colour (tooltip per span), layer panels, and the list of findings.
 */
export function renderReport(text: string, report: Report, options: ReportViewOptions = {}): HTMLElement {
  const hiddenCategories = new Set<CategoryId>();
  const hiddenTechniques = new Set<TechniqueId>();
  let minConfidence = 0;
  const visible = (f: Finding) => !hiddenCategories.has(f.category) && !hiddenTechniques.has(f.technique) && f.confidence >= minConfidence;

  const textBox = h('div', { class: 'doc-text', data: { testid: 'doc-text' } });
  const legend = h('div', { class: 'legend', data: { testid: 'legend' } });
  const shown = h('span', { class: 'shown-count', data: { testid: 'shown-count' } });
  const table = options.compact ? null : h('div', { class: 'findings-box' });

  const redraw = () => {
    const findings = report.findings.filter(visible);
    renderText(textBox, text, findings, report.headline);
    renderLegend(legend, report, hiddenCategories, hiddenTechniques, redraw);
    if (table) replace(table, findingsTable(report.findings.filter((f) => f.confidence >= minConfidence)));
    shown.textContent = findings.length === report.findings.length ? '' : ` (${findings.length} shown)`;
  };
  const slider = confidenceSlider((v) => {
    minConfidence = v;
    redraw();
  });
  redraw();

  const name = options.name ?? 'framewise-report';
  const exports = options.compact
    ? null
    : h(
        'div',
        { class: 'exports' },
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`${name}.json`, json(report), 'application/json') } }, 'Export JSON'),
        h('button', { type: 'button', class: 'secondary', on: { click: () => download(`${name}.csv`, findingsCsv(report), 'text/csv') } }, 'Export CSV'),
      );

  // A long text has a tab stop per highlight (about 100): a skip link takes the keyboard past them.
  const after = h('p', { class: 'after-highlights', id: `after-highlights-${++views}`, tabindex: -1, data: { testid: 'after-highlights' } }, 'End of the highlighted text.');
  const skip = report.findings.length
    ? h(
        'a',
        {
          class: 'skip-link',
          href: `#${after.id}`,
          data: { testid: 'skip-highlights' },
          // The hash routes pages: focus the target instead of following the link.
          on: {
            click: (ev) => {
              ev.preventDefault();
              after.focus();
            },
          },
        },
        `Skip past the highlighted text (${report.findings.length} findings)`,
      )
    : null;

  return h(
    'section',
    { class: `report${options.compact ? ' compact' : ''}`, data: { testid: 'report' } },
    h(
      'div',
      { class: 'totals', data: { testid: 'totals' } },
      h('strong', { data: { testid: 'total-findings' } }, String(report.counts.total)),
      ` finding${report.counts.total === 1 ? '' : 's'}`,
      shown,
      ` · ${fmt(report.words)} words · ${fmt(report.ratePer1000Words, 1)} per 1,000 words · ${report.sentences} sentence${report.sentences === 1 ? '' : 's'}`,
      report.errors.length ? h('span', { class: 'warn' }, ` · ${report.errors.length} detector error(s): ${report.errors.map((e) => e.detector).join(', ')}`) : null,
      exports,
    ),
    report.findings.length ? slider : null,
    legend,
    skip,
    textBox,
    skip ? after : null,
    renderPanels(report, text),
    table,
  );
}

/**
 * A slider that hides findings under a confidence (calibrated: the chance that an annotator would
 * mark the same technique there), with the strong / possible line drawn on its scale.
 */
export function confidenceSlider(onChange: (minConfidence: number) => void, initial = 0): HTMLElement {
  const value = h('output', { class: 'slider-value', data: { testid: 'confidence-value' } }, label(initial));
  const input = h('input', {
    type: 'range',
    min: '0',
    max: '0.95',
    step: '0.05',
    value: String(initial),
    class: 'confidence-slider',
    aria: { label: 'Show findings with at least this confidence' },
    data: { testid: 'confidence-slider' },
    on: {
      input: () => {
        const v = Number(input.value);
        value.textContent = label(v);
        onChange(v);
      },
    },
  });
  return h(
    'div',
    { class: 'confidence-filter', data: { testid: 'confidence-filter' } },
    h('label', null, 'Confidence ', input),
    value,
    h('span', { class: 'muted small' }, ` · strong from ${pct(STRONG_CONFIDENCE)} (solid highlight), possible below (faint, dashed)`),
  );
}

function label(v: number): string {
  return v <= 0 ? 'all findings' : `${pct(v)} or more`;
}

function renderText(box: HTMLElement, text: string, findings: Finding[], headline: Report['headline']): void {
  const nodes: Child[] = [];
  const inHeadline = (start: number) => headline !== null && start >= headline.start && start < headline.end;
  for (const piece of splitIntoPieces(text.length, findings, headline ? [headline.start, headline.end] : [])) {
    const slice = text.slice(piece.start, piece.end);
    if (piece.covering.length === 0) {
      nodes.push(inHeadline(piece.start) ? h('span', { class: 'headline' }, slice) : slice);
      continue;
    }
    const main = piece.covering[0]!;
    const color = CATEGORY_COLOR[main.category];
    // The piece is as strong as its most confident finding: the highlight's depth follows it.
    const top = Math.max(...piece.covering.map((f) => f.confidence));
    const strength = strengthOf(top);
    const mark = h(
      'mark',
      {
        class: `hl ${strength}${piece.covering.length > 1 ? ' multi' : ''}${inHeadline(piece.start) ? ' headline' : ''}`,
        tabindex: 0,
        data: { findings: piece.covering.map((f) => f.id).join(' '), technique: main.technique, category: main.category, strength },
        aria: { label: `${slice}: ${piece.covering.map((f) => `${strengthOf(f.confidence)} ${techniqueName(f.technique)}`).join(', ')}` },
        style: { background: withAlpha(color, 0.06 + 0.34 * top), borderBottomColor: color },
      },
      slice,
    );
    attachTooltip(mark, () => piece.covering.map(tooltipEntry));
    nodes.push(mark);
  }
  replace(box, ...nodes);
}

function tooltipEntry(f: Finding): HTMLElement {
  return h(
    'div',
    { class: 'tip-entry', data: { testid: 'tooltip-entry' } },
    h(
      'div',
      { class: 'tip-title' },
      swatch(f.category),
      h('span', { class: `strength ${strengthOf(f.confidence)}`, data: { testid: 'tooltip-strength' } }, strengthOf(f.confidence) === 'strong' ? 'Strong: ' : 'Possible: '),
      h('strong', null, techniqueName(f.technique)),
      h('span', { class: 'muted' }, ` · ${CATEGORY_NAME[f.category]}`),
    ),
    h('div', { class: 'tip-text' }, '“', f.text, '”'),
    h('div', null, f.message),
    h('div', { class: 'muted small' }, techniqueDefinition(f.technique)),
    f.evidence?.length ? h('ul', { class: 'evidence' }, f.evidence.map((e) => h('li', null, h('span', { class: 'muted' }, `${e.label}: `), e.text))) : null,
    h('div', { class: 'tip-meta' }, `confidence ${pct(f.confidence)} (${strengthOf(f.confidence)}) · ${f.source} · `, h('code', null, f.ruleId), ` · line ${f.line}:${f.column}`),
  );
}

export function swatch(category: CategoryId): HTMLElement {
  return h('span', { class: 'swatch', style: { background: CATEGORY_COLOR[category] }, aria: { hidden: 'true' } });
}

function renderLegend(box: HTMLElement, report: Report, hiddenCats: Set<CategoryId>, hiddenTechs: Set<TechniqueId>, redraw: () => void): void {
  const used = CATEGORIES.filter((c) => report.counts.byCategory[c] > 0);
  if (used.length === 0) {
    replace(box, h('p', { class: 'muted' }, 'No persuasion techniques found.'));
    return;
  }
  const toggle = <T>(set: Set<T>, v: T) => () => {
    if (set.has(v)) set.delete(v);
    else set.add(v);
    redraw();
  };
  replace(
    box,
    h('span', { class: 'legend-hint muted' }, 'Click to show or hide:'),
    used.map((c) => {
      const techniques = (Object.entries(report.counts.byTechnique) as Array<[TechniqueId, number]>).filter(
        ([id, n]) => n > 0 && report.findings.some((f) => f.technique === id && f.category === c),
      );
      return h(
        'div',
        { class: 'legend-group' },
        h(
          'button',
          { type: 'button', class: `chip${hiddenCats.has(c) ? ' off' : ''}`, aria: { pressed: String(!hiddenCats.has(c)) }, data: { category: c }, on: { click: toggle(hiddenCats, c) } },
          swatch(c),
          `${CATEGORY_NAME[c]} `,
          h('span', { class: 'count' }, String(report.counts.byCategory[c])),
        ),
        techniques.map(([id, n]) =>
          h(
            'button',
            {
              type: 'button',
              class: `chip small${hiddenTechs.has(id) || hiddenCats.has(c) ? ' off' : ''}`,
              title: techniqueDefinition(id),
              aria: { pressed: String(!hiddenTechs.has(id)) },
              data: { technique: id },
              on: { click: toggle(hiddenTechs, id) },
            },
            `${techniqueName(id)} `,
            h('span', { class: 'count' }, String(n)),
          ),
        ),
      );
    }),
  );
}

function findingsTable(findings: readonly Finding[]): HTMLElement | null {
  if (findings.length === 0) return null;
  const table = h(
    'table',
    null,
    h('thead', null, h('tr', null, ['Where', 'Technique', 'Text', 'Confidence', 'Rule', 'Why'].map((c) => h('th', null, c)))),
    h(
      'tbody',
      null,
      findings.map((f) =>
        h(
          'tr',
          { data: { strength: strengthOf(f.confidence) } },
          h('td', { class: 'num' }, `${f.line}:${f.column}`),
          h('td', null, swatch(f.category), techniqueName(f.technique)),
          h('td', null, f.text),
          h('td', { class: 'num' }, `${pct(f.confidence)} ${strengthOf(f.confidence)}`),
          h('td', null, h('code', null, f.ruleId)),
          h('td', null, f.message),
        ),
      ),
    ),
  );
  return h('details', { class: 'findings', data: { testid: 'findings-table' } }, h('summary', null, `All findings (${findings.length})`), h('div', { class: 'table-scroll' }, table));
}
