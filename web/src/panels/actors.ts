import type { ActorSummary } from '../../../src/core/actors.js';
import type { Report } from '../../../src/core/report.js';
import { h } from '../dom.js';
import { techniqueName } from '../taxonomy.js';

const ROLE_COLOR: Record<string, string> = { aggressor: '#c62828', victim: '#1565c0', authority: '#6a1b9a', neutral: '#757575' };

/** Actors: mentions, portrayal role with evidence, loaded terms next to them, techniques that mention them. */
export function actorsPanel(report: Report): HTMLElement | null {
  const actors = report.actors as ActorSummary[] | undefined;
  if (!Array.isArray(actors)) return null;
  return h(
    'section',
    { class: 'panel', data: { testid: 'panel-actors' } },
    h('h3', null, `Actors (${actors.length})`),
    actors.length === 0
      ? h('p', { class: 'muted' }, 'No actors recognised.')
      : h(
          'div',
          { class: 'actors' },
          actors.map((a) => {
            const techniques = [...new Set(a.techniques.map((t) => techniqueName(t.technique)))];
            return h(
              'details',
              { class: 'actor' },
              h(
                'summary',
                null,
                h('strong', null, a.name),
                h('span', { class: 'muted small' }, ` ${a.type} · ${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'} `),
                h('span', { class: 'badge', style: { background: ROLE_COLOR[a.portrayal.role] ?? '#757575' } }, a.portrayal.role),
              ),
              a.loadedTerms.length ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'Loaded terms: '), [...new Set(a.loadedTerms.map((t) => t.text))].join(', ')) : null,
              techniques.length ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'In findings: '), techniques.join(', ')) : null,
              a.portrayal.evidence.length
                ? h(
                    'ul',
                    { class: 'small evidence' },
                    a.portrayal.evidence.slice(0, 5).map((e) => h('li', null, h('span', { class: 'badge', style: { background: ROLE_COLOR[e.role] ?? '#757575' } }, e.role), ` “${e.cue}”: `, e.text)),
                  )
                : h('p', { class: 'small muted' }, 'No role cues: neutral.'),
              h('p', { class: 'small muted' }, `Mentioned as: ${[...new Set(a.mentions.map((m) => m.text))].join(', ')}`),
            );
          }),
        ),
  );
}
