import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../model/test-support/synthetic.js';
import { runCli } from '../test-support/io.js';

let dir: string;
const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const text = 'Freedonia calls the plan a shameful betrayal. Sylvania says it is fair.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-eval-cli-'));
  // Gold: "shameful betrayal" (27..44) as loaded language and the second sentence (46..71) as doubt.
  writeFileSync(join(dir, 'gold.jsonl'), jsonl([
    { id: 'a', text, spans: [{ start: 27, end: 44, technique: 'Loaded_Language' }, { start: 46, end: 71, technique: 'Doubt' }] },
    { id: 'b', text: 'Nothing to see here.', spans: [] },
  ]));
  // Prediction: "shameful" (27..35) labelled with a framewise id, and the exact doubt span as loaded language.
  writeFileSync(join(dir, 'pred.jsonl'), jsonl([
    { id: 'a', spans: [{ start: 27, end: 35, technique: 'loaded-language' }, { start: 46, end: 71, technique: 'Loaded_Language' }] },
  ]));
  writeFileSync(join(dir, 'stray.jsonl'), jsonl([{ id: 'zzz', spans: [] }]));
});

describe('framewise eval', () => {
  it('prints the scores as one JSON object', async () => {
    const r = await runCli(['eval', '--gold', join(dir, 'gold.jsonl'), '--pred', join(dir, 'pred.jsonl'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // SI: precision (8/8 + 25/25) / 2 = 1; recall (8/17 + 1) / 2.
    expect(out.si.p).toBe(1);
    expect(out.si.r).toBeCloseTo((8 / 17 + 1) / 2, 4);
    // TC: only the doubt span has a prediction at its offsets, and it is wrong.
    expect(out.tc.microF1).toBe(0);
    expect(out.tc.confusion.Doubt.Loaded_Language).toBe(1);
    expect(out.tc.confusion.Loaded_Language['(none)']).toBe(1);
    // FLC: LL pair p 1, r 8/17; the LL prediction on the doubt span earns nothing.
    expect(out.flc.p).toBeCloseTo(0.5, 4);
    expect(out.flc.r).toBeCloseTo(8 / 17 / 2, 4);
  });

  it('prints a table for one task', async () => {
    const r = await runCli(['eval', '--gold', join(dir, 'gold.jsonl'), '--pred', join(dir, 'pred.jsonl'), '--task', 'si']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SI {3}P 100\.0 {2}R {2}73\.5 {2}F1 {2}84\.7/);
    expect(r.stdout).not.toMatch(/TC|FLC/);
    const tc = await runCli(['eval', '--gold', join(dir, 'gold.jsonl'), '--pred', join(dir, 'pred.jsonl'), '--task', 'tc']);
    expect(tc.stdout).toMatch(/^TC {3}micro-F1 {3}0\.0 {3}\(0 of 2 gold instances right\)/);
    const doubtRow = tc.stdout.split('\n').find((l) => l.startsWith('Doubt ') && /\d+\s+\d+$/.test(l) && l.includes('  1'));
    expect(tc.stdout).toMatch(/LoadL +NameC/);
    expect(doubtRow).toBeDefined();
  });

  it('fails with a clear message on a missing file or a stray prediction', async () => {
    const missing = await runCli(['eval', '--gold', join(dir, 'nope.jsonl'), '--pred', join(dir, 'pred.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.jsonl: file not found/);
    const stray = await runCli(['eval', '--gold', join(dir, 'gold.jsonl'), '--pred', join(dir, 'stray.jsonl')]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/prediction for document "zzz", which the gold file does not contain/);
  });
});

describe('framewise train, then eval with the trained model', () => {
  const saved = process.env.FRAMEWISE_DATA;
  afterAll(() => {
    if (saved === undefined) delete process.env.FRAMEWISE_DATA;
    else process.env.FRAMEWISE_DATA = saved;
  });

  it('writes an artefact that eval can score', async () => {
    // A data folder of our own: a tiny VADER file and the synthetic corpus.
    const data = join(dir, 'data');
    mkdirSync(join(data, 'lexicons'), { recursive: true });
    writeFileSync(join(data, 'lexicons', 'vader_lexicon.txt'), 'shameful\t-2.2\t0.5\t[]\nvile\t-3.0\t0.4\t[]\n');
    writeFileSync(join(data, 'train.jsonl'), jsonl(syntheticCorpus(16)));
    process.env.FRAMEWISE_DATA = data;
    const out = join(dir, 'model');
    const t = await runCli(['train', '--data', join(data, 'train.jsonl'), '--out', out, '--folds', '0', '--model-version', 'cli-test']);
    expect(t.stderr, t.stdout).toMatch(/training the final model/);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/model cli-test written to/);
    const file = join(out, 'framewise-ptc.fwm');
    expect(existsSync(file)).toBe(true);
    const e = await runCli(['eval', '--gold', join(data, 'train.jsonl'), '--model', file, '--source', 'model', '--format', 'json']);
    expect(e.code).toBe(0);
    const res = JSON.parse(e.stdout);
    expect(res.si.f1).toBeGreaterThan(0.5);
    expect(res.tc.microF1).toBeGreaterThan(0.5);
    const bad = await runCli(['train', '--data', join(data, 'train.jsonl'), '--out', out, '--folds', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--folds: expected 0 or an integer of at least 2/);
  });
});
