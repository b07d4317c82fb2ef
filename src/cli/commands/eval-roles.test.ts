import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/io.js';

let dir: string;
const rec = (text: string, mentions: Array<[string, string, string[]]>) => ({
  text,
  mentions: mentions.map(([surface, main, fine]) => ({ start: text.indexOf(surface), end: text.indexOf(surface) + surface.length, main, fine })),
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-eval-roles-'));
  writeFileSync(join(dir, 'gold.jsonl'), [
    rec('Korvani militias shelled the ridge hamlets at dawn, and Dastrian shepherds fled north with their flocks.', [['Korvani militias', 'antagonist', ['instigator']], ['Dastrian shepherds', 'innocent', ['victim']]]),
    rec('Volunteers from the Lakeside Rescue Team pulled forty sailors from the storm, while the Velorian coastguard refused to help.', [['Lakeside Rescue Team', 'protagonist', ['guardian']], ['Velorian coastguard', 'antagonist', ['incompetent']]]),
  ].map((r) => JSON.stringify(r)).join('\n') + '\n');
});

describe('framewise eval --task roles', () => {
  it('frames every given mention and prints the task\'s scores as JSON', async () => {
    const r = await runCli(['eval', '--task', 'roles', '--gold', join(dir, 'gold.jsonl'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['mainRoleAccuracy', 'mainRoleMacroF1', 'emr', 'fineMicroF1', 'perRole', 'confusion']));
    expect(out.mentions).toBe(4);
    // Every mention gets one of the three main roles: the confusion matrix counts all four.
    const counted = Object.values(out.confusion as Record<string, Record<string, number>>).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(4);
    expect(out.mainRoleAccuracy).toBeGreaterThanOrEqual(0.5);
  });

  it('prints a table, and explains a bad prior', async () => {
    const r = await runCli(['eval', '--task', 'roles', '--gold', join(dir, 'gold.jsonl'), '--prior', 'train']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/main-role accuracy/);
    expect(r.stdout).toMatch(/confusion \(rows gold, columns predicted\)/);
    const bad = await runCli(['eval', '--task', 'roles', '--gold', join(dir, 'gold.jsonl'), '--prior', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--prior: expected "news", "train" or three positive shares/);
  });
});
