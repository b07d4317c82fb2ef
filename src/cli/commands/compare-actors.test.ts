import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/io.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-compare-actors-'));
  db = join(dir, 'fw.db');
  // Each outlet casts the other side as the attacker, in six reports each.
  const rows = [1, 2, 3, 4, 5, 6].flatMap((i) => [
    { text: `Freedonian forces shelled three Sylvanian villages on day ${i}, killing civilians. Sylvanian families fled north.`, outlet: 'South Post' },
    { text: `Sylvanian forces shelled three Freedonian villages on day ${i}, killing civilians. Freedonian families fled south.`, outlet: 'North Herald' },
  ]);
  writeFileSync(join(dir, 'c.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  const r = await runCli(['ingest', '--db', db, join(dir, 'c.jsonl')]);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('framewise compare --actors', () => {
  it('gives per outlet the share of documents casting each actor in each role, with significance', async () => {
    const r = await runCli(['compare', '--by', 'outlet', '--actors', '--format', 'json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.groups.sort()).toEqual(['North Herald', 'South Post']);
    const f = c.actors.find((a: { id: string }) => a.id === 'freedonia');
    expect(f.documents).toBe(12);
    const share = (outlet: string, role: string) => f.groups.find((g: { key: string }) => g.key === outlet).roles[role];
    for (const g of f.groups) {
      const sum = ['protagonist', 'antagonist', 'innocent', 'unframed'].reduce((n, role) => n + g.roles[role].share, 0);
      expect(sum).toBeCloseTo(1, 2);
    }
    // The South Post casts Freedonia as the antagonist, the North Herald does not: a significant difference.
    expect(share('South Post', 'antagonist').share).toBeGreaterThan(share('North Herald', 'antagonist').share);
    expect(share('South Post', 'antagonist').significant).toBe(true);
  });

  it('prints a table and a CSV, and checks --min-documents', async () => {
    const t = await runCli(['compare', '--by', 'outlet', '--actors', '--db', db]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/How each outlet casts the actors/);
    expect(t.stdout).toMatch(/^Freedonia +(South Post|North Herald) +6 /m);
    const csv = await runCli(['compare', '--by', 'outlet', '--actors', '--format', 'csv', '--db', db]);
    expect(csv.stdout.split('\n')[0]).toBe('actor,name,group,documents,role,cast,share,ci_low,ci_high,rest_share,p,q,significant');
    const bad = await runCli(['compare', '--by', 'outlet', '--actors', '--min-documents', '0', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-documents: expected a positive integer/);
  });
});
