import type { FactCell, StoryFact, StoryVersion, StoryView } from '../../../src/core/stories.js';
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { errorBox, hashParams, loading } from '../ui.js';
import '../stories.css';

/**
 * One story: its versions in columns by camp, facts as rows (present, changed, absent), each cell
 * linking to the sentence that carries the fact; roles and narratives of each version when the
 * analyses have them; what each camp leaves out; and the versions' texts with those sentences marked.
 */

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const sentenceId = (doc: number, start: number) => `s-${doc}-${start}`;

export async function storyPage(root: HTMLElement, id: number): Promise<void> {
  replace(root, loading());
  const params = hashParams();
  let story: StoryView;
  try {
    story = await api.getStory(id, params.get('tagPrefix') ?? '');
  } catch (e) {
    return replace(root, h('p', null, h('a', { href: '#/stories' }, '← Stories')), errorBox(e));
  }
  // Columns by camp: groups in name order, versions of a group in time order (as the API gives them).
  const order = [...story.groups.map((g) => g.group)];
  const versions = [...story.documents].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  const shared = story.facts.filter((f) => f.carriedBy >= 2);
  replace(
    root,
    h('p', null, h('a', { href: '#/stories' }, '← Stories')),
    h('h1', { data: { testid: 'story-title' } }, story.title),
    h('p', { class: 'muted' }, `${span(story)} · ${story.documents.length} versions · ${story.groups.map((g) => `${g.group} ${g.documents}`).join(', ')}`),
    h('h2', null, 'Facts by version'),
    h('p', { class: 'muted small' }, 'A row is one fact: near-identical content in several versions. ✓ carried, ≠ carried with another number or none, — left out. Each cell links to its sentence below.'),
    h('div', { class: 'grid-scroll', data: { testid: 'grid-scroll' } }, factGrid(story, versions, shared)),
    framingTable(versions),
    campBlindSpots(story),
    h('h2', null, 'Versions'),
    h('div', { class: 'version-columns' }, versions.map((v) => versionColumn(story, v))),
  );
  const doc = Number(params.get('doc'));
  const at = Number(params.get('at'));
  if (doc && Number.isFinite(at)) focusSentence(doc, at);
}

function span(v: StoryView): string {
  const day = (s: string | null) => (s ? s.slice(0, 10) : 'undated');
  return v.firstAt === v.lastAt ? day(v.firstAt) : `${day(v.firstAt)} – ${day(v.lastAt)}`;
}

function factGrid(story: StoryView, versions: StoryVersion[], facts: StoryFact[]): HTMLElement {
  const groupHead = h(
    'tr',
    null,
    h('th', { class: 'fact-head' }, 'Fact'),
    story.groups.map((g) => h('th', { class: 'camp', colspan: g.documents, scope: 'colgroup', data: { testid: 'camp-head' } }, g.group)),
  );
  const versionHead = h(
    'tr',
    null,
    h('th', null, h('span', { class: 'muted small' }, `${facts.length} facts in two or more versions`)),
    versions.map((v) =>
      h(
        'th',
        { class: 'version', scope: 'col', data: { testid: 'version-head', doc: v.id, group: v.group } },
        h('a', { href: `#/doc/${v.id}` }, v.outlet ?? `#${v.id}`),
        h('div', { class: 'small muted' }, clip(v.title ?? '', 60)),
        v.headline && !v.headline.supported ? h('div', { class: 'misleading small', data: { testid: 'misleading' }, title: v.headline.reason ?? '' }, '⚠ headline: ', v.headline.reason ?? '') : null,
        v.analysed ? null : h('div', { class: 'small muted' }, 'not analysed'),
      ),
    ),
  );
  const rows = facts.map((f) => {
    const cells = new Map(f.cells.map((c) => [c.documentId, c]));
    return h(
      'tr',
      { data: { testid: 'fact-row', fact: f.id } },
      h('th', { scope: 'row', class: 'fact' }, clip(f.text, 160), h('div', { class: 'small muted' }, `${f.carriedBy} of ${versions.length}`, f.numbers.length ? ` · ${f.numbers.join(', ')}` : '', f.kind === 'quote' && f.speaker ? ` · quote: ${f.speaker}` : '')),
      versions.map((v) => cell(story.id, v, cells.get(v.id) ?? { documentId: v.id, status: 'absent' })),
    );
  });
  const counts = (label: string, of: (v: StoryVersion) => number, testid: string) =>
    h('tr', { class: 'counts', data: { testid } }, h('th', { scope: 'row' }, label), versions.map((v) => h('td', { class: 'num' }, v.analysed ? String(of(v)) : '–')));
  return h(
    'table',
    { class: 'fact-grid', data: { testid: 'fact-grid' } },
    h('thead', null, groupHead, versionHead),
    h('tbody', null, rows),
    h('tfoot', null, counts('Leaves out', (v) => v.omits.length, 'omits-row'), counts('Only its camp carries', (v) => v.only.length, 'only-row')),
  );
}

function cell(storyId: number, v: StoryVersion, c: FactCell): HTMLElement {
  if (c.status === 'absent' || c.start === undefined) return h('td', { class: 'cell absent', data: { testid: 'cell', status: 'absent', doc: v.id }, aria: { label: `${v.outlet ?? v.id}: left out` } }, '—');
  const mark = c.status === 'changed' ? '≠ ' : '✓ ';
  return h(
    'td',
    { class: `cell ${c.status}`, data: { testid: 'cell', status: c.status, doc: v.id } },
    h(
      'a',
      {
        href: `#/story/${storyId}?doc=${v.id}&at=${c.start}`,
        title: c.text ?? '',
        on: {
          click: (ev) => {
            ev.preventDefault();
            history.replaceState(null, '', `#/story/${storyId}?doc=${v.id}&at=${c.start}`);
            focusSentence(v.id, c.start!);
          },
        },
      },
      mark,
      clip(c.text ?? '', 70),
    ),
  );
}

/** Roles and narratives of each version side by side, only when some analysis has them. */
function framingTable(versions: StoryVersion[]): HTMLElement | null {
  const hasRoles = versions.some((v) => v.roles);
  const hasNarratives = versions.some((v) => v.narratives);
  if (!hasRoles && !hasNarratives) return null;
  const row = (label: string, testid: string, of: (v: StoryVersion) => string[] | undefined) =>
    h('tr', { data: { testid } }, h('th', { scope: 'row' }, label), versions.map((v) => h('td', null, (of(v) ?? []).length ? h('ul', { class: 'plain' }, of(v)!.map((x) => h('li', null, x))) : h('span', { class: 'muted' }, of(v) ? 'none' : 'n/a'))));
  return h(
    'div',
    null,
    h('h2', null, 'How each version casts it'),
    h(
      'div',
      { class: 'grid-scroll' },
      h(
        'table',
        { class: 'fact-grid framing', data: { testid: 'framing' } },
        h('thead', null, h('tr', null, h('th', null, ''), versions.map((v) => h('th', { class: 'version' }, v.outlet ?? `#${v.id}`, h('div', { class: 'small muted' }, v.group))))),
        h(
          'tbody',
          null,
          hasRoles ? row('Roles', 'roles-row', (v) => v.roles?.map((r) => `${r.name}: ${r.role}`)) : null,
          hasNarratives ? row('Narratives', 'narratives-row', (v) => v.narratives?.map((n) => n.label)) : null,
        ),
      ),
    ),
  );
}

function campBlindSpots(story: StoryView): HTMLElement {
  return h(
    'section',
    { class: 'panel blind-spots', data: { testid: 'story-blind-spots' } },
    h('h2', null, 'What each camp leaves out'),
    story.blindSpots.length === 0
      ? h('p', { class: 'muted' }, 'No camp leaves out a fact that most other versions carry.')
      : story.blindSpots.map((b) => h('div', { data: { testid: 'camp-blind-spot', group: b.group } }, h('h3', null, b.group), h('ul', null, b.facts.map((f) => h('li', null, f.text))))),
  );
}

function versionColumn(story: StoryView, v: StoryVersion): HTMLElement {
  return h(
    'article',
    { class: 'version-column', data: { testid: 'version', doc: v.id, group: v.group } },
    h('h3', null, h('span', { class: 'tag' }, v.group), ' ', h('a', { href: `#/doc/${v.id}` }, v.title ?? `Document ${v.id}`)),
    h('p', { class: 'muted small' }, [v.outlet, v.publishedAt?.slice(0, 10)].filter(Boolean).join(' · '), v.sources.length ? ` · cites ${v.sources.join(', ')}` : ''),
    v.omits.length
      ? h('details', { class: 'omits', open: true }, h('summary', null, `Leaves out ${v.omits.length}`), h('ul', null, v.omits.map((o) => h('li', null, clip(o.text, 140), h('span', { class: 'muted small' }, ` — in ${o.carriedBy} of ${o.others} others, e.g. ${o.evidence[0]?.outlet ?? o.evidence[0]?.group ?? ''}`)))))
      : null,
    v.only.length ? h('details', { class: 'only' }, h('summary', null, `Only its camp carries ${v.only.length}`), h('ul', null, v.only.map((o) => h('li', null, clip(o.text, 140))))) : null,
    versionText(story, v),
  );
}

/** The sentences of a version that carry facts, by start offset, with the facts they carry. */
function factSentences(story: StoryView, v: StoryVersion): Array<{ start: number; end: number; text: string; facts: string[] }> {
  const seen = new Map<number, { start: number; end: number; text: string; facts: string[] }>();
  for (const f of story.facts) {
    const c = f.cells.find((x) => x.documentId === v.id);
    if (!c || c.status === 'absent' || c.start === undefined || c.end === undefined) continue;
    const s = seen.get(c.start) ?? { start: c.start, end: c.end, text: c.text ?? '', facts: [] };
    s.facts.push(f.id);
    seen.set(c.start, s);
  }
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

/**
 * The version's text with its fact sentences marked (the cells link to them). The story carries the
 * sentences; the whole text comes from the document, and until it has (or if it cannot), the
 * sentences stand alone.
 */
function versionText(story: StoryView, v: StoryVersion): HTMLElement {
  const marks = factSentences(story, v);
  const box = h('div', { class: 'version-text', data: { testid: 'version-text', doc: v.id } }, marks.map((m) => h('p', null, mark(v.id, m))));
  api
    .getDocument(v.id)
    .then(({ document: doc }) => {
      const parts: Array<Node | string> = [];
      let at = 0;
      for (const m of marks) {
        if (m.start < at || m.end > doc.text.length) continue;
        parts.push(doc.text.slice(at, m.start), mark(v.id, m));
        at = m.end;
      }
      parts.push(doc.text.slice(at));
      const focused = box.querySelector('.sentence.focus')?.id;
      replace(box, ...parts);
      box.classList.add('full');
      if (focused) document.getElementById(focused)?.classList.add('focus');
    })
    .catch(() => box.classList.add('partial'));
  return box;
}

function mark(doc: number, m: { start: number; text: string; facts: string[] }): HTMLElement {
  return h('mark', { id: sentenceId(doc, m.start), class: 'sentence', tabindex: -1, data: { facts: m.facts.join(' ') } }, m.text);
}

function focusSentence(doc: number, start: number): void {
  const el = document.getElementById(sentenceId(doc, start));
  if (!el) return;
  for (const old of document.querySelectorAll('.sentence.focus')) old.classList.remove('focus');
  el.classList.add('focus');
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}
