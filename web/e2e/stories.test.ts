import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import type { Report } from '../../src/core/report.js';
import { engineKeyOf } from '../../src/store/types.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { asNewDocuments, loadStoryFixtures } from '../../src/stories/test-support/corpus.js';
import { artifact, buildWebUi, chromiumMissing, launchChromium } from './browser.js';

/**
 * The story pages in Chromium over the real server: the Dastra topic of the story fixtures (written
 * for framewise: two events three days apart, told by five outlets of four camps, and two unrelated
 * reports). Screenshots go to test-artifacts/e2e/.
 */

const docs = loadStoryFixtures('tuning').documents.filter((d) => d.topic === 'dastra');

describe.skipIf(chromiumMissing())('story pages in Chromium', () => {
  let dir: string;
  let webRoot: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framewise-e2e-stories-'));
    webRoot = await buildWebUi();
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(dir, 'e2e.db'), analyzer: new Analyzer({ model: null, narratives: 'none' }), webRoot });
    // Without narrative packs, so that the story page's plain state (no roles or narratives table) shows; the table is tested below on stored analyses that have them.
    await server.store.insertDocuments(asNewDocuments(docs));
    // Reads never analyse: the stored documents get their analyses from the authorised call.
    for (let left = 1; left > 0; ) left = (await server.app.inject({ method: 'POST', url: '/api/analyses', payload: { limit: 500 } })).json().remaining;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  });
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    if (webRoot) rmSync(dirname(webRoot), { recursive: true, force: true });
  });

  /** The story that holds a fixture document. */
  const storyOf = async (fixtureId: string) => {
    const { items } = await server.store.listDocuments({ q: docs.find((d) => d.id === fixtureId)!.text.slice(0, 60) });
    return (await server.store.storyOf([items[0]!.id])).get(items[0]!.id)!;
  };
  const shellingId = () => storyOf('dastra-shelling/korva-today');

  it('lists the stories with their camps and the blind spots of each camp', async () => {
    await page.goto(`${server.url}#/stories`);
    await page.waitForSelector('[data-testid=story-card]');
    expect(await page.locator('[data-testid=story-card]').count()).toBe(4);
    await page.waitForSelector('[data-testid=blind-spot-group]');
    const groups = await page.$$eval('[data-testid=blind-spot-group]', (els) => els.map((e) => (e as HTMLElement).dataset.group));
    expect(groups).toContain('korva');
    await page.click('[data-testid=blind-spot-group][data-group=korva] summary');
    expect(await page.textContent('[data-testid=blind-spot-group][data-group=korva]')).toMatch(/school in Orlen/);
    await page.screenshot({ path: artifact('stories.png'), fullPage: true });
  });

  it('shows a story: versions in columns by camp, facts as rows, changed and absent cells linking to sentences', async () => {
    const id = await shellingId();
    await page.goto(`${server.url}#/stories`);
    await page.click(`[data-testid=story-card][data-story="${id}"] a`);
    await page.waitForSelector('[data-testid=fact-grid]');
    expect(page.url()).toContain(`#/story/${id}`);
    // Camps head the columns, and each version sits under its camp.
    const camps = await page.$$eval('[data-testid=camp-head]', (els) => els.map((e) => [e.textContent, Number(e.getAttribute('colspan'))]));
    expect(camps).toEqual([['dastra', 2], ['foreign', 1], ['korva', 1], ['wire', 1]]);
    const heads = await page.$$eval('[data-testid=version-head]', (els) => els.map((e) => (e as HTMLElement).dataset.group));
    expect(heads).toEqual(['dastra', 'dastra', 'foreign', 'korva', 'wire']);

    const view = (await (await fetch(new URL(`/api/stories/${id}`, server.url))).json()) as { facts: Array<{ id: string; carriedBy: number; text: string; cells: Array<{ documentId: number; status: string }> }>; documents: Array<{ id: number; outlet: string }> };
    const shown = view.facts.filter((f) => f.carriedBy >= 2);
    expect(await page.locator('[data-testid=fact-row]').count()).toBe(shown.length);
    // Every cell shows what the API says, version by version.
    for (const f of shown) {
      const statuses = await page.$$eval(`[data-testid=fact-row][data-fact=${f.id}] [data-testid=cell]`, (els) => els.map((e) => [Number((e as HTMLElement).dataset.doc), (e as HTMLElement).dataset.status]));
      expect(new Map(statuses as Array<[number, string]>)).toEqual(new Map(f.cells.map((c) => [c.documentId, c.status])));
    }
    // "Some residents left" against "120,000 residents fled": changed.
    const korva = view.documents.find((d) => d.outlet === 'Korva Today')!.id;
    const changed = page.locator(`[data-testid=cell][data-status=changed][data-doc="${korva}"]`).filter({ hasText: 'Some residents left' });
    expect(await changed.count()).toBe(1);
    expect(await page.locator(`[data-testid=cell][data-status=absent][data-doc="${korva}"]`).count()).toBeGreaterThan(0);

    // A cell links to its sentence in the version's text, which is then marked.
    await changed.locator('a').click();
    const focused = page.locator('mark.sentence.focus');
    await focused.waitFor();
    expect(await focused.textContent()).toMatch(/^Some residents left the area/);
    expect(page.url()).toMatch(new RegExp(`#/story/${id}\\?doc=${korva}&at=\\d+$`));
    const text = page.locator(`[data-testid=version-text][data-doc="${korva}"]`);
    await text.and(page.locator('.full')).waitFor();
    expect(await text.textContent()).toBe(docs.find((d) => d.id === 'dastra-shelling/korva-today')!.text);

    // What each camp leaves out; a roles table exactly when some version's analysis casts its actors
    // (entity framing gives every analysis with actors a role for each).
    expect(await page.textContent('[data-testid=story-blind-spots]')).toMatch(/korva/);
    const withRoles = ((await (await fetch(new URL(`/api/stories/${id}`, server.url))).json()) as { documents: Array<{ roles?: unknown[] }> }).documents.some((d) => d.roles);
    expect(await page.locator('[data-testid=framing]').count()).toBe(withRoles ? 1 : 0);
    await page.screenshot({ path: artifact('story.png'), fullPage: true });
  });

  it('flags a headline that no version supports', async () => {
    await page.goto(`${server.url}#/story/${await storyOf('dastra-talks/knb')}`);
    await page.waitForSelector('[data-testid=misleading]');
    expect(await page.textContent('[data-testid=misleading]')).toContain('"80" appears in no version\'s body');
  });

  it('puts the roles and narratives of each version side by side when the analyses have them', async () => {
    const id = await shellingId();
    const story = (await server.store.getStory(id))!;
    const docId = story.members[0]!.documentId;
    const engineKey = engineKeyOf(server.analyzer.engine);
    const stored = (await server.store.getAnalysis(docId, engineKey))!.report;
    // As the entity framing and narratives layers write them.
    const actor = { id: 'country:korva', name: 'Korva', type: 'country', origin: 'gazetteer', mentions: [], techniques: [], loadedTerms: [], portrayal: { role: 'neutral', scores: { aggressor: 0, victim: 0, authority: 0 }, evidence: [] }, framing: { role: 'antagonist' } };
    const report = { ...stored, actors: [actor], narratives: { packs: [], items: [{ id: 'civilian-harm', label: 'Civilian harm', chosen: true }] } } as unknown as Report;
    await server.store.saveAnalysis({ documentId: docId, engineKey }, report);
    await page.goto(`${server.url}#/story/${id}`);
    await page.waitForSelector('[data-testid=framing]');
    // Every version's cell lists the roles its analysis gives (the edited one: Korva as antagonist).
    const cells = await page.$$eval('[data-testid=roles-row] td', (tds) => tds.map((td) => [...td.querySelectorAll('li')].map((li) => li.textContent)));
    const api = (await (await fetch(new URL(`/api/stories/${id}`, server.url))).json()) as { documents: Array<{ id: number; roles?: Array<{ name: string; role: string }> }> };
    // (Columns go by camp, the API's list by story order: compare the cells as a set of lists.)
    const sorted = (xs: string[][]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(sorted(cells)).toEqual(sorted(api.documents.map((d) => (d.roles ?? []).map((r) => `${r.name}: ${r.role}`))));
    expect(cells).toContainEqual(['Korva: antagonist']);
    expect(await page.textContent('[data-testid=narratives-row]')).toContain('Civilian harm');
    await page.locator('[data-testid=framing]').screenshot({ path: artifact('story-framing.png') });
    await server.store.saveAnalysis({ documentId: docId, engineKey }, stored);
  });

  it('stays usable at 360 px: the page never scrolls sideways, the fact grid scrolls in its box', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    phone.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const id = await shellingId();
    await phone.goto(`${server.url}#/story/${id}`);
    await phone.waitForSelector('[data-testid=fact-grid]');
    await phone.screenshot({ path: artifact('story-360-top.png') });
    const widths = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      grid: document.querySelector<HTMLElement>('[data-testid=grid-scroll]')!.clientWidth,
      gridContent: document.querySelector<HTMLElement>('[data-testid=grid-scroll]')!.scrollWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.grid).toBeLessThanOrEqual(360);
    expect(widths.gridContent).toBeGreaterThan(widths.grid);
    // The first fact's text stays in view while the versions scroll.
    const box = await phone.locator('[data-testid=fact-row] th').first().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    // Cells still link to their sentences.
    await phone.locator('[data-testid=cell][data-status=present] a').first().click();
    await phone.locator('mark.sentence.focus').waitFor();
    await phone.screenshot({ path: artifact('story-360.png'), fullPage: true });
    await phone.close();
  });
});
