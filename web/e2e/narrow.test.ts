import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { artifact, buildWebUi, chromiumMissing, launchChromium } from './browser.js';

/**
 * Every page usable at 360 px (a small phone), in Chromium: nothing wider than the screen except
 * inside its own scrolling box, every control on screen, the heat strip inside its card; and the
 * parts that help a reader find their way: the skip link past the highlights, the method note open
 * to keyboard and touch, charts with counts beside shares and small values written out.
 */

// Written for this test: two outlets on an invented river dispute, in several voices.
const SENTENCES = [
  'The brutal Tarvian junta and its cowardly thugs shelled the river villages again, officials in Ostrelia said.',
  'Engineers from both countries met at the dam on Tuesday and agreed to share the readings.',
  'Critics argue the ruthless raid was a shameful disaster for the whole region.',
  'Sources say forty families fled their homes before the spring floods.',
  '"We crossed by mistake," the Tarvian foreign minister said, and offered talks.',
];
const LONG = Array.from({ length: 105 }, (_, i) => SENTENCES[i % SENTENCES.length]).join(' ');

const CORPUS = [
  { outlet: 'The Ostrelian Morning Herald and Evening Standard', tags: ['camp:ostrelia'], title: 'Junta thugs cross the river again', text: `${SENTENCES[0]} ${SENTENCES[2]}` },
  { outlet: 'The Ostrelian Morning Herald and Evening Standard', tags: ['camp:ostrelia'], title: 'Shameful raid', text: `${SENTENCES[2]} ${SENTENCES[3]}` },
  { outlet: 'Tarvia Today', tags: ['camp:tarvia'], title: 'Ostrelian provocation at the dam', text: 'The brutal Ostrelian regime provoked the clash at the dam with its cowardly lies, a shameful act.' },
  { outlet: 'Riverside Wire', tags: ['wire'], title: 'Engineers share readings', text: `${SENTENCES[1]} ${SENTENCES[4]}` },
  { outlet: 'Riverside Wire', tags: ['wire'], title: 'Talks set for Monday', text: 'Delegations will meet on Monday to discuss the crossing, the two foreign ministries said.' },
];

/** Elements that stick out of the viewport, unless a horizontally scrolling box (itself on screen) holds them. */
function offenders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    const scrollBox = (el: Element): Element | null => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && p.getBoundingClientRect().right <= vw + 1) return p;
      }
      return null;
    };
    const sticksOut = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (r.right > vw + 1 || r.left < -1) && getComputedStyle(el).visibility !== 'hidden' && !el.closest('#tooltip') && !scrollBox(el);
    };
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      // The outermost element that sticks out stands for its children.
      if (sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement))) {
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (${Math.round(r.left)}..${Math.round(r.right)})`);
      }
    }
    if (document.documentElement.scrollWidth > vw + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    return out;
  });
}

describe.skipIf(chromiumMissing())('web UI at 360 px, in Chromium', () => {
  let dir: string;
  let webRoot: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const analyzer = new Analyzer({ model: null });
  const ids: number[] = [];
  let longId = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framewise-narrow-'));
    webRoot = await buildWebUi();
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(dir, 'narrow.db'), analyzer, webRoot });
    for (const doc of CORPUS) ids.push((await server.app.inject({ method: 'POST', url: '/api/documents', payload: doc })).json().id);
    longId = (await server.app.inject({ method: 'POST', url: '/api/documents', payload: { text: LONG, title: 'A long account of the river dispute', outlet: 'Riverside Wire' } })).json().id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    if (webRoot) rmSync(dirname(webRoot), { recursive: true, force: true });
  });

  it('analyze, with a long text: no sideways scrolling, every heat-strip cell inside its card', async () => {
    await page.goto(server.url);
    await page.fill('#text-input', LONG);
    await page.click('#analyze-button');
    await page.waitForSelector('[data-testid=total-findings]');
    expect(await offenders(page)).toEqual([]);
    const cells = await page.$$eval('[data-testid=heat-strip] .heat-cell', (els) => {
      const card = els[0]!.closest('.panel, section, .card') ?? els[0]!.parentElement!;
      const box = card.getBoundingClientRect();
      return { n: els.length, outside: els.filter((e) => { const r = e.getBoundingClientRect(); return r.left < box.left - 0.5 || r.right > box.right + 0.5; }).length };
    });
    expect(cells.n).toBe(analyzer.analyze(LONG).intensity!.sentences.length);
    expect(cells.outside).toBe(0);
    await page.screenshot({ path: artifact('narrow-analyze.png'), fullPage: true });
  });

  it('a skip link takes the keyboard past the highlights', async () => {
    const marks = await page.locator('[data-testid=doc-text] mark.hl').count();
    expect(marks).toBeGreaterThan(50);
    const before = page.url();
    await page.focus('[data-testid=skip-highlights]');
    expect(await page.getAttribute('[data-testid=skip-highlights]', 'href')).toBeTruthy();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(focused).toBe('after-highlights');
    // Nothing of the text comes after it in tab order: the next Tab lands past the highlights.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=doc-text]'))).toBe(false);
    // The hash (the page's route) did not change.
    expect(page.url()).toBe(before);
  });

  it('corpus: tables scroll in their own box, the method note opens by keyboard and by touch, charts show counts and small values', async () => {
    await page.goto(`${server.url}#/corpus`);
    await page.waitForSelector('[data-testid=chart-mix] canvas');
    await page.waitForSelector('[data-testid=significant]');
    await page.waitForSelector('[data-testid=layer-comparison] canvas');
    expect(await offenders(page)).toEqual([]);
    // Every column of the significance table can be reached (its box scrolls when too wide).
    const sig = await page.$eval('table[data-testid=significant]', (t) => {
      const box = t.parentElement!;
      return { table: t.scrollWidth, box: box.clientWidth, scrolls: getComputedStyle(box).overflowX };
    });
    if (sig.table > sig.box) expect(sig.scrolls).toBe('auto');
    // The method note: a control that opens by keyboard, and by touch.
    const method = page.locator('[data-testid=method-note]').first();
    await method.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await method.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await method.textContent()).toMatch(/binomial/);
    await method.locator('summary').tap();
    expect(await method.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await method.locator('summary').tap();
    expect(await method.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // Counts beside shares, in words a screen reader and a phone both get.
    const mixTable = await page.textContent('[data-testid=chart-mix] table');
    expect(mixTable).toMatch(/\d+ \(\d+%\)/);
    await page.screenshot({ path: artifact('narrow-corpus.png'), fullPage: true });
  });

  it('document and side-by-side pages: nothing off screen, the pickers fit', async () => {
    await page.goto(`${server.url}#/doc/${longId}`);
    await page.waitForSelector('[data-testid=doc-text]');
    expect(await offenders(page)).toEqual([]);
    await page.goto(`${server.url}#/side?a=${ids[0]}&b=${ids[2]}`);
    await page.waitForSelector('[data-testid=side-summary]');
    expect(await offenders(page)).toEqual([]);
    for (const id of ['#pick-a', '#pick-b']) {
      const r = await page.$eval(id, (e) => e.getBoundingClientRect().right);
      expect(r).toBeLessThanOrEqual(360);
    }
    await page.screenshot({ path: artifact('narrow-side.png'), fullPage: true });
  });
});
