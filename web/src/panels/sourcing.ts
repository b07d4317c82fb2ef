import type { Report } from '../../../src/core/report.js';
import type { Quotation, SourcingClass, SourcingSummary } from '../../../src/core/sourcing.js';
import { h, pct } from '../dom.js';
import { section } from './section.js';

/** Display order, strongest sourcing first (mirrors SOURCING_CLASSES; unknown classes are appended). */
const ORDER: SourcingClass[] = ['quote', 'attributed-named', 'cited', 'attributed-vague', 'hearsay', 'unattributed-claim', 'opinion'];

export const SOURCING_STYLE: Record<string, { name: string; color: string }> = {
  quote: { name: 'Direct quote', color: '#2e7d32' },
  'attributed-named': { name: 'Named source', color: '#66bb6a' },
  cited: { name: 'Cited (footnote)', color: '#26a69a' },
  'attributed-vague': { name: 'Vague source', color: '#ffb300' },
  hearsay: { name: 'Hearsay', color: '#f4511e' },
  'unattributed-claim': { name: 'No source', color: '#c62828' },
  opinion: { name: 'Opinion', color: '#8e8ea0' },
};

const style = (cls: string) => SOURCING_STYLE[cls] ?? { name: cls, color: '#999' };

/** Sourcing bar (share of sentences per class), the sentences behind it, and the quotations with speakers. */
export function sourcingPanel(report: Report): HTMLElement | null {
  const s = section<SourcingSummary>(report, 'sourcing');
  if (!s || !s.shares) return null;
  const classes = [...ORDER, ...Object.keys(s.shares).filter((c) => !ORDER.includes(c as SourcingClass))] as SourcingClass[];
  const used = classes.filter((c) => (s.counts[c] ?? 0) > 0);
  const quotations = (report.quotations ?? []) as Quotation[];
  return h(
    'section',
    { class: 'panel', data: { testid: 'panel-sourcing' } },
    h('h3', null, 'Sourcing'),
    used.length === 0
      ? h('p', { class: 'muted' }, 'No sentences.')
      : [
          h(
            'div',
            { class: 'stack-bar', role: 'img', aria: { label: used.map((c) => `${style(c).name} ${pct(s.shares[c])}`).join(', ') } },
            used.map((c) => h('span', { class: 'stack-seg', title: `${style(c).name}: ${s.counts[c]} sentence(s), ${pct(s.shares[c])}`, style: { width: pct(s.shares[c], 2), background: style(c).color } })),
          ),
          h(
            'ul',
            { class: 'key' },
            used.map((c) => h('li', null, h('span', { class: 'swatch', style: { background: style(c).color } }), `${style(c).name} ${s.counts[c]} (${pct(s.shares[c])})`)),
          ),
          h('p', { class: 'small' }, h('strong', null, pct(s.weakShare)), ' of sentences rest on a vague source, hearsay or no source.'),
          h(
            'details',
            { class: 'small' },
            h('summary', null, `Sentences (${s.sentences.length})`),
            h(
              'ol',
              { class: 'sentences' },
              s.sentences.map((x) =>
                h(
                  'li',
                  null,
                  h('span', { class: 'badge', style: { background: style(x.class).color } }, style(x.class).name),
                  ' ',
                  x.text,
                  x.cue || x.source ? h('span', { class: 'muted' }, ` (${[x.cue ? `cue: “${x.cue.text}”` : '', x.source ? `source: ${x.source}` : ''].filter(Boolean).join('; ')})`) : null,
                ),
              ),
            ),
          ),
        ],
    quotations.length ? quotationsList(quotations) : null,
  );
}

function quotationsList(quotes: Quotation[]): HTMLElement {
  const speech = quotes.filter((q) => q.kind === 'speech');
  return h(
    'details',
    { class: 'small', open: speech.length > 0 && speech.length <= 5 ? '' : undefined },
    h('summary', null, `Quotations (${speech.length} speech, ${quotes.length - speech.length} other)`),
    h(
      'ul',
      { class: 'quotes' },
      quotes.map((q) => {
        const who = q.speaker ? q.speaker.resolved ?? q.speaker.name ?? q.speaker.text : null;
        const role = q.speaker ? [q.speaker.role, q.speaker.affiliation].filter((x): x is string => !!x && !who?.includes(x)).join(', ') : '';
        return h(
          'li',
          null,
          h('q', null, q.content.text),
          ' — ',
          who ? h('strong', null, who) : h('span', { class: 'muted' }, q.kind === 'phrase' ? 'quoted phrase' : 'no speaker'),
          role ? h('span', { class: 'muted' }, ` (${role})`) : null,
          q.verb ? [' ', h('span', { class: `verb ${q.verb.tone}`, title: q.verb.note ?? (q.verb.tone === 'loaded' ? 'a verb that carries judgement' : 'a neutral attribution verb') }, q.verb.text)] : null,
        );
      }),
    ),
  );
}
