import { tokenStore } from './api.js';
import { destroyCharts } from './charts.js';
import { analyzePage } from './pages/analyze.js';
import { corpusPage } from './pages/corpus.js';
import { documentPage } from './pages/document.js';
import { sideBySidePage } from './pages/side-by-side.js';
import { storiesPage } from './pages/stories.js';
import { storyPage } from './pages/story.js';
import { hideTooltip } from './tooltip.js';
import './styles.css';

/** Hash routes: #/analyze, #/corpus?filters, #/doc/ID, #/side?a=ID&b=ID, #/stories?filters, #/story/ID. */
async function route(): Promise<void> {
  const root = document.getElementById('app')!;
  destroyCharts();
  hideTooltip(true);
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/analyze';
  const section = path.split('/')[1] ?? 'analyze';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) a.classList.toggle('active', a.dataset.nav === (section === 'doc' ? 'corpus' : section === 'story' ? 'stories' : section));
  const doc = /^\/doc\/(\d+)$/.exec(path);
  if (doc) return documentPage(root, Number(doc[1]));
  if (path === '/corpus') return corpusPage(root);
  if (path === '/side') return sideBySidePage(root);
  const story = /^\/story\/(\d+)$/.exec(path);
  if (story) return storyPage(root, Number(story[1]));
  if (path === '/stories') return storiesPage(root);
  return analyzePage(root);
}

const token = document.getElementById('api-token') as HTMLInputElement;
token.value = tokenStore.get();
token.addEventListener('change', () => tokenStore.set(token.value.trim()));
document.getElementById('token-form')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  tokenStore.set(token.value.trim());
});

window.addEventListener('hashchange', () => void route());
void route();
