import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, loadFramingFile } from '../framing/data.js';
import { canonicalRecord, loadNarrativeRecords } from '../../training/narratives.js';
import { FIXTURES_DIR } from './fixtures.js';
import { loadPacks } from './pack.js';

// The long climate articles are annotated twice: entity framing in framing/data/ccnews.yaml and
// narratives in fixtures/cc-news.{train,heldout}.yaml. The two must stay the same texts and splits.
describe('cc-news: the narrative documents are the framing texts', () => {
  const framing = loadFramingFile(join(DATA_DIR, 'ccnews.yaml'));
  const packs = loadPacks(['climate-change']);
  for (const split of ['train', 'heldout'] as const) {
    it(`${split}: same numbers, same plain text, labels of the climate-change pack`, () => {
      const docs = loadNarrativeRecords(join(FIXTURES_DIR, `cc-news.${split}.yaml`));
      const texts = framing.filter((r) => r.split === split);
      expect(docs.map((d) => d.id!.slice(-2))).toEqual(texts.map((r) => r.id.slice(-2)));
      docs.forEach((d, i) => expect(d.text!.trimEnd()).toBe(texts[i]!.text.trimEnd()));
      for (const d of docs) expect(() => canonicalRecord(packs, d, d.id)).not.toThrow();
    });
  }
});
