import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramingData } from '../framing/data.js';
import { loadNarrativeRecords, trainingDocsFor } from '../../training/narratives.js';
import { FIXTURES_DIR } from './fixtures.js';
import { loadPacks } from './pack.js';

/**
 * The long Ukraine-war articles are annotated twice: entity framing in ../framing/data/urw.yaml (with
 * markup) and narratives in fixtures/urw-news.{train,heldout}.yaml (plain text). The two must stay
 * the same texts with the same split, so that neither set leaks held-out text into the other's training.
 */
describe('urw-news fixtures and the urw framing set', () => {
  const framing = new Map(loadFramingData().filter((r) => r.dispute === 'urw').map((r) => [r.id, r]));
  const packs = loadPacks(['ukraine-russia-war']);

  it.each(['train', 'heldout'] as const)('the %s documents are the framing records of that split, word for word', (split) => {
    const file = join(FIXTURES_DIR, `urw-news.${split}.yaml`);
    const records = loadNarrativeRecords(file);
    expect(records.map((r) => r.id).sort()).toEqual([...framing.values()].filter((r) => r.split === split).map((r) => r.id).sort());
    for (const r of records) expect(r.text, r.id).toBe(framing.get(r.id)!.text);
    // Every label is one of the pack's (an unknown label throws), and the texts are long articles.
    const docs = trainingDocsFor(packs, 0, records, file);
    expect(docs.length).toBe(records.length);
    for (const r of records) expect(r.text!.split(/\s+/).filter(Boolean).length, r.id).toBeGreaterThanOrEqual(400);
  });
});
