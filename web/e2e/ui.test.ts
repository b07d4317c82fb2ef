import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { artifact, buildWebUi, chromiumMissing, launchChromium } from './browser.js';

/**
 * The real server on a temp SQLite file, the real UI built by vite, driven in Debian's Chromium.
 * Screenshots go to test-artifacts/e2e/.
 */

// Written for this test: two outlets covering the same invented border incident.
const ARTICLE =
  'Border clash at the river\n\n' +
  'The brutal Sylvanian regime sent its thugs across the river on Sunday, Freedonian officials said.\n' +
  'Critics argue the ruthless raid was a shameful disaster for the region. Sources say 40 families fled their homes.\n\n' +
  '"Our patrol crossed by mistake," the Sylvanian foreign minister, Ana Petrov, said on Monday, and offered talks.';

const CORPUS = [
  { outlet: 'Northland Herald', tags: ['camp:north'], title: 'Thugs cross the river', text: 'The barbaric Sylvanian regime and its thugs crossed the river again. A shameful, cowardly raid.' },
  { outlet: 'Northland Herald', tags: ['camp:north'], title: 'Regime lies again', text: 'The ruthless regime lied about the raid, and its brutal thugs laughed at the victims.' },
  { outlet: 'Southland Voice', tags: ['camp:south'], title: 'Freedonian provocation', text: 'The brutal Freedonian junta provoked the clash with its cowardly lies, a shameful act.' },
  { outlet: 'Meridian Wire', tags: ['wire'], title: 'Patrols meet at river', text: 'Patrols from Freedonia and Sylvania met at the river on Sunday. Officials said talks would follow.' },
  { outlet: 'Meridian Wire', tags: ['wire'], title: 'Talks set for Monday', text: 'Delegations will meet on Monday to discuss the crossing, the two foreign ministries said.' },
];

const HOSTILE_TITLE = '<img src=x onerror="window.__pwnedTitle=1">Hostile';
const HOSTILE_TEXT = 'Plain words, then <script>window.__pwned = 1</script> and <b>bold?</b> <img src=x onerror="window.__pwnedImg=1"> and the brutal regime.';

describe.skipIf(chromiumMissing())('web UI in Chromium', () => {
  let dir: string;
  let webRoot: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const analyzer = new Analyzer({ model: null });
  const ids: number[] = [];
  let hostileId = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framewise-e2e-'));
    webRoot = await buildWebUi();
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(dir, 'e2e.db'), analyzer, webRoot });
    for (const doc of CORPUS) {
      const res = await server.app.inject({ method: 'POST', url: '/api/documents', payload: doc });
      ids.push(res.json().id);
    }
    hostileId = (await server.app.inject({ method: 'POST', url: '/api/documents', payload: { title: HOSTILE_TITLE, outlet: 'Meridian Wire', text: HOSTILE_TEXT } })).json().id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    // Script errors and console errors (CSP violations show up there) fail the test they happen in.
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  });

  const problems: string[] = [];
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dirname(webRoot), { recursive: true, force: true });
  });

  /** Distinct finding ids shown in the text (a finding split by overlaps is still one highlight). */
  const shownFindingIds = (p: Page, scope = '[data-testid=doc-text]') =>
    p.$$eval(`${scope} mark.hl`, (marks) => [...new Set(marks.flatMap((m) => (m as HTMLElement).dataset.findings!.split(' ')))]);

  it('highlights every finding of a pasted text and shows totals', async () => {
    const expected = analyzer.analyze(ARTICLE);
    expect(expected.findings.length).toBeGreaterThan(3);
    await page.goto(server.url);
    await page.fill('#text-input', ARTICLE);
    await page.click('#analyze-button');
    await page.waitForSelector('[data-testid=total-findings]');
    expect(await page.textContent('[data-testid=total-findings]')).toBe(String(expected.findings.length));
    expect((await shownFindingIds(page)).sort()).toEqual(expected.findings.map((f) => f.id).sort());
    // The text is shown exactly as pasted.
    expect(await page.$eval('[data-testid=doc-text]', (el) => el.textContent)).toBe(ARTICLE);
    await page.screenshot({ path: artifact('analyze.png'), fullPage: true });
  });

  it('opens a tooltip with technique, reason, confidence and rule', async () => {
    // The most confident finding; its first highlighted piece opens a tooltip listing it.
    const top = [...analyzer.analyze(ARTICLE).findings].sort((a, b) => b.confidence - a.confidence)[0]!;
    await page.hover(`mark.hl[data-findings~="${top.id}"] >> nth=0`);
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    const text = (await tip.textContent())!;
    expect(text).toContain(top.message);
    expect(text).toContain(top.ruleId);
    expect(text).toContain(`confidence ${Math.round(top.confidence * 100)}%`);
    await page.screenshot({ path: artifact('tooltip.png') });
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });
  });

  it('filters highlights from the legend', async () => {
    const report = analyzer.analyze(ARTICLE);
    const category = report.findings[0]!.category;
    const others = report.findings.filter((f) => f.category !== category).map((f) => f.id).sort();
    await page.click(`.legend button[data-category="${category}"]`);
    expect((await shownFindingIds(page)).sort()).toEqual(others);
    expect(await page.textContent('.shown-count')).toBe(` (${others.length} shown)`);
    await page.click(`.legend button[data-category="${category}"]`);
    expect((await shownFindingIds(page)).length).toBe(report.findings.length);
  });

  /** Moves a confidence slider (scope: the report it belongs to) to `value` as a reader would. */
  const slide = async (p: Page, value: number, scope = '') => {
    await p.$eval(`${scope} [data-testid=confidence-slider]`.trim(), (el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  };
  /** A cut that leaves some findings of a report on each side (a multiple of the slider's step). */
  const cutBetween = (confidences: number[]) => {
    const sorted = [...confidences].sort((a, b) => a - b);
    for (let c = 0.05; c < 0.95; c += 0.05) {
      const cut = Math.round(c * 100) / 100;
      if (sorted.some((x) => x < cut) && sorted.some((x) => x >= cut)) return cut;
    }
    throw new Error(`no cut splits ${sorted.join(', ')}`);
  };

  it('draws strong and possible findings differently and hides findings under the confidence slider', async () => {
    const report = analyzer.analyze(ARTICLE);
    const strengths = await page.$$eval('[data-testid=doc-text] mark.hl', (marks) => marks.map((m) => [(m as HTMLElement).dataset.findings!, (m as HTMLElement).dataset.strength!]));
    for (const [ids, strength] of strengths) {
      const top = Math.max(...ids!.split(' ').map((id) => report.findings.find((f) => f.id === id)!.confidence));
      expect(strength, ids).toBe(top >= 0.5 ? 'strong' : 'possible');
    }
    const cut = cutBetween(report.findings.map((f) => f.confidence));
    await slide(page, cut);
    const kept = report.findings.filter((f) => f.confidence >= cut).map((f) => f.id).sort();
    expect((await shownFindingIds(page)).sort()).toEqual(kept);
    expect(await page.textContent('[data-testid=shown-count]')).toBe(` (${kept.length} shown)`);
    expect(await page.textContent('[data-testid=confidence-value]')).toBe(`${Math.round(cut * 100)}% or more`);
    // The tooltip words its finding's strength.
    const shown = report.findings.find((f) => f.confidence >= cut)!;
    await page.hover(`mark.hl[data-findings~="${shown.id}"] >> nth=0`);
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toContain(shown.confidence >= 0.5 ? 'Strong: ' : 'Possible: ');
    await page.screenshot({ path: artifact('confidence-slider.png'), fullPage: true });
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });
    await slide(page, 0);
    expect((await shownFindingIds(page)).length).toBe(report.findings.length);
  });

  it('shows a panel for every report section, with one heat-strip cell per sentence', async () => {
    const expected = analyzer.analyze(ARTICLE);
    const panels = { frames: 'panel-frames', intensity: 'panel-intensity', sourcing: 'panel-sourcing', claims: 'panel-claims', actors: 'panel-actors' } as const;
    for (const [key, id] of Object.entries(panels)) {
      expect(await page.locator(`[data-testid=${id}]`).count(), key).toBe(expected[key as keyof typeof panels] ? 1 : 0);
    }
    if (expected.intensity) {
      expect(await page.locator('[data-testid=heat-strip] .heat-cell').count()).toBe(expected.intensity.sentences.length);
      const top = expected.intensity.sentences.reduce((a, b) => (b.score > a.score ? b : a));
      await page.hover(`[data-testid=heat-strip] .heat-cell >> nth=${expected.intensity.sentences.indexOf(top)}`);
      expect(await page.textContent('#tooltip')).toContain(ARTICLE.slice(top.start, top.end));
    }
    if (expected.claims) expect(await page.locator('[data-testid=panel-claims] ol.claims > li').count()).toBe(expected.claims.length);
    if (expected.actors) expect(await page.locator('[data-testid=panel-actors] details.actor').count()).toBe(expected.actors.length);
    await page.locator('.panels').screenshot({ path: artifact('panels.png') });
  });

  it('shows the cast of each voice in a table, switched between the author and the quoted sources', async () => {
    const expected = analyzer.analyze(ARTICLE).actors!;
    const sources = new Set<string>();
    for (const a of expected) for (const v of a.framing.byVoice) if (v.kind === 'source' && v.role !== 'unframed') sources.add(v.speaker ?? '(unnamed source)');
    expect(await page.locator('[data-testid=cast-voice] option').count()).toBe(1 + sources.size);
    // The author's table lists every actor with the role the report gives it.
    const rows = page.locator('[data-testid=cast-table][data-voice=author] tbody tr');
    expect(await rows.count()).toBe(expected.length);
    for (const a of expected) expect(await page.getAttribute(`[data-testid=cast-table] tr[data-actor="${a.id}"]`, 'data-role')).toBe(a.framing.role);
    for (const speaker of sources) {
      await page.selectOption('#cast-voice', speaker);
      await page.waitForSelector(`[data-testid=cast-table][data-voice="${speaker}"]`);
      const cast = expected.filter((a) => a.framing.byVoice.some((v) => v.kind === 'source' && (v.speaker ?? '(unnamed source)') === speaker && v.role !== 'unframed'));
      expect(await page.locator('[data-testid=cast-table] tbody tr').count()).toBe(cast.length);
    }
    await page.selectOption('#cast-voice', 'author');
    await page.waitForSelector('[data-testid=cast-table][data-voice=author]');
    await page.locator('[data-testid=panel-actors]').screenshot({ path: artifact('cast.png') });
  });

  it('shows footnoted sentences as cited in the sourcing panel', async () => {
    const text = 'Some 60,000 people fled to Dastria.[1] Fewer than a quarter have come back.[2]\n\n[1] Refugee agency update, 2022.\n[2] Interior ministry data, 2025.';
    const cited = analyzer.analyze(text).sourcing!.counts.cited;
    // The two body sentences; the notes list is no sentence of the text.
    expect(cited).toBe(2);
    await page.goto(server.url);
    await page.fill('#text-input', text);
    await page.click('#analyze-button');
    await page.waitForSelector('[data-testid=panel-sourcing]');
    expect(await page.textContent('[data-testid=panel-sourcing] ul.key')).toContain(`Cited (footnote) ${cited} (100%)`);
  });

  it('opens a text file and saves it to the corpus with metadata', async () => {
    const text = 'Southland papers call the brutal Northland regime a gang of thugs. Talks resume on Friday.';
    await page.goto(`${server.url}#/analyze`);
    await page.setInputFiles('#file-input', { name: 'southland-note.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.waitForFunction((t) => (document.getElementById('text-input') as HTMLTextAreaElement).value === t, text);
    await page.click('details.save summary');
    expect(await page.inputValue('#doc-title')).toBe('southland-note');
    await page.fill('#doc-outlet', 'Southland Voice');
    await page.fill('#doc-tags', 'camp:south, upload');
    await page.click('#save-button');
    await page.waitForSelector('[data-testid=doc-title]');
    expect(await page.textContent('[data-testid=doc-title]')).toBe('southland-note');
    const id = Number(/#\/doc\/(\d+)/.exec(page.url())![1]);
    const stored = await server.store.getDocument(id);
    expect(stored).toMatchObject({ text, outlet: 'Southland Voice', tags: ['camp:south', 'upload'] });
    expect(await page.textContent('[data-testid=total-findings]')).toBe(String(analyzer.analyze(text).findings.length));
    // Leave the corpus as the next test expects it.
    await server.store.deleteDocument(id);
  });

  it('lists the corpus and draws the outlet comparison charts', async () => {
    await page.goto(`${server.url}#/corpus`);
    await page.waitForSelector('[data-testid=chart-rate] canvas');
    await page.waitForSelector('[data-testid=significant]');
    expect(await page.$$eval('[data-testid=doc-list] tbody tr', (rows) => rows.length)).toBe(CORPUS.length + 1);
    expect(await page.textContent('[data-testid=page-info]')).toBe(`1–${CORPUS.length + 1} of ${CORPUS.length + 1}`);
    // chart.js drew something: the canvas is sized and not blank.
    const drawn = await page.$eval('[data-testid=chart-rate] canvas', (c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return { width: canvas.width, ink };
    });
    expect(drawn.width).toBeGreaterThan(100);
    expect(drawn.ink).toBeGreaterThan(500);
    for (const id of ['chart-frames', 'chart-intensity', 'chart-sourcing']) await page.waitForSelector(`[data-testid=${id}] canvas`);
    const outlets = new Set(CORPUS.map((d) => d.outlet)).size;
    // The actor x outlet heat map: one column per outlet that mentions a listed actor, one row per actor
    // mentioned in two documents or more, each cell the largest share of the outlet's casting.
    await page.waitForSelector('[data-testid=actor-heatmap]');
    const reports = CORPUS.map((d) => ({ outlet: d.outlet, actors: analyzer.analyze(d.text).actors! }));
    const docsOf = new Map<string, number>();
    for (const r of reports) for (const a of r.actors) if (a.type !== 'place' && a.type !== 'event') docsOf.set(a.id, (docsOf.get(a.id) ?? 0) + 1);
    const listed = [...docsOf].filter(([, n]) => n >= 2).map(([id]) => id);
    expect(await page.locator('[data-testid=actor-heatmap] tbody tr').count()).toBe(listed.length);
    for (const id of listed) {
      for (const outlet of new Set(CORPUS.map((d) => d.outlet))) {
        const cast = reports.filter((r) => r.outlet === outlet).flatMap((r) => r.actors.filter((a) => a.id === id).map((a) => a.framing.role));
        const cell = page.locator(`[data-testid=actor-heatmap] tr[data-actor="${id}"] td.heat[data-group="${outlet}"]`);
        expect(await cell.count()).toBe(cast.length > 0 ? 1 : 0);
        if (cast.length === 0) continue;
        const counts = new Map<string, number>();
        for (const r of cast) counts.set(r, (counts.get(r) ?? 0) + 1);
        const max = Math.max(...counts.values());
        expect([...counts].filter(([, n]) => n === max).map(([r]) => r)).toContain(await cell.getAttribute('data-role'));
      }
    }
    expect(await page.locator('[data-testid=group-cards] .group-card').count()).toBe(outlets);
    await page.screenshot({ path: artifact('corpus.png'), fullPage: true });

    await page.selectOption('#compare-by', 'tag');
    await page.waitForSelector('#tag-prefix');
    await page.waitForSelector('[data-testid=chart-rate] canvas');
    expect(page.url()).toContain('by=tag&tagPrefix=camp');

    // The confidence slider counts only findings at or above it.
    const everything = CORPUS.flatMap((d) => analyzer.analyze(d.text).findings.map((f) => f.confidence)).concat(analyzer.analyze(HOSTILE_TEXT).findings.map((f) => f.confidence));
    const cut = cutBetween(everything);
    await slide(page, cut);
    await page.waitForFunction((n) => document.querySelector('[data-testid=corpus-findings]')?.textContent === String(n), everything.filter((c) => c >= cut).length);

    await page.fill('#filter-outlet', 'Northland Herald');
    await page.click('.filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid=page-info]')?.textContent === '1–2 of 2');
  });

  it('has a confidence slider on a stored document', async () => {
    const report = analyzer.analyze(CORPUS[1]!.text);
    await page.goto(`${server.url}#/doc/${ids[1]}`);
    await page.waitForSelector('[data-testid=doc-text]');
    const cut = cutBetween(report.findings.map((f) => f.confidence));
    await slide(page, cut);
    expect((await shownFindingIds(page)).sort()).toEqual(report.findings.filter((f) => f.confidence >= cut).map((f) => f.id).sort());
    // The findings table follows the slider too.
    expect(await page.textContent('[data-testid=findings-table] summary')).toBe(`All findings (${report.findings.filter((f) => f.confidence >= cut).length})`);
  });

  it('shows a document containing HTML and script as text, running nothing', async () => {
    await page.goto(`${server.url}#/doc/${hostileId}`);
    await page.waitForSelector('[data-testid=doc-text]');
    expect(await page.$eval('[data-testid=doc-text]', (el) => el.textContent)).toBe(HOSTILE_TEXT);
    expect(await page.textContent('[data-testid=doc-title]')).toBe(HOSTILE_TITLE);
    expect(await page.$$eval('main script, main img, main b', (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => [(window as any).__pwned, (window as any).__pwnedImg, (window as any).__pwnedTitle])).toEqual([undefined, undefined, undefined]);
    await page.screenshot({ path: artifact('hostile.png'), fullPage: true });
  });

  it('puts two documents side by side', async () => {
    await page.goto(`${server.url}#/side?a=${ids[0]}&b=${ids[2]}`);
    await page.waitForSelector('[data-testid=side-a] [data-testid=doc-text]');
    await page.waitForSelector('[data-testid=side-b] [data-testid=doc-text]');
    expect(await page.$eval('[data-testid=side-a] [data-testid=doc-text]', (el) => el.textContent)).toBe(CORPUS[0]!.text);
    expect(await page.$eval('[data-testid=side-b] [data-testid=doc-text]', (el) => el.textContent)).toBe(CORPUS[2]!.text);
    await page.waitForSelector('[data-testid=side-summary]');
    await page.screenshot({ path: artifact('side-by-side.png'), fullPage: true });
    // Each column has its own slider: moving A's leaves B as it was.
    const a = analyzer.analyze(CORPUS[0]!.text);
    const b = analyzer.analyze(CORPUS[2]!.text);
    const cut = cutBetween(a.findings.map((f) => f.confidence));
    await slide(page, cut, '[data-testid=side-a]');
    expect((await shownFindingIds(page, '[data-testid=side-a] [data-testid=doc-text]')).sort()).toEqual(a.findings.filter((f) => f.confidence >= cut).map((f) => f.id).sort());
    expect((await shownFindingIds(page, '[data-testid=side-b] [data-testid=doc-text]')).length).toBe(b.findings.length);
  });
});
