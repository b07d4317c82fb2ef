import type { ActorSummary, VoiceCasting } from '../../../src/core/actors.js';
import type { Report } from '../../../src/core/report.js';
import { h, replace } from '../dom.js';
import { techniqueName } from '../taxonomy.js';

export const ROLE_COLOR: Record<string, string> = { antagonist: '#c62828', innocent: '#1565c0', protagonist: '#2e7d32', unframed: '#757575' };

const badge = (role: string) => h('span', { class: 'badge', style: { background: ROLE_COLOR[role] ?? '#757575' } }, role);

/** The voices that cast somebody in this document: the author first, then every reported source. */
function voicesOf(actors: readonly ActorSummary[]): string[] {
  const out = ['author'];
  for (const a of actors) for (const v of a.framing.byVoice) if (v.kind === 'source' && v.role !== 'unframed' && !out.includes(v.speaker ?? '(unnamed source)')) out.push(v.speaker ?? '(unnamed source)');
  return out;
}

const castingOf = (a: ActorSummary, voice: string): VoiceCasting | undefined =>
  voice === 'author' ? a.framing.byVoice.find((v) => v.kind === 'author') : a.framing.byVoice.find((v) => v.kind === 'source' && (v.speaker ?? '(unnamed source)') === voice);

/** The cast table of one voice: who it casts in which role, with archetypes and the evidence behind it. */
function castTable(actors: readonly ActorSummary[], voice: string): HTMLElement {
  const rows = actors
    .map((a) => ({ a, c: castingOf(a, voice) }))
    .filter((x): x is { a: ActorSummary; c: VoiceCasting } => x.c !== undefined && (voice === 'author' || x.c.role !== 'unframed'));
  if (rows.length === 0) return h('p', { class: 'muted small' }, 'Nobody is cast in these words.');
  return h(
    'table',
    { class: 'cast', data: { testid: 'cast-table', voice } },
    h('thead', null, h('tr', null, h('th', null, 'Actor'), h('th', null, 'Role'), h('th', null, 'Archetypes'), h('th', null, 'Scores (p / a / i)'), h('th', null, voice === 'author' ? 'Strongest evidence' : 'Mentions in these words'))),
    h(
      'tbody',
      null,
      rows.map(({ a, c }) =>
        h(
          'tr',
          { data: { actor: a.id, role: c.role } },
          h('td', null, a.name, h('span', { class: 'muted small' }, ` ${a.type}`)),
          h('td', null, badge(c.role)),
          // Every archetype over its cut, strongest first, with its score: a 0.20 "terrorist" reads as the guess it is.
          h('td', { class: 'small' }, [...c.archetypes].sort((x, y) => y.score - x.score).map((x) => `${x.id} ${x.score.toFixed(2)}`).join(', ') || '–'),
          h('td', { class: 'small muted' }, `${c.scores.protagonist.toFixed(2)} / ${c.scores.antagonist.toFixed(2)} / ${c.scores.innocent.toFixed(2)}`),
          h(
            'td',
            { class: 'small' },
            voice === 'author'
              ? a.framing.evidence.slice(0, 2).map((e) => h('span', { class: 'cue', title: `${e.cue}${e.voice ? ` — in the words of ${e.voice.speaker ?? 'a source'}` : ''}` }, `“${e.text}”${e.voice ? ` [${e.voice.speaker ?? 'source'}]` : ''} `))
              : String(c.mentions),
          ),
        ),
      ),
    ),
  );
}

/** Actors: a cast table per voice (author or a reported source), then each actor with mentions, evidence, loaded terms and the words it speaks. */
export function actorsPanel(report: Report): HTMLElement | null {
  const actors = report.actors as ActorSummary[] | undefined;
  if (!Array.isArray(actors)) return null;
  const voices = voicesOf(actors);
  const tableBox = h('div', { class: 'cast-box table-scroll' }, castTable(actors, 'author'));
  const select = h(
    'select',
    { id: 'cast-voice', data: { testid: 'cast-voice' }, on: { change: () => replace(tableBox, castTable(actors, select.value)) } },
    voices.map((v) => h('option', { value: v }, v === 'author' ? 'the author' : v)),
  );
  return h(
    'section',
    { class: 'panel', data: { testid: 'panel-actors' } },
    h('h3', null, `Actors (${actors.length})`),
    actors.length === 0
      ? h('p', { class: 'muted' }, 'No actors recognised.')
      : [
          h('p', { class: 'small' }, h('label', { for: 'cast-voice' }, 'Cast as seen by '), select, h('span', { class: 'muted' }, ` (${voices.length - 1} reported source${voices.length === 2 ? '' : 's'} cast somebody)`)),
          tableBox,
          h(
            'div',
            { class: 'actors' },
            actors.map((a) => {
              const techniques = [...new Set(a.techniques.map((t) => techniqueName(t.technique)))];
              const roles = a.mentions.map((m) => m.role);
              return h(
                'details',
                { class: 'actor' },
                h(
                  'summary',
                  null,
                  h('strong', null, a.name),
                  h('span', { class: 'muted small' }, ` ${a.type} · ${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'} `),
                  badge(a.framing.role),
                ),
                a.loadedTerms.length ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'Loaded terms: '), [...new Set(a.loadedTerms.map((t) => (t.voice ? `${t.text} (${t.voice.speaker ?? 'a source'}'s words)` : t.text)))].join(', ')) : null,
                techniques.length ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'In findings: '), techniques.join(', ')) : null,
                a.sourceOf.length ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'Speaks: '), `${a.sourceOf.length} time(s)`, a.sourceOf.some((s) => s.stance === 'rejects') ? ' (the author rejects some of it)' : '') : null,
                a.framing.evidence.length
                  ? h(
                      'ul',
                      { class: 'small evidence' },
                      a.framing.evidence.slice(0, 5).map((e) => h('li', null, badge(e.role), ` ${e.cue}: “${e.text}”`, e.voice ? h('span', { class: 'muted' }, ` (in the words of ${e.voice.speaker ?? 'a source'})`) : null)),
                    )
                  : h('p', { class: 'small muted' }, 'No framing cues.'),
                h('p', { class: 'small muted' }, `Mentions: ${a.mentions.map((m, k) => `${m.text} (${roles[k]}${m.voice ? `, in ${m.voice.speaker ?? 'a source'}'s words` : ''})`).join('; ')}`),
              );
            }),
          ),
        ],
  );
}
