import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../compare/format.js';
import { TECHNIQUE_IDS } from '../../core/taxonomy.js';
import { STABLE_TECHNIQUES } from '../../store/test-support/analyzer.js';
import { runCli } from '../test-support/io.js';
import { parseWhere } from './compare.js';

let dir: string;
let cfg: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-compare-cli-'));
  cfg = join(dir, 'cfg.json');
  db = join(dir, 'fw.db');
  writeFileSync(cfg, JSON.stringify({ model: false, techniques: Object.fromEntries(TECHNIQUE_IDS.map((t) => [t, STABLE_TECHNIQUES.includes(t)])) }));
  const loud = 'The brutal, barbaric, despicable, vile, monstrous and shameful raid was outrageous.';
  const rows = [
    ...[1, 2, 3, 4].map((i) => ({ text: `${loud} Day ${i} of the dispute.`, outlet: 'Loud Herald', tags: ['camp:north'], date: `2024-03-0${i}` })),
    ...[1, 2, 3, 4].map((i) => ({ text: `Officials met on day ${i} and discussed the water schedule for the valley and the dam in detail with engineers.`, outlet: 'Calm Wire', tags: ['camp:neutral'], date: `2024-03-0${i}` })),
  ];
  writeFileSync(join(dir, 'c.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  // Stored without analysis: compare analyses what is missing first.
  const r = await runCli(['ingest', '--db', db, '--no-analyze', join(dir, 'c.jsonl')]);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseWhere', () => {
  it('builds a filter and names bad pairs', () => {
    expect(parseWhere(['outlet=Calm Wire', 'tag=camp:north', 'from=2024-03-02'])).toEqual({ outlet: 'Calm Wire', tag: 'camp:north', from: '2024-03-02' });
    expect(() => parseWhere(['colour=red'])).toThrow(/unknown key "colour"/);
    expect(() => parseWhere(['outlet'])).toThrow(/key=value/);
    expect(() => parseWhere(['tag=a', 'tag=b'])).toThrow(/twice/);
    expect(() => parseWhere(['from=yesterday'])).toThrow(/date/);
  });
});

describe('framewise compare', () => {
  it('prints JSON with a significant difference between outlets', async () => {
    const r = await runCli(['compare', '--by', 'outlet', '--format', 'json', '--db', db, '-c', cfg]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('analysed 8 stored documents');
    const c = JSON.parse(r.stdout);
    expect(c.groups.map((g: { key: string }) => g.key).sort()).toEqual(['Calm Wire', 'Loud Herald']);
    const loud = c.groups.find((g: { key: string }) => g.key === 'Loud Herald');
    expect(loud.significant[0]).toMatchObject({ technique: 'loaded-language', direction: 'higher', significant: true, restCount: 0 });
    expect(loud.top[0].examples.length).toBeGreaterThan(0);
    // Second run with the same engine: nothing left to analyse. (The key changes only if rule
    // files were edited between the two runs.)
    const again = await runCli(['compare', '--by', 'outlet', '--format', 'json', '--db', db, '-c', cfg]);
    if (JSON.parse(again.stdout).engineKey === c.engineKey) expect(again.stderr).toBe('');
  });

  it('prints a table and a long CSV, honouring --where and --tag-prefix', async () => {
    const t = await runCli(['compare', '--by', 'tag', '--tag-prefix', 'camp:', '--db', db, '-c', cfg]);
    expect(t.stdout).toMatch(/^Compared by tag: 8 documents/);
    expect(t.stdout).toMatch(/camp:north\s+4\s+\d+\s+\d+\s+[\d.]+\s+∞× \[[\d.]+, ∞\] \*\s+↑loaded-language/);
    expect(t.stdout).toContain('more loaded-language than the rest');

    const csv = await runCli(['compare', '--by', 'outlet', '--format', 'csv', '--where', 'tag=camp:north', '--db', db, '-c', cfg]);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.slice(1).every((l) => l.startsWith('Loud Herald,4,'))).toBe(true);
  });

  it('a single group has no rest to compare with: said in words, not an infinite ratio', async () => {
    const t = await runCli(['compare', '--by', 'outlet', '--where', 'outlet=Loud Herald', '--db', db, '-c', cfg]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Only one outlet matches: there is no rest of the corpus to compare it with');
    expect(t.stdout).toMatch(/Loud Herald\s+4\s+\d+\s+\d+\s+[\d.]+\s+no rest\s/);
    expect(t.stdout).not.toContain('∞');
  });

  it('requires --by and rejects bad options', async () => {
    expect((await runCli(['compare', '--db', db])).code).toBe(2);
    expect((await runCli(['compare', '--by', 'colour', '--db', db])).code).toBe(2);
    expect((await runCli(['compare', '--by', 'outlet', '--alpha', '3', '--db', db])).stderr).toContain('--alpha');
    expect((await runCli(['compare', '--by', 'outlet', '--where', 'x=1', '--db', db])).stderr).toContain('unknown key "x"');
  });
});
