import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareGroups, GroupAccumulator } from '../compare/groups.js';
import { countWords } from '../store/common.js';
import { openSqliteStore } from '../store/sqlite.js';
import { stableAnalyzer } from '../store/test-support/analyzer.js';
import { engineKeyOf } from '../store/types.js';
import { DEMO_TAG, demoCorpusPath, loadDemoCorpus } from './demo.js';

const dir = mkdtempSync(join(tmpdir(), 'framewise-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface DemoRow {
  text: string;
  title: string;
  outlet: string;
  author: string;
  publishedAt: string;
  url: string;
  tags: string[];
}
const rows = (): DemoRow[] => readFileSync(demoCorpusPath(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as DemoRow);

describe('demo corpus', () => {
  it('has at least 12 complete articles of 250-500 words from both camps, neutral wire and a foreign editorial', () => {
    const all = rows();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const r of all) {
      expect(r.title && r.outlet && r.author && r.url).toBeTruthy();
      expect(r.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.text.startsWith(r.title + '\n\n')).toBe(true);
      const words = countWords(r.text);
      expect(words, r.title).toBeGreaterThanOrEqual(250);
      expect(words, r.title).toBeLessThanOrEqual(500);
    }
    const outletsOf = (camp: string) => new Set(all.filter((r) => r.tags.includes(`camp:${camp}`)).map((r) => r.outlet));
    expect(outletsOf('freedonia').size).toBeGreaterThanOrEqual(2);
    expect(outletsOf('sylvania').size).toBeGreaterThanOrEqual(2);
    expect(outletsOf('neutral')).toEqual(new Set(['Meridian Wire', 'The Atlantic Ledger']));
    expect(all.filter((r) => r.tags.includes('camp:freedonia')).length).toBe(all.filter((r) => r.tags.includes('camp:sylvania')).length);
  });

  it('loads once, analyses each article, and does nothing the second time', async () => {
    const store = await openSqliteStore(join(dir, 'demo.db'));
    const analyzer = stableAnalyzer();
    const first = await loadDemoCorpus(store, analyzer);
    const n = rows().length;
    expect(first).toMatchObject({ read: n, added: n, analysed: n, failed: 0, problems: [] });
    expect(await store.countDocuments({ tag: DEMO_TAG })).toBe(n);
    const again = await loadDemoCorpus(store, analyzer);
    expect(again).toMatchObject({ added: 0, duplicates: n, analysed: 0 });

    // What the demo is for: the partisan press uses far more loaded language than the wire...
    const key = engineKeyOf(analyzer.engine);
    const byCamp = await compareGroups(store, key, { by: 'tag', tagPrefix: 'camp:' });
    const neutral = byCamp.groups.find((g) => g.key === 'camp:neutral')!;
    expect(neutral.significant.find((t) => t.technique === 'loaded-language')).toMatchObject({ direction: 'lower' });
    // ...and the two camps use it about equally: no significant difference between them.
    const sides = new GroupAccumulator({ by: 'tag', tagPrefix: 'camp:' });
    for await (const { doc, report } of store.iterateAnalysed(key)) if (!doc.tags.includes('camp:neutral')) sides.add(doc, report);
    const f = sides.result(key).groups.find((g) => g.key === 'camp:freedonia')!;
    expect(f.findings).toBeGreaterThan(10);
    expect(f.significant).toEqual([]);
    await store.close();
  });
});
