import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { builtinPackNames, cueKey, loadPack, loadPacks, packFile, splitPackSpecs } from './pack.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-packs-'));
let n = 0;
/** Writes a pack file and returns the error its loading throws (or null). */
function errorOf(yaml: string): UserError | null {
  const file = join(dir, `p${n++}.yaml`);
  writeFileSync(file, yaml);
  try {
    loadPack(file);
    return null;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

const head = 'name: test\ntitle: Test\nversion: 1\n';

describe('narrative packs', () => {
  it('ships the disputes pack and the two SemEval-2025 taxonomies', () => {
    expect(builtinPackNames()).toEqual(['climate-change', 'disputes', 'ukraine-russia-war']);
    const [urw, cc] = loadPacks(['ukraine-russia-war', 'climate-change']);
    const labels = urw!.items.map((it) => it.label);
    expect(labels).toContain('URW: Discrediting the West, Diplomacy');
    expect(labels).toContain('URW: Discrediting the West, Diplomacy: The West is weak');
    expect(labels).toContain('URW: Amplifying war-related fears: There is a real possibility that nuclear weapons will be employed');
    expect(urw!.items.filter((it) => it.level === 'narrative')).toHaveLength(11);
    expect(urw!.items.filter((it) => it.level === 'subnarrative')).toHaveLength(38);
    expect(cc!.items.map((it) => it.label)).toContain('CC: Criticism of climate policies');
    expect(cc!.items.map((it) => it.label)).toContain('CC: Questioning the measurements and science: Methodologies/metrics used are unreliable/faulty');
    expect(cc!.items.filter((it) => it.level === 'narrative')).toHaveLength(10);
    expect(cc!.items.filter((it) => it.level === 'subnarrative')).toHaveLength(36);
    const [d] = loadPacks([]);
    expect(d!.name).toBe('disputes');
    expect(d!.items.filter((it) => it.level === 'narrative').length).toBeGreaterThanOrEqual(11);
    // Every narrative of every pack has examples to learn from, and its own description.
    for (const p of [d!, urw!, cc!]) for (const it of p.items) {
      expect(it.description.length).toBeGreaterThan(20);
      if (it.level === 'narrative') expect(it.examples.length + it.children.reduce((a, c) => a + p.items[c]!.examples.length, 0)).toBeGreaterThanOrEqual(4);
    }
  });

  it('names the file, the narrative and the field of an error', () => {
    const e = errorOf(`${head}narratives:\n  - id: civilians\n    title: Civilians\n    examples: [Shells hit the town.]\n`);
    expect(e?.message).toMatch(/p\d+\.yaml:5: narrative "civilians" \(narratives\.0\): description: /);
    const sub = errorOf(`${head}narratives:\n  - id: a\n    title: A\n    description: About A.\n    subnarratives:\n      - id: b\n        title: B\n        description: About B.\n        examples: 3\n`);
    expect(sub?.message).toMatch(/narrative "a\/b" \(narratives\.0\.subnarratives\.0\): examples: /);
    const id = errorOf(`${head}narratives:\n  - id: Bad Id\n    title: A\n    description: About A.\n    examples: [x]\n`);
    expect(id?.message).toMatch(/narrative "Bad Id" .*id: ids are lowercase kebab-case/);
  });

  it('checks references: term sets, parties, examples, duplicate ids and labels', () => {
    const base = (extra: string) => `${head}narratives:\n  - id: a\n    title: A\n    description: About A.\n    examples: [A thing happened.]\n${extra}`;
    expect(errorOf(base('    cues: ["@nothing"]\n'))?.message).toMatch(/narrative "a": cues: unknown term set "@nothing"/);
    expect(errorOf(base('    claims: ["<party:west> is weak"]\n'))?.message).toMatch(/narrative "a": claims: claim shape "<party:west> is weak" names party "west"/);
    expect(errorOf(base('    claims: ["<thing> is weak"]\n'))?.message).toMatch(/unknown slot "<thing>"/);
    expect(errorOf(base('    claims: ["is|very weak"]\n'))).toBeNull();
    expect(errorOf(base('    claims: ["is|very weak one"]\n'))).toBeNull();
    expect(errorOf(base('    claims: ["is u.s.-backed"]\n'))?.message).toMatch(/"u\.s\.-backed" is not one word/);
    expect(errorOf(base('    roles: [{ role: victim, actor: "party:x" }]\n'))?.message).toMatch(/party "x" is not among the pack's parties/);
    expect(errorOf(`${head}narratives:\n  - id: a\n    title: A\n    description: About A.\n`)?.message).toMatch(/narrative "a": examples: write at least one example/);
    expect(errorOf(base('  - id: a\n    title: B\n    description: About B.\n    examples: [x]\n'))?.message).toMatch(/"a" is used twice/);
    expect(errorOf(base('  - id: b\n    title: A\n    description: About B.\n    examples: [x]\n'))?.message).toMatch(/"A" is also the label of a/);
    expect(errorOf('name: x\ntitle: [\n')?.message).toMatch(/p\d+\.yaml:\d+: /);
  });

  it('writes labels with the prefix, and sub-narrative labels under their narrative', () => {
    const file = join(dir, 'labels.yaml');
    writeFileSync(file, `${head}labelPrefix: "T: "\nnarratives:\n  - id: a\n    title: Alpha\n    description: About A.\n    subnarratives:\n      - id: b\n        title: Beta\n        description: About B.\n        examples: [x]\n      - id: c\n        title: Gamma\n        label: "Custom gamma"\n        description: About C.\n        examples: [y]\n`);
    const p = loadPack(file);
    expect(p.items.map((it) => [it.id, it.label, it.level, it.parent])).toEqual([
      ['a', 'T: Alpha', 'narrative', -1],
      ['a/b', 'T: Alpha: Beta', 'subnarrative', 0],
      ['a/c', 'Custom gamma', 'subnarrative', 0],
    ]);
  });

  it('resolves names and paths, and refuses unknown packs and duplicate names', () => {
    expect(splitPackSpecs('disputes, climate-change,disputes')).toEqual(['disputes', 'climate-change']);
    expect(() => packFile('nonesuch')).toThrow(/unknown pack "nonesuch" \(built-in packs: climate-change, disputes, ukraine-russia-war/);
    expect(() => packFile('./missing.yaml')).toThrow(/narrative pack file not found/);
    const file = join(dir, 'disputes-copy.yaml');
    writeFileSync(file, `name: disputes\ntitle: Copy\nversion: 1\nnarratives:\n  - id: a\n    title: A\n    description: About A.\n    examples: [x]\n`);
    expect(() => loadPacks(['disputes', file])).toThrow(/pack name "disputes" is also the name of/);
  });

  it('drops leading articles and prepositions of cue phrases, never the last word', () => {
    expect(cueKey('To the  last Ukrainian')).toBe('last ukrainian');
    expect(cueKey('the')).toBe('the');
    expect(cueKey('no safe place')).toBe('no safe place');
  });
});

describe('docs/narratives.md', () => {
  it('has a worked example that loads as a pack and is analysed as it says', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const md = readFileSync(fileURLToPath(new URL('../../../docs/narratives.md', import.meta.url)), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(md)![1]!;
    const file = join(dir, 'water.yaml');
    writeFileSync(file, yaml);
    const pack = loadPack(file);
    expect(pack.name).toBe('water');
    expect(pack.items.map((it) => it.id)).toEqual(['water-as-survival', 'water-as-survival/farms-dying', 'our-resource-our-right']);
    const { Analyzer } = await import('../../analysis/analyzer.js');
    const n = new Analyzer({ model: null, narratives: file }).analyze('Without the water of the river our farms are dying. It is a matter of survival.').narratives!;
    const best = n.items.filter((it) => it.level === 'narrative').sort((a, b) => b.score - a.score)[0]!;
    expect(best.id).toBe('water-as-survival');
  });
});
