import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FIXTURES_DIR } from '../../layers/narratives/fixtures.js';
import { loadPack } from '../../layers/narratives/pack.js';
import { runCli } from '../test-support/io.js';

let dir: string;
const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const cwd = process.cwd();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-narr-cli-'));
  writeFileSync(join(dir, 'gold.jsonl'), jsonl([
    { id: 'a', text: 'The West started this war by pushing NATO to the borders of Russia. It is a proxy war.', narratives: ['URW: Blaming the war on others rather than the invader'], subnarratives: ['URW: Blaming the war on others rather than the invader: The West are the aggressors'] },
    { id: 'b', text: 'Kyiv and Moscow exchanged prisoners of war on Tuesday, officials in Ukraine said.', narratives: ['Other'], subnarratives: ['Other'] },
    { id: 'c', text: 'Climate activists glued themselves to the motorway again, blocking an ambulance.', narratives: ['CC: Criticism of climate movement'], subnarratives: ['CC: Criticism of climate movement: Other'] },
  ]));
  writeFileSync(join(dir, 'pred.jsonl'), jsonl([
    { id: 'a', narratives: ['URW: Blaming the war on others rather than the invader', 'URW: Discrediting Ukraine'], subnarratives: ['URW: Blaming the war on others rather than the invader: The West are the aggressors', 'URW: Discrediting Ukraine: Other'] },
    { id: 'b', narratives: [], subnarratives: [] },
  ]));
  writeFileSync(join(dir, 'pack.yaml'), `name: tiny
title: Tiny
version: 1
background: [The bridge reopened on Monday., Rain is expected tomorrow., The council met to discuss the budget.]
narratives:
  - id: harm
    title: Harm
    description: Civilians are hurt.
    examples: [Shells killed three children., The hospital was bombed., Families hide from the shelling.]
  - id: talks
    title: Talks
    description: Talks are the way.
    examples: [Both sides must negotiate., Only dialogue can end the war., Mediators proposed a ceasefire.]
`);
  writeFileSync(join(dir, 'docs.yaml'), `- text: "Shells hit the school and killed two pupils. The council met on Monday."\n  narratives: [harm]\n- text: "The mediators want both sides to talk."\n  narratives: [talks]\n- text: "Rain is expected tomorrow across the region."\n  narratives: []\n`);
});

afterAll(() => process.chdir(cwd));

describe('framewise eval --task narratives', () => {
  it('scores predictions with samples-F1 as JSON', async () => {
    const r = await runCli(['eval', '--task', 'narratives', '--gold', join(dir, 'gold.jsonl'), '--pred', join(dir, 'pred.jsonl'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // a: 2*1/3; b: {Other} vs {Other}: 1; c: missing prediction, {Other} against the gold narrative: 0.
    expect(out.narratives.f1).toBeCloseTo((2 / 3 + 1 + 0) / 3, 4);
    expect(out.narratives.perLabel['URW: Discrediting Ukraine']).toMatchObject({ support: 0, fp: 1 });
    expect(out.subnarratives.f1).toBeCloseTo((2 / 3 + 1 + 0) / 3, 4);
  });

  it('analyses the gold texts with the named packs and prints a table', async () => {
    const r = await runCli(['eval', '--task', 'narratives', '--gold', join(dir, 'gold.jsonl'), '--narratives', 'ukraine-russia-war,climate-change']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Narratives: samples-F1 \d\.\d{4} over 3 documents/);
    expect(r.stdout).toMatch(/Sub-narratives: samples-F1/);
  });

  it('says which label it does not know', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), jsonl([{ id: 'x', text: 'A text.', narratives: ['URW: No such narrative'] }]));
    const r = await runCli(['eval', '--task', 'narratives', '--gold', join(dir, 'bad.jsonl'), '--narratives', 'ukraine-russia-war']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl: record x: label "URW: No such narrative" is not in the loaded narrative packs/);
  });
});

describe('framewise analyze --narratives', () => {
  it('loads the named packs, or none', async () => {
    writeFileSync(join(dir, 'war.txt'), 'NATO expansion provoked this war, and Washington wants it to go on to the last Ukrainian.');
    const r = await runCli(['analyze', '--no-model', '--format', 'json', '--narratives', 'ukraine-russia-war', join(dir, 'war.txt')]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.narratives.packs.map((p: { name: string }) => p.name)).toEqual(['ukraine-russia-war']);
    const none = JSON.parse((await runCli(['analyze', '--no-model', '--format', 'json', '--narratives', 'none', join(dir, 'war.txt')])).stdout);
    expect(none.narratives).toBeUndefined();
    const bad = await runCli(['analyze', '--no-model', '--narratives', 'nonesuch', join(dir, 'war.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown pack "nonesuch"/);
  });
});

describe('framewise train --narratives', () => {
  it('writes weights beside the pack, which analyses then use', async () => {
    const r = await runCli(['train', '--narratives', join(dir, 'pack.yaml'), '--docs', join(dir, 'docs.yaml')]);
    expect(r.stderr).toMatch(/narratives: tiny: 6 examples, 3 background sentences, 3 documents/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/narrative pack tiny: trained on 6 examples and 3 documents; weights written to .*pack\.weights\.json/);
    expect(existsSync(join(dir, 'pack.weights.json'))).toBe(true);
    const w = JSON.parse(readFileSync(join(dir, 'pack.weights.json'), 'utf8'));
    expect(w.pack).toBe('tiny');
    expect(w.items).toEqual(['harm', 'talks']);
    const again = await runCli(['train', '--narratives', join(dir, 'pack.yaml'), '--docs', join(dir, 'docs.yaml')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'pack.weights.json'), 'utf8')).toBe(JSON.stringify(w) + '\n');
  });

  it('needs --data or --narratives', async () => {
    const r = await runCli(['train']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give --data .* or --narratives/);
  });
});

describe('framewise compare --narratives and --by month', () => {
  it('shows narrative shares per outlet, and measures per month with undated documents apart', async () => {
    const db = join(dir, 'corpus.db');
    writeFileSync(join(dir, 'corpus.jsonl'), jsonl([
      { text: 'Shells fell on the hospital overnight, killing four children. Families hide in basements.', outlet: 'North Herald', date: '2024-03-02' },
      { text: 'The school used as a shelter was shelled and civilians are dying under the rubble.', outlet: 'North Herald', date: '2024-03-20' },
      { text: 'There is no military solution. Both sides must return to the negotiating table.', outlet: 'South Voice', date: '2024-04-01' },
      { text: 'The mediators proposed a roadmap for talks on a ceasefire.', outlet: 'South Voice' },
    ]));
    const ing = await runCli(['ingest', '--db', db, '--no-model', '--no-progress', join(dir, 'corpus.jsonl')]);
    expect(ing.code).toBe(0);
    const c = await runCli(['compare', '--db', db, '--no-model', '--by', 'outlet', '--narratives', '--format', 'json']);
    expect(c.code).toBe(0);
    const out = JSON.parse(c.stdout);
    const north = out.narratives.groups.find((g: { key: string }) => g.key === 'North Herald');
    expect(north.narratives.find((n: { id: string }) => n.id === 'civilian-harm').share).toBe(1);
    const table = await runCli(['compare', '--db', db, '--no-model', '--by', 'outlet', '--narratives']);
    expect(table.stdout).toMatch(/Narratives by outlet: share of documents that carry each \(4 documents/);
    const csv = await runCli(['compare', '--db', db, '--no-model', '--by', 'outlet', '--narratives', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('group,documents,pack,narrative_id,label,level,count,share,rest_count,rest_share,p_value,q_value,significant,direction');
    const months = await runCli(['compare', '--db', db, '--no-model', '--by', 'month', '--measures', 'narratives,intensity']);
    expect(months.code).toBe(0);
    expect(months.stdout).toMatch(/Per month: 2 periods, 3 dated documents; 1 documents without a date are counted apart/);
    expect(months.stdout).toMatch(/== Narratives/);
    const bad = await runCli(['compare', '--db', db, '--no-model', '--by', 'outlet', '--measures', 'narratives']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--measures: only with --by month, week or day/);
  });
});

describe('framewise narratives discover', () => {
  it('groups the corpus\'s claim sentences and writes a pack skeleton that loads', async () => {
    const db = join(dir, 'discover.db');
    const records = ['urw-docs.train.yaml', 'cc-docs.train.yaml'].flatMap((f) =>
      (parseYaml(readFileSync(join(FIXTURES_DIR, f), 'utf8')) as Array<{ id: string; text: string }>).map((r) => ({ text: r.text, outlet: r.id.startsWith('urw') ? 'War Desk' : 'Climate Desk' })),
    );
    writeFileSync(join(dir, 'discover.jsonl'), jsonl(records));
    expect((await runCli(['ingest', '--db', db, '--no-model', '--no-progress', join(dir, 'discover.jsonl')])).code).toBe(0);
    const out = join(dir, 'skeleton.yaml');
    const r = await runCli(['narratives', 'discover', '--db', db, '--no-model', '--groups', '6', '--out', out, '--name', 'my-corpus', '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.documents).toBe(80);
    expect(d.groups.length).toBeGreaterThanOrEqual(4);
    for (const g of d.groups) {
      expect(g.keyPhrases.length).toBeGreaterThan(0);
      expect(g.examples.length).toBeGreaterThan(0);
      expect(g.outlets.length).toBeGreaterThan(0);
    }
    const pack = loadPack(out);
    expect(pack.name).toBe('my-corpus');
    expect(pack.items.length).toBe(d.groups.length);
    expect(r.stderr).toMatch(/pack skeleton with \d+ narratives written to/);
  });
});
