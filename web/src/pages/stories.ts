import type { GroupBlindSpots, StoryView } from '../../../src/core/stories.js';
import { api, type StoryFilterParams } from '../api.js';
import { fmt, h, replace } from '../dom.js';
import { errorBox, go, hashParams, loading } from '../ui.js';
import '../stories.css';

/** Stories: stored documents about one event, newest first, and each camp's blind spots across them. */

const PAGE = 20;

export async function storiesPage(root: HTMLElement): Promise<void> {
  const params = hashParams();
  const filter: StoryFilterParams = { from: params.get('from') ?? undefined, q: params.get('q') ?? undefined, tagPrefix: params.get('tagPrefix') ?? undefined };
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const input = (name: keyof StoryFilterParams, label: string, type = 'text') =>
    h('label', null, `${label} `, h('input', { id: `story-${name}`, name, type, value: filter[name] ?? '', placeholder: name === 'tagPrefix' ? 'camp:' : '' }));
  const form = h(
    'form',
    {
      class: 'row filters',
      on: {
        submit: (ev) => {
          ev.preventDefault();
          const q = new URLSearchParams();
          for (const el of (ev.target as HTMLFormElement).querySelectorAll('input')) if (el.value.trim()) q.set(el.name, el.value.trim());
          go(`#/stories${q.toString() ? `?${q}` : ''}`);
        },
      },
    },
    input('from', 'Since', 'date'),
    input('q', 'Title has'),
    input('tagPrefix', 'Groups from tags'),
    h('button', { type: 'submit' }, 'Show'),
  );
  const list = h('div', { data: { testid: 'story-list' } }, loading());
  const spots = h('div', { data: { testid: 'blind-spots' } });
  replace(
    root,
    h('h1', null, 'Stories'),
    h('p', { class: 'lede muted' }, 'Stored articles about the same event, grouped across outlets. Open a story to see which facts each version carries, changes or leaves out.'),
    form,
    list,
    spots,
  );
  try {
    const page = await api.listStories(filter, { limit: PAGE, offset });
    replace(list, page.items.length ? page.items.map(card) : h('p', { class: 'muted' }, 'No stories yet: store some articles (with dates, outlets and camp: tags) first.'), pager(page.total, offset, params));
  } catch (e) {
    replace(list, errorBox(e));
  }
  try {
    const b = await api.storyBlindSpots(filter);
    replace(spots, blindSpots(b.groups));
  } catch (e) {
    replace(spots, errorBox(e));
  }
}

function span(v: StoryView): string {
  const day = (s: string | null) => (s ? s.slice(0, 10) : 'undated');
  return v.firstAt === v.lastAt ? day(v.firstAt) : `${day(v.firstAt)} – ${day(v.lastAt)}`;
}

function card(v: StoryView): HTMLElement {
  const omissions = v.documents.reduce((s, d) => s + d.omits.length, 0);
  const shared = v.facts.filter((f) => f.carriedBy >= 2).length;
  const misleading = v.documents.filter((d) => d.headline && !d.headline.supported).length;
  return h(
    'article',
    { class: 'story-card', data: { testid: 'story-card', story: v.id } },
    h('h2', null, h('a', { href: `#/story/${v.id}` }, v.title)),
    h('p', { class: 'muted small' }, `${span(v)} · ${v.documents.length} version${v.documents.length === 1 ? '' : 's'} · ${shared} shared facts · ${omissions} omissions${misleading ? ` · ${misleading} misleading headline${misleading === 1 ? '' : 's'}` : ''}`),
    h('p', { class: 'camps' }, v.groups.map((g) => h('span', { class: 'tag' }, `${g.group} ${g.documents}`))),
  );
}

function pager(total: number, offset: number, params: URLSearchParams): HTMLElement {
  const link = (to: number, label: string) => {
    const q = new URLSearchParams(params);
    q.set('offset', String(to));
    return h('a', { class: 'button secondary', href: `#/stories?${q}` }, label);
  };
  return h(
    'div',
    { class: 'row pager' },
    offset > 0 ? link(Math.max(0, offset - PAGE), '← Newer') : null,
    h('span', { class: 'muted', data: { testid: 'story-page-info' } }, total ? `${fmt(offset + 1)}–${fmt(Math.min(total, offset + PAGE))} of ${fmt(total)}` : ''),
    offset + PAGE < total ? link(offset + PAGE, 'Older →') : null,
  );
}

function blindSpots(groups: GroupBlindSpots[]): HTMLElement {
  const withFacts = groups.filter((g) => g.facts.length > 0);
  return h(
    'section',
    { class: 'panel blind-spots' },
    h('h2', null, 'Blind spots by camp'),
    h('p', { class: 'muted small' }, 'Facts that most other versions of a story carry and that every version from the camp leaves out.'),
    withFacts.length === 0
      ? h('p', { class: 'muted' }, 'None found.')
      : withFacts.map((g) =>
          h(
            'details',
            { data: { testid: 'blind-spot-group', group: g.group } },
            h('summary', null, h('strong', null, g.group), ` ${g.facts.length} in ${g.stories} stor${g.stories === 1 ? 'y' : 'ies'}`),
            h('ul', null, g.facts.map((f) => h('li', null, h('a', { href: `#/story/${f.storyId}` }, f.storyTitle), ': ', f.text, h('span', { class: 'muted small' }, ` (${f.carriedBy} of ${f.others} others)`)))),
          ),
        ),
  );
}
