import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { FIXTURES_DIR } from '../../src/layers/narratives/fixtures.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { artifact, buildWebUi, chromiumMissing, launchChromium } from './browser.js';

/**
 * The narrative views in Chromium: the narrative panel of a document (evidence highlighted), the
 * narrative x outlet chart and table, the timeline, and the CSV exports. The corpus is the disputes
 * pack's held-out documents (written for framewise), dated over three months, one of them undated.
 */
const DOCS = (parse(readFileSync(join(FIXTURES_DIR, 'disputes-docs.heldout.yaml'), 'utf8')) as Array<{ id: string; dispute: string; side: string; text: string }>).filter((d) =>
  ['freedonia-sylvania', 'marovia-belcaria'].includes(d.dispute),
);

describe.skipIf(chromiumMissing())('narratives in the web UI', () => {
  let dir: string;
  let webRoot: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const analyzer = new Analyzer({ model: null });
  const ids = new Map<string, number>();
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framewise-e2e-narr-'));
    webRoot = await buildWebUi();
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(dir, 'e2e.db'), analyzer, webRoot });
    for (const [k, d] of DOCS.entries()) {
      const outlet = d.side === 'neutral' ? 'Meridian Wire' : d.dispute.startsWith(d.side) ? 'First Camp Daily' : 'Second Camp Post';
      const publishedAt = k === 0 ? null : `2024-0${1 + (k % 3)}-1${k % 9}`;
      const res = await server.app.inject({ method: 'POST', url: '/api/documents', payload: { text: d.text, title: d.id, outlet, publishedAt } });
      ids.set(d.id, res.json().id);
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
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
    rmSync(dirname(webRoot), { recursive: true, force: true });
  });

  const download = async (selector: string) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return readFileSync((await d.path())!, 'utf8');
  };

  it('shows a document\'s narratives, the dominant one explained, and its evidence highlighted', async () => {
    const doc = DOCS.find((d) => d.id === 'mb-01')!;
    const expected = analyzer.analyze(doc.text).narratives!;
    expect(expected.dominant).not.toBeNull();
    await page.goto(`${server.url}#/doc/${ids.get('mb-01')}`);
    await page.waitForSelector('[data-testid=panel-narratives]');
    expect(await page.textContent('[data-testid=dominant-narrative]')).toContain(expected.dominant!.label);
    expect(await page.textContent('[data-testid=dominant-narrative]')).toContain(expected.dominant!.explanation.text);
    const chosen = expected.items.filter((it) => it.chosen);
    expect(await page.locator('[data-testid=panel-narratives] details.chosen').count()).toBe(chosen.length);
    await page.click(`[data-testid=panel-narratives] details.chosen >> nth=0 >> summary`);
    const cues = chosen[0]!.evidence.flatMap((e) => e.cues.map((c) => c.text));
    const marks = await page.$$eval('[data-testid=panel-narratives] details.chosen >> nth=0', (els) => [...els[0]!.querySelectorAll('mark.cue')].map((m) => m.textContent));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(cues).toContain(m);
    const csv = await download('[data-testid=narratives-csv]');
    expect(csv.split('\r\n')[0]).toBe('pack,id,label,level,score,chosen,evidenceSentences,firstEvidence');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(expected.items.length + 1);
    await page.locator('[data-testid=panel-narratives]').screenshot({ path: artifact('narratives-panel.png') });
  });

  it('draws the narrative x outlet chart and table, and the timeline, with CSV exports', async () => {
    await page.goto(`${server.url}#/corpus`);
    await page.waitForSelector('[data-testid=chart-narratives] canvas');
    await page.waitForSelector('[data-testid=narratives-table]');
    // One column per outlet.
    expect(await page.locator('[data-testid=narratives-table] thead th').count()).toBe(1 + 3);
    const ink = await page.$eval('[data-testid=chart-narratives] canvas', (c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    expect(ink).toBeGreaterThan(500);
    const shares = await download('[data-testid=narratives-by-group-csv]');
    expect(shares.split('\r\n')[0]).toBe('by,group,documents,pack,id,label,level,count,share,restCount,restShare,pValue,qValue,significant,direction');

    await page.waitForSelector('[data-testid=chart-timeline] canvas');
    expect(await page.textContent('[data-testid=timeline-note]')).toMatch(/3 months, 19 dated documents\. 1 documents without a date are counted apart/);
    const timeline = await download('[data-testid=timeline-csv]');
    expect(timeline.split('\r\n')[0]).toBe('by,period,documents,words,measure,series,value');
    expect(timeline).toContain('(undated)');
    await page.selectOption('#timeline-measure', 'intensity');
    await page.waitForFunction(() => document.querySelector('[data-testid=chart-timeline] figcaption')?.textContent?.startsWith('Intensity'));
    await page.screenshot({ path: artifact('narratives-corpus.png'), fullPage: true });
  });
});
