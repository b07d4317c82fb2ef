import type { Claim } from '../../../src/core/claims.js';
import type { Report } from '../../../src/core/report.js';
import { h } from '../dom.js';
import { SOURCING_STYLE } from './sourcing.js';

const HEDGING_LABEL: Record<string, string> = { certain: 'stated as certain', hedged: 'hedged', conditional: 'conditional' };

/** Check-worthy claims with type, hedging and source; accusations with who accuses whom of what. */
export function claimsPanel(report: Report): HTMLElement | null {
  const claims = report.claims as Claim[] | undefined;
  if (!Array.isArray(claims)) return null;
  return h(
    'section',
    { class: 'panel', data: { testid: 'panel-claims' } },
    h('h3', null, `Claims (${claims.length})`),
    claims.length === 0
      ? h('p', { class: 'muted' }, 'No check-worthy claims.')
      : h(
          'ol',
          { class: 'claims' },
          claims.map((c) => {
            const src = SOURCING_STYLE[c.source.class];
            return h(
              'li',
              null,
              h('div', null, h('span', { class: `badge claim-${c.type}` }, c.type), ' ', h('span', { class: `badge hedge-${c.hedging}` }, HEDGING_LABEL[c.hedging] ?? c.hedging), ' ', c.text),
              h(
                'div',
                { class: 'small muted' },
                'Source: ',
                h('span', { class: 'swatch', style: { background: src?.color ?? '#999' } }),
                src?.name ?? c.source.class,
                c.source.name ? ` (${c.source.name})` : '',
                c.hedges.length ? ` · hedges: ${c.hedges.map((x) => x.text).join(', ')}` : '',
              ),
              c.accusation
                ? h(
                    'div',
                    { class: 'small accusation' },
                    h('strong', null, c.accusation.accuser?.text ?? 'the text itself'),
                    ' accuses ',
                    h('strong', null, c.accusation.accused?.text ?? 'someone unnamed'),
                    ` of ${c.accusation.charges.join(', ') || c.accusation.charge.text}`,
                    ' · evidence: ',
                    c.accusation.evidence ? h('em', null, c.accusation.evidence.text) : h('span', { class: 'warn' }, 'none stated'),
                  )
                : null,
            );
          }),
        ),
  );
}
