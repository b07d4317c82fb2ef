import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/io.js';

let dir: string;
const text = 'The brutal regime reportedly shelled the valley. Critics argue it was a massacre.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-analyze-'));
  writeFileSync(join(dir, 'a.txt'), text);
  writeFileSync(join(dir, 'b.md'), 'Either we stand together now or we lose everything we love.');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]));
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'empty', 'image.png'), 'not text');
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ techniques: { 'loaded-language': false } }));
  writeFileSync(join(dir, 'bad-cfg.json'), JSON.stringify({ techniques: { 'loaded-languag': false } }));
});

describe('framewise analyze', () => {
  it('prints one Report as JSON for one file', async () => {
    const r = await runCli(['analyze', '--format', 'json', '--no-model', join(dir, 'a.txt')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBeUndefined();
    expect(report.length).toBe(text.length);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('prints an array of Reports naming their files for several inputs, directories included', async () => {
    const r = await runCli(['analyze', '--format', 'json', '--no-model', join(dir, 'a.txt'), join(dir, 'b.md')]);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout);
    expect(reports.map((x: { file: string }) => x.file)).toEqual([join(dir, 'a.txt'), join(dir, 'b.md')]);
  });

  it('writes one line per file with jsonl', async () => {
    const r = await runCli(['analyze', '--format', 'jsonl', '--no-model', join(dir, 'a.txt'), join(dir, 'b.md')]);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[1].file).toBe(join(dir, 'b.md'));
  });

  it('filters by technique and confidence', async () => {
    const only = JSON.parse((await runCli(['analyze', '-f', 'json', '--no-model', '-t', 'hearsay', join(dir, 'a.txt')])).stdout);
    expect(only.findings.every((f: { technique: string }) => f.technique === 'hearsay')).toBe(true);
    const strict = JSON.parse((await runCli(['analyze', '-f', 'json', '--no-model', '-m', '0.99', join(dir, 'a.txt')])).stdout);
    expect(strict.findings.every((f: { confidence: number }) => f.confidence >= 0.99)).toBe(true);
  });

  it('switches techniques off through a config file', async () => {
    const r = JSON.parse((await runCli(['analyze', '-f', 'json', '--no-model', '-c', join(dir, 'cfg.json'), join(dir, 'a.txt')])).stdout);
    expect(r.findings.some((f: { technique: string }) => f.technique === 'loaded-language')).toBe(false);
  });

  it('prints highlights, a legend and one line per finding in pretty format', async () => {
    const r = await runCli(['analyze', '--no-model', join(dir, 'a.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Legend');
    expect(r.stdout).toMatch(/\[1\??\] 1:\d+ [^\n]* (strong|possible) \d\.\d\d /);
    expect(r.stdout).toMatch(/findings in 13 words/);
  });

  it.each([
    [['missing.txt'], /missing.txt: no such file or directory/],
    [['bin.txt'], /bin.txt: looks like a binary file/],
    [['latin1.txt'], /latin1.txt: is not valid UTF-8/],
    [['empty'], /empty: directory holds no text files/],
  ])('exits 2 with a one-line message naming the file: %s', async (args, message) => {
    const r = await runCli(['analyze', '--no-model', ...args.map((a) => join(dir, a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses input over the size limit, which the user can raise', async () => {
    const small = await runCli(['analyze', '--no-model', '--max-bytes', '20', join(dir, 'a.txt')]);
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/over the input limit of 20 bytes.*--max-bytes/);
    const raised = await runCli(['analyze', '--no-model', '--max-bytes', '100000', join(dir, 'a.txt')]);
    expect(raised.code).toBe(0);
  });

  it('analyses the good files of a batch and reports the bad one', async () => {
    const r = await runCli(['analyze', '-f', 'json', '--no-model', join(dir, 'a.txt'), join(dir, 'bin.txt'), join(dir, 'b.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bin.txt/);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  it('rejects unknown techniques, bad confidence and bad config with the field named', async () => {
    expect((await runCli(['analyze', '-t', 'lies', join(dir, 'a.txt')])).stderr).toMatch(/--techniques: unknown technique "lies"/);
    expect((await runCli(['analyze', '-m', '2', join(dir, 'a.txt')])).stderr).toMatch(/--min-confidence/);
    const bad = await runCli(['analyze', '-c', join(dir, 'bad-cfg.json'), join(dir, 'a.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-cfg.json:1: techniques.loaded-languag|bad-cfg.json:\d+: techniques/);
  });

  it.skipIf(!existsSync('dist/src/cli/main.js'))('reads standard input through the built binary', () => {
    const r = spawnSync(process.execPath, ['bin/framewise.js', 'analyze', '--format', 'json', '--no-model', '-'], { input: text, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).length).toBe(text.length);
  });
});
