import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalRecord, loadNarrativeRecords, trainingDocsFor } from '../../training/narratives.js';
import { FIXTURES_DIR } from './fixtures.js';
import { loadPacks } from './pack.js';

/**
 * The second set of long articles for the public packs (urw-long, cc-long): they parse, carry only
 * labels of their own pack's taxonomy (a sub-narrative only under its narrative), are long articles,
 * and no held-out text, nor any paragraph of one, appears in a training file of the same pack.
 */
const SETS = [
  { prefix: 'urw', pack: 'ukraine-russia-war', label: 'URW: ', other: 'climate-change' },
  { prefix: 'cc', pack: 'climate-change', label: 'CC: ', other: 'ukraine-russia-war' },
] as const;

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
const paragraphs = (t: string) => t.split(/\n\s*\n/).map(norm).filter((p) => words(p) >= 12);

describe.each(SETS)('$prefix-long fixtures', ({ prefix, pack, label, other }) => {
  const packs = loadPacks([pack]);
  const foreign = loadPacks([other]);

  it.each([['train', 12], ['heldout', 6]] as const)('%s: %i long articles with labels of the pack only', (split, n) => {
    const file = join(FIXTURES_DIR, `${prefix}-long.${split}.yaml`);
    const records = loadNarrativeRecords(file);
    expect(records).toHaveLength(n);
    expect(new Set(records.map((r) => r.id)).size).toBe(n);
    // Every label resolves in the pack (an unknown label throws) and none in the other public pack.
    expect(trainingDocsFor(packs, 0, records, file)).toHaveLength(n);
    let others = 0;
    for (const r of records) {
      const words_ = words(r.text!);
      expect(words_, r.id).toBeGreaterThanOrEqual(450);
      expect(words_, r.id).toBeLessThanOrEqual(800);
      const c = canonicalRecord(packs, r, r.id!);
      for (const l of [...c.narratives, ...(c.subnarratives ?? [])]) expect(l === 'Other' || l.startsWith(label), `${r.id}: ${l}`).toBe(true);
      if (c.narratives.join() === 'Other') {
        others++;
        expect(c.subnarratives, r.id).toEqual(['Other']);
      } else {
        expect(() => canonicalRecord(foreign, r, r.id!), r.id).toThrow();
        // Each sub-narrative sits under one of the document's narratives, and each narrative has one.
        for (const s of c.subnarratives!) expect(c.narratives.some((x) => s.startsWith(`${x}: `)), `${r.id}: ${s}`).toBe(true);
        for (const x of c.narratives) expect(c.subnarratives!.some((s) => s.startsWith(`${x}: `)), `${r.id}: ${x}`).toBe(true);
      }
    }
    // About one in four carries no narrative of the taxonomy.
    expect(others).toBeGreaterThanOrEqual(Math.floor(n / 4));
    expect(others).toBeLessThan(n / 2);
  });

  it('no held-out text or paragraph appears in a training file of the pack', () => {
    const files = readdirSync(FIXTURES_DIR).filter((f) => f.startsWith(`${prefix}-`));
    const train = files.filter((f) => f.endsWith('.train.yaml')).flatMap((f) => loadNarrativeRecords(join(FIXTURES_DIR, f)));
    const held = files.filter((f) => f.endsWith('.heldout.yaml')).flatMap((f) => loadNarrativeRecords(join(FIXTURES_DIR, f)));
    expect(files).toContain(`${prefix}-long.train.yaml`);
    expect(files).toContain(`${prefix}-long.heldout.yaml`);
    const trainTexts = new Set(train.map((r) => norm(r.text!)));
    const trainParas = new Set(train.flatMap((r) => paragraphs(r.text!)));
    expect(trainParas.size).toBeGreaterThan(100);
    for (const r of held) {
      expect(trainTexts.has(norm(r.text!)), r.id).toBe(false);
      for (const p of paragraphs(r.text!)) expect(trainParas.has(p), `${r.id}: ${p.slice(0, 60)}`).toBe(false);
    }
  });
});
